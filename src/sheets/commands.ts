/** The menu commands. Each reads what it needs once, computes with the core, writes once. */
import { checkSheet, countBySeverity, type CheckResult } from '../core/check';
import { dayInZone } from '../core/dates';
import { statusChoices, type Severity } from '../core/findings';
import { CODE_LABELS, SEVERITY_LABELS } from '../core/labels';
import { DEFAULT_TIME_ZONE, hasTaskHeader, parsePlan } from '../core/plan';
import { asOfText, communeFromTitle, planNameFromTitle, statusSheetModel } from '../core/status-sheet';
import { columnLetter } from '../core/text';
import { COLUMNS, PILLARS, STATUS_VALUES, type ColumnKey } from '../core/vocabulary';
import { applyFlags, clearFlags } from './flags';
import { readSheet, type SheetRead } from './read';
import { loadSettings, parseSettingsForm, storeSettings, type Settings, type SettingsForm } from './settings';
import { findStatusSheet, writeStatusSheet } from './status';
import { sendStatus, showSent, type SendResult } from './share';
import { createCommuneListSheet, startRollup, type RunOutcome } from './city';
import { COMMUNE_LIST_SHEET_NAME, ROLLUP_SHEET_NAME } from '../core/rollup';
import { APP_TITLE, UserFacingError, page } from './ui';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function timeZoneOf(ss: Spreadsheet): string {
  return ss.getSpreadsheetTimeZone() || DEFAULT_TIME_ZONE;
}

function engineOptions(ss: Spreadsheet, settings: Settings) {
  const timeZone = timeZoneOf(ss);
  return {
    today: dayInZone(new Date(), timeZone),
    timeZone,
    planYear: settings.planYear ?? undefined,
    dueSoonDays: settings.dueSoonDays,
  };
}

/**
 * The task sheet to work on: the active one. Otherwise, with `fallback`, the first sheet that
 * holds a task table; without, a message saying which sheet does.
 */
function taskSheet(ss: Spreadsheet, fallback = false): { sheet: Sheet; read: SheetRead } {
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
  throw new UserFacingError(`Trang “${sheet.getName()}” không có bảng phân công nhiệm vụ.${where}`);
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
}

export function sidebarData(result: CheckResult): SidebarData {
  const counts = new Map<string, { code: string; label: string; severity: string; count: number }>();
  for (const f of result.findings) {
    const c = counts.get(f.code) ?? {
      code: f.code,
      label: CODE_LABELS[f.code],
      severity: f.severity,
      count: 0,
    };
    c.count++;
    counts.set(f.code, c);
  }
  const rank = { error: 0, warning: 1, info: 2 } as const;
  // Errors first, then warnings, then notices; down the sheet within each.
  const findings = result.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i);
  return {
    sheet: result.plan.sheet,
    tasks: result.plan.tasks.length,
    pillars: result.pivot.slice(0, -1).filter((p) => p.total > 0).length,
    planYear: result.plan.planYear,
    today: result.today,
    counts: [...counts.values()].sort((a, b) => rank[a.severity as Severity] - rank[b.severity as Severity]),
    findings: findings.map(({ f }) => ({
      row: f.row,
      column: f.column,
      severity: f.severity,
      severityLabel: SEVERITY_LABELS[f.severity],
      label: CODE_LABELS[f.code],
      message: f.message,
    })),
  };
}

/** 1. Kiểm tra bảng phân công */
export function checkTaskSheetCommand(): CheckResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { sheet, read } = taskSheet(ss);
  const result = checkSheet(read.input, engineOptions(ss, loadSettings()));
  applyFlags(sheet, read.range, result.findings);
  const n = countBySeverity(result.findings);
  ss.toast(
    `${result.plan.tasks.length} nhiệm vụ: ${n.error} lỗi, ${n.warning} cảnh báo, ${n.info} lưu ý.`,
    'Đã kiểm tra bảng phân công',
    8,
  );
  SpreadsheetApp.getUi().showSidebar(page('Sidebar', sidebarData(result)).setTitle(APP_TITLE));
  return result;
}

