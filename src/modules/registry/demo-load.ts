/**
 * Loads the synthetic demo city into the registry through the demo generator's in-process API:
 * villages into the region directory, the population register (persons, households, places),
 * then each agency channel of the year (tax, social insurance, 低保 roster, real-estate register)
 * row by row through the same validation, encryption, linkage and batches as a file upload —
 * without writing and re-parsing the files. The demo's truth (which person each row is) gives the
 * linkage precision and recall, stored for the registry page.
 */
import type { Actor } from '../audit/audit.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { ImportReport } from './import/importer.js';
import type { RawRow } from './readers/types.js';
import type { RegistryService } from './registry.service.js';
import type { LinkRunReport } from './linkage/linkage.service.js';

export interface DemoLoadOptions {
  scale: number;
  seed?: number;
  year?: number;
  actor: Actor;
  /** task: 'generate' | channel code | 'linkage' | 'tables'; done/total in that task's units */
  onProgress?: (task: string, done: number, total: number) => void;
}

export interface LinkageQuality {
  /** rows without an ID number that were accepted (the rest are in quarantine) */
  rows: number;
  linked: number;
  correct: number;
  precision: number;
  recall: number;
  byChannel: Record<string, { rows: number; linked: number; correct: number }>;
}

export interface DemoLoadReport {
  seed: number;
  scale: number;
  year: number;
  persons: number;
  imports: Record<string, Pick<ImportReport, 'batchId' | 'rowsRead' | 'rowsOk' | 'rowsRejected' | 'recordsAdded' | 'personsAdded' | 'duplicate'>>;
  linkage: LinkRunReport;
  quality: LinkageQuality;
  seconds: number;
}

const CHANNEL_OF: Record<string, string> = { tax: 'tax', 'social-insurance': 'social_insurance', dibao: 'civil_affairs', property: 'real_estate' };
const RELATION_LABEL: Record<number, string> = { 2: '户主', 10: '配偶', 20: '子', 30: '女', 40: '孙子女', 50: '父母', 70: '兄弟姐妹', 80: '其他' };
const BATCH = 2000;

