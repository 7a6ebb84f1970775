import type { Command } from 'commander';
import { attachSubcommand } from '../attach.js';
import { action, CliError } from '../exit.js';

/**
 * `zengshou indicators report --region R --year Y [--period P] [--table T] --out FILE.docx|FILE.xlsx`: the
 * monitoring report (收入增长监测报告) as Word, or its tables as Excel, written by the same service as the web
 * download (saved templates, audited as the CLI). A subcommand of `indicators` (defined in indicators.ts):
 * attached through ../attach.ts, whichever file loads first.
 */
export function register(program: Command) {
  attachSubcommand(program, 'indicators', 'report', (ind) => {
    ind
      .command('report')
      .description('生成收入增长监测报告 (monitoring report: .docx, or its tables as .xlsx)')
      .requiredOption('--out <file>', 'output file, .docx or .xlsx')
      .option('--region <r>', 'region code (city 211000 or a county)', '211000')
      .option('--year <y>', 'year (default: the latest year with data)')
      .option('--period <p>', 'report period: 2025, 2025-Q3 or 2025-07')
      .option('--table <name>', '.xlsx only: one table (headline, series, quintiles, lorenz, counties, keyGroups, targets, tasks)')
      .action(action(run));
  });
}

async function run(o: { out: string; region: string; year?: string; period?: string; table?: string }) {
  const kind = /\.docx$/i.test(o.out) ? 'docx' : /\.xlsx$/i.test(o.out) ? 'xlsx' : null;
  if (!kind) throw new CliError('--out 须以 .docx 或 .xlsx 结尾');
  const year = o.year === undefined ? undefined : Number(o.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2010 && year <= 2100)) throw new CliError('--year 须为 2010–2100 的年份');
  if (o.period !== undefined && !/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(o.period)) throw new CliError('--period 格式应为 2025、2025-Q3 或 2025-07');
  if (!/^\d{6}$/.test(o.region)) throw new CliError('--region 须为 6 位区划代码');
  const { TABLE_NAMES } = await import('../../modules/indicators/report/tables.js');
  if (o.table !== undefined && (kind !== 'xlsx' || !(TABLE_NAMES as readonly string[]).includes(o.table))) {
    throw new CliError(`--table 只用于 .xlsx，可选：${TABLE_NAMES.join('、')}`);
  }
  const { writeFileSync } = await import('node:fs');
  const { withServices } = await import('../context.js');
  await withServices(async (s) => {
    const { SYSTEM_INDICATOR_USER } = await import('../../modules/indicators/indicators.service.js');
    const { ReportService } = await import('../../modules/indicators/report/report.service.js');
    const { AppError } = await import('../../modules/app-error.js');
    const svc = new ReportService(s.indicators, s.settings, s.audit);
    const actor = { userId: null, username: 'cli', ip: null };
    const q = { region: o.region, year, period: o.period };
    const t0 = performance.now();
    process.stderr.write(kind === 'docx' ? '正在生成监测报告（指标、图表、文字）…\n' : '正在生成表格…\n');
    try {
      const f = kind === 'docx' ? await svc.docx(SYSTEM_INDICATOR_USER, q, actor) : await svc.xlsx(SYSTEM_INDICATOR_USER, { ...q, table: o.table as never }, actor);
      writeFileSync(o.out, f.buffer);
      process.stdout.write(`已写入 ${o.out}（${f.fileName}，${Math.round(f.buffer.length / 1024)} KB，用时 ${((performance.now() - t0) / 1000).toFixed(1)} 秒）\n`);
    } catch (e) {
      if (e instanceof AppError) throw new CliError(e.message);
      throw e;
    }
  });
}
