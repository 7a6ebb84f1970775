/**
 * A year's household incomes (the input of every region table) packed column by column into one
 * binary value, so that the tables can be served from the database without re-reading the person
 * rows: 650,000 households are ≈ 25 MB and decode in milliseconds, where reading them back as rows
 * takes seconds. Layout (little-endian): a region index (int32), members (int32), the four
 * components (float64, fen) and urban (int8: 1 urban, 0 rural, -1 unknown), each a column of n.
 * Region codes are kept beside it as a list. Pure.
 */
import type { HouseholdIncome } from './region-tables.js';

export interface PackedHouseholds {
  regions: string[];
  data: Buffer;
}

const BYTES_PER_HOUSEHOLD = 4 + 4 + 4 * 8 + 1;

export function packHouseholds(households: readonly HouseholdIncome[]): PackedHouseholds {
  const n = households.length;
  const regions: string[] = [];
  const regionIndex = new Map<string, number>();
  // Float64 columns first so that they are 8-byte aligned when the buffer is.
  const data = Buffer.alloc(n * BYTES_PER_HOUSEHOLD);
  const components = new Float64Array(data.buffer, data.byteOffset, 4 * n);
  const region = new Int32Array(data.buffer, data.byteOffset + 32 * n, n);
  const members = new Int32Array(data.buffer, data.byteOffset + 36 * n, n);
  const urban = new Int8Array(data.buffer, data.byteOffset + 40 * n, n);
  households.forEach((h, i) => {
    let r = regionIndex.get(h.regionCode);
    if (r === undefined) {
      r = regions.length;
      regions.push(h.regionCode);
      regionIndex.set(h.regionCode, r);
    }
    region[i] = r;
    members[i] = h.members;
    for (let k = 0; k < 4; k++) components[k * n + i] = h.components[k] ?? 0;
    urban[i] = h.urban === null ? -1 : h.urban ? 1 : 0;
  });
  return { regions, data };
}

export function unpackHouseholds(p: PackedHouseholds): HouseholdIncome[] {
  if (p.data.length % BYTES_PER_HOUSEHOLD !== 0) throw new Error('household snapshot: bad length');
  const n = p.data.length / BYTES_PER_HOUSEHOLD;
  // Copy into a fresh, aligned buffer: a driver's Buffer may start at any offset.
  const bytes = new Uint8Array(p.data.length);
  bytes.set(p.data);
  const components = new Float64Array(bytes.buffer, 0, 4 * n);
  const region = new Int32Array(bytes.buffer, 32 * n, n);
  const members = new Int32Array(bytes.buffer, 36 * n, n);
  const urban = new Int8Array(bytes.buffer, 40 * n, n);
  const out: HouseholdIncome[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const code = p.regions[region[i]];
    if (code === undefined) throw new Error('household snapshot: region index out of range');
    out[i] = {
      regionCode: code,
      members: members[i],
      components: [components[i], components[n + i], components[2 * n + i], components[3 * n + i]],
      urban: urban[i] < 0 ? null : urban[i] === 1,
    };
  }
  return out;
}
