import type { DbHandle } from '../../db/connect.js';
import type { Region } from '../../shared/api/directory.js';
import { regionPrefix } from '../../shared/region-scope.js';
import { LIAOYANG_DIVISIONS, LIAOYANG_PROVINCE, type Division } from './liaoyang-divisions.js';
import { RegionsRepository, type RegionRow } from './regions.repository.js';

/** Codes in the seed took effect before the plan; later changes carry their own dates. */
export const SEED_VALID_FROM = '2018-01-01';

export function toRegion(r: RegionRow): Region {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    urbanRuralCode: r.urban_rural_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

export class RegionsService {
  readonly repo: RegionsRepository;
  constructor(h: DbHandle) {
    this.repo = new RegionsRepository(h.db);
  }

  /** Seeds Liaoyang's divisions (idempotent). */
  async seedLiaoyang(): Promise<number> {
    return this.importDivisions([LIAOYANG_PROVINCE, ...LIAOYANG_DIVISIONS]);
  }

  /** Adds or updates divisions (e.g. villages generated for the demo city). */
  importDivisions(divs: readonly (Division & { urbanRuralCode?: string | null })[], validFrom = SEED_VALID_FROM) {
    return this.repo.upsertMany(
      divs.map((d) => ({
        code: d.code,
        name: d.name,
        level: d.level,
        parent_code: d.parentCode,
        urban_rural_code: d.urbanRuralCode ?? null,
        valid_from: validFrom,
        valid_to: null,
      })),
    );
  }

  /** Regions within the user's scope (the scope itself included). */
  async list(scope: string, q: { parent?: string; level?: string; on?: string }): Promise<Region[]> {
    const onDate = q.on ?? new Date().toISOString().slice(0, 10);
    const rows = await this.repo.list({ prefix: regionPrefix(scope), parent: q.parent, level: q.level, onDate });
    return rows.map(toRegion);
  }

  async get(code: string): Promise<Region | undefined> {
    const r = await this.repo.get(code);
    return r && toRegion(r);
  }
}
