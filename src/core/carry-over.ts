/**
 * What a workbook carries from earlier work: the officer's unit list ("Đơn vị", made in the
 * add-on's spreadsheet and downloaded with it) and the hidden history of a checked copy. The
 * command line and the browser page read both the same way, so a re-check sees the same
 * grouping and the same changes wherever it runs. Pure: the book is already open.
 */
import type { PlanBook } from './book';
import { HISTORY_SHEET_NAME, isHistorySheet, readHistory, type HistoryRead } from './history';
import { parseUnitList, UNIT_LIST_SHEET_NAME, type UnitList } from './unit-list';

export interface CarriedOver {
  /** The unit list that corrects the grouping of units, when the workbook has one. */
  units: UnitList | null;
  /** The snapshots of earlier checks, and notes on rows that could not be read. */
  history: HistoryRead;
}

export function carriedOver(book: PlanBook): CarriedOver {
  if (book.kind !== 'xlsx') return { units: null, history: { snapshots: [], notes: [] } };
  return { units: unitListOf(book), history: historyOf(book) };
}

/** The sheets of a workbook whose name starts like `name` (the product may have added " (2)"). */
function namedLike(book: PlanBook, name: string): string[] {
  const want = name.toLowerCase();
  return book.sheetNames.filter((n) => n.toLowerCase().startsWith(want));
}

function unitListOf(book: PlanBook): UnitList | null {
  for (const name of namedLike(book, UNIT_LIST_SHEET_NAME)) {
    // Addresses do not matter here: only the grouping is used.
    const list = parseUnitList(book.sheet(name).values, () => true);
    if (list) return list;
  }
  return null;
}

function historyOf(book: PlanBook): HistoryRead {
  // A user's sheet of the same name is not the history: it is left alone.
  for (const name of namedLike(book, HISTORY_SHEET_NAME)) {
    const values = book.sheet(name).values;
    if (isHistorySheet(values)) return readHistory(values);
  }
  return { snapshots: [], notes: [] };
}
