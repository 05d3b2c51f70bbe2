/**
 * The checked copy of a workbook, rendered with ExcelJS (no file system here: the command line
 * and the browser page both use it): the core's flag model drawn as in the add-on (the
 * product's own conditional-format rules, so no cell style is ever changed, and the reasons in
 * the notes under the marker), plus the status sheet. Checking a checked copy again replaces the
 * product's marks instead of piling them up; the user's fills, notes and rules stay as they were.
 * For a CSV input the copy holds its data, with readable widths, wrapping and a frozen header.
 */
import type ExcelJS from 'exceljs';
import type { CheckResult } from '../core/check';
import {
  COLOR_LEGEND,
  SEVERITY_COLORS,
  flaggedNote,
  flagsOf,
  ownRuleSeverity,
  rangesBySeverity,
  ruleExpression,
  userNote,
} from '../core/flags';
import type { Snapshot } from '../core/history';
import type { ReminderContext, UnitReminder } from '../core/reminders';
import {
  DATA_TAG,
  STATUS_SHEET_NAME,
  toRows,
  type StatusChanges,
  type StatusReport,
  type StatusRows,
} from '../core/status-report';
import type { UnitSheetRows } from '../core/unit-sheet';
import { columnIndex } from '../core/text';
import type { SheetInput } from '../core/grid';
import { UserError } from '../core/errors';
import { statusReportOf } from '../core/status-report';
import { communeFromTitle, planNameFromTitle } from '../core/title';
import { followUpOf, type HistoryRead } from '../core/history';
import { remindersOf } from '../core/reminders';
import { unitSheetLayout } from '../core/unit-sheet';
import { addCharts, type SheetChart } from './charts';
import { putHistorySheet, putReminderSheets, putUnitSheet } from './follow-up';

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

type CfRule = { type?: string; formulae?: string[] };
type Cf = { ref: string; rules: CfRule[] };

/** The product's rule among a sheet's conditional formats. */
function isOwn(cf: Cf): boolean {
  return cf.rules.some(
    (r) => r.type === 'expression' && r.formulae?.some((f) => ownRuleSeverity(f) !== null),
  );
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** Draws the flags of a check on a worksheet, replacing the product's earlier marks. */
export function drawFlags(ws: ExcelJS.Worksheet, result: CheckResult): void {
  const sheet = ws as unknown as { conditionalFormattings?: Cf[] };
  const kept = (sheet.conditionalFormattings ?? []).filter((cf) => !isOwn(cf));
  // Earlier reasons go, the user's note text stays.
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const text = noteText(cell.note);
      if (text === '') return;
      const user = userNote(text);
      if (user !== text) cell.note = user === '' ? (undefined as unknown as string) : user;
    }),
  );
  const flags = flagsOf(result.findings);
  for (const flag of flags) {
    const cell = ws.getCell(flag.row, columnIndex(flag.column) + 1);
    cell.note = flaggedNote(noteText(cell.note), flag.note);
  }
  const own: Cf[] = [...rangesBySeverity(flags)].map(([severity, a1s], i) => ({
    ref: a1s.join(' '),
    rules: [
      {
        type: 'expression',
        priority: i + 1,
        formulae: [ruleExpression(severity)],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(SEVERITY_COLORS[severity]) } },
        },
      } as CfRule,
    ],
  }));
  // The product's rules first, so its colours show over the user's own rules on flagged cells.
  const renumbered = kept.map((cf) => ({
    ...cf,
    rules: cf.rules.map((r) => ({
      ...r,
      priority: ((r as { priority?: number }).priority ?? 1) + own.length,
    })),
  }));
  sheet.conditionalFormattings = [...own, ...renumbered];
}

/** A valid worksheet name from anything (a CSV's file name): no []:*?/\, at most 31 characters. */
export function sheetNameFrom(name: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim();
  const cut = [...clean].slice(0, 31).join('').trim();
  return cut === '' || cut.toLowerCase() === 'history' ? 'Bảng phân công' : cut;
}

