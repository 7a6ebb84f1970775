import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, UserTable } from '../../db/schema.js';

export type UserRow = Selectable<UserTable>;

/** All SQL for users, sessions and login attempts. */
export class AuthRepository {
  constructor(private readonly db: Kysely<Database>) {}

  userByName(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  userById(id: number): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertUser(u: Insertable<UserTable>): Promise<number> {
    const r = await this.db.insertInto('users').values(u).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async updateUser(id: number, patch: Updateable<UserTable>): Promise<void> {
    await this.db.updateTable('users').set(patch).where('id', '=', id).execute();
  }

  /** Users whose region lies within the prefix, with department and region names. */
  listUsers(prefix: string) {
    return this.db
      .selectFrom('users')
      .leftJoin('departments', 'departments.id', 'users.department_id')
      .innerJoin('regions', 'regions.code', 'users.region_code')
      .selectAll('users')
      .select(['departments.name as department_name', 'regions.name as region_name'])
      .where('users.region_code', 'like', `${prefix}%`)
      .orderBy('users.id')
      .execute();
  }

  async countUsers(): Promise<number> {
    const r = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  // --- sessions ---
  async insertSession(s: Insertable<Database['sessions']>): Promise<void> {
    await this.db.insertInto('sessions').values(s).execute();
  }

  session(idHash: string) {
    return this.db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  }

  async touchSession(idHash: string, at: string, secondFactor?: number): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set(secondFactor === undefined ? { last_seen_at: at } : { last_seen_at: at, second_factor: secondFactor })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteUserSessions(userId: number, exceptIdHash?: string): Promise<void> {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptIdHash) q = q.where('id_hash', '!=', exceptIdHash);
    await q.execute();
  }

  async deleteIdleSessions(before: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('last_seen_at', '<', before).execute();
  }

  // --- login attempts (lockout) ---
  async recordAttempt(username: string, ts: string, success: boolean, ip: string): Promise<void> {
    await this.db.insertInto('login_attempts').values({ username, ts, success: success ? 1 : 0, ip }).execute();
  }

  /** Failures since the last success (or unlock) and after `since`, newest first. */
  async recentFailures(username: string, since: string): Promise<string[]> {
    const lastOk = await this.db
      .selectFrom('login_attempts')
      .select('ts')
      .where('username', '=', username)
      .where('success', '=', 1)
      .orderBy('ts', 'desc')
      .limit(1)
      .executeTakeFirst();
    const from = lastOk && lastOk.ts > since ? lastOk.ts : since;
    const rows = await this.db
      .selectFrom('login_attempts')
      .select('ts')
      .where('username', '=', username)
      .where('success', '=', 0)
      .where('ts', '>', from)
      .orderBy('ts', 'desc')
      .execute();
    return rows.map((r) => r.ts);
  }
}
