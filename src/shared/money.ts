/** Money is stored and exchanged as integer fen (分); 元 only at the edges (display, input). */
export type Fen = number;

export function yuanToFen(yuan: number): Fen {
  if (!Number.isFinite(yuan)) throw new Error(`not a finite amount: ${yuan}`);
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: Fen): number {
  return fen / 100;
}

/** 12345678 fen → "123,456.78" */
export function formatYuan(fen: Fen, locale = 'zh-CN'): string {
  return (fen / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
