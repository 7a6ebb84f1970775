import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Keyring } from './keyring.js';

/**
 * Loads the master keys. ZENGSHOU_MASTER_KEY (base64, 32 bytes; several as "1:KEY,2:KEY" for
 * rotation) wins; otherwise the key file (one "version:base64" line per key) is read, and created
 * with a fresh random key (mode 0600) on first start. The newest version encrypts.
 */
export function loadKeyring(keyFile: string, env = process.env.ZENGSHOU_MASTER_KEY): Keyring {
  let text = env?.trim();
  if (!text) {
    if (!existsSync(keyFile)) {
      mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
      writeFileSync(keyFile, `1:${Keyring.generateKey().toString('base64')}\n`, { mode: 0o600 });
    }
    text = readFileSync(keyFile, 'utf8').trim();
    chmodSync(keyFile, 0o600);
  }
  return parseKeys(text);
}

export function parseKeys(text: string): Keyring {
  const keys = new Map<number, Buffer>();
  const parts = text.split(/[\n,]+/).map((s) => s.trim()).filter(Boolean);
  parts.forEach((part, i) => {
    const m = /^(\d+):(.+)$/.exec(part);
    const version = m ? Number(m[1]) : i + 1;
    const key = Buffer.from(m ? m[2] : part, 'base64');
    if (key.length !== 32) throw new Error(`master key version ${version} is not 32 bytes of base64`);
    keys.set(version, key);
  });
  if (keys.size === 0) throw new Error('no master key');
  return new Keyring(keys, Math.max(...keys.keys()));
}
