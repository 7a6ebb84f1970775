import type { Command } from 'commander';
import { action, CliError } from '../exit.js';

/**
 * `zengshou stats inequality` and `zengshou stats estimate`: distribution and design-based survey
 * statistics from a CSV file with a header row. Methods: docs/statistics.md.
 */
export function register(program: Command) {
  const stats = program.command('stats').description('收入统计 income statistics: distribution, inequality, survey estimates');

  stats
    .command('inequality')
    .description('分布与不平等 distribution, inequality and poverty of an income column')
    .argument('<file>', 'CSV file with a header row')
    .requiredOption('--income <col>', 'income column')
    .option('--weight <col>', 'weight column (default: every row weighs 1)')
    .option('--household-size <col>', 'household size column: income becomes per-capita, weight × size (unit: person)')
    .option('--poverty-line <x>', 'poverty line, same unit as per-capita income')
    .option('--json', 'print one JSON object')
    .action(
      action(async (file: string, o: { income: string; weight?: string; householdSize?: string; povertyLine?: string; json?: boolean }) => {
        const { readTable, numberOption, toJson } = await helpers();
        const s = await import('../../modules/stats/index.js');
        const line = o.povertyLine === undefined ? undefined : numberOption('--poverty-line', o.povertyLine, true);
        const cols = [o.income, o.weight, o.householdSize].filter((c): c is string => !!c);
        const t = await readTable(file, cols);
        const income = guard(() => s.numericColumn(t, o.income));
        const weight = o.weight ? guard(() => s.numericColumn(t, o.weight!, { nonNegative: true })) : undefined;
        const householdSize = o.householdSize ? guard(() => s.numericColumn(t, o.householdSize!, { positive: true })) : undefined;
        const summary = guard(() => s.inequalitySummary({ income, weight, householdSize }, line));
        if (o.json) {
          process.stdout.write(toJson(summary) + '\n');
          return;
        }
        const f = (v: number) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumSignificantDigits: 6 }) : String(v));
        const lines = [
          `单位 units: ${summary.n}   人口 population: ${f(summary.population)}`,
          `均值 mean: ${f(summary.mean)}   中位数 median: ${f(summary.median)}`,
          `十分位 deciles: ${Object.values(summary.quantiles).map(f).join(' / ')}`,
          `五等份均值 quintile means: ${summary.quintileMeans.map(f).join(' / ')}`,
          `五等份份额 quintile shares: ${summary.quintileShares.map((v) => (100 * v).toFixed(2) + '%').join(' / ')}`,
          `基尼 Gini ${f(summary.gini)}   Theil ${f(summary.theil)}   MLD ${f(summary.mld)}   S80/S20 ${f(summary.s80s20)}   Palma ${f(summary.palma)}`,
        ];
        if (summary.fgt0 !== undefined) {
          lines.push(`贫困 poverty (line ${f(line!)}): FGT0 ${f(summary.fgt0)}  FGT1 ${f(summary.fgt1!)}  FGT2 ${f(summary.fgt2!)}  Watts ${f(summary.watts!)}`);
        }
        process.stdout.write(lines.join('\n') + '\n');
      }),
    );

  stats
    .command('estimate')
    .description('抽样调查估计 design-based estimate with standard error (Taylor linearisation, as R survey)')
    .argument('<file>', 'CSV file with a header row')
    .requiredOption('--weight <col>', 'sampling weight column')
    .option('--strata <col>', 'stratum column')
    .option('--psu <col>', 'primary sampling unit (cluster) column')
    .option('--fpc <col>', 'finite population correction: PSUs in the stratum population, or sampling fraction')
    .option('--mean <col>', 'estimate the mean of a column')
    .option('--total <col>', 'estimate the total of a column')
    .option('--ratio <num/den>', 'estimate Σw·num / Σw·den (e.g. income/members)')
    .option('--by <col>', 'estimate in each domain of a column')
    .option('--lonely-psu <rule>', 'single-PSU strata: fail | remove | certainty | average | adjust', 'fail')
    .option('--nest', 'PSU labels are unique only within strata')
    .option('--json', 'print one JSON object')
    .action(
      action(async (file: string, o: EstimateOpts) => {
        const { readTable, toJson } = await helpers();
        const s = await import('../../modules/stats/index.js');
        const targets = [o.mean, o.total, o.ratio].filter((x) => x !== undefined);
        if (targets.length !== 1) throw new CliError('give exactly one of --mean COL, --total COL, --ratio NUM/DEN');
        const rules = ['fail', 'remove', 'certainty', 'average', 'adjust'];
        if (!rules.includes(o.lonelyPsu)) throw new CliError(`--lonely-psu must be one of ${rules.join(', ')}`);
        let num = '';
        let den = '';
        if (o.ratio !== undefined) [num, den] = splitRatio(o.ratio);
        const variable = o.mean ?? o.total;
        const cols = [o.weight, o.strata, o.psu, o.fpc, variable, o.ratio !== undefined ? num : undefined, o.ratio !== undefined ? den : undefined, o.by];
        const t = await readTable(file, [...new Set(cols.filter((c): c is string => !!c))]);
        const weights = guard(() => s.numericColumn(t, o.weight, { nonNegative: true }));
        const design = guard(() =>
          s.surveyDesign({
            weights,
            strata: o.strata ? s.labelColumn(t, o.strata) : null,
            psu: o.psu ? s.labelColumn(t, o.psu) : null,
            fpc: o.fpc ? s.numericColumn(t, o.fpc, { positive: true }) : null,
            lonelyPsu: o.lonelyPsu as 'fail',
            nest: !!o.nest,
          }),
        );
        let estimator: (opts: import('../../modules/stats/index.js').EstimateOptions) => import('../../modules/stats/index.js').Estimate;
        if (o.ratio !== undefined) {
          const a = guard(() => s.numericColumn(t, num));
          const b = guard(() => s.numericColumn(t, den));
          estimator = (opts) => s.svyRatio(design, a, b, opts);
        } else {
          const y = guard(() => s.numericColumn(t, variable!));
          estimator = o.mean !== undefined ? (opts) => s.svyMean(design, y, opts) : (opts) => s.svyTotal(design, y, opts);
        }
        const estimates = guard(() => (o.by ? s.svyBy(design, s.labelColumn(t, o.by), estimator) : [estimator({})]));
        const out = { estimates: estimates.map((e) => ({ domain: e.domain, estimate: e.estimate, se: e.se, cv: e.cv, ci: e.ci, n: e.n })) };
        if (o.json) {
          process.stdout.write(toJson(out) + '\n');
          return;
        }
        for (const e of out.estimates) {
          const g = (v: number) => (Number.isFinite(v) ? v.toPrecision(7) : String(v));
          process.stdout.write(
            `${e.domain === null ? '全部 all' : e.domain}\testimate ${g(e.estimate)}\tse ${g(e.se)}\tcv ${(100 * e.cv).toFixed(2)}%\t95% CI [${g(e.ci[0])}, ${g(e.ci[1])}]\tn ${e.n}\n`,
          );
        }
      }),
    );
}

