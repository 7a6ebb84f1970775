import type { Command } from 'commander';
import { action, CliError } from '../exit.js';

/**
 * `zengshou simulate [--reform FILE] [--year Y] [--data demo|registry] [--scale S] [--json]`:
 * a reform against the baseline over a weighted population (issue 7). Without --reform, the
 * baseline alone (every change is zero).
 */
export function register(program: Command) {
  program
    .command('simulate')
    .description('政策模拟 a reform’s budget and distributional effects over the population')
    .option('--reform <file>', 'reform file (YAML or JSON), e.g. params/reforms/dibao-plus-10.yaml')
    .option('--year <year>', 'simulation year', '2024')
    .option('--data <source>', 'population: demo (the synthetic demo city) or registry', 'demo')
    .option('--scale <share>', 'demo city size as a share of the real population (0 < s ≤ 1)', '0.05')
    .option('--seed <n>', 'demo city seed', '2018')
    .option('--deciles <unit>', 'decile groups of equal households or persons', 'household')
    .option('--json', 'print one JSON object')
    .action(
      action(async (o: { reform?: string; year: string; data: string; scale: string; seed: string; deciles: string; json?: boolean }) => {
        const year = Number(o.year);
        if (o.data !== 'demo' && o.data !== 'registry') throw new CliError('--data must be demo or registry');
        if (o.data === 'demo' && (!Number.isInteger(year) || year < 2010 || year > 2024)) throw new CliError('--year must be a year the demo city covers, 2010–2024');
        if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new CliError('--year must be a year such as 2023');
        const scale = Number(o.scale);
        if (!(scale > 0 && scale <= 1)) throw new CliError('--scale must be in (0, 1]');
        const seed = Number(o.seed);
        if (!Number.isInteger(seed)) throw new CliError('--seed must be a whole number');
        if (o.deciles !== 'household' && o.deciles !== 'person') throw new CliError('--deciles must be household or person');
        const { loadParameters, readReformFile } = await import('../../modules/microsim/params-files.js');
        const { buildSystem } = await import('../../modules/microsim/rules/index.js');
        const { EngineError } = await import('../../modules/microsim/engine/index.js');
        let reform;
        try {
          reform = o.reform ? readReformFile(o.reform) : undefined;
        } catch (e) {
          if (e instanceof EngineError) throw new CliError(e.message);
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`cannot read ${o.reform}`);
          throw e;
        }
        const system = buildSystem(loadParameters());
        const { runReform } = await import('../../modules/microsim/population/run.js');
        const pp = o.data === 'registry' ? await registryPopulation(year) : await demoCity(year, scale, seed);
        let r;
        try {
          r = runReform(system, pp, { year, reform, decileUnit: o.deciles });
        } catch (e) {
          if (e instanceof EngineError) throw new CliError(e.message);
          throw e;
        }
        if (o.json) {
          process.stdout.write(JSON.stringify(r, null, 1) + '\n');
          return;
        }
        process.stdout.write(report(r) + '\n');
      }),
    );
}

async function demoCity(year: number, scale: number, seed: number) {
  const { demoPopulation } = await import('../../modules/microsim/population/demo.js');
  process.stderr.write(`生成示范城市 generating the demo city (scale ${scale}, seed ${seed})…\n`);
  return demoPopulation(year, { scale, seed });
}

/** The registry's population of the year (the whole city; audited as a CLI read for policy evaluation). */
async function registryPopulation(year: number) {
  const { withServices } = await import('../context.js');
  const { AppError } = await import('../../modules/app-error.js');
  const { registryPopulation: build } = await import('../../modules/microsim/population/registry.js');
  return withServices(async (s) => {
    process.stderr.write(`读取收入与财产信息系统 reading the registry's ${year} records…\n`);
    try {
      let last = 0;
      const pp = await build(s.handle, {
        year, audit: s.audit, actor: { userId: null, username: 'cli', ip: null },
        onProgress: (stage, rows) => {
          if (Date.now() - last < 1000) return;
          last = Date.now();
          process.stderr.write(`  ${stage}: ${rows.toLocaleString('en-US')}\n`);
        },
      });
      process.stderr.write(`  ${pp.households.toLocaleString('en-US')} households, ${pp.persons.toLocaleString('en-US')} persons\n`);
      return pp;
    } catch (e) {
      if (e instanceof AppError) throw new CliError(`${e.message} (${e.code})`);
      throw e;
    }
  });
}

