/**
 * Record keys for idempotent imports: 64 bits of a fast non-cryptographic hash over the person's
 * identity key and the record's content. The identity key is itself a keyed HMAC, so the record key
 * reveals nothing without the master key; 64 bits make an accidental collision among 20 million
 * records of one channel about a one-in-100,000 event.
 */
export interface KeyState {
  h1: number;
  h2: number;
}

const START: KeyState = { h1: 0x811c9dc5 | 0, h2: 0x1b873593 | 0 };

/** The hash state after `prefix`: a row's records share their person's prefix, hashed once. */
export function recordKeyState(prefix: string, from: KeyState = START): KeyState {
  let h1 = from.h1;
  let h2 = from.h2;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return { h1, h2 };
}

/** The key of `s`, or of the prefix whose state is `from` followed by `s`. */
export function recordKey(s: string, from: KeyState = START): string {
  let { h1, h2 } = recordKeyState(s, from);
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x27d4eb2f);
  h2 ^= h2 >>> 15;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
