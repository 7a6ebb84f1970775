/**
 * Key rotation: re-encrypts every registry ciphertext made with an older key version under the
 * current one, in place, a chunk of rows per transaction (an interrupted rotation just continues:
 * rows already on the new key are skipped). Blind indexes derive from the first key and stay valid.
 */
import { sql } from 'kysely';
import type { DbHandle } from '../../db/connect.js';
import type { Keyring } from '../crypto/keyring.js';

/** Every encrypted column of the registry, by table. */
export const ENCRYPTED_COLUMNS: Record<string, string[]> = {
  reg_persons: ['id_number_enc', 'name_enc', 'address_enc', 'phone_enc'],
  reg_households: ['address_enc'],
  reg_property: ['address_enc', 'ref_enc'],
  reg_quarantine: ['raw_enc'],
};

export interface RotationReport {
  keyVersion: number;
  rows: Record<string, number>;
  values: number;
}

export async function rotateRegistryKey(h: DbHandle, keyring: Keyring, onProgress?: (table: string, done: number, total: number) => void, chunk = 2000): Promise<RotationReport> {
  const report: RotationReport = { keyVersion: keyring.currentVersion, rows: {}, values: 0 };
  const current = `v${keyring.currentVersion}:`;
  for (const [table, cols] of Object.entries(ENCRYPTED_COLUMNS)) {
    const stale = cols.map((c) => `(${c} IS NOT NULL AND ${c} NOT LIKE '${current}%')`).join(' OR ');
    const total = Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.raw(table)} WHERE ${sql.raw(stale)}`.execute(h.db)).rows[0].n);
    let done = 0;
    let lastId = 0;
    report.rows[table] = 0;
    for (;;) {
      const rows = (
        await sql<Record<string, string | number | null>>`SELECT id, ${sql.raw(cols.join(', '))} FROM ${sql.raw(table)} WHERE id > ${lastId} AND (${sql.raw(stale)}) ORDER BY id LIMIT ${chunk}`.execute(h.db)
      ).rows;
      if (rows.length === 0) break;
      await h.db.transaction().execute(async (trx) => {
        for (const r of rows) {
          const set: Record<string, string> = {};
          for (const c of cols) {
            const v = r[c];
            if (typeof v === 'string' && keyring.isStale(v)) {
              set[c] = keyring.encrypt(keyring.decrypt(v));
              report.values++;
            }
          }
          const assignments = Object.keys(set).map((c) => sql`${sql.ref(c)} = ${set[c]}`);
          if (assignments.length) await sql`UPDATE ${sql.raw(table)} SET ${sql.join(assignments)} WHERE id = ${r.id}`.execute(trx);
        }
      });
      lastId = Number(rows[rows.length - 1].id);
      done += rows.length;
      report.rows[table] += rows.length;
      onProgress?.(table, done, total);
    }
  }
  return report;
}