export async function loadDemoRegistry(s: { registry: RegistryService; regions: RegionsService; settings: SettingsService }, opts: DemoLoadOptions): Promise<DemoLoadReport> {
  const t0 = Date.now();
  const demo = await import('../demo/index.js');
  const { FaultTally } = await import('../demo/faults.js');
  const { householdAddress } = await import('../demo/render.js');
  const seed = opts.seed ?? demo.DEFAULT_SEED;
  const year = opts.year ?? 2023;
  const progress = opts.onProgress ?? (() => {});
  const stages = ['households', 'attributes', 'employers', 'property', 'calibration'];
  const city = demo.generateCity({ seed, scale: opts.scale, onProgress: (stage, done, total) => progress('generate', stages.indexOf(stage) * 100 + Math.round((100 * done) / Math.max(1, total)), 500) });
  progress('generate', 500, 500);

  // Villages and communities of the demo geography, with their urban-rural codes.
  const v = city.geography.villages;
  const townshipCode = (i: number) => city.geography.townships[v.township[i]].code;
  await s.regions.importDivisions(Array.from({ length: v.count }, (_, i) => ({ code: v.code[i], name: v.name[i], level: 'village' as const, parentCode: townshipCode(i), urbanRuralCode: String(v.urbanRural[i]) })));

  const asOf = `${year + 1}-06-30`;
  const r = s.registry;
  for (const c of await r.channels.list(asOf)) {
    if (!c.pia) {
      await r.channels.filePia(
        c.code,
        {
          purpose: '演示：合成数据的导入、匹配与统计（非真实个人信息）', legalBasis: '演示环境，无真实个人信息', dataItems: '身份证号、姓名、住址、收入、财产（均为合成）',
          risks: '演示数据被误认为真实数据', measures: '全部记录标注“合成演示数据”；加密存储；脱敏展示；审计', riskLevel: 'low', assessor: '系统（演示数据加载）',
          assessedOn: `${year}-01-01`, validUntil: `${year + 5}-12-31`,
        },
        opts.actor,
      );
    }
  }
  const sourceId = (what: string) => `demo:${what}:${seed}:${opts.scale}:${year}`;
  const imports: DemoLoadReport['imports'] = {};
  const keep = (code: string, rep: ImportReport & { duplicate?: boolean }) => {
    imports[code] = { batchId: rep.batchId, rowsRead: rep.rowsRead, rowsOk: rep.rowsOk, rowsRejected: rep.rowsRejected, recordsAdded: rep.recordsAdded, personsAdded: rep.personsAdded, duplicate: !!rep.duplicate };
  };

  // The population register: everyone living in the city in the year, with household and place.
  const ps = city.persons;
  const hh = city.households;
  const POP_HEADER = ['户号', '姓名', '公民身份号码', '性别', '出生日期', '与户主关系', '行政区划代码', '住址', '备注'];
  function* populationRows(): Generator<RawRow[]> {
    yield [{ no: 1, cells: POP_HEADER }];
    let out: RawRow[] = [];
    let no = 1;
    for (let h = 0; h < hh.count; h++) {
      if (!demo.householdPresent(hh, ps, h, year)) continue;
      const address = householdAddress(city, h);
      const region = v.code[hh.village[h]];
      for (let p = hh.first[h]; p < hh.first[h] + hh.size[h]; p++) {
        if (!demo.isMemberInYear(hh, ps, p, year)) continue;
        out.push({
          no: ++no,
          cells: [`H${String(h).padStart(8, '0')}`, demo.personName(city, p), demo.residentIdOf(city, p), ps.sex[p] === 1 ? '男' : '女', demo.birthDateOf(city, p), RELATION_LABEL[ps.relation[p]] ?? '其他', region, address, demo.SYNTHETIC_MARKER_ZH],
        });
        if (out.length >= BATCH) {
          progress('population', no, ps.count);
          yield out;
          out = [];
        }
      }
    }
    if (out.length) yield out;
    progress('population', ps.count, ps.count);
  }
  keep('population', await r.imports.importRowSource('population', `演示人口库-${year}`, sourceId('population'), populationRows(), opts.actor, { asOf, source: 'demo' }));

  // The agency channels; rows without an ID number remember whose they are (the truth).
  const truth = new Map<string, Map<number, number>>();
  for (const spec of demo.channelSpecs(city, year)) {
    const code = CHANNEL_OF[spec.key];
    const t = new Map<number, number>();
    truth.set(code, t);
    const header: string[][] = spec.layout ? [...spec.layout.titleRows, ...spec.layout.headerRows].map((row) => row.map((c) => (c === null || c === undefined ? '' : String(c)))) : [spec.columns];
    const estimate = ps.count;
    function* rows(): Generator<RawRow[]> {
      const tally = new FaultTally();
      let sheet = -1;
      let no = 0;
      let out: RawRow[] = [];
      let n = 0;
      for (const row of spec.rows(tally)) {
        if (row.sheet !== sheet) {
          if (out.length) yield out;
          out = [];
          sheet = row.sheet;
          no = 0;
          yield header.map((cells) => ({ no: ++no, cells, sheet }));
        }
        const ref = sheet * 2 ** 21 + ++no;
        const cells = row.cells.map((c) => (c === null || c === undefined ? '' : String(c)));
        if (row.faults.includes('missing_id')) t.set(ref, row.pid);
        out.push({ no, cells, sheet });
        if (out.length >= BATCH) {
          n += out.length;
          progress(code, n, Math.max(n, estimate));
          yield out;
          out = [];
        }
      }
      if (out.length) yield out;
      progress(code, n + out.length, n + out.length);
    }
    keep(code, await r.imports.importRowSource(code, spec.file, sourceId(spec.key), rows(), opts.actor, { asOf, source: 'demo' }));
  }

  progress('linkage', 0, 1);
  const linkage = await r.linkage.run(opts.actor);
  progress('linkage', 1, 1);
  // The region tables' household incomes, stored now so that the first table asked for is quick.
  progress('tables', 0, 1);
  await r.tables.prepare();
  progress('tables', 1, 1);

  // Linkage quality against the truth: the person each ID-less row was linked to.
  const quality: LinkageQuality = { rows: 0, linked: 0, correct: 0, precision: 1, recall: 1, byChannel: {} };
  const db = r.handle.db;
  const tableOf: Record<string, 'reg_income' | 'reg_social_insurance' | 'reg_dibao' | 'reg_property'> = { tax: 'reg_income', social_insurance: 'reg_social_insurance', civil_affairs: 'reg_dibao', real_estate: 'reg_property' };
  for (const [code, t] of truth) {
    const q = { rows: 0, linked: 0, correct: 0 };
    const batchId = imports[code]?.batchId;
    if (t.size && batchId && !imports[code].duplicate) {
      const refs = [...t.keys()];
      const recs = await db.selectFrom(tableOf[code]).select(['row_no', 'person_id']).where('batch_id', '=', batchId).where('row_no', 'in', refs).execute();
      const personOf = new Map(recs.map((x) => [x.row_no, x.person_id]));
      const people = personOf.size ? await db.selectFrom('reg_persons').select(['id', 'canonical_id']).where('id', 'in', [...new Set(personOf.values())]).execute() : [];
      const canon = new Map(people.map((p) => [p.id, p.canonical_id]));
      const roots = canon.size ? await db.selectFrom('reg_persons').select(['id', 'id_number_enc']).where('id', 'in', [...new Set(canon.values())]).execute() : [];
      const idOf = new Map(roots.map((p) => [p.id, p.id_number_enc ? r.protector.dec(p.id_number_enc) : null]));
      for (const [ref, pid] of t) {
        const person = personOf.get(ref);
        if (person === undefined) continue; // quarantined
        q.rows++;
        const linkedTo = idOf.get(canon.get(person)!);
        if (linkedTo) {
          q.linked++;
          if (linkedTo === demo.residentIdOf(city, pid)) q.correct++;
        }
      }
    }
    quality.byChannel[code] = q;
    quality.rows += q.rows;
    quality.linked += q.linked;
    quality.correct += q.correct;
  }
  quality.precision = quality.linked ? quality.correct / quality.linked : 1;
  quality.recall = quality.rows ? quality.correct / quality.rows : 1;
  await s.settings.set('registry.linkage.quality', { ...quality, seed, scale: opts.scale, year, at: new Date().toISOString() }, opts.actor.username);
  await s.settings.set('registry.demo', { seed, scale: opts.scale, year }, opts.actor.username);
  return { seed, scale: opts.scale, year, persons: ps.count, imports, linkage, quality, seconds: (Date.now() - t0) / 1000 };
}
