/**
 * "Nhập kế hoạch từ tệp Word…": the dialog reads the .docx in the browser (the core's importDocx,
 * bundled into Import.html, so the file never reaches the server and no Drive scope is needed)
 * and sends the rows of the standard task sheet. Here they are checked as input from a page
 * (strings only, the standard header, bounded sizes), written as a new sheet in one setValues
 * with the template's dropdowns, made active, and checked like "Kiểm tra bảng phân công" — all
 * one transaction, so a failure leaves no half sheet. The paragraphs the dialog could not read
 * go into the note of the new sheet's first cell, where they do not disturb the table.
 */
import * as z from 'zod/mini';
import { MAX_FILE_BYTES } from '../core/book';
import { countBySeverity } from '../core/check';
import { dayFromText, dayInZone } from '../core/dates';
import { IMPORT_SHEET_NAME } from '../core/docx';
import { UserError } from '../core/errors';
import { TEMPLATE_HEADER, TEMPLATE_VALIDATIONS, templateColumn } from '../core/template';
import { sheetValue, type SheetValue } from './cells';
import { checkTaskSheetCommand, timeZoneOf } from './commands';
import { NEEDS, ensureScopes } from './scopes';
import { transact } from './transaction';
import { page } from './ui';

/** What the dialog sends: the standard task sheet's rows, as text, and what it could not read. */
export interface ImportPayload {
  fileName: string;
  /** Title rows, the header (TEMPLATE_HEADER) at `headerRow`, then sections and task lines. */
  rows: string[][];
  /** 1-based row of the header. */
  headerRow: number;
  /** Paragraphs of the plan that could not be read, as written. */
  problems: string[];
}

export interface ImportResult {
  sheet: string;
  tasks: number;
  errors: number;
  warnings: number;
  infos: number;
  problems: number;
}

/** Bounds on what a page may send: far above any plan (the 5,000-task test plan has 5,050 rows). */
export const IMPORT_LIMITS = {
  rows: 20_000,
  cellChars: 50_000,
  chars: 5_000_000,
  problems: 500,
  problemChars: 2_000,
  titleRows: 10,
} as const;

const WIDTH = TEMPLATE_HEADER.length;
const L = IMPORT_LIMITS;

const PayloadSchema = z.object({
  fileName: z.string().check(z.maxLength(255)),
  rows: z
    .array(z.array(z.string().check(z.maxLength(L.cellChars))).check(z.maxLength(WIDTH)))
    .check(z.minLength(2), z.maxLength(L.rows)),
  headerRow: z.number().check(z.int(), z.minimum(1), z.maximum(L.titleRows + 1)),
  problems: z.array(z.string().check(z.maxLength(L.problemChars))).check(z.maxLength(L.problems)),
});

const REFUSED =
  'Dữ liệu gửi từ cửa sổ nhập không đúng mẫu bảng phân công, nên không ghi gì vào bảng tính. Hãy đóng cửa sổ, mở lại “Nhập kế hoạch từ tệp Word…” và chọn lại tệp.';

/** The payload checked: a UserError (nothing written) for anything but the standard task sheet. */
export function parseImportPayload(raw: unknown): ImportPayload {
  const parsed = PayloadSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(REFUSED, 'import-payload');
  const p = parsed.data;
  const header = p.rows[p.headerRow - 1] ?? [];
  if (header.length !== WIDTH || header.some((h, i) => h !== TEMPLATE_HEADER[i]))
    throw new UserError(REFUSED, 'import-payload');
  let chars = 0;
  for (const row of p.rows) for (const cell of row) chars += cell.length;
  if (chars > L.chars)
    throw new UserError(
      'Bảng phân công đọc được lớn hơn mọi kế hoạch thực tế (quá 5 triệu ký tự), nên không ghi vào bảng tính. Hãy chia tệp Word thành các phần nhỏ hơn.',
      'import-payload',
    );
  if (p.rows.length <= p.headerRow)
    throw new UserError('Tệp Word không có nhiệm vụ nào để nhập.', 'import-payload');
  return p;
}

/** The menu item: opens the dialog. */
export function showImportCommand(): void {
  ensureScopes(NEEDS.sheetWithUi, 'nhập kế hoạch từ tệp Word');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = timeZoneOf(ss);
  const data = { today: dayInZone(new Date(), timeZone), timeZone, maxBytes: MAX_FILE_BYTES };
  SpreadsheetApp.getUi().showModalDialog(
    page('Import', data).setWidth(560).setHeight(540),
    'Nhập kế hoạch từ tệp Word',
  );
}

