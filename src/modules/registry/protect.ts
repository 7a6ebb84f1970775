/**
 * Protection of personal identifiers: encryption with the platform keyring, keyed blind indexes
 * for equality lookups, and masks for display. Nothing here writes plaintext anywhere.
 */
import { maskResidentId } from '../../shared/resident-id.js';
import type { Keyring } from '../crypto/keyring.js';
import { splitName } from './normalise.js';

export type IndexKind = 'id' | 'name' | 'surname' | 'given' | 'key' | 'household' | 'row';

/** 128 bits of the HMAC are plenty for equality lookups and halve the index size. */
const BIDX_HEX = 32;

/**
 * A value to be encrypted when its rows are written (Protector.later): the importer buffers rows with
 * these in place of ciphertexts and has them encrypted together (sealAll) while it maps the next rows.
 */
export class Sealed {
  cipher: string | null = null;
  constructor(readonly plain: string) {}
}

/**
 * Blind indexes and identity keys only: what an import's mapping worker thread needs (it holds the
 * blind-index key, not the encryption keys). Protector adds encryption.
 */
export class Indexer {
  /** Blind indexes of surnames (a few hundred values, repeated in every row; full names are not kept). */
  private readonly surnameCache = new Map<string, string>();

  constructor(private readonly blindIndex: (value: string, purpose: string) => string) {}

  bidx(kind: IndexKind, value: string): string {
    return this.blindIndex(value, `registry.${kind}`).slice(0, BIDX_HEX);
  }

  idIndex(idNumber: string): string {
    return this.bidx('id', idNumber);
  }

  nameIndex(name: string): string {
    return this.bidx('name', name);
  }

  surnameIndex(name: string): string {
    const surname = splitName(name).surname;
    let v = this.surnameCache.get(surname);
    if (v === undefined) {
      if (this.surnameCache.size >= 10_000) this.surnameCache.clear();
      v = this.bidx('surname', surname);
      this.surnameCache.set(surname, v);
    }
    return v;
  }

  /** Identity key of a person: the ID number, or name + birth date + place when there is none. */
  personKey(p: { idNumber: string | null; name: string | null; birthDate: string | null; regionCode: string | null; address: string | null }): string {
    return p.idNumber ? this.idIndex(p.idNumber) : this.bidx('key', `${p.name ?? ''}\u0000${p.birthDate ?? ''}\u0000${p.regionCode ?? ''}\u0000${p.address ?? ''}`);
  }
}

export class Protector extends Indexer {
  constructor(readonly keyring: Keyring) {
    super((value, purpose) => keyring.blindIndex(value, purpose));
  }

  enc(plain: string): string;
  enc(plain: string | null): string | null;
  enc(plain: string | null): string | null {
    return plain === null ? null : this.keyring.encrypt(plain);
  }

  /** A placeholder encrypted by sealAll (null stays null). */
  later(plain: string | null): Sealed | null {
    return plain === null ? null : new Sealed(plain);
  }

  /**
   * Replaces every Sealed value in `arrays` by its ciphertext (a value placed twice is encrypted
   * once and written twice), encrypting them together off this thread when there are many.
   */
  async sealAll(arrays: readonly unknown[][]): Promise<void> {
    const seen = new Set<Sealed>();
    for (const a of arrays) {
      for (const v of a) if (v instanceof Sealed && v.cipher === null) seen.add(v);
    }
    const pending = [...seen];
    if (pending.length > 0) {
      const out = await this.keyring.encryptMany(pending.map((s) => s.plain));
      pending.forEach((s, i) => (s.cipher = out[i]));
    }
    for (const a of arrays) {
      for (let i = 0; i < a.length; i++) {
        const v = a[i];
        if (v instanceof Sealed) a[i] = v.cipher;
      }
    }
  }

  dec(cipher: string): string;
  dec(cipher: string | null): string | null;
  dec(cipher: string | null): string | null {
    return cipher === null ? null : this.keyring.decrypt(cipher);
  }
}

/** 张伟 → 张*, 欧阳娜娜 → 欧阳**. */
export function maskName(name: string): string {
  const { surname, given } = splitName(name);
  if (name.includes('·')) return `${'*'.repeat(given.length)}·${surname}`;
  return surname + '*'.repeat(Math.max(1, given.length));
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** Keeps the first six characters (city and district), hides the rest. */
export function maskAddress(address: string): string {
  return address.length <= 6 ? '****' : `${address.slice(0, 6)}****`;
}

/** Account or certificate numbers: the last four characters only. */
export function maskAccount(account: string): string {
  return account.length <= 4 ? '****' : `****${account.slice(-4)}`;
}

export { maskResidentId };
