/** Region rows as the importer reads them, and the lookups rows are validated against. */
export interface RegionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

/** Finds a region code from county, township and village names (each level within the one above). */
export function regionNameResolver(rows: readonly RegionRow[]) {
  const byParent = new Map<string, string>();
  for (const r of rows) byParent.set(`${r.parent_code ?? ''}\u0000${r.name}`, r.code);
  const counties = rows.filter((r) => r.level === 'county');
  return (county: string, township: string, village: string): string | null => {
    const c = county.trim();
    const t = township.trim();
    const v = village.trim();
    let code: string | null = null;
    if (c) {
      code = counties.find((x) => x.name === c)?.code ?? null;
      if (!code) return null;
    }
    if (t) {
      const next = code ? byParent.get(`${code}\u0000${t}`) : rows.find((r) => r.level === 'township' && r.name === t)?.code;
      if (!next) return null;
      code = next;
    }
    if (v) {
      if (!code) return null;
      const next = byParent.get(`${code}\u0000${v}`);
      if (!next) return null;
      code = next;
    }
    return code;
  };
}
