/** Timestamps are ISO-8601 UTC strings everywhere (sortable as text in both databases). */
export function nowIso(): string {
  return new Date().toISOString();
}

export function isoMinus(iso: string, ms: number): string {
  return new Date(Date.parse(iso) - ms).toISOString();
}
