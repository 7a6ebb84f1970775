/**
 * One channel file → one batch, all or nothing. The file is hashed first (the same file twice is one
 * batch), its header found, then every row is read, validated and written inside one transaction:
 * a failure or a killed process leaves the database exactly as before, and the import can simply
 * be run again.
 */
import type { Transaction } from 'kysely';
import type { DbHandle } from '../../../db/connect.js';
import type { Database } from '../../../db/schema.js';
import { nowIso } from '../../../shared/time.js';
import { AppError } from '../../app-error.js';
import { deferIndexes, lockImports, syncSequence } from '../bulk.js';
import { mappingAliases, type ChannelMapping } from '../mapping.js';
import type { Protector } from '../protect.js';
import { detectHeader } from '../readers/headers.js';
import { rowRef, type RawRow } from '../readers/types.js';
import { SheetNotFoundError } from '../readers/xlsx.js';
import { BatchWriter, type BatchCounts, type IdentityIndex } from './batch-writer.js';
import { planColumns, type ColumnPlan } from './row-mapper.js';
import { formatOf, readRows, sha256Of, type FileSource } from './source.js';

export interface ChannelForImport {
  id: number;
  code: string;
  mapping: ChannelMapping;
}

export interface ImportProgress {
  phase: 'hash' | 'read' | 'commit' | 'done';
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
  rowsOk: number;
  rowsRejected: number;
}

export interface ImportReport extends Omit<BatchCounts, 'recordsAttempted'> {
  batchId: number;
  duplicate: boolean;
  fileName: string;
  sha256: string;
  encoding: string | null;
  header: { firstRow: number; depth: number; columns: string[] };
  /** records already in the registry (same content from the same channel) */
  recordsDuplicate: number;
}

export interface ImportOptions {
  importedBy: string;
  source?: 'file' | 'demo' | 'resubmit';
  /** YYYY-MM-DD: "today" for validation (tests pin it). */
  asOf?: string;
  onProgress?: (p: ImportProgress) => void;
  /** Where rows are mapped (tests reach the worker thread with small chunks); see BatchContext. */
  mapping?: { inlineChunks?: number; chunkRows?: number };
}

const SAMPLE_ROWS = 30;
/** How long the identity index is kept after an import (a channel's files usually come together). */
const IDENTITY_KEPT_MS = 10 * 60_000;

export class Importer {
  /**
   * The identity index as the last committed batch left it, and the registry's mark (persons and
   * households: count and highest id) at that moment. Persons and households are only ever added,
   * never deleted or re-keyed, so an equal mark means an equal index: the next batch skips reading
   * millions of keys. Dropped after a while without imports (it is large).
   */
  private identity: { index: IdentityIndex; mark: string; timer: NodeJS.Timeout } | null = null;

  constructor(
    private readonly h: DbHandle,
    private readonly protector: Protector,
  ) {}

  private keepIdentity(index: IdentityIndex, mark: string): void {
    this.dropIdentity();
    const timer = setTimeout(() => this.dropIdentity(), IDENTITY_KEPT_MS);
    timer.unref();
    this.identity = { index, mark, timer };
  }

  private dropIdentity(): void {
    if (this.identity) clearTimeout(this.identity.timer);
    this.identity = null;
  }

  async importFile(channel: ChannelForImport, src: FileSource, opts: ImportOptions): Promise<ImportReport> {
    const progress: ImportProgress = { phase: 'hash', bytesRead: 0, totalBytes: src.size, rowsRead: 0, rowsOk: 0, rowsRejected: 0 };
    opts.onProgress?.(progress);
    const sha256 = await sha256Of(src);
    const dup = await this.h.db.selectFrom('reg_batches').selectAll().where('channel_id', '=', channel.id).where('file_sha256', '=', sha256).executeTakeFirst();
    if (dup) {
      opts.onProgress?.({ ...progress, phase: 'done', bytesRead: src.size });
      return {
        batchId: dup.id, duplicate: true, fileName: src.name, sha256, encoding: dup.encoding, header: { firstRow: 0, depth: 0, columns: [] },
        rowsRead: 0, rowsOk: 0, rowsRejected: 0, recordsAdded: 0, recordsDuplicate: 0, personsAdded: 0, householdsAdded: 0, linkedById: 0, pendingLinkage: 0, fixes: {}, problems: {},
      };
    }
    const format = await formatOf(src);
    const reader = readRows(src, format, channel.mapping.sheet);
    try {
      return await this.importBatches(channel, reader.batches, { fileName: src.name, sha256, size: src.size, encoding: reader.encoding, bytesRead: reader.bytesRead }, opts);
    } catch (e) {
      if (e instanceof SheetNotFoundError) throw new AppError(400, 'SHEET_NOT_FOUND', e.message);
      if (e instanceof AppError) throw e;
      const msg = (e as Error).message ?? String(e);
      if (/zip|end of central directory|invalid signature/i.test(msg)) throw new AppError(400, 'BAD_FILE', `文件无法读取（不是有效的 XLSX/CSV）: ${msg}`);
      throw e;
    }
  }

