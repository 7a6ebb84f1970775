/** Small calendar helpers on yyyymmdd integers and day numbers (days since 1970-01-01), no Date objects. */

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** yyyymmdd of a day number (civil_from_days). */
export function civilFromDays(z0: number): number {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10000 + m * 100 + d;
}

export const yearOf = (yyyymmdd: number) => Math.floor(yyyymmdd / 10000);
export const monthOf = (yyyymmdd: number) => Math.floor(yyyymmdd / 100) % 100;
export const dayOf = (yyyymmdd: number) => yyyymmdd % 100;

/** Age in completed years on a date. */
export function ageOn(birth: number, onYyyymmdd: number): number {
  const a = yearOf(onYyyymmdd) - yearOf(birth);
  return onYyyymmdd % 10000 < birth % 10000 ? a - 1 : a;
}

/** "YYYY-MM-DD" */
export function isoDate(yyyymmdd: number): string {
  const s = String(yyyymmdd);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** Month index (year·12 + month − 1), for counting months of status. */
export const monthIndex = (y: number, m: number) => y * 12 + m - 1;
