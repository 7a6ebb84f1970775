import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command } from 'commander';

/**
 * The `zengshou` command line. Each file in ./commands exports `register(program)`; heavy
 * dependencies are imported inside the command actions so `--help` stays fast.
 */
export async function buildProgram(): Promise<Command> {
  const program = new Command('zengshou')
    .description('增收 Zengshou — 城乡居民增收工作平台 (city income-growth platform)')
    .version('0.1.0')
    .showHelpAfterError();
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
  const files = readdirSync(dir).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f)).sort();
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { register?: (p: Command) => void };
    mod.register?.(program);
  }
  return program;
}

const program = await buildProgram();
await program.parseAsync(process.argv);