type Results = import('../../modules/microsim/population/types.js').ReformResults;

function report(r: Results): string {
  const yuan = (x: number) => (Math.abs(x) >= 1e8 ? `${(x / 1e8).toFixed(2)} 亿元` : `${(x / 1e4).toFixed(1)} 万元`);
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(2)}%`);
  const num = (x: number) => Math.round(x).toLocaleString('en-US');
  const lines = [
    `${r.year}年 ${r.reform ? `改革 reform: ${r.reform.label.zh} (${r.reform.name})` : '基线 baseline'}   人口 persons ${num(r.population.weightedPersons)} (${num(r.population.persons)} simulated)`,
    `财政净成本 net budget cost: ${yuan(r.budget.netCost)} / year`,
    ...r.budget.programmes.map((p) => `  ${p.label.zh}: ${yuan(p.baseline)} → ${yuan(p.reform)} (${p.change >= 0 ? '+' : ''}${yuan(p.change)})`),
    `人均可支配收入 per-capita disposable income: ${num(r.income.baselineMean)} → ${num(r.income.reformMean)} (${pct(r.income.relativeChange)})`,
    `十等份 deciles (${r.decileUnit}s): baseline mean, change per person, share of gains`,
    ...r.deciles.map((d) => `  D${String(d.decile).padEnd(2)} ${num(d.baseline).padStart(8)}  ${d.change >= 0 ? '+' : ''}${d.change.toFixed(1).padStart(8)}  ${pct(d.shareOfGains).padStart(8)}`),
    `受益/受损 winners/losers: gain >5% ${pct(r.winnersLosers.gainMore5)}, <5% ${pct(r.winnersLosers.gainLess5)}, no change ${pct(r.winnersLosers.noChange)}, lose <5% ${pct(r.winnersLosers.loseLess5)}, >5% ${pct(r.winnersLosers.loseMore5)}`,
    `基尼 Gini ${r.inequality.gini.baseline.toFixed(4)} → ${r.inequality.gini.reform.toFixed(4)}   泰尔 Theil ${r.inequality.theil.baseline.toFixed(4)} → ${r.inequality.theil.reform.toFixed(4)}`,
    ...r.poverty.map((p) => `贫困 ${p.label.zh} (${num(p.line)} 元): headcount ${pct(p.baseline.headcount)} → ${pct(p.reform.headcount)}, gap ${pct(p.baseline.gap)} → ${pct(p.reform.gap)}`),
    `中等收入群体 middle-income share ${pct(r.middleIncome.baseline)} → ${pct(r.middleIncome.reform)}`,
    `重点群体 key groups (persons, change per person, poverty):`,
    ...r.keyGroups.map((g) => `  ${g.label.zh}: ${num(g.persons)}, ${g.change >= 0 ? '+' : ''}${g.change.toFixed(1)}, ${pct(g.poverty.baseline)} → ${pct(g.poverty.reform)}`),
    `县市区 counties:`,
    ...r.counties.map((g) => `  ${g.label.zh}: ${num(g.persons)}, ${g.change >= 0 ? '+' : ''}${g.change.toFixed(1)}, ${pct(g.poverty.baseline)} → ${pct(g.poverty.reform)}`),
    `用时 time: simulation ${r.timing.simulateMs} ms, results ${r.timing.resultsMs} ms`,
  ];
  if (r.placeholders.length) lines.push(`注意 placeholders in use (replace in params/): ${[...new Set(r.placeholders.map((p) => p.name))].join(', ')}`);
  return lines.join('\n');
}