/** A CSV's rows as a worksheet an officer can read: widths from the text, wrapping, the header frozen. */
export async function csvWorkbook(
  sheets: readonly SheetInput[],
  headerRow: number,
): Promise<ExcelJS.Workbook> {
  // ExcelJS is loaded only when a copy is written: checking alone stays quick to start.
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetNameFrom(s.name));
    // Values go in as typed text: a cell starting with "=" stays text, never a formula.
    s.values.forEach((row) => ws.addRow(row.map((v) => (v === null || v === undefined ? '' : v))));
    const width = Math.max(0, ...s.values.map((r) => r.length));
    for (let c = 1; c <= width; c++) {
      let longest = 4;
      for (const row of s.values.slice(0, 500)) longest = Math.max(longest, String(row[c - 1] ?? '').length);
      ws.getColumn(c).width = Math.min(60, Math.max(8, Math.ceil(longest * 0.9)));
      ws.getColumn(c).alignment = { wrapText: true, vertical: 'top' };
    }
    if (headerRow > 0) {
      ws.views = [{ state: 'frozen', ySplit: headerRow }];
      ws.getRow(headerRow).font = { bold: true };
    }
  }
  return wb;
}

/** The name for the status sheet: its own earlier version's, else a free one (never a user's sheet). */
export function statusSheetName(wb: ExcelJS.Workbook): { name: string; replace: ExcelJS.Worksheet | null } {
  const ours = wb.worksheets.find((ws) => isStatusSheet(ws));
  if (ours) return { name: ours.name, replace: ours };
  let name = STATUS_SHEET_NAME;
  for (let i = 2; wb.worksheets.some((ws) => ws.name.toLowerCase() === name.toLowerCase()); i++)
    name = `${STATUS_SHEET_NAME} (${i})`;
  return { name, replace: null };
}

/** True for a status sheet the product wrote (its data row), whatever its name. */
export function isStatusSheet(ws: ExcelJS.Worksheet): boolean {
  let found = false;
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (!found && String(row.getCell(1).value ?? '') === DATA_TAG) found = true;
  });
  return found;
}

/** Adds (or replaces, in place) the status sheet of a report, with the changes since the last check when known. */
export function putStatusSheet(
  wb: ExcelJS.Workbook,
  report: StatusReport,
  result: CheckResult,
  changes?: StatusChanges | null,
): ExcelJS.Worksheet {
  const { name, replace } = statusSheetName(wb);
  if (replace) wb.removeWorksheet(replace.id);
  const ws = wb.addWorksheet(name);
  renderStatusSheet(ws, toRows(report, changes), result);
  return ws;
}

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export function renderStatusSheet(ws: ExcelJS.Worksheet, model: StatusRows, result: CheckResult): void {
  model.rows.forEach((cells) =>
    ws.addRow(
      cells.map((c) => {
        if (typeof c !== 'object') return c;
        const [y, m, d] = c.date.split('-').map(Number) as [number, number, number];
        const [h, mi] = (c.time ?? '00:00').split(':').map(Number) as [number, number];
        // ExcelJS writes a Date's UTC parts as the cell's wall-clock value.
        return new Date(Date.UTC(y, m - 1, d, h, mi));
      }),
    ),
  );
  const asOf = model.rows[model.asOfCell.row]?.[model.asOfCell.column];
  const asOfCell = ws.getCell(model.asOfCell.row + 1, model.asOfCell.column + 1);
  asOfCell.numFmt = typeof asOf === 'object' && asOf.time ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy';
  asOfCell.alignment = { horizontal: 'left' };
  model.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const last = model.width;
  ws.mergeCells(model.titleRow + 1, 1, model.titleRow + 1, last);
  const title = ws.getCell(model.titleRow + 1, 1);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  ws.getRow(model.titleRow + 1).height = 22;
  for (let r = model.firstMetaRow + 1; r <= model.lastMetaRow + 1; r++) {
    ws.getCell(r, 1).font = { bold: true };
    ws.getCell(r, 2).alignment = { horizontal: 'left' };
  }
  const header = ws.getRow(model.headerRow + 1);
  header.height = 45;
  header.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
  });
  for (let r = model.headerRow + 1; r <= model.totalRow + 1; r++) {
    for (let c = 1; c <= last; c++) ws.getCell(r, c).border = BORDER;
    for (const rc of model.rateColumns) ws.getCell(r, rc + 1).numFmt = '0%';
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'middle' };
    // Long section names wrap: give their row the height of its lines.
    const name = String(ws.getCell(r, 1).value ?? '');
    const lines = Math.ceil(name.length / ((model.widths[0] ?? 36) - 2));
    if (r > model.headerRow + 1 && lines > 1) ws.getRow(r).height = 15 * lines;
  }
  const total = ws.getRow(model.totalRow + 1);
  total.font = { bold: true };
  total.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }));
  ws.mergeCells(model.legendRow + 1, 1, model.legendRow + 1, last);
  ws.getCell(model.legendRow + 1, 1).alignment = { wrapText: true, vertical: 'top' };
  ws.getCell(model.legendRow + 1, 1).font = { italic: true };
  ws.getRow(model.legendRow + 1).height = 64;
  ws.getRow(model.dataRow + 1).hidden = true;
  if (model.changes) renderChanges(ws, model);
  // Colour legend of the task sheet's flags, and the problems of the table as a whole.
  let r = model.rows.length + 2;
  ws.getCell(r, 1).value = 'Chú thích màu trên bảng phân công (di chuột vào ô để xem lý do):';
  ws.getCell(r, 1).font = { bold: true };
  for (const item of COLOR_LEGEND) {
    r++;
    ws.getCell(r, 1).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: argb(SEVERITY_COLORS[item.severity]) },
    };
    ws.getCell(r, 1).value = item.text;
    ws.mergeCells(r, 1, r, last);
  }
  const sheetLevel = result.findings.filter((f) => f.row === null);
  if (sheetLevel.length > 0) {
    r += 2;
    ws.getCell(r, 1).value = 'Vấn đề của cả bảng:';
    ws.getCell(r, 1).font = { bold: true };
    for (const f of sheetLevel) {
      r++;
      ws.getCell(r, 1).value = `• ${f.message}`;
      ws.mergeCells(r, 1, r, last);
    }
  }
  ws.views = [{ state: 'frozen', ySplit: model.headerRow + 1 }];
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
}

