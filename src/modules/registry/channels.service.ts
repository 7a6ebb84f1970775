/**
 * Channels as data, their column mappings, and the personal-information impact assessments
 * (PIPL art. 55–56) that must be on file before a sensitive channel may import.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { nowIso } from '../../shared/time.js';
import { AppError, badRequest, notFound } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { DEFAULT_CHANNELS } from './channels.js';
import type { ChannelForImport } from './import/importer.js';
import { ChannelMappingSchema, type ChannelMapping } from './mapping.js';

export interface Channel {
  id: number;
  code: string;
  name: string;
  department: string;
  description: string;
  sensitive: boolean;
  active: boolean;
  mapping: ChannelMapping;
  updatedAt: string;
  updatedBy: string;
  /** the newest impact assessment still valid today, if any */
  pia: Pia | null;
}

export interface PiaInput {
  purpose: string;
  legalBasis: string;
  dataItems: string;
  risks: string;
  measures: string;
  riskLevel: 'low' | 'medium' | 'high';
  assessor: string;
  assessedOn: string;
  validUntil: string;
}

export interface Pia extends PiaInput {
  id: number;
  channelId: number;
  filedBy: string;
  filedAt: string;
}

export interface ChannelPatch {
  name?: string;
  department?: string;
  description?: string;
  sensitive?: boolean;
  active?: boolean;
  mapping?: unknown;
}

const today = () => new Date().toISOString().slice(0, 10);

export class ChannelsService {
  private seeded: Promise<number> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditService,
  ) {}

  /** Seeds the default channels that are not there yet (by code); existing ones are left as edited. */
  async seedDefaults(): Promise<number> {
    const have = new Set((await this.db.selectFrom('reg_channels').select('code').execute()).map((r) => r.code));
    const now = nowIso();
    const add = DEFAULT_CHANNELS.filter((c) => !have.has(c.code));
    for (const c of add) {
      await this.db
        .insertInto('reg_channels')
        .values({
          code: c.code, name: c.name, department: c.department, description: c.description, sensitive: c.sensitive ? 1 : 0,
          mapping: JSON.stringify(ChannelMappingSchema.parse(c.mapping)), active: 1, updated_at: now, updated_by: 'system',
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    return add.length;
  }

  /** Seeds the defaults once per process, on first use. */
  ready(): Promise<number> {
    this.seeded ??= this.seedDefaults().catch((e) => {
      this.seeded = null;
      throw e;
    });
    return this.seeded;
  }

  async list(asOf = today()): Promise<Channel[]> {
    await this.ready();
    const rows = await this.db.selectFrom('reg_channels').selectAll().orderBy('id').execute();
    const pias = await this.db.selectFrom('reg_pias').selectAll().where('valid_until', '>=', asOf).orderBy('id', 'desc').execute();
    return rows.map((r) => toChannel(r, pias.find((p) => p.channel_id === r.id && p.assessed_on <= asOf)));
  }

  async get(code: string, asOf = today()): Promise<Channel> {
    const c = (await this.list(asOf)).find((x) => x.code === code);
    if (!c) throw notFound(`渠道 ${code} `);
    return c;
  }

  async byId(id: number): Promise<Channel> {
    const c = (await this.list()).find((x) => x.id === id);
    if (!c) throw notFound('渠道');
    return c;
  }

  async update(code: string, patch: ChannelPatch, actor: Actor): Promise<Channel> {
    const c = await this.get(code);
    let mapping: ChannelMapping | undefined;
    if (patch.mapping !== undefined) {
      const parsed = ChannelMappingSchema.safeParse(patch.mapping);
      if (!parsed.success) throw badRequest('BAD_MAPPING', `列映射无效：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
      mapping = parsed.data;
    }
    await this.db
      .updateTable('reg_channels')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.department !== undefined && { department: patch.department }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.sensitive !== undefined && { sensitive: patch.sensitive ? 1 : 0 }),
        ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
        ...(mapping && { mapping: JSON.stringify(mapping) }),
        updated_at: nowIso(),
        updated_by: actor.username ?? 'system',
      })
      .where('id', '=', c.id)
      .execute();
    await this.audit.record(actor, { action: 'registry.channel.update', objectType: 'reg_channel', objectId: c.id, detail: { code, fields: Object.keys(patch) } });
    return this.get(code);
  }

  async filePia(code: string, input: PiaInput, actor: Actor): Promise<Pia> {
    const c = await this.get(code);
    if (input.validUntil < input.assessedOn) throw badRequest('BAD_PIA_DATES', '有效期须晚于评估日期');
    const now = nowIso();
    const row = await this.db
      .insertInto('reg_pias')
      .values({
        channel_id: c.id, purpose: input.purpose, legal_basis: input.legalBasis, data_items: input.dataItems, risks: input.risks, measures: input.measures,
        risk_level: input.riskLevel, assessor: input.assessor, assessed_on: input.assessedOn, valid_until: input.validUntil, filed_by: actor.username ?? 'system', filed_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.audit.record(actor, { action: 'registry.pia.file', objectType: 'reg_channel', objectId: c.id, detail: { code, riskLevel: input.riskLevel, validUntil: input.validUntil } });
    return toPia(row);
  }

  async pias(code: string): Promise<Pia[]> {
    const c = await this.get(code);
    return (await this.db.selectFrom('reg_pias').selectAll().where('channel_id', '=', c.id).orderBy('id', 'desc').execute()).map(toPia);
  }

  /** The channel, ready to import: active, and with a valid impact assessment when it is sensitive. */
  async forImport(code: string, asOf = today()): Promise<ChannelForImport & { channel: Channel }> {
    const c = await this.get(code, asOf);
    if (!c.active) throw new AppError(409, 'CHANNEL_INACTIVE', `渠道“${c.name}”已停用`);
    if (c.sensitive && !c.pia) {
      throw new AppError(409, 'PIA_REQUIRED', `渠道“${c.name}”含敏感个人信息，须先登记有效的个人信息保护影响评估（《个人信息保护法》第五十五条）后方可导入`);
    }
    return { id: c.id, code: c.code, mapping: c.mapping, channel: c };
  }
}

type ChannelRow = Selectable<Database['reg_channels']>;
type PiaRow = Selectable<Database['reg_pias']>;

function toPia(r: PiaRow): Pia {
  return {
    id: r.id, channelId: r.channel_id, purpose: r.purpose, legalBasis: r.legal_basis, dataItems: r.data_items, risks: r.risks, measures: r.measures,
    riskLevel: r.risk_level as Pia['riskLevel'], assessor: r.assessor, assessedOn: r.assessed_on, validUntil: r.valid_until, filedBy: r.filed_by, filedAt: r.filed_at,
  };
}

function toChannel(r: ChannelRow, pia: PiaRow | undefined): Channel {
  return {
    id: r.id, code: r.code, name: r.name, department: r.department, description: r.description, sensitive: !!r.sensitive, active: !!r.active,
    mapping: ChannelMappingSchema.parse(JSON.parse(r.mapping)), updatedAt: r.updated_at, updatedBy: r.updated_by, pia: pia ? toPia(pia) : null,
  };
}
