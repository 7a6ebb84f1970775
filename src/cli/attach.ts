import type { Command } from 'commander';

/**
 * Adds a subcommand to a top-level command that another file of commands/ defines (e.g. `indicators report`
 * next to indicators.ts), whichever of the two files commander loads first.
 */
export function attachSubcommand(program: Command, parent: string, name: string, build: (parent: Command) => void): void {
  const attach = (p: Command) => {
    if (!p.commands.some((c) => c.name() === name)) build(p);
  };
  const existing = program.commands.find((c) => c.name() === parent);
  if (existing) attach(existing);
  else program.hook('preSubcommand', (_p, sub) => void (sub.name() === parent && attach(sub)));
}
