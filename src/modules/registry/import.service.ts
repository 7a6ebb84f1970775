/**
 * Imports and their quarantine: run a channel file as a batch (audited), list batches, and look at,
 * download, fix and re-submit rejected rows. Rejected rows hold personal data: they are stored
 * encrypted, shown masked, scoped by the region they name, and every read is audited.
 */
import { createHash } from 'node:crypto';
import type { DbHandle } from '../../db/connect.js';
import { nowIso } from '../../shared/time.js';
import { AppError, notFound } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { ChannelsService } from './channels.service.js';
import { Importer, type ImportOptions, type ImportReport } from './import/importer.js';
import { mapRow, planColumns, problemMessage, type RowProblem } from './import/row-mapper.js';
import type { FileSource } from './import/source.js';
import type { RawRow } from './readers/types.js';
import { maskAccount, maskAddress, maskName, maskPhone, maskResidentId, type Protector } from './protect.js';
import { scopePattern, type RegistryViewer } from './scope.js';

export interface BatchSummary {
  id: number;
  channelCode: string;
  channelName: string;
  source: string;
  fileName: string;
  rowsRead: number;
  rowsOk: number;
  rowsRejected: number;
  rowsDuplicate: number;
  recordsAdded: number;
  personsAdded: number;
  encoding: string | null;
  stats: Record<string, unknown>;
  startedAt: string;
  finishedAt: string;
  importedBy: string;
  openRejects: number;
}

export interface QuarantineRow {
  id: number;
  batchId: number;
  channelCode: string;
  rowNo: number;
  regionCode: string;
  status: string;
  reasons: { field: string; code: string; message: string }[];
  /** {header: value}; identifiers masked unless the caller unmasked with a purpose */
  values: Record<string, string>;
}

export class ImportService {
  readonly importer: Importer;

  constructor(
    private readonly h: DbHandle,
    private readonly protector: Protector,
    private readonly channels: ChannelsService,
    private readonly audit: AuditService,
  ) {
    this.importer = new Importer(h, protector);
  }

  /** Imports one file of a channel (refused without a valid impact assessment for a sensitive channel). */
  async importFile(channelCode: string, src: FileSource, actor: Actor, opts: Omit<ImportOptions, 'importedBy'> = {}): Promise<ImportReport> {
    const ch = await this.channels.forImport(channelCode, opts.asOf);
    let report: ImportReport;
    try {
      report = await this.importer.importFile(ch, src, { ...opts, importedBy: actor.username ?? 'system' });
    } catch (e) {
      await this.audit.record(actor, {
        action: 'registry.import', outcome: 'failure', objectType: 'reg_channel', objectId: ch.id,
        detail: { channel: channelCode, file: src.name, error: e instanceof AppError ? e.code : 'ERROR' },
      });
      throw e;
    }
    await this.audit.record(actor, {
      action: 'registry.import', objectType: 'reg_batch', objectId: report.batchId,
      detail: {
        channel: channelCode, file: src.name, sha256: report.sha256, duplicate: report.duplicate, rowsRead: report.rowsRead, rowsOk: report.rowsOk,
        rowsRejected: report.rowsRejected, recordsAdded: report.recordsAdded, personsAdded: report.personsAdded,
      },
    });
    return report;
  }

  /**
   * Imports rows produced in the same process (the demo city's channels) as one batch of a
   * channel, exactly like a file: PIA gate, same validation, same atomicity, audited.
   * `sourceId` plays the part of the file hash (the same source twice is one batch).
   */
  async importRowSource(
    channelCode: string,
    name: string,
    sourceId: string,
    batches: AsyncIterable<RawRow[]> | Iterable<RawRow[]>,
    actor: Actor,
    opts: Omit<ImportOptions, 'importedBy'> = {},
  ): Promise<ImportReport & { duplicate: boolean }> {
    const ch = await this.channels.forImport(channelCode, opts.asOf);
    const sha256 = createHash('sha256').update(sourceId).digest('hex');
    const dup = await this.h.db.selectFrom('reg_batches').select('id').where('channel_id', '=', ch.id).where('file_sha256', '=', sha256).executeTakeFirst();
    if (dup) return { ...emptyReport(dup.id, name, sha256), duplicate: true };
    const report = await this.importer.importBatches(ch, batches, { fileName: name, sha256, size: 0 }, { ...opts, importedBy: actor.username ?? 'system' });
    await this.audit.record(actor, {
      action: 'registry.import', objectType: 'reg_batch', objectId: report.batchId,
      detail: { channel: channelCode, file: name, source: opts.source ?? 'file', rowsRead: report.rowsRead, rowsOk: report.rowsOk, rowsRejected: report.rowsRejected, recordsAdded: report.recordsAdded, personsAdded: report.personsAdded },
    });
    return report;
  }