/** The changes since the last check, below the data row: per pillar, then overdue by month. */
function renderChanges(ws: ExcelJS.Worksheet, model: StatusRows): void {
  const ch = model.changes;
  if (!ch) return;
  const head = (row: number, columns: number) => {
    const r = ws.getRow(row + 1);
    r.height = 45;
    for (let c = 1; c <= columns; c++) {
      const cell = r.getCell(c);
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
      cell.border = BORDER;
    }
  };
  const columns = 7;
  for (const t of [ch.titleRow, ch.monthTitleRow]) {
    ws.mergeCells(t + 1, 1, t + 1, model.width);
    ws.getCell(t + 1, 1).font = { bold: true, size: 12 };
  }
  head(ch.headerRow, columns);
  for (let r = ch.firstRow; r <= ch.totalRow; r++) {
    for (let c = 1; c <= columns; c++) ws.getCell(r + 1, c).border = BORDER;
    for (const c of ch.signedColumns) {
      const cell = ws.getCell(r + 1, c + 1);
      cell.numFmt = '+0;-0;0';
      if (c === ch.signedColumns[0] && typeof cell.value === 'number' && cell.value > 0)
        cell.font = { bold: true, color: { argb: 'FFB3261E' } };
    }
    ws.getCell(r + 1, 1).alignment = { wrapText: true, vertical: 'middle' };
    const name = String(ws.getCell(r + 1, 1).value ?? '');
    const lines = Math.ceil(name.length / ((model.widths[0] ?? 36) - 2));
    if (lines > 1) ws.getRow(r + 1).height = 15 * lines;
  }
  const total = ws.getRow(ch.totalRow + 1);
  total.font = { bold: true };
  for (let c = 1; c <= columns; c++)
    total.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  head(ch.monthHeaderRow, 2);
  ws.getRow(ch.monthHeaderRow + 1).height = 30;
  for (let r = ch.monthHeaderRow + 1; r <= ch.lastMonthRow; r++)
    for (let c = 1; c <= 2; c++) ws.getCell(r + 1, c).border = BORDER;
}

/** Fails with a clear message when the workbook has no such sheet (it was read a moment ago). */
export function worksheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new UserError(`Không tìm thấy trang “${name}” để đánh dấu.`);
  return ws;
}

