import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { EncryptWorker } from './encrypt-worker.js';

/**
 * Encryption of personal data at rest: AES-256-GCM with keys derived from a master key that
 * never enters the database (it comes from ZENGSHOU_MASTER_KEY or a key file, see loadMasterKey).
 * Ciphertexts carry their key version, so a rotation can re-encrypt in place while old rows
 * remain readable. Lookups use a keyed blind index (HMAC-SHA-256), never plaintext.
 */
// IVs: 12 random bytes each, taken from a buffer of CSPRNG output refilled 4,096 IVs at a time (one
// system call per 4,096 encryptions instead of one each; every byte is still used once only).
const IV_BYTES = 12;
const IV_POOL = IV_BYTES * 4096;
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function nextIv(): Buffer {
  if (ivAt + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL);
    ivAt = 0;
  }
  const iv = ivPool.subarray(ivAt, ivAt + IV_BYTES);
  ivAt += IV_BYTES;
  return iv;
}

export class Keyring {
  private readonly encKeys = new Map<number, Buffer>();
  private readonly indexKey: KeyObject;
  private worker: EncryptWorker | null = null;

  constructor(
    masterKeys: Map<number, Buffer>,
    readonly currentVersion: number,
  ) {
    for (const [v, k] of masterKeys) {
      if (k.length !== 32) throw new Error('master key must be 32 bytes');
      this.encKeys.set(v, Buffer.from(hkdfSync('sha256', k, Buffer.alloc(0), 'zengshou/enc', 32)));
    }
    const current = masterKeys.get(currentVersion);
    if (!current) throw new Error(`no master key version ${currentVersion}`);
    // The blind-index key derives from the first key so lookups survive encryption-key rotation.
    const first = masterKeys.get(Math.min(...masterKeys.keys()))!;
    this.indexKey = createSecretKey(Buffer.from(hkdfSync('sha256', first, Buffer.alloc(0), 'zengshou/index', 32)));
  }

  encrypt(plaintext: string): string {
    const key = this.encKeys.get(this.currentVersion)!;
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `v${this.currentVersion}:${Buffer.concat([iv, tag, body]).toString('base64')}`;
  }

  /**
   * Encrypts many values as encrypt() does each; a large list in a worker thread (so the caller's
   * thread can go on meanwhile), a small one at once.
   */
  async encryptMany(plaintexts: string[]): Promise<string[]> {
    if (plaintexts.length < 64) return plaintexts.map((p) => this.encrypt(p));
    this.worker ??= new EncryptWorker(this.currentVersion, this.encKeys.get(this.currentVersion)!);
    return this.worker.encrypt(plaintexts);
  }

  decrypt(ciphertext: string): string {
    const m = /^v(\d+):(.+)$/.exec(ciphertext);
    if (!m) throw new Error('not a Zengshou ciphertext');
    const key = this.encKeys.get(Number(m[1]));
    if (!key) throw new Error(`key version ${m[1]} is not loaded`);
    const raw = Buffer.from(m[2], 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** True when the ciphertext was made with an older key and should be re-encrypted. */
  isStale(ciphertext: string): boolean {
    return !ciphertext.startsWith(`v${this.currentVersion}:`);
  }

  /** Keyed blind index for equality lookups (e.g. of a normalised ID number). */
  blindIndex(value: string, purpose = 'default'): string {
    return blindIndexWith(this.indexKey, value, purpose);
  }

  /**
   * The blind-index key, for a worker thread of this process that computes blind indexes during an
   * import (it never leaves the process, as the encryption worker's key does not).
   */
  blindIndexKey(): Uint8Array {
    return new Uint8Array(this.indexKey.export());
  }

  static generateKey(): Buffer {
    return randomBytes(32);
  }
}

/** Keyring.blindIndex with a given key (Keyring.blindIndexKey): the same value in a worker thread. */
export function blindIndexWith(key: KeyObject | Uint8Array, value: string, purpose = 'default'): string {
  // One update of the joined text (the same bytes as three updates, one native call instead of three).
  return createHmac('sha256', key).update(`${purpose}\0${value}`).digest('hex');
}