  async batches(limit = 200): Promise<BatchSummary[]> {
    const rows = await this.h.db
      .selectFrom('reg_batches')
      .innerJoin('reg_channels', 'reg_channels.id', 'reg_batches.channel_id')
      .selectAll('reg_batches')
      .select(['reg_channels.code as channel_code', 'reg_channels.name as channel_name'])
      .select((eb) =>
        eb.selectFrom('reg_quarantine').select((e2) => e2.fn.countAll<number>().as('n')).whereRef('reg_quarantine.batch_id', '=', 'reg_batches.id').where('reg_quarantine.status', '=', 'open').as('open_rejects'),
      )
      .orderBy('reg_batches.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id, channelCode: r.channel_code, channelName: r.channel_name, source: r.source, fileName: r.file_name, rowsRead: r.rows_read, rowsOk: r.rows_ok,
      rowsRejected: r.rows_rejected, rowsDuplicate: r.rows_duplicate, recordsAdded: r.records_added, personsAdded: r.persons_added, encoding: r.encoding,
      stats: JSON.parse(r.stats) as Record<string, unknown>, startedAt: r.started_at, finishedAt: r.finished_at, importedBy: r.imported_by, openRejects: Number(r.open_rejects ?? 0),
    }));
  }

  private async quarantineRows(v: RegistryViewer, q: { batchId?: number; channelCode?: string; status?: string; ids?: number[] }) {
    let query = this.h.db
      .selectFrom('reg_quarantine')
      .innerJoin('reg_channels', 'reg_channels.id', 'reg_quarantine.channel_id')
      .selectAll('reg_quarantine')
      .select('reg_channels.code as channel_code')
      .where('reg_quarantine.region_code', 'like', scopePattern(v.regionCode));
    if (q.batchId !== undefined) query = query.where('reg_quarantine.batch_id', '=', q.batchId);
    if (q.channelCode) query = query.where('reg_channels.code', '=', q.channelCode);
    if (q.status) query = query.where('reg_quarantine.status', '=', q.status);
    if (q.ids) query = query.where('reg_quarantine.id', 'in', q.ids.length ? q.ids : [-1]);
    return query.orderBy('reg_quarantine.batch_id').orderBy('reg_quarantine.row_no').limit(10000).execute();
  }

  /** Rejected rows within the viewer's scope, identifiers masked. The read is audited. */
  async quarantine(v: RegistryViewer, q: { batchId?: number; channelCode?: string; status?: string }, actor: Actor): Promise<QuarantineRow[]> {
    const rows = await this.quarantineRows(v, q);
    await this.audit.record(actor, { action: 'registry.quarantine.read', objectType: 'reg_quarantine', regionCode: v.regionCode, detail: { ...q, rows: rows.length } });
    return rows.map((r) => ({
      id: r.id, batchId: r.batch_id, channelCode: r.channel_code, rowNo: r.row_no, regionCode: r.region_code, status: r.status,
      reasons: (JSON.parse(r.reasons) as RowProblem[]).map((p) => ({ ...p, message: problemMessage(p) })),
      values: maskRaw(JSON.parse(this.protector.dec(r.raw_enc)) as Record<string, string>),
    }));
  }

  /**
   * The reject file: the rejected rows with their original headers and a 错误原因 column, as CSV
   * (UTF-8 with BOM so Excel opens it), unmasked so they can be corrected. Needs a stated purpose; audited.
   */
  async rejectFile(v: RegistryViewer, batchId: number, purpose: string, actor: Actor): Promise<{ name: string; bytes: Buffer }> {
    const rows = await this.quarantineRows(v, { batchId, status: 'open' });
    const batch = await this.h.db.selectFrom('reg_batches').select(['file_name']).where('id', '=', batchId).executeTakeFirst();
    if (!batch) throw notFound('导入批次');
    const records = rows.map((r) => ({ row: r.row_no, values: JSON.parse(this.protector.dec(r.raw_enc)) as Record<string, string>, reasons: JSON.parse(r.reasons) as RowProblem[] }));
    const headers: string[] = [];
    for (const r of records) for (const k of Object.keys(r.values)) if (!headers.includes(k)) headers.push(k);
    const esc = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const lines = [['原行号', ...headers, '错误原因'].map(esc).join(',')];
    for (const r of records) lines.push([String(r.row), ...headers.map((h) => r.values[h] ?? ''), r.reasons.map(problemMessage).join('；')].map(esc).join(','));
    await this.audit.record(actor, { action: 'registry.quarantine.export', objectType: 'reg_batch', objectId: batchId, regionCode: v.regionCode, detail: { rows: rows.length, purpose } });
    const base = batch.file_name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
    return { name: `${base}-拒收行.csv`, bytes: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
  }

  /** The unmasked values of one rejected row, for correcting it (audited with the purpose). */
  async rejectedRow(v: RegistryViewer, id: number, purpose: string, actor: Actor): Promise<QuarantineRow> {
    const [r] = await this.quarantineRows(v, { ids: [id] });
    if (!r) throw notFound('拒收行');
    await this.audit.record(actor, { action: 'registry.quarantine.unmask', objectType: 'reg_quarantine', objectId: id, regionCode: r.region_code, detail: { purpose } });
    return {
      id: r.id, batchId: r.batch_id, channelCode: r.channel_code, rowNo: r.row_no, regionCode: r.region_code, status: r.status,
      reasons: (JSON.parse(r.reasons) as RowProblem[]).map((p) => ({ ...p, message: problemMessage(p) })),
      values: JSON.parse(this.protector.dec(r.raw_enc)) as Record<string, string>,
    };
  }

  /** Replaces a rejected row's values with corrected ones (still quarantined until re-submitted). */
  async fixRow(v: RegistryViewer, id: number, values: Record<string, string>, actor: Actor): Promise<void> {
    const [r] = await this.quarantineRows(v, { ids: [id], status: 'open' });
    if (!r) throw notFound('拒收行');
    const before = JSON.parse(this.protector.dec(r.raw_enc)) as Record<string, string>;
    const after = { ...before };
    for (const [k, val] of Object.entries(values)) if (k in before) after[k] = val;
    await this.h.db.updateTable('reg_quarantine').set({ raw_enc: this.protector.enc(JSON.stringify(after)), updated_at: nowIso(), updated_by: actor.username }).where('id', '=', id).execute();
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    await this.audit.record(actor, { action: 'registry.quarantine.fix', objectType: 'reg_quarantine', objectId: id, regionCode: r.region_code, detail: { changed } });
  }

  /** Marks rows as not to be imported. */
  async dismiss(v: RegistryViewer, ids: number[], actor: Actor): Promise<number> {
    const rows = await this.quarantineRows(v, { ids, status: 'open' });
    if (rows.length) await this.h.db.updateTable('reg_quarantine').set({ status: 'dismissed', updated_at: nowIso(), updated_by: actor.username }).where('id', 'in', rows.map((r) => r.id)).execute();
    await this.audit.record(actor, { action: 'registry.quarantine.dismiss', objectType: 'reg_quarantine', detail: { ids: rows.map((r) => r.id) } });
    return rows.length;
  }

  /**
   * Re-submits open rows of one batch: rows that now pass go in as a new batch ('resubmit'), the
   * others stay quarantined with their new reasons.
   */
  async resubmit(v: RegistryViewer, batchId: number, ids: number[] | null, actor: Actor, asOf?: string): Promise<{ batchId: number | null; accepted: number; stillRejected: number }> {
    const rows = await this.quarantineRows(v, { batchId, status: 'open', ...(ids && { ids }) });
    if (rows.length === 0) return { batchId: null, accepted: 0, stillRejected: 0 };
    const batch = await this.h.db.selectFrom('reg_batches').selectAll().where('id', '=', batchId).executeTakeFirstOrThrow();
    const channel = await this.channels.byId(batch.channel_id);
    const ch = await this.channels.forImport(channel.code, asOf);
    const parsed = rows.map((r) => ({ r, values: JSON.parse(this.protector.dec(r.raw_enc)) as Record<string, string> }));
    const paths: string[] = [];
    for (const p of parsed) for (const k of Object.keys(p.values)) if (!paths.includes(k)) paths.push(k);
    const plan = planColumns(paths, ch.mapping);
    const regions = new Set((await this.h.db.selectFrom('regions').select('code').execute()).map((x) => x.code));
    const ctx = { mapping: ch.mapping, plan, regionExists: (c: string) => regions.has(c), asOf: asOf ?? nowIso().slice(0, 10) };
    const good: typeof parsed = [];
    for (const p of parsed) {
      const cells = paths.map((h) => p.values[h] ?? '');
      const m = mapRow(cells, ctx);
      if (m.ok) good.push(p);
      else await this.h.db.updateTable('reg_quarantine').set({ reasons: JSON.stringify(m.problems), updated_at: nowIso(), updated_by: actor.username }).where('id', '=', p.r.id).execute();
    }
    let newBatch: number | null = null;
    if (good.length) {
      const sha256 = createHash('sha256').update(JSON.stringify(good.map((g) => [g.r.id, g.values]))).digest('hex');
      const report = await this.importer.importRows(
        ch, paths, good.map((g) => ({ no: g.r.row_no, cells: paths.map((h) => g.values[h] ?? '') })),
        { fileName: `${batch.file_name}（拒收行重新提交）`, sha256 }, { importedBy: actor.username ?? 'system', source: 'resubmit', asOf },
      );
      newBatch = report.batchId;
      await this.h.db.updateTable('reg_quarantine').set({ status: 'fixed', fixed_batch_id: newBatch, updated_at: nowIso(), updated_by: actor.username }).where('id', 'in', good.map((g) => g.r.id)).execute();
    }
    await this.audit.record(actor, { action: 'registry.quarantine.resubmit', objectType: 'reg_batch', objectId: batchId, detail: { newBatch, accepted: good.length, stillRejected: rows.length - good.length } });
    return { batchId: newBatch, accepted: good.length, stillRejected: rows.length - good.length };
  }
}