/** Re-checks the task sheet and rewrites the status sheet; shared by "update" and "send". */
function refreshStatusSheet(ss: Spreadsheet) {
  const settings = loadSettings();
  const { read } = taskSheet(ss, true);
  const options = engineOptions(ss, settings);
  const result = checkSheet(read.input, options);
  const time = Utilities.formatDate(new Date(), options.timeZone, 'HH:mm');
  const commune = settings.commune || communeFromTitle(result.plan.title);
  const model = statusSheetModel(result, {
    commune,
    planName: planNameFromTitle(result.plan.title),
    planYear: result.plan.planYear,
    asOf: asOfText(result.today, time),
  });
  const sheet = writeStatusSheet(ss, model);
  return { result, sheet, commune, timeZone: options.timeZone };
}

/** 2. Cập nhật bảng trạng thái */
export function updateStatusSheetCommand(): CheckResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { result, sheet } = refreshStatusSheet(ss);
  ss.toast(`Đã cập nhật trang “${sheet.getName()}” (${result.plan.tasks.length} nhiệm vụ).`, APP_TITLE, 6);
  return result;
}

/** Gửi bảng trạng thái cho thành phố */
export function sendToCityCommand(): SendResult | null {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (loadSettings().cityEmails.length === 0) {
    ss.toast('Chưa có địa chỉ thư của thành phố: hãy nhập ở đây rồi gửi lại.', APP_TITLE, 8);
    showSettingsCommand();
    return null;
  }
  const { result, sheet, commune, timeZone } = refreshStatusSheet(ss);
  const sent = sendStatus(ss, sheet, {
    commune,
    planYear: result.plan.planYear,
    tasks: result.plan.tasks.length,
    timeZone,
  });
  showSent(sent);
  return sent;
}

const ADDED_COLUMNS: ColumnKey[] = ['partners', 'status', 'completedOn'];

/** 3. Thêm cột chuẩn còn thiếu */
export function addMissingColumnsCommand(): ColumnKey[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { sheet, read } = taskSheet(ss);
  const plan = parsePlan(read.input, engineOptions(ss, loadSettings()));
  const missing = ADDED_COLUMNS.filter((k) => plan.columns[k] === undefined);
  const ui = SpreadsheetApp.getUi();
  if (missing.length === 0) {
    ui.alert(APP_TITLE, 'Bảng đã có đủ các cột chuẩn nên có.', ui.ButtonSet.OK);
    return [];
  }
  const first = plan.width + 1;
  // Columns right of the table that hold anything are moved right, never written over.
  const occupied = read.input.values.some((row) =>
    row.slice(plan.width, plan.width + missing.length).some((v) => v !== '' && v !== null),
  );
  if (occupied) sheet.insertColumnsAfter(plan.width, missing.length);
  const headers = missing.map((k) => COLUMNS.find((c) => c.key === k)?.standard ?? k);
  sheet.getRange(plan.headerRow, first, 1, missing.length).setValues([headers]).setFontWeight('bold');
  const dataRows = Math.max(sheet.getMaxRows() - plan.headerRow, 1);
  missing.forEach((k, i) => {
    const range = sheet.getRange(plan.headerRow + 1, first + i, dataRows, 1);
    if (k === 'status') range.setDataValidation(statusValidation());
    if (k === 'completedOn') {
      range.setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireDate()
          .setAllowInvalid(false)
          .setHelpText('Ghi ngày hoàn thành thực tế, ví dụ 30/10/2025.')
          .build(),
      );
      range.setNumberFormat('dd/MM/yyyy');
    }
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

export const TEMPLATE_HEADER = [
  'STT',
  'Nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Sản phẩm',
  'Thời gian hoàn thành',
  'Trạng thái',
  'Ngày hoàn thành',
  'Trụ cột',
  'Ghi chú',
];

/** 4. Tạo bảng mẫu */
export function createTemplateCommand(): Sheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = loadSettings();
  const year = settings.planYear ?? Number(dayInZone(new Date(), timeZoneOf(ss)).slice(0, 4));
  let name = 'Mẫu phân công CĐS';
  for (let i = 2; ss.getSheetByName(name); i++) name = `Mẫu phân công CĐS (${i})`;
  const sheet = ss.insertSheet(name);
  const width = TEMPLATE_HEADER.length;
  const blank = (cells: string[]) => [...cells, ...new Array<string>(width - cells.length).fill('')];
  const title = `PHÂN CÔNG NHIỆM VỤ CHUYỂN ĐỔI SỐ${settings.commune ? ` XÃ ${settings.commune.toUpperCase()}` : ''} NĂM ${year}`;
  sheet
    .getRange(1, 1, 4, width)
    .setValues([
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
    ]);
  sheet.getRange(1, 1, 1, width).merge().setFontWeight('bold').setHorizontalAlignment('center');
  sheet.getRange(2, 1, 1, width).setFontWeight('bold').setBackground('#D9E2F3').setWrap(true);
  sheet
    .getRange(3, 2, 1, width - 1)
    .merge()
    .setFontWeight('bold');
  sheet.setFrozenRows(2);
  const rows = Math.max(sheet.getMaxRows() - 3, 1);
  sheet.getRange(4, 7, rows, 1).setDataValidation(statusValidation());
  sheet.getRange(4, 9, rows, 1).setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...PILLARS], true)
      .setAllowInvalid(true)
      .build(),
  );
  sheet
    .getRange(4, 8, rows, 1)
    .setDataValidation(SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).build())
    .setNumberFormat('dd/MM/yyyy');
  sheet.setColumnWidth(2, 360);
  ss.setActiveSheet(sheet);
  return sheet;
}

