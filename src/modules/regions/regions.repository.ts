import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, RegionTable } from '../../db/schema.js';

export type RegionRow = Selectable<RegionTable>;

export class RegionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async upsertMany(rows: Insertable<RegionTable>[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await this.db
        .insertInto('regions')
        .values(chunk)
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            level: eb.ref('excluded.level'),
            parent_code: eb.ref('excluded.parent_code'),
            urban_rural_code: eb.ref('excluded.urban_rural_code'),
          })),
        )
        .execute();
      n += chunk.length;
    }
    return n;
  }

  /** Regions inside `prefix` (a significant code prefix), valid on `onDate`. */
  list(opts: { prefix: string; parent?: string; level?: string; onDate: string }): Promise<RegionRow[]> {
    let q = this.db
      .selectFrom('regions')
      .selectAll()
      .where('code', 'like', `${opts.prefix}%`)
      .where('valid_from', '<=', opts.onDate)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', opts.onDate)]));
    if (opts.parent) q = q.where('parent_code', '=', opts.parent);
    if (opts.level) q = q.where('level', '=', opts.level);
    return q.orderBy('code').execute();
  }

  get(code: string): Promise<RegionRow | undefined> {
    return this.db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('regions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
