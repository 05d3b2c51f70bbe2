/**
 * Values between the engine and the spreadsheet. Reading: one data-range read of values and one
 * of merges. Writing: a string that the spreadsheet's locale would read as something else (a
 * number, a date, a formula, TRUE/FALSE) is written as text; a date is written as a date value
 * (an instant in the spreadsheet's time zone) with a number format, never as date-looking text.
 */
import { wallClockInstant } from '../core/dates';
import type { MergeRange, SheetInput } from '../core/grid';
import type { StatusCell } from '../core/status-report';

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

/**
 * Text written to a sheet stays text: a leading apostrophe for anything the locale could parse
 * (digits: numbers, dates, times, percentages; a leading =, +, - or @: a formula; TRUE/FALSE).
 */
export function asText(v: string): string {
  return v !== '' && (/[0-9]|^[=+\-@']/.test(v) || /^\s*(true|false)\s*$/i.test(v)) ? `'${v}` : v;
}

export type SheetValue = string | number | boolean | Date;

/** A layout cell as setValues takes it: text kept text, a date as its instant in the spreadsheet's zone. */
export function sheetValue(cell: StatusCell | string | number, timeZone: string): SheetValue {
  if (typeof cell === 'string') return asText(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
  return wallClockInstant(cell.date, cell.time ?? '00:00', timeZone);
}

/** The number format of a layout date cell. */
export function dateFormat(cell: { time: string | null }): string {
  return cell.time ? 'dd/MM/yyyy HH:mm' : 'dd/MM/yyyy';
}