/** 5. Xóa đánh dấu */
export function clearFlagsCommand(): number {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  const { cells } = clearFlags(sheet);
  ss.toast(
    cells > 0 ? `Đã xóa đánh dấu ở ${cells} ô.` : 'Trang này không có đánh dấu nào của Kế hoạch CĐS.',
    APP_TITLE,
    5,
  );
  return cells;
}

/** 6. Cài đặt… */
export function showSettingsCommand(): void {
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
    cityEmails: settings.cityEmails.join('\n'),
  };
  SpreadsheetApp.getUi().showModalDialog(
    page('Settings', data).setWidth(460).setHeight(470),
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

/** 7. Hướng dẫn */
export function showHelpCommand(): void {
  SpreadsheetApp.getUi().showModalDialog(
    page('Help', {}).setWidth(560).setHeight(520),
    'Hướng dẫn sử dụng Kế hoạch CĐS',
  );
}

/** Called by the sidebar: selects a flagged cell on the sheet that was checked. */
export function selectCellCommand(sheetName: string, row: number, column: string): void {
  if (!Number.isInteger(row) || row < 1 || !/^[A-Z]{1,3}$/.test(column)) return;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new UserFacingError(`Không còn trang “${sheetName}”.`);
  sheet.getRange(`${column}${row}`).activate();
}

/** Tổng hợp các xã (city): starts the roll-up, or says one is under way. */
export function rollupCommand(): RunOutcome | null {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const outcome = startRollup(ss);
  if (!outcome) return null;
  const ui = SpreadsheetApp.getUi();
  if (outcome.done && outcome.result) {
    const r = outcome.result;
    ui.alert(
      APP_TITLE,
      `Đã tổng hợp ${r.communes.length} xã vào trang “${ROLLUP_SHEET_NAME}”.` +
        (r.failures.length > 0 ? ` ${r.failures.length} xã không đọc được: xem bảng 4 của trang đó.` : ''),
      ui.ButtonSet.OK,
    );
  } else {
    ss.toast(
      `Đã đọc ${outcome.read}/${outcome.total} xã. Việc tổng hợp tự chạy tiếp mỗi phút cho đến khi xong.`,
      APP_TITLE,
      10,
    );
  }
  return outcome;
}

/** Tạo trang Danh sách xã (city) */
export function createCommuneListCommand(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = createCommuneListSheet(ss);
  ss.setActiveSheet(sheet);
  ss.toast(
    `Ghi tên từng xã và đường dẫn bảng trạng thái của xã vào trang “${COMMUNE_LIST_SHEET_NAME}”.`,
    APP_TITLE,
    8,
  );
}
