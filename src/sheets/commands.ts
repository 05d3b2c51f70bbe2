/** The commune's menu commands. Each reads what it needs once, computes with the core, writes once. */
import { countBySeverity, type CheckResult } from '../core/check';
import { dayInZone, timeInZone } from '../core/dates';
import { UserError } from '../core/errors';
import { statusChoices, type Severity } from '../core/findings';
import { CODE_LABELS, SEVERITY_LABELS } from '../core/labels';
import { followUpOf } from '../core/history';
import { DEFAULT_TIME_ZONE, hasTaskHeader, parsePlan } from '../core/plan';
import { statusReportOf, type StatusReport } from '../core/status-report';
import type { UnitList } from '../core/unit-list';
import { communeFromTitle, planNameFromTitle } from '../core/title';
import { columnLetter } from '../core/text';
import { COLUMNS, PILLARS, STATUS_VALUES, type ColumnKey } from '../core/vocabulary';
import { TEMPLATE_HEADER } from '../core/template';
import { readSheet, sheetValue, type SheetRead } from './cells';
import { applyFlags, clearFlags } from './flags';
import { checkWithUnits, followOf, readHistorySheet, writeHistory, writeUnitSheet } from './follow';
import { NEEDS, ensureScopes } from './scopes';
import {
  loadSettings,
  parseSettingsForm,
  storeSettings,
  validEmails,
  type Settings,
  type SettingsForm,
} from './settings';
import { sendStatus, showSent, type SendResult } from './share';
import { findStatusSheet, stageStatusSheet } from './status-sheet';
import { transact } from './transaction';
import { APP_TITLE, page } from './ui';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function timeZoneOf(ss: Spreadsheet): string {
  return ss.getSpreadsheetTimeZone() || DEFAULT_TIME_ZONE;
}

/**
 * "Today" and the settings, in the spreadsheet's time zone (not the script's); with the unit
 * list, the officer's grouping of units.
 */
export function engineOptions(ss: Spreadsheet, settings: Settings, units?: UnitList | null) {
  const timeZone = timeZoneOf(ss);
  return {
    today: dayInZone(new Date(), timeZone),
    timeZone,
    planYear: settings.planYear ?? undefined,
    dueSoonDays: settings.dueSoonDays,
    commune: settings.commune || undefined,
    unitOverrides: units?.overrides,
  };
}

/**
 * The task sheet to work on: the active one. Otherwise, with `fallback`, the first sheet that
 * holds a task table; without, a message saying which sheet does.
 */
export function taskSheet(ss: Spreadsheet, fallback = false): { sheet: Sheet; read: SheetRead } {
  const sheet = ss.getActiveSheet();
  const read = readSheet(sheet);
  if (hasTaskHeader(read.input)) return { sheet, read };
  const status = findStatusSheet(ss);
  const other = ss.getSheets().find((s) => {
    if (s.getSheetId() === sheet.getSheetId() || (status && s.getSheetId() === status.getSheetId()))
      return false;
    const rows = Math.min(s.getLastRow(), 40);
    const cols = s.getLastColumn();
    if (rows < 1 || cols < 1) return false;
    return hasTaskHeader({ name: s.getName(), values: s.getRange(1, 1, rows, cols).getValues() });
  });
  if (other && fallback) return { sheet: other, read: readSheet(other) };
  const where = other
    ? ` Bảng phân công nằm ở trang “${other.getName()}”: hãy mở trang đó rồi chạy lại lệnh.`
    : ' Hãy mở trang có bảng phân công (có các cột “STT”, “Nhiệm vụ”, “Cơ quan chủ trì”, “Thời gian hoàn thành”), hoặc dùng “Tạo bảng mẫu”.';
  throw new UserError(`Trang “${sheet.getName()}” không có bảng phân công nhiệm vụ.${where}`);
}

