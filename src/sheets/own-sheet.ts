/**
 * The add-on's own sheets (the status sheet, the send log, the city's roll-up and its progress):
 * recognised by developer metadata, never by name, so a user's sheet of the same name is never
 * touched. A new version is built complete under a temporary name and only then takes the old
 * one's name and place; on any failure the old sheet stays as it was.
 */
import { transact, type Transaction } from './transaction';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const TEMP_NAME = 'Kế hoạch CĐS (đang cập nhật)';

export function findOwnSheet(ss: Spreadsheet, key: string): Sheet | null {
  for (const m of ss.createDeveloperMetadataFinder().withKey(key).find()) {
    const sheet = m.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return null;
}

/**
 * Grows a sheet to at least `rows` × `columns` before a range that large is used: Sheets refuses a
 * range outside the sheet, and a new sheet has 1,000 rows and 26 columns. In a transaction, the
 * added rows and columns are deleted again on failure.
 */
export function fitSheet(sheet: Sheet, rows: number, columns: number, tx?: Transaction): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) {
    const n = rows - maxRows;
    const grow = () => sheet.insertRowsAfter(maxRows, n);
    if (tx) tx.step(grow, () => sheet.deleteRows(maxRows + 1, n));
    else grow();
  }
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) {
    const n = columns - maxColumns;
    const grow = () => sheet.insertColumnsAfter(maxColumns, n);
    if (tx) tx.step(grow, () => sheet.deleteColumns(maxColumns + 1, n));
    else grow();
  }
}

/** A free sheet name: `name`, else "name (Kế hoạch CĐS)", else numbered. */
export function freeName(ss: Spreadsheet, name: string): string {
  if (!ss.getSheetByName(name)) return name;
  let candidate = `${name} (Kế hoạch CĐS)`;
  for (let i = 2; ss.getSheetByName(candidate); i++) candidate = `${name} (Kế hoạch CĐS ${i})`;
  return candidate;
}

export interface OwnSheetSpec {
  metadataKey: string;
  metadataValue: string;
  name: string;
  fill: (sheet: Sheet) => void;
  /** Hide the sheet (the add-on's working sheets). */
  hidden?: boolean;
}

/**
 * Builds the new version of an own sheet inside a caller's transaction: filled under a temporary
 * name, then given the old one's name and place, every step undoable. The old version is kept
 * (renamed) until `commit`, which deletes it and must be the caller's last step.
 */
export function stageOwnSheet(
  ss: Spreadsheet,
  spec: OwnSheetSpec,
  tx: Transaction,
): { sheet: Sheet; commit: () => void } {
  const previous = findOwnSheet(ss, spec.metadataKey);
  const leftover = ss.getSheetByName(TEMP_NAME);
  if (leftover && (!previous || leftover.getSheetId() !== previous.getSheetId())) ss.deleteSheet(leftover);
  // The new sheet takes the old one's place among the tabs, or comes last.
  const sheet = tx.step(
    () => ss.insertSheet(TEMP_NAME, previous ? previous.getIndex() - 1 : ss.getNumSheets()),
    (s) => ss.deleteSheet(s),
  );
  spec.fill(sheet);
  sheet.addDeveloperMetadata(spec.metadataKey, spec.metadataValue);
  if (previous) {
    const oldName = previous.getName();
    tx.step(
      () => previous.setName(`${TEMP_NAME} (cũ)`),
      () => previous.setName(oldName),
    );
    tx.step(
      () => sheet.setName(oldName),
      () => sheet.setName(TEMP_NAME),
    );
  } else sheet.setName(freeName(ss, spec.name));
  if (spec.hidden) sheet.hideSheet();
  return { sheet, commit: () => (previous ? ss.deleteSheet(previous) : undefined) };
}

/** Replaces the add-on's own sheet with a new one filled by `spec.fill`, all or nothing. */
export function replaceOwnSheet(ss: Spreadsheet, spec: OwnSheetSpec): Sheet {
  return transact((tx) => {
    const staged = stageOwnSheet(ss, spec, tx);
    staged.commit();
    return staged.sheet;
  });
}

export interface InPlaceSpec {
  metadataKey: string;
  metadataValue: string;
  name: string;
  /** Hide the sheet (the add-on's working sheets). */
  hidden?: boolean;
  /** Formats set once, when the sheet is made: they must not depend on its content. */
  format?: (sheet: Sheet) => void;
}

/** What an own sheet held before a rewrite (as read for the command, so it is read once). */
export interface OwnSheetRead {
  sheet: Sheet | null;
  values: unknown[][];
}

/** Finds an own sheet and reads its values (one read), or nothing. */
export function readOwnSheet(ss: Spreadsheet, key: string): OwnSheetRead {
  const sheet = findOwnSheet(ss, key);
  return { sheet, values: sheet ? (sheet.getDataRange().getValues() as unknown[][]) : [] };
}

/**
 * Rewrites an own sheet's values in place inside a caller's transaction, for sheets whose look
 * does not depend on their content (the history, the sheet by unit): one write over the old and
 * the new extent, undone by writing the old values back. Made (and formatted once) when absent.
 * Unlike a swap (stageOwnSheet) nothing is deleted, so several such sheets and one swapped sheet
 * can change in one transaction, all or nothing. `encode` turns a value into what setValues takes
 * (text kept text whatever the locale).
 */
export function rewriteOwnSheet(
  ss: Spreadsheet,
  spec: InPlaceSpec,
  before: OwnSheetRead,
  rows: readonly (readonly (string | number | boolean | Date)[])[],
  encode: (v: unknown) => string | number | boolean | Date,
  tx: Transaction,
): Sheet {
  let sheet = before.sheet;
  let old = before.values;
  if (!sheet) {
    const made = tx.step(
      () => ss.insertSheet(freeName(ss, spec.name), ss.getNumSheets()),
      (s) => ss.deleteSheet(s),
    );
    spec.format?.(made);
    made.addDeveloperMetadata(spec.metadataKey, spec.metadataValue);
    if (spec.hidden) made.hideSheet();
    sheet = made;
    old = [];
  }
  const height = Math.max(rows.length, old.length, 1);
  const width = Math.max(1, ...rows.map((r) => r.length), ...old.map((r) => r.length));
  const grid = (
    src: readonly (readonly unknown[])[],
    enc: (v: unknown) => string | number | boolean | Date,
  ) =>
    Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => {
        const v = src[r]?.[c];
        return v === undefined || v === null ? '' : enc(v);
      }),
    );
  fitSheet(sheet, height, width, tx);
  const range = sheet.getRange(1, 1, height, width);
  const next = grid(rows, encode);
  const back = grid(old, encode);
  tx.step(
    () => range.setValues(next),
    () => range.setValues(back),
  );
  return sheet;
}
