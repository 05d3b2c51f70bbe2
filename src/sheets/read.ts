/** Reads a sheet for the engine: one data-range read of values and one of merges. */
import type { MergeRange, SheetInput } from '../core/grid';

export interface SheetRead {
  input: SheetInput;
  range: GoogleAppsScript.Spreadsheet.Range;
  rows: number;
  columns: number;
}

export function readSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): SheetRead {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const merges: MergeRange[] = range.getMergedRanges().map((m) => ({
    row: m.getRow() - 1,
    column: m.getColumn() - 1,
    numRows: m.getNumRows(),
    numColumns: m.getNumColumns(),
  }));
  return {
    input: { name: sheet.getName(), values, merges },
    range,
    rows: values.length,
    columns: values[0]?.length ?? 0,
  };
}

/** Text written to a sheet stays text: a leading =, +, - or @ would otherwise start a formula. */
export function asText(v: string | number): string | number {
  return typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v;
}