export interface SidebarData {
  sheet: string;
  tasks: number;
  pillars: number;
  planYear: number;
  today: string;
  counts: { code: string; label: string; severity: string; count: number }[];
  findings: {
    row: number | null;
    column: string | null;
    severity: string;
    severityLabel: string;
    label: string;
    message: string;
  }[];
  /** "Từ lần kiểm tra 15/11: +3 quá hạn, +2 hoàn thành", when an earlier day's check is known. */
  since?: string | null;
  /** What the officer should know about the add-on's own sheets (a broken history…). */
  notes?: string[];
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

export function sidebarData(
  result: CheckResult,
  since: string | null = null,
  notes: string[] = [],
): SidebarData {
  const counts = new Map<string, { code: string; label: string; severity: string; count: number }>();
  for (const f of result.findings) {
    const key = `${f.code}:${f.severity}`;
    const c = counts.get(key) ?? { code: f.code, label: CODE_LABELS[f.code], severity: f.severity, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  // Errors first, then warnings, then notices; down the sheet within each.
  const findings = result.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i);
  return {
    sheet: result.plan.sheet,
    tasks: result.plan.tasks.length,
    pillars: result.pivot.slice(0, -1).filter((p) => p.total > 0).length,
    planYear: result.plan.planYear,
    today: result.today,
    counts: [...counts.values()].sort((a, b) => RANK[a.severity as Severity] - RANK[b.severity as Severity]),
    findings: findings.map(({ f }) => ({
      row: f.row,
      column: f.column,
      severity: f.severity,
      severityLabel: SEVERITY_LABELS[f.severity],
      label: CODE_LABELS[f.code],
      message: f.message,
    })),
    since,
    notes,
  };
}

/** 1. Kiểm tra bảng phân công: flags, and this day's snapshot in the history, in one transaction. */
export function checkTaskSheetCommand(): CheckResult {
  ensureScopes(NEEDS.sheetWithUi, 'kiểm tra bảng phân công');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = loadSettings();
  const { sheet, read, result } = checkWithUnits(ss, settings, false);
  const history = readHistorySheet(ss);
  const follow = followUpOf(history.history.snapshots, result);
  transact((tx) => {
    applyFlags(sheet, read.range, result.findings, tx);
    writeHistory(ss, history, follow, tx);
  });
  // Making the hidden history (the first time) makes it the active sheet: back to the task sheet.
  if (!history.sheet) ss.setActiveSheet(sheet);
  const n = countBySeverity(result.findings);
  ss.toast(
    `${result.plan.tasks.length} nhiệm vụ: ${n.error} lỗi, ${n.warning} cảnh báo, ${n.info} lưu ý.`,
    'Đã kiểm tra bảng phân công',
    8,
  );
  SpreadsheetApp.getUi().showSidebar(
    page('Sidebar', sidebarData(result, follow.line, history.history.notes)).setTitle(APP_TITLE),
  );
  return result;
}

/**
 * Re-checks the task sheet and rewrites the status sheet (with the changes since the last check),
 * "Theo đơn vị" and the history, all in one transaction; shared by "update" and "send".
 */
function refreshStatusSheet(ss: Spreadsheet, settings: Settings) {
  const { result } = checkWithUnits(ss, settings, true);
  const timeZone = timeZoneOf(ss);
  const commune = settings.commune || communeFromTitle(result.plan.title);
  const asOfTime = timeInZone(new Date(), timeZone);
  const report = statusReportOf(result, {
    commune,
    planName: planNameFromTitle(result.plan.title),
    asOfTime,
  });
  const history = readHistorySheet(ss);
  const { follow, units } = followOf(result, history.history, commune, asOfTime);
  const changes = follow.diff ? { diff: follow.diff, monthly: follow.monthly } : null;
  const sheet = transact((tx) => {
    writeUnitSheet(ss, units, tx);
    writeHistory(ss, history, follow, tx);
    const staged = stageStatusSheet(ss, report, changes, tx);
    staged.commit();
    return staged.sheet;
  });
  return { result, report, sheet, timeZone, changes };
}

/** 2. Cập nhật bảng trạng thái */
export function updateStatusSheetCommand(): StatusReport {
  ensureScopes(NEEDS.sheet, 'cập nhật bảng trạng thái');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { report, sheet } = refreshStatusSheet(ss, loadSettings());
  ss.toast(`Đã cập nhật trang “${sheet.getName()}” (${report.tasks} nhiệm vụ).`, APP_TITLE, 6);
  return report;
}

/** 3. Gửi bảng trạng thái cho thành phố */
export function sendToCityCommand(): SendResult | null {
  ensureScopes(NEEDS.send, 'gửi bảng trạng thái cho thành phố');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = loadSettings();
  const emails = validEmails(settings.cityEmails);
  if (emails.length === 0) {
    ss.toast('Chưa có địa chỉ thư của thành phố: hãy nhập ở đây rồi gửi lại.', APP_TITLE, 8);
    showSettingsCommand();
    return null;
  }
  const { report, timeZone, changes } = refreshStatusSheet(ss, settings);
  const sent = sendStatus(ss, report, {
    changes,
    emails,
    notify: settings.notifyCity,
    message: settings.cityMessage,
    timeZone,
    locale: ss.getSpreadsheetLocale(),
  });
  showSent(sent);
  return sent;
}

/** The standard columns "Thêm cột chuẩn còn thiếu" adds when absent, in this order. */
export const ADDED_COLUMNS: ColumnKey[] = ['lead', 'deadline', 'partners', 'status', 'completedOn'];

/**
 * 4. Thêm cột chuẩn còn thiếu: new columns inserted right after the table, so whatever stands to
 * its right moves along and no cell is written over; headers, dropdowns and date formats set.
 */
export function addMissingColumnsCommand(): ColumnKey[] {
  ensureScopes(NEEDS.sheet, 'thêm cột chuẩn');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { sheet, read } = taskSheet(ss);
  const plan = parsePlan(read.input, engineOptions(ss, loadSettings()));
  const missing = ADDED_COLUMNS.filter((k) => plan.columns[k] === undefined);
  if (missing.length === 0) {
    ss.toast('Bảng đã có đủ các cột chuẩn.', APP_TITLE, 6);
    return [];
  }
  const first = plan.width + 1;
  const headers = missing.map((k) => COLUMNS.find((c) => c.key === k)?.standard ?? k);
  const dataRows = Math.max(sheet.getMaxRows() - plan.headerRow, 1);
  transact((tx) => {
    tx.step(
      () => sheet.insertColumnsAfter(plan.width, missing.length),
      () => sheet.deleteColumns(first, missing.length),
    );
    const tz = timeZoneOf(ss);
    sheet
      .getRange(plan.headerRow, first, 1, missing.length)
      .setValues([headers.map((h) => sheetValue(h, tz))])
      .setFontWeight('bold');
    missing.forEach((k, i) => {
      const range = sheet.getRange(plan.headerRow + 1, first + i, dataRows, 1);
      if (k === 'status') range.setDataValidation(statusValidation());
      if (k === 'completedOn') range.setDataValidation(dateValidation()).setNumberFormat('dd/MM/yyyy');
    });
  });
  const letters = `${columnLetter(first - 1)}${missing.length > 1 ? `–${columnLetter(first + missing.length - 2)}` : ''}`;
  ss.toast(`Đã thêm cột ${headers.map((h) => `“${h}”`).join(', ')} (cột ${letters}).`, APP_TITLE, 6);
  return missing;
}

function statusValidation(): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList(
      Object.values(STATUS_VALUES).map((v) => v[0] as string),
      true,
    )
    .setAllowInvalid(true)
    .setHelpText(`Chọn một trong: ${statusChoices()}.`)
    .build();
}

function dateValidation(): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireDate()
    .setAllowInvalid(false)
    .setHelpText('Ghi ngày hoàn thành thực tế, ví dụ 30/10/2025.')
    .build();
}