  /**
   * Imports rows from any source of raw row batches (a file reader, or a generator in the same
   * process such as the demo city's channels), with the same header detection, validation and
   * all-or-nothing batch. The caller has checked that `sha256` is not a batch yet.
   */
  async importBatches(
    channel: ChannelForImport,
    batches: AsyncIterable<RawRow[]> | Iterable<RawRow[]>,
    meta: { fileName: string; sha256: string; size: number; encoding?: () => string | null; bytesRead?: () => number },
    opts: ImportOptions,
  ): Promise<ImportReport> {
    const progress: ImportProgress = { phase: 'read', bytesRead: 0, totalBytes: meta.size, rowsRead: 0, rowsOk: 0, rowsRejected: 0 };
    const iterator = (Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : (batches as Iterable<RawRow[]>)[Symbol.iterator]()) as AsyncIterator<RawRow[]> | Iterator<RawRow[]>;
    // Rows arrive in batches; a sheet's first rows are held back until its header is found.
    let carry: RawRow[] = [];
    const nextRow = async (): Promise<RawRow | null> => {
      while (carry.length === 0) {
        const n = await iterator.next();
        if (n.done) return null;
        carry = n.value;
      }
      return carry.shift()!;
    };
    /** The header of the sheet starting with `first`: rows before it are titles, rows after it data. */
    const readHeader = async (first: RawRow) => {
      const sample: RawRow[] = [first];
      while (sample.length < SAMPLE_ROWS) {
        const r = await nextRow();
        if (!r) break;
        if ((r.sheet ?? 0) !== (first.sheet ?? 0)) {
          carry.unshift(r);
          break;
        }
        sample.push(r);
      }
      const guess = detectHeader(sample.map((r) => r.cells), mappingAliases(channel.mapping), channel.mapping.headerRows);
      const where = first.sheet ? `（第 ${first.sheet + 1} 个工作表）` : '';
      if (!guess) throw new AppError(400, 'HEADER_NOT_FOUND', `未找到与该渠道列映射相符的表头${where}，请检查文件或渠道的列映射`);
      const titlePeriod = periodInTitle(sample.slice(0, guess.start).map((r) => r.cells.join(' ')).join(' '));
      const plan = planColumns(guess.paths, channel.mapping, titlePeriod !== null);
      if (plan.missing.length) throw new AppError(400, 'COLUMNS_MISSING', `文件缺少必需的列${where}：${plan.missing.join('，')}`, { missing: plan.missing, columns: guess.paths });
      return { guess, plan, titlePeriod, data: sample.slice(guess.start + guess.depth) };
    };
    try {
      const first = await nextRow();
      if (!first) throw new AppError(400, 'EMPTY_FILE', '文件中没有数据');
      const h0 = await readHeader(first);
      const header = { firstRow: first.no + h0.guess.start, depth: h0.guess.depth, columns: h0.guess.paths };
      const report = await this.writeBatch(channel, h0.plan, h0.guess.paths, { fileName: meta.fileName, sha256: meta.sha256, size: meta.size, encoding: meta.encoding ?? (() => null), titlePeriod: h0.titlePeriod }, opts, async (w) => {
        let sheet = first.sheet ?? 0;
        for (const r of h0.data) await w.addRow(rowRef(r), r.cells);
        let n = 0;
        for (let r = await nextRow(); r; r = await nextRow()) {
          if ((r.sheet ?? 0) !== sheet) {
            sheet = r.sheet ?? 0;
            const h = await readHeader(r);
            await w.setHeader(h.plan, h.guess.paths, h.titlePeriod);
            for (const d of h.data) await w.addRow(rowRef(d), d.cells);
            continue;
          }
          await w.addRow(rowRef(r), r.cells);
          if (++n % 2000 === 0) {
            progress.phase = 'read';
            progress.bytesRead = meta.bytesRead?.() ?? 0;
            progress.rowsRead = w.counts.rowsRead;
            progress.rowsOk = w.counts.rowsOk;
            progress.rowsRejected = w.counts.rowsRejected;
            opts.onProgress?.(progress);
          }
        }
        progress.phase = 'commit';
        progress.bytesRead = meta.size;
        progress.rowsRead = w.counts.rowsRead;
        progress.rowsOk = w.counts.rowsOk;
        progress.rowsRejected = w.counts.rowsRejected;
        opts.onProgress?.(progress);
      });
      opts.onProgress?.({ ...progress, phase: 'done', rowsRead: report.rowsRead, rowsOk: report.rowsOk, rowsRejected: report.rowsRejected });
      return { ...report, header };
    } finally {
      await iterator.return?.(undefined);
    }
  }

