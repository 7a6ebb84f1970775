import type { Command } from 'commander';
import { action, CliError } from '../exit.js';

/**
 * `zengshou indicators …`: the indicator catalogue (`list`), recomputation of every value from the
 * survey, registry, approved entries and plan supervision (`compute`, with progress), and one
 * indicator's values for a region (`show CODE [--region R] [--json]`). Acts as a city-wide supervisor.
 */
export function register(program: Command) {
  const ind = program.command('indicators').description('指标与目标 (indicators and targets): list, compute, show');

  ind
    .command('list')
    .description('列出指标定义 (list indicator definitions)')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { json?: boolean }) => {
        const { withServices } = await import('../context.js');
        await withServices(async (s) => {
          const defs = await s.indicators.definitions();
          if (o.json) return void process.stdout.write(JSON.stringify(defs, null, 2) + '\n');
          for (const d of defs) {
            const f = d.denominator ? `(${d.numerator}) ÷ (${d.denominator})` : d.numerator;
            process.stdout.write(`${d.code}\t${d.name.zh}\t${d.unit || '—'}\t${d.source}\t${f}${d.factor !== 1 ? ` × ${d.factor}` : ''}\n`);
          }
        });
      }),
    );

  ind
    .command('compute')
    .description('重算全部指标 (recompute every indicator value and the dashboard cache)')
    .option('--year <y>', 'print the headline figures of this year afterwards')
    .action(
      action(async (o: { year?: string }) => {
        const year = o.year === undefined ? undefined : Number(o.year);
        if (year !== undefined && !(Number.isInteger(year) && year >= 2010 && year <= 2100)) throw new CliError('--year 须为 2010–2100 的年份');
        const { withServices } = await import('../context.js');
        await withServices(async (s) => {
          const { SYSTEM_INDICATOR_USER } = await import('../../modules/indicators/indicators.service.js');
          const labels: Record<string, string> = { survey: '住户调查估计', registry: '登记收入汇总', workplan: '方案督办', indicators: '计算指标', done: '完成' };
          const rep = await s.indicators.recompute((step, done, total) => process.stderr.write(`[${done}/${total}] ${labels[step] ?? step}…\n`));
          await s.indicators.auditRecompute({ userId: null, username: 'cli', ip: null }, rep);
          process.stdout.write(`已计算 ${rep.values} 个指标值（调查年度 ${rep.years.survey.join('、') || '无'}；登记年度 ${rep.years.registry.join('、') || '无'}），用时 ${(rep.ms / 1000).toFixed(1)} 秒\n`);
          const d = await s.indicators.dashboard(SYSTEM_INDICATOR_USER, year ? { year } : {});
          for (const h of d.headline) {
            const def = d.definitions.find((x) => x.code === h.code);
            process.stdout.write(`  ${def?.name.zh ?? h.code}（${h.period}）：${h.value === null ? (h.suppressed ? '不公布' : '—') : h.value.toFixed(def?.decimals ?? 0)} ${def?.unit ?? ''}\n`);
          }
        });
      }),
    );

  ind
    .command('show <code>')
    .description('一个指标的各期数值 (values of one indicator)')
    .option('--region <r>', 'region code (city 211000 or a county)', '211000')
    .option('--json', 'print JSON')
    .action(
      action(async (code: string, o: { region: string; json?: boolean }) => {
        const { withServices } = await import('../context.js');
        await withServices(async (s) => {
          const { SYSTEM_INDICATOR_USER } = await import('../../modules/indicators/indicators.service.js');
          const r = await s.indicators.show(SYSTEM_INDICATOR_USER, code, o.region);
          if (o.json) return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
          process.stdout.write(`${r.definition.name.zh}（${r.definition.code}，${r.definition.unit || '无单位'}）\n${r.definition.definition}\n`);
          for (const v of r.values) {
            const ci = v.ci ? ` [${v.ci[0].toFixed(r.definition.decimals)}, ${v.ci[1].toFixed(r.definition.decimals)}]` : '';
            const g = v.growth === null ? '' : ` 增长 ${(v.growth * 100).toFixed(1)}%`;
            process.stdout.write(`${v.period}\t${v.value === null ? (v.suppressed ? '不公布' : '—') : v.value.toFixed(r.definition.decimals)}${ci}${g}\t${v.source.label}${v.synthetic ? '（演示）' : ''}\n`);
          }
        });
      }),
    );
}