/** 5. Tạo bảng mẫu */
export function createTemplateCommand(): Sheet {
  ensureScopes(NEEDS.sheet, 'tạo bảng mẫu');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = loadSettings();
  const tz = timeZoneOf(ss);
  const year = settings.planYear ?? Number(dayInZone(new Date(), tz).slice(0, 4));
  let name = 'Mẫu phân công CĐS';
  for (let i = 2; ss.getSheetByName(name); i++) name = `Mẫu phân công CĐS (${i})`;
  const width = TEMPLATE_HEADER.length;
  const blank = (cells: string[]) => [...cells, ...new Array<string>(width - cells.length).fill('')];
  const title = `PHÂN CÔNG NHIỆM VỤ CHUYỂN ĐỔI SỐ${settings.commune ? ` XÃ ${settings.commune.toUpperCase()}` : ''} NĂM ${year}`;
  const sheet = transact((tx) => {
    const s = tx.step(
      () => ss.insertSheet(name),
      (created) => ss.deleteSheet(created),
    );
    s.getRange(1, 1, 4, width).setValues(
      [
        blank([title]),
        TEMPLATE_HEADER,
        blank(['I', 'Nhận thức số']),
        [
          '1',
          'Tuyên truyền, phổ biến về chuyển đổi số trên trang thông tin điện tử và hệ thống truyền thanh xã',
          'Phòng Văn hóa - Xã hội',
          'Văn phòng HĐND và UBND',
          'Tin, bài tuyên truyền',
          `Quý IV/${year}`,
          'Đang thực hiện',
          '',
          'Nhận thức số',
          '',
        ],
      ].map((r) => r.map((v) => sheetValue(v, tz))),
    );
    s.getRange(1, 1, 1, width).merge().setFontWeight('bold').setHorizontalAlignment('center');
    s.getRange(2, 1, 1, width).setFontWeight('bold').setBackground('#D9E2F3').setWrap(true);
    s.getRange(3, 2, 1, width - 1)
      .merge()
      .setFontWeight('bold');
    s.setFrozenRows(2);
    const rows = Math.max(s.getMaxRows() - 3, 1);
    s.getRange(4, 7, rows, 1).setDataValidation(statusValidation());
    s.getRange(4, 9, rows, 1).setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList([...PILLARS], true)
        .setAllowInvalid(true)
        .build(),
    );
    s.getRange(4, 8, rows, 1).setDataValidation(dateValidation()).setNumberFormat('dd/MM/yyyy');
    s.setColumnWidth(2, 360);
    return s;
  });
  ss.setActiveSheet(sheet);
  return sheet;
}

