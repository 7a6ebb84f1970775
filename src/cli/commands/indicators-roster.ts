import type { Command } from 'commander';
import { attachSubcommand } from '../attach.js';
import { action, CliError } from '../exit.js';

/**
 * `zengshou indicators roster --group G --source S FILE [--replace] [--json]`: a department's key-group
 * roster (.xlsx or .csv with a column of ID numbers) through the same service as the web upload (blind
 * indexes only, audited as the CLI, figures recomputed). Rejected rows are printed with row and reason.
 * A subcommand of `indicators`, attached as indicators-report.ts attaches `report`.
 */
export function register(program: Command) {
  attachSubcommand(program, 'indicators', 'roster', (ind) => {
    ind
      .command('roster <file>')
      .description('上传重点群体名单 (a key-group roster: .xlsx/.csv with ID numbers)')
      .requiredOption('--group <g>', 'skilled | newFarmer | researcher | entrepreneur | manager | cadre | hardshipAbleToWork')
      .requiredOption('--source <s>', 'who sends the list, e.g. 市人社局')
      .option('--replace', "replace this source's earlier list of the group")
      .option('--json', 'print JSON')
      .action(action(run));
  });
}

async function run(file: string, o: { group: string; source: string; replace?: boolean; json?: boolean }) {
  const { existsSync, readFileSync } = await import('node:fs');
  const { basename } = await import('node:path');
  if (!existsSync(file)) throw new CliError(`文件不存在：${file}`);
  const { KeyGroupKeySchema, KEY_GROUP_LABELS } = await import('../../shared/api/indicators.js');
  if (!KeyGroupKeySchema.safeParse(o.group).success) throw new CliError(`--group 可选：${Object.entries(KEY_GROUP_LABELS).map(([k, v]) => `${k}（${v.zh}）`).join('、')}`);
  const { withServices } = await import('../context.js');
  await withServices(async (s) => {
    const { SYSTEM_INDICATOR_USER } = await import('../../modules/indicators/indicators.service.js');
    const input = { source: o.source, fileName: basename(file), contentBase64: readFileSync(file).toString('base64'), replace: !!o.replace };
    process.stderr.write('正在读取名单并重算重点群体指标…\n');
    const r = await s.indicators.rosters.import(SYSTEM_INDICATOR_USER, o.group, input, { userId: null, username: 'cli', ip: null });
    if (o.json) return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    process.stdout.write(
      `${KEY_GROUP_LABELS[o.group]!.zh}（${o.source}）：有效 ${r.accepted} 人，新增 ${r.added}，移除 ${r.removed}，重复 ${r.duplicates}，` +
        `未在收入与财产信息系统中 ${r.notInRegistry}，错误 ${r.rejects.length} 行\n`,
    );
    for (const x of r.rejects) process.stdout.write(`  第 ${x.row} 行\t${x.value}\t${x.reason}\n`);
  });
}
