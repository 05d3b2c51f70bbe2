/**
 * The follow-up sheets of a checked workbook, rendered with ExcelJS from the core's layouts:
 * "Theo đơn vị", one printable "Nhắc việc – <đơn vị>" per unit with overdue or due-soon tasks
 * (A4 portrait, fit to width, the header repeated on each page), and the hidden history sheet.
 * Each is recognised by the product's tag (a hidden last row, or the history's first cell), never
 * by its name: checking a checked workbook again replaces them, and a user's sheet of the same
 * name is left alone.
 */
import type ExcelJS from 'exceljs';
import { HISTORY_SHEET_NAME, historyRows, isHistorySheet, type Snapshot } from '../core/history';
import {
  REMINDER_TAG,
  reminderLayout,
  reminderSheetNames,
  type ReminderContext,
  type ReminderRows,
  type UnitReminder,
} from '../core/reminders';
import type { StatusCell } from '../core/status-report';
import { UNIT_SHEET_NAME, UNIT_SHEET_TAG, type UnitSheetRows } from '../core/unit-sheet';

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const OVERDUE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE8E6' } };

/** A layout cell as ExcelJS takes it: a date as its calendar day (ExcelJS writes a Date's UTC parts). */
export function cellValue(c: StatusCell): string | number | Date {
  if (typeof c !== 'object') return c;
  const [y, m, d] = c.date.split('-').map(Number) as [number, number, number];
  const [h, mi] = (c.time ?? '00:00').split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, h, mi));
}

/** The value of a cell as text ('' for none). */
function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return typeof v === 'object' ? '' : String(v);
}

/** True when a row's first cell holds the tag (looked for in the last rows, where the layouts put it). */
function hasTag(ws: ExcelJS.Worksheet, tag: string): boolean {
  for (let r = ws.rowCount; r >= Math.max(1, ws.rowCount - 40); r--)
    if (text(ws.getCell(r, 1).value) === tag) return true;
  return false;
}

/** A name not taken (ignoring case): `name`, else "name (2)", "name (3)"… */
function freeName(wb: ExcelJS.Workbook, name: string): string {
  const taken = (n: string) => wb.worksheets.some((ws) => ws.name.toLowerCase() === n.toLowerCase());
  let candidate = name;
  for (let i = 2; taken(candidate); i++) candidate = `${name} (${i})`;
  return candidate;
}

/** Removes the product's sheets that `mine` recognises; returns the name of the first removed. */
function removeOwn(wb: ExcelJS.Workbook, mine: (ws: ExcelJS.Worksheet) => boolean): string | null {
  const own = wb.worksheets.filter(mine);
  for (const ws of own) wb.removeWorksheet(ws.id);
  return own[0]?.name ?? null;
}

/**
 * Estimated lines of a wrapped text in a column `width` characters wide (a width counts the digit
 * "0"; Vietnamese letters are narrower, but wrapping at words wastes about as much): a row too
 * high wastes a little paper, one too low hides words, so the estimate errs high.
 */
function lines(value: string, width: number): number {
  const perLine = Math.max(4, width - 1);
  return value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil([...part].length / perLine)), 0);
}

// ---- "Theo đơn vị" ---------------------------------------------------------------------------

/** Adds (or replaces) the sheet by unit. */
export function putUnitSheet(wb: ExcelJS.Workbook, model: UnitSheetRows): ExcelJS.Worksheet {
  const old = removeOwn(wb, (ws) => hasTag(ws, UNIT_SHEET_TAG));
  const ws = wb.addWorksheet(old ?? freeName(wb, UNIT_SHEET_NAME));
  model.rows.forEach((cells) => ws.addRow(cells.map(cellValue)));
  model.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.mergeCells(model.titleRow + 1, 1, model.titleRow + 1, model.width);
  const title = ws.getCell(model.titleRow + 1, 1);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  for (let r = model.firstMetaRow + 1; r <= model.lastMetaRow + 1; r++) {
    ws.getCell(r, 1).font = { bold: true };
    ws.getCell(r, 2).alignment = { horizontal: 'left' };
  }
  const asOf = model.rows[model.asOfCell.row]?.[model.asOfCell.column];
  ws.getCell(model.asOfCell.row + 1, model.asOfCell.column + 1).numFmt =
    typeof asOf === 'object' && asOf.time ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy';
  const header = ws.getRow(model.headerRow + 1);
  header.height = model.changeColumn === null ? 45 : 62;
  header.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    c.fill = HEADER_FILL;
  });
  for (let r = model.headerRow + 1; r <= model.lastUnitRow + 1; r++) {
    for (let c = 1; c <= model.width; c++) ws.getCell(r, c).border = BORDER;
    if (r === model.headerRow + 1) continue;
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'middle' };
    const name = text(ws.getCell(r, 1).value);
    const n = lines(name, model.widths[0] ?? 40);
    if (n > 1) ws.getRow(r).height = 15 * n;
    const overdue = ws.getCell(r, model.overdueColumn + 1);
    if (typeof overdue.value === 'number' && overdue.value > 0) {
      overdue.fill = OVERDUE_FILL;
      overdue.font = { bold: true, color: { argb: 'FFB3261E' } };
    }
    if (model.changeColumn !== null) ws.getCell(r, model.changeColumn + 1).numFmt = '+0;-0;0';
  }
  ws.mergeCells(model.noteRow + 1, 1, model.noteRow + 1, model.width);
  const note = ws.getCell(model.noteRow + 1, 1);
  note.alignment = { wrapText: true, vertical: 'top' };
  note.font = { italic: true };
  ws.getRow(model.noteRow + 1).height = 32;
  ws.getRow(model.markerRow + 1).hidden = true;
  ws.views = [{ state: 'frozen', ySplit: model.headerRow + 1 }];
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  return ws;
}