/** 6. Xóa đánh dấu */
export function clearFlagsCommand(): number {
  ensureScopes(NEEDS.sheet, 'xóa đánh dấu');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { cells } = clearFlags(ss.getActiveSheet());
  ss.toast(
    cells > 0 ? `Đã xóa đánh dấu ở ${cells} ô.` : 'Trang này không có đánh dấu nào của Kế hoạch CĐS.',
    APP_TITLE,
    5,
  );
  return cells;
}

/** 7. Cài đặt… */
export function showSettingsCommand(): void {
  ensureScopes(NEEDS.sheetWithUi, 'mở cài đặt');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = loadSettings();
  let detectedYear: number | null = null;
  try {
    const read = readSheet(ss.getActiveSheet());
    if (hasTaskHeader(read.input))
      detectedYear = parsePlan(read.input, engineOptions(ss, { ...settings, planYear: null })).planYear;
  } catch {
    detectedYear = null;
  }
  const data = {
    commune: settings.commune,
    planYear: settings.planYear ?? detectedYear ?? '',
    dueSoonDays: settings.dueSoonDays,
    staleDays: settings.staleDays,
    cityEmails: settings.cityEmails.join('\n'),
    notifyCity: settings.notifyCity,
    cityMessage: settings.cityMessage,
  } satisfies Record<keyof Settings, unknown>; // every setting shown, or the dialog would reset it
  SpreadsheetApp.getUi().showModalDialog(
    page('Settings', data).setWidth(480).setHeight(600),
    'Cài đặt Kế hoạch CĐS',
  );
}

/** Called by the settings dialog: saves valid settings, or returns the reasons they were refused. */
export function saveSettingsCommand(form: SettingsForm): { ok: boolean; errors: string[] } {
  const parsed = parseSettingsForm(form);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  storeSettings(parsed.settings);
  return { ok: true, errors: [] };
}

/** 8. Hướng dẫn */
export function showHelpCommand(): void {
  ensureScopes(NEEDS.sheetWithUi, 'mở hướng dẫn');
  SpreadsheetApp.getUi().showModalDialog(
    page('Help', {}).setWidth(580).setHeight(560),
    'Hướng dẫn sử dụng Kế hoạch CĐS',
  );
}

/** Called by the sidebar: selects a flagged cell on the sheet that was checked. */
export function selectCellCommand(sheetName: string, row: number, column: string): void {
  if (!Number.isInteger(row) || row < 1 || !/^[A-Z]{1,3}$/.test(column)) return;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new UserError(`Không còn trang “${sheetName}”.`);
  sheet.getRange(`${column}${row}`).activate();
}
