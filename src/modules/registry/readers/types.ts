/** One physical row of a channel file: its number in the file (1-based) and its cells as text. */
export interface RawRow {
  no: number;
  cells: string[];
}
