/**
 * What the browser page computes, without the page: a file's bytes checked exactly as
 * `ke-hoach-cds check FILE --json` checks them (the core's openPlanFile and pickSheet, the same
 * engine options), and the page's settings from its address. No DOM here, so Node runs it too.
 */
import { openPlanFile, pickSheet, type PlanBook } from '../core/book';
import { carriedOver } from '../core/carry-over';
import { checkSheet, type CheckResult } from '../core/check';
import { dayInZone, isIsoDay, type IsoDay } from '../core/dates';
import type { SheetInput } from '../core/grid';
import { DEFAULT_TIME_ZONE } from '../core/plan';
import { toReport, type Report } from '../core/report';
import { DEFAULT_DUE_SOON_DAYS, MAX_DUE_SOON_DAYS } from '../core/timeliness';

/** The global through which the page's second script (workbook.ts) hands over its function. */
export const WORKBOOK_GLOBAL = 'KeHoachCdsWorkbook';

export interface PageSettings {
  today: IsoDay;
  dueSoonDays: number;
}

/** The settings the address gives (`?today=YYYY-MM-DD`), with what was wrong in it, in Vietnamese. */
export function settingsFromAddress(
  search: string,
  now: Date,
): { settings: PageSettings; problems: string[] } {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  let today = dayInZone(now, DEFAULT_TIME_ZONE);
  const asked = params.get('today');
  if (asked !== null) {
    if (isIsoDay(asked)) today = asked;
    else
      problems.push(
        `Ngày “${asked}” trong địa chỉ trang (?today=) không hợp lệ; ghi theo dạng YYYY-MM-DD, ví dụ ?today=2025-10-31. Đang tính hạn theo ngày hôm nay.`,
      );
  }
  return { settings: { today, dueSoonDays: DEFAULT_DUE_SOON_DAYS }, problems };
}

/** The due-soon window typed on the page, or a Vietnamese reason it is refused. */
export function dueSoonDaysOf(text: string): number | string {
  const t = text.trim();
  if (t === '') return DEFAULT_DUE_SOON_DAYS;
  const n = Number(t);
  if (!/^\d+$/.test(t) || n > MAX_DUE_SOON_DAYS)
    return `“Số ngày sắp đến hạn” phải là số nguyên từ 0 đến ${MAX_DUE_SOON_DAYS}.`;
  return n;
}

export interface PageCheck {
  kind: PlanBook['kind'];
  fileName: string;
  /** The file's sheets, and the one that was checked. */
  sheetNames: string[];
  sheet: SheetInput;
  result: CheckResult;
  report: Report;
  /** How the file was read (replaced bytes, Word paragraphs not read…). */
  notes: string[];
}

/** Checks a file as the command line does; `sheet` picks a sheet of a workbook. Throws UserError. */
export function checkFile(
  bytes: Uint8Array,
  fileName: string,
  settings: PageSettings,
  sheetName?: string,
): PageCheck {
  const book = openPlanFile(bytes, fileName, DEFAULT_TIME_ZONE);
  const sheet = pickSheet(book, fileName, sheetName);
  // A checked copy or the add-on's spreadsheet downloaded: its unit list groups the units, as in
  // the command line.
  const { units, history } = carriedOver(book);
  const result = checkSheet(sheet, {
    today: settings.today,
    planYear: undefined,
    dueSoonDays: settings.dueSoonDays,
    timeZone: DEFAULT_TIME_ZONE,
    commune: undefined,
    unitOverrides: units?.overrides,
  });
  return {
    kind: book.kind,
    fileName,
    sheetNames: book.sheetNames,
    sheet,
    result,
    report: toReport(result),
    notes: [...book.notes, ...history.notes],
  };
}

/**
 * The report as the text of a <script type="application/json"> element: the command line's JSON,
 * with every "<" written \u003c so that no "</script>" in the data can end the element (JSON.parse
 * gives the same object back).
 */
export function reportScriptText(report: Report): string {
  return JSON.stringify(report).replace(/</g, '\\u003c');
}

/** The checked copy's file name: "ke-hoach.xlsx" → "ke-hoach-da-kiem-tra.xlsx". */
export function checkedFileName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]*$/, '').trim();
  return `${base || 'bang-phan-cong'}-da-kiem-tra.xlsx`;
}