interface EstimateOpts {
  weight: string;
  strata?: string;
  psu?: string;
  fpc?: string;
  mean?: string;
  total?: string;
  ratio?: string;
  by?: string;
  lonelyPsu: string;
  nest?: boolean;
  json?: boolean;
}

function splitRatio(spec: string): [string, string] {
  const i = spec.lastIndexOf('/');
  if (i <= 0 || i === spec.length - 1) throw new CliError(`--ratio must be NUM/DEN (two column names), got "${spec}"`);
  return [spec.slice(0, i), spec.slice(i + 1)];
}

/** Library input errors become one-line CLI errors (exit code 2). */
function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && ['CsvError', 'DesignError', 'StatsInputError', 'RangeError'].includes(e.constructor.name)) {
      throw new CliError(e.message);
    }
    throw e;
  }
}

async function helpers() {
  const { readFile } = await import('node:fs/promises');
  const { readCsv } = await import('../../modules/stats/csv.js');
  return {
    /** Reads the file (UTF-8, or GB18030 as Excel saves Chinese CSV) and the requested columns. */
    async readTable(file: string, cols: string[]) {
      let buf: Buffer;
      try {
        buf = await readFile(file);
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
      } catch {
        const iconv = (await import('iconv-lite')).default;
        text = iconv.decode(buf, 'gb18030');
      }
      return guard(() => readCsv(text, cols));
    },
    numberOption(name: string, v: string, positive = false): number {
      const x = Number(v);
      if (v.trim() === '' || !Number.isFinite(x) || (positive && !(x > 0))) {
        throw new CliError(`${name} must be a ${positive ? 'positive ' : ''}number, got "${v}"`);
      }
      return x;
    },
    /** JSON with non-finite numbers as null. */
    toJson(v: unknown): string {
      return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? null : x));
    },
  };
}
