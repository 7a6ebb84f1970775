import { sortOrder } from '../sort.js';

/** Row indices of the domain (all rows when none), sorted by y ascending. */
export function domainOrder(y: Float64Array, domain?: Uint8Array | null): Uint32Array {
  if (!domain) return sortOrder(y);
  let m = 0;
  for (let i = 0; i < y.length; i++) if (domain[i]) m++;
  const rows = new Uint32Array(m);
  const vals = new Float64Array(m);
  for (let i = 0, k = 0; i < y.length; i++) {
    if (domain[i]) {
      rows[k] = i;
      vals[k++] = y[i];
    }
  }
  const o = sortOrder(vals);
  const out = new Uint32Array(m);
  for (let k = 0; k < m; k++) out[k] = rows[o[k]];
  return out;
}
