/**
 * One channel file → one batch, all or nothing. The file is hashed first (the same file twice is one
 * batch), its header found, then every row is read, validated and written inside one transaction:
 * a failure or a killed process leaves the database exactly as before, and the import can simply
 * be run again.
 */
import type { DbHandle } from '../../../db/connect.js';
import { nowIso } from '../../../shared/time.js';
import { AppError } from '../../app-error.js';
import { lockImports, syncSequence } from '../bulk.js';
import { mappingAliases, type ChannelMapping } from '../mapping.js';
import type { Protector } from '../protect.js';
import { detectHeader } from '../readers/headers.js';
import type { RawRow } from '../readers/types.js';
import { SheetNotFoundError } from '../readers/xlsx.js';
import { BatchWriter, type BatchCounts } from './batch-writer.js';
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
}

const SAMPLE_ROWS = 30;

export class Importer {
  constructor(
    private readonly h: DbHandle,
    private readonly protector: Protector,
  ) {}

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
      // The header: found in the first rows.
      const sample: RawRow[] = [];
      let rest: RawRow[] = [];
      // (next() by hand: leaving a for-await loop early would close the generator)
      while (sample.length < SAMPLE_ROWS) {
        const n = await reader.batches.next();
        if (n.done) break;
        sample.push(...n.value);
      }
      const guess = detectHeader(sample.map((r) => r.cells), mappingAliases(channel.mapping), channel.mapping.headerRows);
      if (!guess) throw new AppError(400, 'HEADER_NOT_FOUND', '未找到与该渠道列映射相符的表头，请检查文件或渠道的列映射');
      const plan = planColumns(guess.paths, channel.mapping);
      if (plan.missing.length) throw new AppError(400, 'COLUMNS_MISSING', `文件缺少必需的列：${plan.missing.join('，')}`, { missing: plan.missing, columns: guess.paths });
      rest = sample.slice(guess.start + guess.depth);
      const header = { firstRow: sample[guess.start]?.no ?? 1, depth: guess.depth, columns: guess.paths };

      const report = await this.writeBatch(channel, plan, guess.paths, { fileName: src.name, sha256, size: src.size, encoding: () => reader.encoding() }, opts, async (w) => {
        for (const r of rest) await w.addRow(r.no, r.cells);
        for await (const batch of reader.batches) {
          for (const r of batch) await w.addRow(r.no, r.cells);
          progress.phase = 'read';
          progress.bytesRead = reader.bytesRead();
          progress.rowsRead = w.counts.rowsRead;
          progress.rowsOk = w.counts.rowsOk;
          progress.rowsRejected = w.counts.rowsRejected;
          opts.onProgress?.(progress);
        }
        progress.phase = 'commit';
        progress.bytesRead = src.size;
        progress.rowsRead = w.counts.rowsRead;
        progress.rowsOk = w.counts.rowsOk;
        progress.rowsRejected = w.counts.rowsRejected;
        opts.onProgress?.(progress);
      });
      opts.onProgress?.({ ...progress, phase: 'done', rowsRead: report.rowsRead, rowsOk: report.rowsOk, rowsRejected: report.rowsRejected });
      return { ...report, header };
    } catch (e) {
      if (e instanceof SheetNotFoundError) throw new AppError(400, 'SHEET_NOT_FOUND', e.message);
      if (e instanceof AppError) throw e;
      const msg = (e as Error).message ?? String(e);
      if (/zip|end of central directory|invalid signature/i.test(msg)) throw new AppError(400, 'BAD_FILE', `文件无法读取（不是有效的 XLSX/CSV）: ${msg}`);
      throw e;
    } finally {
      await reader.batches.return(undefined);
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
    meta: { fileName: string; sha256: string; size: number; encoding: () => string | null },
    opts: ImportOptions,
    feed: (w: BatchWriter) => Promise<void>,
  ): Promise<Omit<ImportReport, 'header'>> {
    const { db, dialect } = this.h;
    const startedAt = nowIso();
    const asOf = opts.asOf ?? startedAt.slice(0, 10);
    const regions = new Set((await db.selectFrom('regions').select('code').execute()).map((r) => r.code));
    const regionExists = (code: string) => regions.has(code);
    return db.transaction().execute(async (trx) => {
      await lockImports(trx, dialect);
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
        trx, dialect, protector: this.protector, channelId: channel.id, channelCode: channel.code, batchId, mapping: channel.mapping, plan, paths, regionExists, asOf, now: startedAt,
      });
      await w.init();
      await feed(w);
      const c = await w.finish();
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
      const { recordsAttempted, ...rest } = c;
      return { ...rest, batchId, duplicate: false, fileName: meta.fileName, sha256: meta.sha256, encoding, recordsDuplicate: recordsAttempted - c.recordsAdded };
    });
  }
}
