import type { Kysely } from 'kysely';
import type { DbHandle } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import { DEFAULT_SECURITY_SETTINGS, SecuritySettingsSchema, type SecuritySettings } from '../../shared/api/settings.js';
import { nowIso } from '../../shared/time.js';

/** Key-value settings stored as JSON; read often, so cached in memory and refreshed on write. */
export class SettingsService {
  private readonly db: Kysely<Database>;
  private security: SecuritySettings | undefined;

  constructor(h: DbHandle) {
    this.db = h.db;
  }

  async get<T>(key: string, fallback: T): Promise<T> {
    const r = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return r ? (JSON.parse(r.value) as T) : fallback;
  }

  async set(key: string, value: unknown, by: string | null): Promise<void> {
    const row = { key, value: JSON.stringify(value), updated_at: nowIso(), updated_by: by };
    await this.db
      .insertInto('settings')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at, updated_by: by }))
      .execute();
  }

  async securitySettings(): Promise<SecuritySettings> {
    if (!this.security) {
      const stored = await this.get<Partial<SecuritySettings>>('security', {});
      this.security = SecuritySettingsSchema.parse({ ...DEFAULT_SECURITY_SETTINGS, ...stored });
    }
    return this.security;
  }

  async setSecuritySettings(s: SecuritySettings, by: string): Promise<SecuritySettings> {
    const parsed = SecuritySettingsSchema.parse(s);
    await this.set('security', parsed, by);
    this.security = parsed;
    return parsed;
  }
}