/**
 * An .xlsx as ExcelJS reads it, to write its checked copy. ExcelJS is loaded only now, so a check
 * alone stays quick to start.
 */
export async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UserError(
      `Không mở được tệp “${fileName}” để ghi bản đã đánh dấu (Excel có thể sửa tệp khi mở).`,
    );
  }
  return wb;
}

/** The status report of a checked copy: the commune given, else the one the title names. */
export function checkedReport(result: CheckResult, commune?: string): StatusReport {
  return statusReportOf(result, {
    commune: commune ?? communeFromTitle(result.plan.title),
    planName: planNameFromTitle(result.plan.title),
  });
}

/**
 * The checked copy of a file: its own workbook (an .xlsx) with the checked sheet flagged, or for
 * a CSV or a Word plan a workbook of the sheet that was read; the status sheet and chart added.
 */
export async function checkedCopy(
  workbook: ExcelJS.Workbook | null,
  sheet: SheetInput,
  result: CheckResult,
  report: StatusReport,
  follow?: FollowUpSheets,
): Promise<Uint8Array> {
  const wb = workbook ?? (await csvWorkbook([sheet], result.plan.headerRow));
  const name = workbook ? sheet.name : (wb.worksheets[0]?.name ?? sheet.name);
  return checkedWorkbookBytes(wb, name, result, report, follow);
}

/**
 * The follow-up sheets of a checked copy (`follow` = followUpOf(the history read, result)): the
 * changes since the last check and the monthly overdue series, "Theo đơn vị", one reminder per
 * unit and the history with today's snapshot added (or, when `history.newer`, the newer
 * version's history kept as it is).
 */
export function followUpSheets(
  result: CheckResult,
  report: StatusReport,
  history: HistoryRead,
): FollowUpSheets {
  const follow = followUpOf(history.snapshots, result);
  return {
    changes: follow.diff ? { diff: follow.diff, monthly: follow.monthly } : null,
    units: unitSheetLayout(result, { commune: report.commune, asOf: result.today }, follow.diff),
    reminders: remindersOf(result),
    reminderContext: {
      commune: report.commune,
      planName: report.planName,
      planYear: result.plan.planYear,
      today: result.today,
      dueSoonDays: result.dueSoonDays,
    },
    snapshots: follow.snapshots,
    keepHistory: history.newer === true,
  };
}

/** What the follow-up adds to a checked copy: the changes, the sheet by unit, the reminders, the history. */
export interface FollowUpSheets {
  changes: StatusChanges | null;
  units: UnitSheetRows;
  reminders: readonly UnitReminder[];
  reminderContext: ReminderContext;
  snapshots: readonly Snapshot[];
  /** The workbook's history was written by a newer version: leave it as it is. */
  keepHistory: boolean;
}

/**
 * The checked copy's bytes: flags on the checked sheet, the status sheet and its chart added;
 * with `follow`, also the changes since the last check and their monthly chart, "Theo đơn vị",
 * one reminder sheet per unit and the hidden history.
 */
export async function checkedWorkbookBytes(
  wb: ExcelJS.Workbook,
  sheetName: string,
  result: CheckResult,
  report: StatusReport,
  follow?: FollowUpSheets,
): Promise<Uint8Array> {
  drawFlags(worksheetOf(wb, sheetName), result);
  const status = putStatusSheet(wb, report, result, follow?.changes);
  if (follow) {
    putUnitSheet(wb, follow.units);
    putReminderSheets(wb, follow.reminders, follow.reminderContext);
    putHistorySheet(wb, follow.snapshots, follow.keepHistory);
  }
  const buffer = await wb.xlsx.writeBuffer();
  const model = toRows(report, follow?.changes);
  const charts: SheetChart[] = [
    {
      sheet: status.name,
      chart: model.chart,
      at: { row: status.rowCount + 1, column: 0 },
      size: { columns: 9, rows: 28 },
    },
  ];
  if (model.changes)
    charts.push({
      sheet: status.name,
      chart: model.changes.chart,
      at: { row: status.rowCount + 30, column: 0 },
      size: { columns: 6, rows: 16 },
    });
  return addCharts(new Uint8Array(buffer as ArrayBuffer), charts);
}