// ---- "Nhắc việc – <đơn vị>" -------------------------------------------------------------------

/** Replaces the product's reminder sheets with one per reminder; returns the sheets' names. */
export function putReminderSheets(
  wb: ExcelJS.Workbook,
  reminders: readonly UnitReminder[],
  ctx: ReminderContext,
): string[] {
  removeOwn(wb, (ws) => hasTag(ws, REMINDER_TAG));
  const names = reminderSheetNames(
    reminders.map((r) => r.unit),
    wb.worksheets.map((ws) => ws.name),
  );
  reminders.forEach((r, i) => renderReminder(wb.addWorksheet(names[i] as string), reminderLayout(r, ctx)));
  return names;
}

export function renderReminder(ws: ExcelJS.Worksheet, model: ReminderRows): void {
  model.rows.forEach((cells) => ws.addRow(cells.map(cellValue)));
  model.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const last = model.width;
  const across = (row: number, from = 1) => ws.mergeCells(row + 1, from, row + 1, last);
  across(model.titleRow);
  const title = ws.getCell(model.titleRow + 1, 1);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(model.titleRow + 1).height = 30;
  across(model.toRow);
  ws.getCell(model.toRow + 1, 1).font = { bold: true, size: 12 };
  ws.getRow(model.toRow + 1).height = 20;
  across(model.summaryRow);
  const summary = ws.getCell(model.summaryRow + 1, 1);
  summary.alignment = { wrapText: true, vertical: 'top' };
  const full = model.widths.reduce((a, b) => a + b, 0);
  ws.getRow(model.summaryRow + 1).height = 15 * lines(text(summary.value), full) + 4;
  const header = ws.getRow(model.headerRow + 1);
  header.height = 32;
  header.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    c.fill = HEADER_FILL;
    c.border = BORDER;
  });
  for (const g of model.groupRows) {
    across(g);
    const cell = ws.getCell(g + 1, 1);
    cell.font = { bold: true, italic: true };
    cell.fill = GROUP_FILL;
    cell.border = BORDER;
  }
  for (const t of model.taskRows) {
    const row = ws.getRow(t + 1);
    let height = 1;
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = {
        wrapText: true,
        vertical: 'top',
        horizontal: c === 1 || c === model.dueColumn + 1 ? 'center' : 'left',
      };
      height = Math.max(height, lines(text(cell.value), model.widths[c - 1] ?? 10));
    }
    row.getCell(model.dueColumn + 1).numFmt = 'dd/mm/yyyy';
    const situation = row.getCell(last);
    if (text(situation.value).startsWith('quá hạn'))
      situation.font = { bold: true, color: { argb: 'FFB3261E' } };
    row.height = 15 * height + 3;
  }
  across(model.askRow);
  const ask = ws.getCell(model.askRow + 1, 1);
  ask.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(model.askRow + 1).height = 15 * lines(text(ask.value), full) + 4;
  ws.mergeCells(model.signRow + 1, 4, model.signRow + 1, last);
  const sign = ws.getCell(model.signRow + 1, 4);
  sign.font = { italic: true };
  sign.alignment = { horizontal: 'center' };
  ws.getRow(model.markerRow + 1).hidden = true;
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printArea: `A1:F${model.signRow + 1}`,
    printTitlesRow: `${model.headerRow + 1}:${model.headerRow + 1}`,
  };
}

// ---- the history ----------------------------------------------------------------------------

/** Adds (or replaces) the hidden history sheet. */
export function putHistorySheet(
  wb: ExcelJS.Workbook,
  snapshots: readonly Snapshot[],
  keepNewer = false,
): ExcelJS.Worksheet | null {
  // A history written by a newer version stays as it is (the copy keeps it for that version).
  if (keepNewer) return null;
  const old = removeOwn(wb, (ws) => isHistorySheet([[text(ws.getCell(1, 1).value)]]));
  const ws = wb.addWorksheet(old ?? freeName(wb, HISTORY_SHEET_NAME), { state: 'hidden' });
  // Every cell a string: ExcelJS writes strings as text, never as a formula or a number.
  historyRows(snapshots).forEach((r) => ws.addRow(r));
  return ws;
}
