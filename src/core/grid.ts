/**
 * A sheet as the engine sees it: values as Apps Script's getValues() returns them, plus merged
 * ranges. Hidden cells of a merge read as the merge's top-left value whether the reader gave ""
 * (Google Sheets) or repeated the value (.xlsx readers), so both give the same plan.
 */

import { dayInZone, viDay } from './dates';

export type CellValue = string | number | boolean | Date | null | undefined;

/** A merged range, 0-based, like Range.getRow()-1 / getColumn()-1 / getNumRows() / getNumColumns(). */
export interface MergeRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface SheetInput {
  name: string;
  values: CellValue[][];
  merges?: MergeRange[];
}

export class Grid {
  readonly rows: number;
  readonly columns: number;
  /** For each covered (non top-left) cell of a merge: the merge it belongs to. */
  private readonly coveredBy = new Map<number, MergeRange>();
  /** Merges by their top-left row, for row classification. */
  private readonly mergesByRow = new Map<number, MergeRange[]>();

  constructor(
    private readonly values: CellValue[][],
    merges: readonly MergeRange[] = [],
    /** The spreadsheet's time zone: a date cell's text is its calendar day there. */
    readonly timeZone?: string,
  ) {
    this.rows = values.length;
    let width = 0;
    for (const row of values) if (row.length > width) width = row.length;
    this.columns = width;
    for (const m of merges) {
      if (m.numRows < 1 || m.numColumns < 1 || m.row < 0 || m.column < 0) continue;
      const lastRow = Math.min(m.row + m.numRows, this.rows);
      const lastCol = Math.min(m.column + m.numColumns, this.columns);
      for (let r = m.row; r < lastRow; r++) {
        const list = this.mergesByRow.get(r);
        if (list) list.push(m);
        else this.mergesByRow.set(r, [m]);
        for (let c = m.column; c < lastCol; c++) {
          if (r !== m.row || c !== m.column) this.coveredBy.set(r * this.columns + c, m);
        }
      }
    }
  }

  /** The value shown in a cell: a merge's top-left value for every cell it covers. */
  value(row: number, col: number): CellValue {
    if (col < 0) return '';
    const m = this.coveredBy.get(row * this.columns + col);
    if (m) return this.values[m.row]?.[m.column];
    return this.values[row]?.[col];
  }

  /** The value the cell holds on its own: "" for a covered cell of a merge. */
  own(row: number, col: number): CellValue {
    if (col < 0) return '';
    if (this.coveredBy.has(row * this.columns + col)) return '';
    return this.values[row]?.[col];
  }

  /** True when the cell is a hidden part of a merge whose top-left lies in an earlier row. */
  coveredFromAbove(row: number, col: number): boolean {
    const m = this.coveredBy.get(row * this.columns + col);
    return !!m && m.row < row;
  }

  /** Merges that touch this row. */
  mergesOn(row: number): readonly MergeRange[] {
    return this.mergesByRow.get(row) ?? [];
  }

  text(row: number, col: number): string {
    return cellText(this.value(row, col), this.timeZone);
  }

  ownText(row: number, col: number): string {
    return cellText(this.own(row, col), this.timeZone);
  }

  isBlankRow(row: number): boolean {
    for (let c = 0; c < this.columns; c++) {
      const v = this.own(row, c);
      if (v === '' || v === null || v === undefined) continue;
      if (typeof v !== 'string' || /\S/.test(v)) return false;
    }
    return true;
  }
}

/** True for a Date from any realm (a sheet's values may come from another global context). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A cell's text, trimmed; a date cell as dd/mm/yyyy of its day in `timeZone` (else the runtime's zone). */
export function cellText(v: CellValue, timeZone?: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) return '';
    if (timeZone) return viDay(dayInZone(v, timeZone));
    return `${String(v.getDate()).padStart(2, '0')}/${String(v.getMonth() + 1).padStart(2, '0')}/${v.getFullYear()}`;
  }
  return String(v);
}
