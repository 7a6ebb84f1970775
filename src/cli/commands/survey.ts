import type { Command } from 'commander';
import { action, CliError } from '../exit.js';

/**
 * `zengshou survey …`: the household income survey. `sample` draws a sample from the demo city
 * (optionally with two years of demo diaries), `samples` lists them, `estimate` prints the published
 * tables of a period (with SE, CV, CI; `--json` for programs), `export` writes them as .xlsx, `cpi`
 * records a price index for real growth.
 */
export function register(program: Command) {
  const survey = program.command('survey').description('住户收支调查 (household income survey): sample, estimates, export');

  survey
    .command('sample')
    .description('从演示城市抽取样本 (draw a sample from the synthetic demo city)')
    .option('--scale <s>', 'demo city scale (0–1]', '0.05')
    .option('--households <n>', 'target sample households', '1500')
    .option('--per-psu <n>', 'households per community/village', '10')
    .option('--seed <n>', 'random seed', '2018')
    .option('--from <year>', 'first survey year', '2023')
    .option('--to <year>', 'last survey year', String(new Date().getUTCFullYear()))
    .option('--with-diaries', 'also fill and approve two years of demo diaries (2023, 2024) with population totals')
    .action(
      action(async (o: { scale: string; households: string; perPsu: string; seed: string; from: string; to: string; withDiaries?: boolean }) => {
        const scale = num('--scale', o.scale);
        if (!(scale > 0 && scale <= 1)) throw new CliError('--scale 须在 (0, 1] 之间');
        const { withServices } = await import('../context.js');
        await withServices(async (s) => {
          const { SYSTEM_ACTOR } = await import('../../modules/audit/audit.service.js');
          const { generateCity } = await import('../../modules/demo/index.js');
          const city = generateCity({ scale, seed: int('--seed', o.seed) });
          if (o.withDiaries) {
            const { loadSurveyDemo } = await import('../../modules/survey/demo/load.js');
            const r = await loadSurveyDemo(s.survey, { scale, city, password: '', passwordHash: '', createUser: async () => undefined, accounts: false, yearTo: int('--to', o.to) });
            process.stdout.write(`样本 ${r.sampleId}：${r.households} 户，记账 ${r.entries} 笔，用时 ${r.seconds.toFixed(1)} 秒\n`);
            return;
          }
          const { demoSource } = await import('../../modules/survey/demo/source.js');
          const id = await s.survey.samples.draw(
            { name: `演示城市样本（种子 ${o.seed}）`, yearFrom: int('--from', o.from), yearTo: int('--to', o.to), options: { targetHouseholds: int('--households', o.households), householdsPerPsu: int('--per-psu', o.perPsu), seed: int('--seed', o.seed) } },
            demoSource(city, int('--from', o.from)),
            SYSTEM_ACTOR,
          );
          const sum = (await s.survey.samples.summaries()).find((x) => x.id === id)!;
          process.stdout.write(`样本 ${id}：${sum.counts.active} 户（备用 ${sum.counts.reserve} 户），${sum.strata.length} 层，${sum.strata.reduce((a, x) => a + x.psus, 0)} 个初级抽样单位\n`);
        });
      }),
    );

  survey
    .command('samples')
    .description('列出样本 (list samples)')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { json?: boolean }) => {
        const { withServices } = await import('../context.js');
        await withServices(async (s) => {
          const list = await s.survey.samples.summaries();
          if (o.json) return void process.stdout.write(JSON.stringify(list, null, 2) + '\n');
          for (const x of list) process.stdout.write(`${x.id}\t${x.name}\t${x.yearFrom}–${x.yearTo}\t调查户 ${x.counts.active}\t拒访 ${x.counts.refused}\t已审核至 ${x.lastApprovedMonth ?? '—'}\n`);
        });
      }),
    );

  survey
    .command('estimate')
    .description('调查估计：人均可支配收入及构成、中位数、五等份、增速，附标准误 (estimates with standard errors)')
    .requiredOption('--period <p>', '2024, 2024-Q3 or 2024-07')
    .option('--sample <id>', 'sample id (default: the latest)')
    .option('--level <level>', 'approval level the data must have: household, township, county, city')
    .option('--json', 'print one JSON object')
    .action(
      action(async (o: { period: string; sample?: string; level?: string; json?: boolean }) => {
        if (!/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(o.period)) throw new CliError(`期别格式应为 2024、2024-Q3 或 2024-07：${o.period}`);
        if (o.level && !['household', 'township', 'county', 'city'].includes(o.level)) throw new CliError(`未知审核层级：${o.level}`);
        const { withServices } = await import('../context.js');
        await withServices(async (s) => {
          const id = o.sample ? int('--sample', o.sample) : await s.survey.samples.latestSampleId();
          if (!id) throw new CliError('尚未抽取样本：先运行 zengshou survey sample');
          if (!(await s.survey.repo.sample(id))) throw new CliError(`样本 ${id} 不存在`);
          const e = await s.survey.estimates.estimate(id, o.period, o.level ? { approvalLevel: o.level as 'county' } : {});
          if (o.json) return void process.stdout.write(JSON.stringify(e, null, 2) + '\n');
          const f = (x: number | null | undefined, d = 0) => (x === null || x === undefined ? '…' : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
          const lines = [`${o.period} 人均可支配收入（元）  样本 ${id}，${e.calibrated ? '已校准' : '未校准'}，审核层级 ${e.approvalLevel}`, ['地区', '可支配收入', '标准误', 'CV%', '95%CI', '工资性', '经营净', '财产净', '转移净', '中位数', '名义增长%', '户数'].join('\t')];
          for (const r of e.rows) {
            const d = r.disposable;
            lines.push([r.label, f(d.estimate), f(d.se), d.cv === null ? '' : f(d.cv * 100, 1), d.ci[0] === null ? '' : `${f(d.ci[0])}–${f(d.ci[1])}`, f(r.wage.estimate), f(r.business.estimate), f(r.property.estimate), f(r.transfer.estimate), f(r.median.estimate), r.growthNominal?.estimate == null ? '' : f(r.growthNominal.estimate * 100, 1), String(r.households)].join('\t'));
          }
          for (const q of e.quintiles) lines.push(`五等份 ${q.label}: ${q.groups.map((g) => f(g.estimate)).join(' / ')}`);
          process.stdout.write(lines.join('\n') + '\n');
        });
      }),
    );

  survey
    .command('export')
    .description('导出调查估计表 (.xlsx, publication layout)')
    .requiredOption('--period <p>', '2024, 2024-Q3 or 2024-07')
    .requiredOption('--out <file>', 'output .xlsx file')
    .option('--sample <id>', 'sample id (default: the latest)')
    .action(
      action(async (o: { period: string; out: string; sample?: string }) => {
        const { withServices } = await import('../context.js');
        await withServices(async (s) => {
          const id = o.sample ? int('--sample', o.sample) : await s.survey.samples.latestSampleId();
          if (!id) throw new CliError('尚未抽取样本');
          const { estimatesWorkbook } = await import('../../modules/survey/exports/estimates-xlsx.js');
          const { writeFile } = await import('node:fs/promises');
          await writeFile(o.out, await estimatesWorkbook(await s.survey.estimates.estimate(id, o.period)));
          process.stdout.write(`已写入 ${o.out}\n`);
        });
      }),
    );

  survey
    .command('cpi')
    .description('录入居民消费价格指数（上年同期 = 100），用于实际增长 (record a CPI)')
    .requiredOption('--period <p>', '2024, 2024-Q3 or 2024-07')
    .requiredOption('--value <v>', 'index, e.g. 100.4')
    .action(
      action(async (o: { period: string; value: string }) => {
        const v = num('--value', o.value);
        if (!(v >= 50 && v <= 200)) throw new CliError('--value 须在 50 至 200 之间（上年同期 = 100）');
        const { withServices } = await import('../context.js');
        await withServices(async (s) => {
          const { SYSTEM_ACTOR } = await import('../../modules/audit/audit.service.js');
          await s.survey.setCpi(o.period, v, SYSTEM_ACTOR);
        });
      }),
    );
}

function num(name: string, v: string): number {
  const x = Number(v);
  if (!Number.isFinite(x)) throw new CliError(`${name} 须为数字：${v}`);
  return x;
}
function int(name: string, v: string): number {
  const x = num(name, v);
  if (!Number.isInteger(x)) throw new CliError(`${name} 须为整数：${v}`);
  return x;
}
