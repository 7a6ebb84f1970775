/**
 * Bulk writes for imports: thousands of rows per statement — SQLite: multi-row VALUES with bound
 * parameters; PostgreSQL: one JSON parameter expanded by json_array_elements — so a statement is
 * compiled once per chunk, not once per row. Column types matter only to PostgreSQL's casts.
 */
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import type { DialectName } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';

export type ColType = 'int' | 'bigint' | 'text' | 'float';
export interface Col {
  name: string;
  type: ColType;
}

type Db = Kysely<Database> | Transaction<Database>;

const PG_CAST: Record<ColType, string> = { int: 'integer', bigint: 'bigint', text: 'text', float: 'double precision' };
const IDENT = /^[a-z_][a-z0-9_]*$/;

function check(table: string, cols: readonly Col[]) {
  if (!IDENT.test(table) || cols.some((c) => !IDENT.test(c.name))) throw new Error('bulk: bad identifier');
}

/**
 * Inserts rows (arrays in column order). With `ignoreConflicts`, rows that violate a unique
 * constraint are skipped. Returns the number of rows inserted.
 */
export async function bulkInsert(db: Db, dialect: DialectName, table: string, cols: readonly Col[], rows: readonly unknown[][], ignoreConflicts = false): Promise<number> {
  const flat: unknown[] = [];
  for (const r of rows) for (let k = 0; k < cols.length; k++) flat.push(r[k]);
  return bulkInsertFlat(db, dialect, table, cols, flat, ignoreConflicts);
}

/**
 * The same for rows laid end to end in one array (`cols.length` values each): imports buffer their
 * rows this way, one array per table instead of one per row (millions of small arrays are most of
 * an import's garbage collection).
 */
