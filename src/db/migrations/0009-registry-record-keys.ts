import type { Kysely } from 'kysely';

/**
 * Registry imports at the full city's size (issue 5): each record table's unique key leads with the
 * person (and year), instead of (channel, row key). A row key is a hash that includes the person's
 * identity key, and one identity key is always one person, so both keys reject exactly the same
 * repeated records — but the hash-led index received every insert at a random place (at 14 million
 * social-insurance records a cache miss each), where the person-led one is filled in the order the
 * channel's file lists its persons. The same index serves the lookups of a person's records, so the
 * separate (person_id, year) / (person_id) indexes go.
 */
const TABLES = [
  { table: 'reg_income', oldKey: 'reg_income_key', oldPerson: 'reg_income_person', key: ['person_id', 'year', 'channel_id', 'row_key'], person: ['person_id', 'year'] },
  { table: 'reg_social_insurance', oldKey: 'reg_si_key', oldPerson: 'reg_si_person', key: ['person_id', 'year', 'channel_id', 'row_key'], person: ['person_id', 'year'] },
  { table: 'reg_dibao', oldKey: 'reg_dibao_key', oldPerson: 'reg_dibao_person', key: ['person_id', 'channel_id', 'row_key'], person: ['person_id'] },
  { table: 'reg_property', oldKey: 'reg_property_key', oldPerson: 'reg_property_person', key: ['person_id', 'channel_id', 'row_key'], person: ['person_id'] },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const t of TABLES) {
    await db.schema.dropIndex(t.oldKey).execute();
    await db.schema.dropIndex(t.oldPerson).execute();
    await db.schema.createIndex(`${t.table}_person_key`).on(t.table).columns(t.key).unique().execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of TABLES) {
    await db.schema.dropIndex(`${t.table}_person_key`).execute();
    await db.schema.createIndex(t.oldKey).on(t.table).columns(['channel_id', 'row_key']).unique().execute();
    await db.schema.createIndex(t.oldPerson).on(t.table).columns(t.person).execute();
  }
}
