import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type DbHandle } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.service.js';
import { Keyring } from '../src/modules/crypto/keyring.js';
import { approveGenerated, insertGenerated, type GeneratedEntry } from '../src/modules/survey/bulk.js';
import type { SampleSource } from '../src/modules/survey/sample.service.js';
import { seededRandom, type FrameUnit } from '../src/modules/survey/sampling.js';
import { createServices } from '../src/server/services.js';
import { LIAOYANG_DIVISIONS } from '../src/modules/regions/liaoyang-divisions.js';
import type { Benchmark, BenchResult } from './lib.js';
import { timeMs } from './lib.js';

/**
 * Household survey (issue 6): a year of diaries for 1,500 households — about a million entries, as a
 * household writing down every day's spending would leave — in the embedded database (and in
 * PostgreSQL when ZENGSHOU_BENCH_PG holds a URL), aggregated to the annual tables with standard
 * errors: per-capita disposable income and its components for the city, urban, rural and the seven
 * counties, medians, 五等份, calibrated to population totals. Target: under 5 s.
 */
const YEAR = 2024;
const PER_MONTH = 56;

/** A synthetic frame over Liaoyang's townships: 600 communities and villages of 40–160 households. */
function frame(): SampleSource {
  const r = seededRandom(6);
  const towns = LIAOYANG_DIVISIONS.filter((d) => d.level === 'township');
  const units: FrameUnit[] = [];
  for (let i = 0; i < 600; i++) {
    const t = towns[i % towns.length];
    const urban = t.name.endsWith('街道') || i % 3 === 0;
    const k = Math.floor(i / towns.length) + 1;
    units.push({ code: `${t.code}${String(urban ? k : 200 + k).padStart(3, '0')}`, name: `基准测试${i}${urban ? '社区' : '村'}`, countyCode: t.parentCode!, townshipCode: t.code, urbanRuralCode: urban ? '111' : '220', size: 40 + Math.floor(r() * 120) });
  }
  return {
    frame: units,
    listing: (i) => Array.from({ length: units[i].size }, (_, j) => ({
      ref: `${i}/${j}`, headName: `基准户${i}-${j}（合成）`, address: '合成地址',
      members: Array.from({ length: 1 + ((i + j) % 4) }, (_, m) => ({ name: `成员${m}`, sex: (m % 2 ? '2' : '1') as '1' | '2', birthYear: 1960 + m * 9, relation: m ? '子女' : '户主' })),
    })),
  };
}

const DAILY = ['5101', '5102', '5103', '5104', '5105', '5402', '5501', '5503'];

/** One household-month: wages and pension, and about two spending lines a day. */
function month(hid: number, m: number, r: () => number): GeneratedEntry[] {
  const mm = `${YEAR}-${String(m).padStart(2, '0')}`;
  const out: GeneratedEntry[] = [
    { householdId: hid, date: `${mm}-15`, itemCode: '1101', amountFen: Math.round(300000 + 400000 * r()) },
    { householdId: hid, date: `${mm}-10`, itemCode: '4101', amountFen: r() < 0.4 ? 280000 : 0 },
    { householdId: hid, date: `${mm}-15`, itemCode: '4202', amountFen: 30000 },
    { householdId: hid, date: `${mm}-18`, itemCode: r() < 0.5 ? '2101' : '2103', amountFen: Math.round(200000 * r()) },
    { householdId: hid, date: `${mm}-18`, itemCode: '2201', amountFen: Math.round(60000 * r()) },
    { householdId: hid, date: `${mm}-21`, itemCode: '3101', amountFen: Math.round(5000 * r()) },
  ].filter((e) => e.amountFen > 0);
  for (let k = out.length; k < PER_MONTH; k++) out.push({ householdId: hid, date: `${mm}-${String(1 + (k % 28)).padStart(2, '0')}`, itemCode: DAILY[k % DAILY.length], amountFen: Math.round(1000 + 9000 * r()) });
  return out;
}

async function run(h: DbHandle, label: string, dir: string): Promise<BenchResult[]> {
  await migrateToLatest(h.db);
  const s = createServices(h, new Keyring(new Map([[1, Keyring.generateKey()]]), 1), dir);
  await s.regions.seedLiaoyang();
  const sampleId = await s.survey.samples.draw({ name: '基准测试样本', yearFrom: YEAR, yearTo: YEAR, options: { targetHouseholds: 1500, householdsPerPsu: 10, reservesPerPsu: 0, seed: 9 } }, frame(), SYSTEM_ACTOR);
  const hhs = await s.survey.repo.households({ sampleId, status: 'active' });
  const r = seededRandom(42);
  const t0 = performance.now();
  let entries = 0;
  for (let i = 0; i < hhs.length; i += 100) {
    const batch = hhs.slice(i, i + 100).flatMap((x) => Array.from({ length: 12 }, (_, m) => month(x.id, m + 1, r)).flat());
    await insertGenerated(s.survey.repo, batch, entries);
    entries += batch.length;
  }
  const loadMs = performance.now() - t0;
  await approveGenerated(s.survey.repo, sampleId, hhs, Array.from({ length: 12 }, (_, m) => `${YEAR}-${String(m + 1).padStart(2, '0')}`), 'city');
  const strata = [...new Set(hhs.map((x) => x.stratum))];
  await s.survey.setPopulation(strata.map((stratum) => ({ year: YEAR, stratum, persons: 100000, households: 40000 })), SYSTEM_ACTOR);
  const p = (await import('../src/modules/survey/periods.js')).parsePeriod(String(YEAR));
  const aggregateMs = await timeMs(() => s.survey.repo.sums(p.months[0], p.months[11]), 3);
  let rows = 0;
  const annualMs = await timeMs(async () => {
    const e = await s.survey.estimates.estimate(sampleId, String(YEAR));
    rows = e.rows.length;
  }, 3);
  const quarterMs = await timeMs(() => s.survey.estimates.estimate(sampleId, `${YEAR}-Q3`), 3);
  const note = `${hhs.length} households, ${entries.toLocaleString('en-US')} entries, ${rows} areas, ${label}`;
  return [
    { name: `survey ${label}`, metric: 'annual tables with SE (1M entries)', value: annualMs / 1000, unit: 's', target: '< 5 s', note },
    { name: `survey ${label}`, metric: 'entries aggregated by household × item (SQL)', value: aggregateMs / 1000, unit: 's', note },
    { name: `survey ${label}`, metric: 'quarterly tables with SE', value: quarterMs / 1000, unit: 's' },
    { name: `survey ${label}`, metric: 'load a year of diaries', value: entries / (loadMs / 1000), unit: 'entries/s' },
  ];
}

export const benchmarks: Benchmark[] = [
  {
    name: 'survey',
    run: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'zs-bench-survey-'));
      const out: BenchResult[] = [];
      try {
        const h = await connect({ url: join(dir, 'db.sqlite') });
        try {
          out.push(...(await run(h, 'SQLite', dir)));
        } finally {
          await h.close();
        }
        const pg = process.env.ZENGSHOU_BENCH_PG;
        if (pg) {
          const schema = `zs_bench_survey_${process.pid}`;
          const h2 = await connect({ url: pg, schema });
          try {
            out.push(...(await run(h2, 'PostgreSQL', dir)));
          } finally {
            await h2.close();
            const { dropPostgresSchema } = await import('../src/db/connect.js');
            await dropPostgresSchema(pg, schema);
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      return out;
    },
  },
];
