/**
 * Region codes: GB/T 2260 six-digit codes for province (210000), prefecture (211000) and county
 * (211002); nine-digit township codes (211002016); twelve-digit village/community codes
 * (211002016001). A region contains every code that starts with its significant prefix.
 */
export function regionPrefix(code: string): string {
  if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(code)) throw new Error(`invalid region code: ${code}`);
  if (code.length === 12) return code.endsWith('000') ? regionPrefix(code.slice(0, 9)) : code;
  if (code.length === 9) return code.endsWith('000') ? regionPrefix(code.slice(0, 6)) : code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** True when `code` lies inside the region `scope` (or is it). */
export function inScope(scope: string, code: string): boolean {
  return code.startsWith(regionPrefix(scope));
}

export type RegionLevel = 'province' | 'prefecture' | 'county' | 'township' | 'village';

export function levelOf(code: string): RegionLevel {
  const p = regionPrefix(code);
  if (p.length === 2) return 'province';
  if (p.length === 4) return 'prefecture';
  if (p.length === 6) return 'county';
  if (p.length === 9) return 'township';
  return 'village';
}

/** 《统计上划分城乡的规定》: 111/112/121/122/123 urban, 210/220 rural. */
export function isUrbanCode(urbanRuralCode: string): boolean {
  return urbanRuralCode.startsWith('1');
}
