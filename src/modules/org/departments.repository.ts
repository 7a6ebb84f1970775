import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, DepartmentTable } from '../../db/schema.js';

export type DepartmentRow = Selectable<DepartmentTable>;

export class DepartmentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async upsertMany(rows: Insertable<DepartmentTable>[]): Promise<void> {
    for (const r of rows) {
      await this.db
        .insertInto('departments')
        .values(r)
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            kind: eb.ref('excluded.kind'),
            region_code: eb.ref('excluded.region_code'),
            aliases: eb.ref('excluded.aliases'),
          })),
        )
        .execute();
    }
  }

  list(): Promise<DepartmentRow[]> {
    return this.db.selectFrom('departments').selectAll().where('active', '=', 1).orderBy('id').execute();
  }

  get(id: number): Promise<DepartmentRow | undefined> {
    return this.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  byCode(code: string): Promise<DepartmentRow | undefined> {
    return this.db.selectFrom('departments').selectAll().where('code', '=', code).executeTakeFirst();
  }
}