/** Masks what looks like an identifier in a raw row: ID numbers, names, phones, addresses, accounts. */
export function maskRaw(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(values)) {
    const s = val.trim();
    if (s === '') out[k] = s;
    else if (/身份|证件|识别号/.test(k) || /^[\d\uFF10-\uFF19]{15,18}[xX\uFF38\uFF58]?$/.test(s.replace(/\s/g, ''))) out[k] = maskResidentId(s);
    else if (/姓名|权利人|户主/.test(k) && !/关系/.test(k)) out[k] = maskName(s);
    else if (/电话|手机/.test(k)) out[k] = maskPhone(s);
    else if (/地址|住址|坐落/.test(k)) out[k] = maskAddress(s);
    else if (/账号|卡号|账户|证号|单元号/.test(k)) out[k] = maskAccount(s);
    else out[k] = s;
  }
  return out;
}

function emptyReport(batchId: number, fileName: string, sha256: string): ImportReport {
  return {
    batchId, duplicate: true, fileName, sha256, encoding: null, header: { firstRow: 0, depth: 0, columns: [] }, rowsRead: 0, rowsOk: 0, rowsRejected: 0, recordsAdded: 0,
    recordsDuplicate: 0, personsAdded: 0, householdsAdded: 0, linkedById: 0, pendingLinkage: 0, fixes: {}, problems: {},
  };
}