/** A sheet name not yet taken (Sheets compares names without case). */
function freeName(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, base: string): string {
  const taken = new Set(ss.getSheets().map((s) => s.getName().toLowerCase()));
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
  return name;
}

/** Column widths in pixels, in the template's order (STT narrow, the task wide). */
const WIDTHS = [48, 360, 170, 170, 170, 130, 120, 110, 150, 150];

/** The note on the first cell that lists the paragraphs not read (cut to stay readable). */
export function problemsNote(fileName: string, problems: readonly string[]): string {
  const shown = problems.slice(0, 50).map((p) => `• ${p.length > 300 ? `${p.slice(0, 299)}…` : p}`);
  const more = problems.length > shown.length ? [`… và ${problems.length - shown.length} đoạn nữa.`] : [];
  return [
    `Đoạn chưa đọc được khi nhập từ “${fileName}” (${problems.length}): hãy nhập tay vào bảng nếu là nhiệm vụ.`,
    ...shown,
    ...more,
  ].join('\n');
}

/**
 * Called by the dialog: writes the rows as a new sheet, with the template's dropdowns, makes it
 * active and checks it (flags and sidebar). One transaction: a failure anywhere removes the sheet.
 */
export function importPlanCommand(raw: unknown): ImportResult {
  ensureScopes(NEEDS.sheetWithUi, 'nhập kế hoạch từ tệp Word');
  const payload = parseImportPayload(raw);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tz = timeZoneOf(ss);
  const { rows, headerRow } = payload;
  const completedOn = templateColumn('completedOn');
  const values: SheetValue[][] = rows.map((r, i) =>
    Array.from({ length: WIDTH }, (_v, c) => {
      const text = r[c] ?? '';
      const day = i >= headerRow && c === completedOn ? dayFromText(text) : null;
      return day ? sheetValue({ date: day, time: null }, tz) : sheetValue(text, tz);
    }),
  );
  const previous = ss.getActiveSheet();
  const name = freeName(ss, IMPORT_SHEET_NAME);
  return transact((tx) => {
    const sheet = tx.step(
      () => ss.insertSheet(name, ss.getNumSheets()),
      (created) => ss.deleteSheet(created),
    );
    // A new sheet has 1,000 rows: a longer plan needs more, and room below to add tasks.
    const needed = rows.length + 200;
    if (sheet.getMaxRows() < needed) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
    sheet.getRange(1, 1, rows.length, WIDTH).setValues(values);
    if (headerRow > 1)
      sheet
        .getRange(1, 1, headerRow - 1, WIDTH)
        .mergeAcross()
        .setFontWeight('bold');
    sheet
      .getRange(headerRow, 1, 1, WIDTH)
      .setFontWeight('bold')
      .setBackground('#D9E2F3')
      .setWrap(true)
      .setVerticalAlignment('middle');
    sheet.setFrozenRows(headerRow);
    const dataRows = sheet.getMaxRows() - headerRow;
    sheet
      .getRange(headerRow + 1, 1, dataRows, WIDTH)
      .setWrap(true)
      .setVerticalAlignment('top');
    for (const v of TEMPLATE_VALIDATIONS) {
      const range = sheet.getRange(headerRow + 1, templateColumn(v.key) + 1, dataRows, 1);
      if (v.kind === 'list')
        range.setDataValidation(
          SpreadsheetApp.newDataValidation()
            .requireValueInList([...v.values], true)
            .setAllowInvalid(!v.strict)
            .setHelpText(v.help)
            .build(),
        );
      else
        range
          .setDataValidation(
            SpreadsheetApp.newDataValidation()
              .requireDate()
              .setAllowInvalid(false)
              .setHelpText(v.help)
              .build(),
          )
          .setNumberFormat('dd/MM/yyyy');
    }
    WIDTHS.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
    if (payload.problems.length > 0)
      sheet.getRange(1, 1).setNotes([[problemsNote(payload.fileName, payload.problems)]]);
    tx.step(
      () => ss.setActiveSheet(sheet),
      () => ss.setActiveSheet(previous),
    );
    const result = checkTaskSheetCommand();
    const n = countBySeverity(result.findings);
    return {
      sheet: name,
      tasks: result.plan.tasks.length,
      errors: n.error,
      warnings: n.warning,
      infos: n.info,
      problems: payload.problems.length,
    };
  });
}
