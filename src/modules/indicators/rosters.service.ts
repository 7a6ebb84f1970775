/**
 * Key-group rosters (重点群体名单): a city-level department uploads the ID numbers of a group's members
 * (.xlsx or .csv); they are kept only as the registry's keyed blind index, never in plain text, and the
 * key-group figures are recomputed from them. Bad numbers come back with their row and reason (masked);
 * the good ones are saved in one transaction and the figures recomputed. Audited without the numbers.
 */
import { KEY_GROUP_LABELS, type RosterImport, type RosterResult, type RosterSummary } from '../../shared/api/indicators.js';
import { levelOf } from '../../shared/region-scope.js';
import { AppError, forbidden, notFound } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { bufferSource, formatOf, readRows } from '../registry/import/source.js';
import type { RawRow } from '../registry/readers/types.js';
import type { RegistryService } from '../registry/registry.service.js';
import { hasPermissionIn } from './access.js';
import type { IndicatorsRepository } from './indicators.repository.js';
import type { IndicatorUser } from './indicators.service.js';
import { parseRoster } from './rosters.js';
import { CITY } from './sources.js';

const MAX_ROWS = 500_000;

export class RostersService {
  constructor(
    private readonly repo: IndicatorsRepository,
    private readonly audit: AuditService,
    private readonly registry: RegistryService,
    private readonly recompute: () => Promise<unknown>,
  ) {}

  private check(user: IndicatorUser): void {
    if (!hasPermissionIn(user, 'indicators.enter')) throw forbidden('您的角色无权报送重点群体名单');
    if (levelOf(user.regionCode) !== 'prefecture') throw new AppError(403, 'CITY_LEVEL_ONLY', '重点群体名单由市级单位统一报送');
  }

  async import(user: IndicatorUser, group: string, input: RosterImport, actor: Actor): Promise<RosterResult> {
    this.check(user);
    if (!KEY_GROUP_LABELS[group]) throw notFound('重点群体');
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length === 0) throw new AppError(400, 'EMPTY_FILE', '文件是空的');
    const rows = await readAll(input.fileName, bytes);
    const parsed = parseRoster(rows);
    if (!parsed) throw new AppError(400, 'NO_ID_COLUMN', '文件中没有找到身份证号列（表头如“身份证号”“公民身份号码”，或一列身份证号）');
    const bidxs = parsed.ids.map((id) => this.registry.protector.idIndex(id));
    const known = await this.repo.countRegistered(bidxs);
    const { added, removed } = await this.repo.saveRoster(group, input.source, bidxs, input.replace);
    await this.recompute(); // the key-group figures answer with the new roster, as after an approved entry
    const result: RosterResult = {
      group: group as RosterResult['group'], source: input.source, header: parsed.header, accepted: parsed.ids.length, duplicates: parsed.duplicates,
      added, removed, notInRegistry: parsed.ids.length - known, rejects: parsed.rejects,
    };
    await this.audit.record(actor, {
      action: 'indicators.roster.import', objectType: 'key_group', objectId: group, regionCode: CITY,
      detail: { source: input.source, fileName: input.fileName, replace: input.replace, accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejects.length, added, removed, notInRegistry: result.notInRegistry },
    });
    return result;
  }

  async summary(user: IndicatorUser): Promise<RosterSummary> {
    this.check(user);
    const order = Object.keys(KEY_GROUP_LABELS);
    return (await this.repo.rosterSummary())
      .sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group) || Number(a.synthetic) - Number(b.synthetic) || a.source.localeCompare(b.source))
      .map((r) => ({ ...r, group: r.group as RosterSummary[number]['group'], label: KEY_GROUP_LABELS[r.group] ?? { zh: r.group, en: r.group } }));
  }
}

async function readAll(fileName: string, bytes: Buffer): Promise<RawRow[]> {
  const src = bufferSource(fileName, bytes);
  const rows: RawRow[] = [];
  try {
    for await (const batch of readRows(src, await formatOf(src)).batches) {
      rows.push(...batch);
      if (rows.length > MAX_ROWS) throw new AppError(400, 'ROSTER_TOO_LARGE', `名单超过 ${MAX_ROWS.toLocaleString('en-US')} 行，请分批上传`);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(400, 'BAD_FILE', '无法读取文件：请上传 .xlsx 或 .csv 文件');
  }
  return rows;
}