export async function bulkInsertFlat(db: Db, dialect: DialectName, table: string, cols: readonly Col[], flat: unknown[], ignoreConflicts = false, chunk = 5000): Promise<number> {
  check(table, cols);
  const w = cols.length;
  if (flat.length % w !== 0) throw new Error(`bulk: ${flat.length} values are not rows of ${w}`);
  if (dialect === 'sqlite') return sqliteInsert(db, table, cols, flat, ignoreConflicts);
  let inserted = 0;
  const names = cols.map((c) => c.name).join(', ');
  const sel = cols.map((c, k) => `(x ->> ${k})::${PG_CAST[c.type]}`).join(', ');
  for (let i = 0; i < flat.length / w; i += chunk) {
    const rows: unknown[][] = [];
    for (let j = i; j < Math.min(i + chunk, flat.length / w); j++) rows.push(flat.slice(j * w, (j + 1) * w));
    const json = JSON.stringify(rows);
    const stmt = sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names)}) SELECT ${sql.raw(sel)} FROM json_array_elements(${json}::json) AS x ${sql.raw(ignoreConflicts ? 'ON CONFLICT DO NOTHING' : '')}`;
    const r = await stmt.execute(db);
    inserted += Number(r.numAffectedRows ?? 0n);
  }
  return inserted;
}

/** SQLite allows 32,766 bound parameters per statement. */
const SQLITE_MAX_PARAMS = 32_766;
/** Statement texts by table, columns, rows and conflict rule: built once (the largest are ~100 KB). */
const sqliteText = new Map<string, string>();

/**
 * SQLite: multi-row VALUES with bound parameters, as many rows per statement as the parameter limit
 * allows (the statement text repeats, so SQLite's worker keeps it prepared): no JSON to write or parse.
 */
async function sqliteInsert(db: Db, table: string, cols: readonly Col[], flat: readonly unknown[], ignoreConflicts: boolean): Promise<number> {
  // Rows per statement: powers of two (the largest the limit allows, then smaller ones for the rest),
  // so that a table needs only a dozen distinct statements, each prepared once.
  const w = cols.length;
  const total = flat.length / w;
  let most = 1;
  while (most * 2 * w <= SQLITE_MAX_PARAMS) most *= 2;
  let inserted = 0;
  for (let i = 0; i < total; ) {
    let n = most;
    while (n > total - i) n /= 2;
    const params = flat.slice(i * w, (i + n) * w);
    for (let k = 0; k < params.length; k++) {
      const v = params[k];
      if (v === undefined) params[k] = null;
      else if (typeof v === 'boolean') params[k] = v ? 1 : 0;
    }
    const r = await db.executeQuery(CompiledQuery.raw(sqliteInsertText(table, cols, n, ignoreConflicts), params));
    inserted += Number(r.numAffectedRows ?? 0n);
    i += n;
  }
  return inserted;
}

function sqliteInsertText(table: string, cols: readonly Col[], n: number, ignoreConflicts: boolean): string {
  const names = cols.map((c) => c.name).join(', ');
  const key = `${table}(${names})${n}${ignoreConflicts ? '!' : ''}`;
  let text = sqliteText.get(key);
  if (text === undefined) {
    const tuple = `(${cols.map(() => '?').join(', ')})`;
    text = `INSERT INTO ${table} (${names}) VALUES ${new Array<string>(n).fill(tuple).join(', ')}${ignoreConflicts ? ' ON CONFLICT DO NOTHING' : ''}`;
    if (sqliteText.size > 512) sqliteText.clear();
    sqliteText.set(key, text);
  }
  return text;
}

/**
 * Updates rows by id: `rows` are [id, v1, v2, …] for `cols`; a null value leaves the column as it
 * was (COALESCE), so a channel that does not know a field never erases it.
 */
export async function bulkUpdate(db: Db, dialect: DialectName, table: string, cols: readonly Col[], rows: readonly unknown[][], chunk = 5000): Promise<void> {
  check(table, cols);
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk));
    if (dialect === 'sqlite') {
      const set = cols.map((c, k) => `${c.name} = COALESCE(u.value ->> ${k + 1}, ${table}.${c.name})`).join(', ');
      await sql`UPDATE ${sql.raw(table)} SET ${sql.raw(set)} FROM json_each(${json}) AS u WHERE ${sql.raw(table)}.id = u.value ->> 0`.execute(db);
    } else {
      const set = cols.map((c, k) => `${c.name} = COALESCE((u.x ->> ${k + 1})::${PG_CAST[c.type]}, ${table}.${c.name})`).join(', ');
      await sql`UPDATE ${sql.raw(table)} SET ${sql.raw(set)} FROM (SELECT x FROM json_array_elements(${json}::json) AS x) AS u WHERE ${sql.raw(table)}.id = (u.x ->> 0)::integer`.execute(db);
    }
  }
}

/** Next free id of a table inside the import transaction (the import holds the table's write lock). */
export async function nextId(db: Db, table: string): Promise<number> {
  if (!IDENT.test(table)) throw new Error('bulk: bad identifier');
  const r = await sql<{ m: number | null }>`SELECT MAX(id) AS m FROM ${sql.raw(table)}`.execute(db);
  return Number(r.rows[0]?.m ?? 0) + 1;
}

/**
 * Adds the income records of a batch (ids above `afterId`, inserted inside the caller's
 * transaction) to the per-person yearly sums `reg_income_year`, expenditure items negative.
 */
export async function addIncomeYear(db: Db, batchId: number, afterId: number, negativeItems: readonly string[]): Promise<void> {
  await sql`
    INSERT INTO reg_income_year (year, person_id, component, amount_fen, records)
    SELECT year, person_id, component, SUM(CASE WHEN item IN (${sql.join(negativeItems)}) THEN -amount_fen ELSE amount_fen END), COUNT(*)
    FROM reg_income WHERE id > ${afterId} AND batch_id = ${batchId}
    GROUP BY year, person_id, component
    ON CONFLICT (year, person_id, component) DO UPDATE SET amount_fen = reg_income_year.amount_fen + excluded.amount_fen, records = reg_income_year.records + excluded.records`.execute(db);
}

/** PostgreSQL: moves an identity sequence past explicitly inserted ids. */
export async function syncSequence(db: Db, dialect: DialectName, table: string): Promise<void> {
  if (dialect !== 'postgres') return;
  if (!IDENT.test(table)) throw new Error('bulk: bad identifier');
  await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), GREATEST((SELECT COALESCE(MAX(id), 0) FROM ${sql.raw(table)}), 1))`.execute(db);
}

/** Below this many rows a table's secondary indexes are rebuilt after a batch rather than kept up row by row. */
export const DEFER_INDEXES_BELOW = 50_000;

/**
 * SQLite, inside the caller's transaction: when `table` is still small, drops its non-unique indexes
 * and returns a function that creates them again. A first load (the population register into an
 * empty registry) then sorts each index once at the end instead of inserting millions of random
 * keys into it; unique indexes stay, so constraints hold throughout. DDL is transactional in SQLite:
 * a failed or killed batch leaves the indexes as they were. Elsewhere (PostgreSQL, larger tables): a no-op.
 */
export async function deferIndexes(db: Db, dialect: DialectName, table: string): Promise<() => Promise<void>> {
  const none = async () => {};
  if (dialect !== 'sqlite' || !IDENT.test(table)) return none;
  const n = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${sql.raw(table)} LIMIT ${DEFER_INDEXES_BELOW})`.execute(db);
  if (Number(n.rows[0].n) >= DEFER_INDEXES_BELOW) return none;
  const indexes = (await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ${table} AND sql IS NOT NULL`.execute(db)).rows
    .filter((i) => !/^\s*CREATE\s+UNIQUE\b/i.test(i.sql) && IDENT.test(i.name));
  for (const i of indexes) await sql`DROP INDEX ${sql.raw(i.name)}`.execute(db);
  return async () => {
    for (const i of indexes) await sql.raw(i.sql).execute(db);
  };
}

/** Serialises imports across processes on PostgreSQL (SQLite's single writer does this already). */
export async function lockImports(db: Db, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(55101)`.execute(db);
}