  /** Writes rows that have already been read (re-submitted quarantine rows) as one batch. */
  async importRows(channel: ChannelForImport, paths: string[], rows: RawRow[], meta: { fileName: string; sha256: string }, opts: ImportOptions): Promise<ImportReport> {
    const plan = planColumns(paths, channel.mapping);
    const report = await this.writeBatch(channel, plan, paths, { ...meta, size: 0, encoding: () => null }, opts, async (w) => {
      for (const r of rows) await w.addRow(r.no, r.cells);
    });
    return { ...report, header: { firstRow: 0, depth: 1, columns: paths } };
  }

  private async writeBatch(
    channel: ChannelForImport,
    plan: ColumnPlan,
    paths: string[],
    meta: { fileName: string; sha256: string; size: number; encoding: () => string | null; titlePeriod?: string | null },
    opts: ImportOptions,
    feed: (w: BatchWriter) => Promise<void>,
  ): Promise<Omit<ImportReport, 'header'>> {
    const { db, dialect } = this.h;
    const startedAt = nowIso();
    const asOf = opts.asOf ?? startedAt.slice(0, 10);
    const regions = await db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code']).execute();
    const kept: { v: { index: IdentityIndex; mark: string } | null } = { v: null };
    const report = await db.transaction().execute(async (trx) => {
      await lockImports(trx, dialect);
      // The batch adds to the index it is given: it is kept again only if the batch commits.
      const mark = await identityMark(trx);
      const identity = this.identity?.mark === mark ? this.identity.index : undefined;
      this.dropIdentity();
      const batchId = (
        await trx
          .insertInto('reg_batches')
          .values({
            channel_id: channel.id, source: opts.source ?? 'file', file_name: meta.fileName, file_sha256: meta.sha256, file_bytes: meta.size, encoding: null,
            rows_read: 0, rows_ok: 0, rows_rejected: 0, rows_duplicate: 0, records_added: 0, persons_added: 0, stats: '{}', started_at: startedAt, finished_at: startedAt,
            imported_by: opts.importedBy,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const w = new BatchWriter({
        trx, dialect, protector: this.protector, channelId: channel.id, channelCode: channel.code, batchId, mapping: channel.mapping, plan, paths, regions, asOf, now: startedAt,
        titlePeriod: meta.titlePeriod ?? null, identity, ...opts.mapping,
      });
      await w.init();
      const restorePersons = await deferIndexes(trx, dialect, 'reg_persons');
      const restoreHouseholds = await deferIndexes(trx, dialect, 'reg_households');
      let c: BatchCounts;
      try {
        await feed(w);
        c = await w.finish();
      } catch (e) {
        await w.abandon();
        throw e;
      }
      await restorePersons();
      await restoreHouseholds();
      await syncSequence(trx, dialect, 'reg_persons');
      await syncSequence(trx, dialect, 'reg_households');
      const encoding = meta.encoding();
      await trx
        .updateTable('reg_batches')
        .set({
          encoding, rows_read: c.rowsRead, rows_ok: c.rowsOk, rows_rejected: c.rowsRejected, rows_duplicate: c.recordsAttempted - c.recordsAdded,
          records_added: c.recordsAdded, persons_added: c.personsAdded, finished_at: nowIso(),
          stats: JSON.stringify({ fixes: c.fixes, problems: c.problems, linkedById: c.linkedById, pendingLinkage: c.pendingLinkage, householdsAdded: c.householdsAdded }),
        })
        .where('id', '=', batchId)
        .execute();
      kept.v = { index: w.identity, mark: await identityMark(trx) };
      const { recordsAttempted, ...rest } = c;
      return { ...rest, batchId, duplicate: false, fileName: meta.fileName, sha256: meta.sha256, encoding, recordsDuplicate: recordsAttempted - c.recordsAdded };
    });
    if (kept.v) this.keepIdentity(kept.v.index, kept.v.mark);
    return report;
  }
}

/** Count and highest id of persons and of households: changes whenever either gains a row. */
async function identityMark(db: Transaction<Database>): Promise<string> {
  const p = await db.selectFrom('reg_persons').select((e) => [e.fn.countAll<number>().as('n'), e.fn.max('id').as('m')]).executeTakeFirstOrThrow();
  const h = await db.selectFrom('reg_households').select((e) => [e.fn.countAll<number>().as('n'), e.fn.max('id').as('m')]).executeTakeFirstOrThrow();
  return `${p.n}/${p.m}/${h.n}/${h.m}`;
}

/** "……花名册（2023年12月）" → '2023-12'; "2023年度" → '2023'; otherwise null. */
export function periodInTitle(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  const m = /(\d{4})年(\d{1,2})月/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2].padStart(2, '0')}`;
  const y = /(\d{4})年度/.exec(t);
  return y ? y[1] : null;
}
