/**
 * The follow-up by lead unit in the add-on: the officer's unit list ("Đơn vị", which corrects how
 * units are grouped and keeps their addresses), the sheet "Theo đơn vị", the hidden history of
 * checks, and the reminders each unit receives by e-mail ("Gửi nhắc việc cho các đơn vị…").
 *
 * Sending: a preview dialog first (unit, addresses, tasks, what is sent today already, the mail
 * quota left), then one e-mail per unit with MailApp. What was sent is what the log says, whatever
 * fails: the log's rows are written ("Đang gửi") before any mail leaves, each mail is sent, then
 * the rows get their result in one write. A row still "Đang gửi" counts as sent, so a unit is
 * never sent twice the same day by accident; the officer may tick "gửi lại" to send again.
 */
import { checkSheet, type CheckResult } from '../core/check';
import { dayInZone, timeInZone, viDay } from '../core/dates';
import { UserError } from '../core/errors';
import { isDate } from '../core/grid';
import {
  HISTORY_SHEET_NAME,
  HISTORY_VERSION,
  followUpOf,
  historyRows,
  readHistory,
  type FollowUp,
  type HistoryRead,
} from '../core/history';
import { FOLLOW_WORDS } from '../core/labels';
import { planNameFromTitle, communeFromTitle } from '../core/title';
import {
  previewUnit,
  reminderMail,
  remindersOf,
  type PreviewUnit,
  type ReminderContext,
  type UnitReminder,
} from '../core/reminders';
import {
  UNIT_LIST_HEADER,
  UNIT_LIST_SHEET_NAME,
  addressesOf,
  newListRows,
  parseUnitList,
  type UnitList,
} from '../core/unit-list';
import { UNIT_SHEET_NAME, unitSheetLayout, type UnitSheetRows } from '../core/unit-sheet';
import { unitKey } from '../core/units';
import { asText, dateFormat, sheetValue, type SheetValue } from './cells';
import { engineOptions, taskSheet, timeZoneOf } from './commands';
import {
  findOwnSheet,
  fitSheet,
  freeName,
  readOwnSheet,
  rewriteOwnSheet,
  type OwnSheetRead,
} from './own-sheet';
import { NEEDS, ensureScopes } from './scopes';
import { isEmail, loadSettings, type Settings } from './settings';
import { transact, type Transaction } from './transaction';
import { APP_TITLE, page, withLock } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const UNIT_LIST_METADATA_KEY = 'keHoachCds.unitList';
export const UNIT_SHEET_METADATA_KEY = 'keHoachCds.unitSheet';
export const HISTORY_METADATA_KEY = 'keHoachCds.history';
export const REMIND_LOG_METADATA_KEY = 'keHoachCds.remindLog';

/** A value as setValues takes it: text stays text whatever the locale; dates and numbers as they are. */
function encode(v: unknown): SheetValue {
  if (typeof v === 'string') return asText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (isDate(v)) return v;
  return asText(String(v));
}

// ---- the unit list ---------------------------------------------------------------------------

export interface UnitListRead {
  sheet: Sheet | null;
  list: UnitList | null;
}

/** The officer's unit list: the add-on's own sheet, else a sheet named "Đơn vị" with its header. One read. */
export function readUnitList(ss: Spreadsheet): UnitListRead {
  const sheet = findOwnSheet(ss, UNIT_LIST_METADATA_KEY) ?? ss.getSheetByName(UNIT_LIST_SHEET_NAME);
  if (!sheet) return { sheet: null, list: null };
  const list = parseUnitList(sheet.getDataRange().getValues(), isEmail);
  return { sheet: list ? sheet : null, list };
}

/** Checks the task sheet with the officer's grouping of units. */
export function checkWithUnits(ss: Spreadsheet, settings: Settings, sheetFallback: boolean) {
  const units = readUnitList(ss);
  const { sheet, read } = taskSheet(ss, sheetFallback);
  const result = checkSheet(read.input, engineOptions(ss, settings, units.list));
  return { sheet, read, result, units };
}

/** "Lập danh sách đơn vị": the unit list made, or completed with the names it lacks; nothing typed is overwritten. */
export function createUnitListCommand(): number {
  ensureScopes(NEEDS.sheet, 'lập danh sách đơn vị');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { result, units } = checkWithUnits(ss, loadSettings(), true);
  const rows = newListRows(result, units.list);
  const tz = timeZoneOf(ss);
  const width = UNIT_LIST_HEADER.length;
  let sheet = units.sheet;
  if (sheet && rows.length === 0) {
    ss.setActiveSheet(sheet);
    ss.toast(`Trang “${sheet.getName()}” đã có mọi cách ghi tên đơn vị của bảng phân công.`, APP_TITLE, 6);
    return 0;
  }
  sheet = transact((tx) => {
    if (units.sheet) {
      const target = units.sheet;
      const first = target.getLastRow() + 1;
      fitSheet(target, first + rows.length - 1, width, tx);
      const range = target.getRange(first, 1, rows.length, width);
      tx.step(
        () => range.setValues(rows.map((r) => r.map((v) => sheetValue(v, tz)))),
        () => range.setValues(rows.map((r) => r.map(() => ''))),
      );
      return target;
    }
    const made = tx.step(
      () => ss.insertSheet(freeName(ss, UNIT_LIST_SHEET_NAME), ss.getNumSheets()),
      (s) => ss.deleteSheet(s),
    );
    fitSheet(made, rows.length + 1, width);
    made
      .getRange(1, 1, rows.length + 1, width)
      .setValues([[...UNIT_LIST_HEADER], ...rows].map((r) => r.map((v) => sheetValue(v, tz))));
    made.getRange(1, 1, 1, width).setFontWeight('bold').setBackground('#D9E2F3').setWrap(true);
    made.getRange(1, 2).setNotes([[FOLLOW_WORDS.unitListNote]]);
    made.setFrozenRows(1);
    made.setColumnWidth(1, 300);
    made.setColumnWidth(2, 240);
    made.setColumnWidth(3, 300);
    made.addDeveloperMetadata(UNIT_LIST_METADATA_KEY, 'v1');
    return made;
  });
  ss.setActiveSheet(sheet);
  ss.toast(
    `Đã ghi ${rows.length} cách ghi tên đơn vị vào trang “${sheet.getName()}”. Sửa cột “Là đơn vị” nếu gộp chưa đúng, ghi địa chỉ thư ở cột cuối, rồi kiểm tra lại.`,
    APP_TITLE,
    10,
  );
  return rows.length;
}

// ---- the history and the sheet by unit --------------------------------------------------------

export interface HistorySheetRead extends OwnSheetRead {
  history: HistoryRead;
}

/** The hidden history, read once (its notes say what was ignored). */
export function readHistorySheet(ss: Spreadsheet): HistorySheetRead {
  const own = readOwnSheet(ss, HISTORY_METADATA_KEY);
  return { ...own, history: readHistory(own.sheet ? own.values : null) };
}

/**
 * Writes the history in place, inside the command's transaction; a history written by a newer
 * version is left exactly as it is.
 */
export function writeHistory(
  ss: Spreadsheet,
  before: HistorySheetRead,
  follow: FollowUp,
  tx: Transaction,
): void {
  if (before.history.newer) return;
  rewriteOwnSheet(
    ss,
    {
      metadataKey: HISTORY_METADATA_KEY,
      metadataValue: `v${HISTORY_VERSION}`,
      name: HISTORY_SHEET_NAME,
      hidden: true,
    },
    before,
    historyRows(follow.snapshots),
    encode,
    tx,
  );
}

/** Writes "Theo đơn vị" in place, inside the command's transaction (formats set once, when made). */
export function writeUnitSheet(ss: Spreadsheet, layout: UnitSheetRows, tx: Transaction): Sheet {
  const tz = timeZoneOf(ss);
  const rows = layout.rows
    .slice(0, layout.markerRow)
    .map((r) => r.map((c) => (typeof c === 'object' ? sheetValue(c, tz) : c)));
  const asOf = layout.rows[layout.asOfCell.row]?.[layout.asOfCell.column];
  return rewriteOwnSheet(
    ss,
    {
      metadataKey: UNIT_SHEET_METADATA_KEY,
      metadataValue: 'v1',
      name: UNIT_SHEET_NAME,
      format: (sheet) => {
        const width = 9;
        sheet
          .getRange(layout.titleRow + 1, 1)
          .setFontSize(14)
          .setFontWeight('bold');
        sheet
          .getRange(layout.firstMetaRow + 1, 1, layout.lastMetaRow - layout.firstMetaRow + 1, 1)
          .setFontWeight('bold');
        sheet
          .getRange(layout.asOfCell.row + 1, layout.asOfCell.column + 1)
          .setNumberFormat(asOf && typeof asOf === 'object' ? dateFormat(asOf) : 'dd/MM/yyyy')
          .setHorizontalAlignment('left');
        sheet
          .getRange(layout.headerRow + 1, 1, 1, width)
          .setFontWeight('bold')
          .setBackground('#D9E2F3')
          .setWrap(true)
          .setVerticalAlignment('middle')
          .setHorizontalAlignment('center');
        [40, 10, 11, 11, 10, 10, 11, 12, 16].forEach((w, i) => sheet.setColumnWidth(i + 1, w * 7));
        sheet.setFrozenRows(layout.headerRow + 1);
      },
    },
    readOwnSheet(ss, UNIT_SHEET_METADATA_KEY),
    rows,
    encode,
    tx,
  );
}

/** The follow-up of a check: its history recorded, and the sheet by unit's layout. */
export function followOf(
  result: CheckResult,
  history: HistoryRead,
  commune: string,
  asOfTime: string | null,
) {
  const follow = followUpOf(history.snapshots, result);
  const units = unitSheetLayout(result, { commune, asOf: result.today, asOfTime }, follow.diff);
  return { follow, units };
}

// ---- reminders ---------------------------------------------------------------------------------

export type { PreviewUnit };

export interface RemindPreview {
  today: string;
  commune: string;
  quota: number;
  /** Recipients of the units ready to send. */
  recipients: number;
  listSheet: string | null;
  units: PreviewUnit[];
  /** Things the officer should know (addresses that are not addresses, no unit list). */
  notes: string[];
}

interface RemindState {
  ss: Spreadsheet;
  tz: string;
  today: string;
  commune: string;
  ctx: ReminderContext;
  reminders: UnitReminder[];
  emails: Map<string, string[]>;
  sentAt: Map<string, string>;
  list: UnitListRead;
}

function remindState(ss: Spreadsheet): RemindState {
  const settings = loadSettings();
  const { result, units } = checkWithUnits(ss, settings, true);
  const tz = timeZoneOf(ss);
  const commune = settings.commune || communeFromTitle(result.plan.title);
  const reminders = remindersOf(result);
  const emails = new Map<string, string[]>();
  for (const u of result.units)
    if (u.kind === 'unit') emails.set(u.key, addressesOf(units.list, u, settings.commune || undefined));
  return {
    ss,
    tz,
    today: result.today,
    commune,
    ctx: {
      commune,
      planName: planNameFromTitle(result.plan.title),
      planYear: result.plan.planYear,
      today: result.today,
      dueSoonDays: result.dueSoonDays,
    },
    reminders,
    emails,
    sentAt: sentToday(ss, tz, result.today, settings.commune || undefined),
    list: units,
  };
}

/** Units (by key) sent a reminder today, with the time: rows of the log "Đã gửi" or still "Đang gửi". */
function sentToday(
  ss: Spreadsheet,
  tz: string,
  today: string,
  commune: string | undefined,
): Map<string, string> {
  const out = new Map<string, string>();
  const log = findOwnSheet(ss, REMIND_LOG_METADATA_KEY);
  if (!log) return out;
  const opts = commune ? { commune } : undefined;
  for (const row of log.getDataRange().getValues().slice(1)) {
    const at = row[0];
    const result = String(row[4] ?? '');
    if (!isDate(at) || dayInZone(at, tz) !== today) continue;
    if (!result.startsWith(FOLLOW_WORDS.sent) && !result.startsWith(FOLLOW_WORDS.sending)) continue;
    out.set(unitKey(String(row[1] ?? ''), opts), timeInZone(at, tz));
  }
  return out;
}

function previewOf(s: RemindState, quota: number): RemindPreview {
  const units: PreviewUnit[] = s.reminders.map((r) =>
    previewUnit(r, s.emails.get(r.key) ?? [], s.sentAt.get(r.key) ?? null),
  );
  const notes: string[] = [];
  if (!s.list.list)
    notes.push(
      `Chưa có trang “${UNIT_LIST_SHEET_NAME}”: dùng “Lập danh sách đơn vị”, ghi địa chỉ thư của từng đơn vị rồi mở lại hộp thoại này.`,
    );
  for (const bad of s.list.list?.invalid ?? [])
    notes.push(
      `Địa chỉ “${bad.text}” ở dòng ${bad.row} của trang “${s.list.sheet?.getName()}” không hợp lệ: bỏ qua.`,
    );
  return {
    today: s.today,
    commune: s.commune,
    quota,
    recipients: units.filter((u) => u.status === 'ready').reduce((n, u) => n + u.emails.length, 0),
    listSheet: s.list.sheet?.getName() ?? null,
    units,
    notes,
  };
}

/** "Gửi nhắc việc cho các đơn vị…": the preview dialog (nothing is sent from here). */
export function remindUnitsCommand(): RemindPreview | null {
  ensureScopes(NEEDS.remind, 'gửi nhắc việc cho các đơn vị');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const state = remindState(ss);
  if (state.reminders.length === 0) {
    ss.toast(
      `Tính đến ${viDay(state.today)} không đơn vị nào có nhiệm vụ quá hạn hoặc sắp đến hạn: không có gì để nhắc.`,
      APP_TITLE,
      8,
    );
    return null;
  }
  const preview = previewOf(state, MailApp.getRemainingDailyQuota());
  SpreadsheetApp.getUi().showModalDialog(
    page('Remind', preview).setWidth(680).setHeight(600),
    `${APP_TITLE}: nhắc việc các đơn vị`,
  );
  return preview;
}

export interface SendRequest {
  /** Units to send to (keys, as in the preview). */
  keys: string[];
  /** Units sent today already that are to be sent again ("gửi lại" ticked). */
  resend: string[];
}

export interface UnitOutcome {
  unit: string;
  emails: string[];
  outcome: 'sent' | 'failed' | 'no-address' | 'sent-today' | 'quota';
  detail: string;
}

export interface SendOutcome {
  sent: number;
  outcomes: UnitOutcome[];
  /** The message to show above the list. */
  message: string;
}

const QUOTA_ERROR = /too many times|quota|hạn mức/i;

/** Page: sends the reminders asked for. Runs under the document lock; every send is logged. */
export function sendReminders(request: SendRequest): SendOutcome {
  ensureScopes(NEEDS.remind, 'gửi nhắc việc cho các đơn vị');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const keys = new Set((request?.keys ?? []).map(String));
  const resend = new Set((request?.resend ?? []).map(String));
  if (keys.size === 0) throw new UserError('Chưa chọn đơn vị nào để gửi.');
  return withLock(10_000, () => {
    const s = remindState(ss);
    const chosen = s.reminders.filter((r) => keys.has(r.key));
    if (chosen.length === 0)
      throw new UserError(
        'Các đơn vị đã chọn không còn nhiệm vụ quá hạn hay sắp đến hạn. Hãy mở lại hộp thoại.',
      );
    // 1. Decide, the quota first: units in order (most overdue first) while their recipients fit.
    let left = MailApp.getRemainingDailyQuota();
    const outcomes: UnitOutcome[] = [];
    const toSend: { r: UnitReminder; emails: string[]; outcome: UnitOutcome }[] = [];
    let full = false;
    for (const r of chosen) {
      const emails = s.emails.get(r.key) ?? [];
      const o: UnitOutcome = { unit: r.unit, emails, outcome: 'sent', detail: '' };
      outcomes.push(o);
      if (emails.length === 0) {
        o.outcome = 'no-address';
        o.detail = `${FOLLOW_WORDS.noAddress}: bỏ qua`;
      } else if (s.sentAt.has(r.key) && !resend.has(r.key)) {
        o.outcome = 'sent-today';
        o.detail = `${FOLLOW_WORDS.sentToday} lúc ${s.sentAt.get(r.key)}: không gửi lại (đánh dấu “gửi lại” nếu cần)`;
      } else if (full || emails.length > left) {
        full = true;
        o.outcome = 'quota';
        o.detail = 'chưa gửi: hết hạn mức gửi thư hôm nay';
      } else {
        left -= emails.length;
        toSend.push({ r, emails, outcome: o });
      }
    }
    if (toSend.length > 0) sendAndLog(s, toSend);
    const sent = outcomes.filter((o) => o.outcome === 'sent').length;
    return { sent, outcomes, message: sendMessage(outcomes, sent) };
  });
}

/** Logs the sends as "Đang gửi", sends each mail, then writes each result (one write each step). */
function sendAndLog(
  s: RemindState,
  toSend: { r: UnitReminder; emails: string[]; outcome: UnitOutcome }[],
): void {
  const now = new Date();
  const rows: SheetValue[][] = toSend.map(({ r, emails }) => [
    now,
    asText(r.unit),
    asText(emails.join(', ')),
    r.overdue.length + r.dueSoon.length,
    FOLLOW_WORDS.sending,
  ]);
  const { log, first } = transact((tx) => appendLog(s.ss, rows, tx));
  let stopped = false;
  for (const item of toSend) {
    if (stopped) {
      item.outcome.outcome = 'quota';
      item.outcome.detail = 'chưa gửi: hết hạn mức gửi thư hôm nay';
      continue;
    }
    const mail = reminderMail(item.r, s.ctx);
    try {
      MailApp.sendEmail({ to: item.emails.join(','), subject: mail.subject, body: mail.body });
      item.outcome.detail = `đã gửi tới ${item.emails.join(', ')}`;
    } catch (e) {
      const detail =
        e instanceof Error || (typeof e === 'object' && e !== null)
          ? String((e as Error).message)
          : String(e);
      if (QUOTA_ERROR.test(detail)) {
        stopped = true;
        item.outcome.outcome = 'quota';
        item.outcome.detail = 'chưa gửi: hết hạn mức gửi thư hôm nay';
      } else {
        item.outcome.outcome = 'failed';
        item.outcome.detail = `không gửi được (${detail})`;
      }
    }
  }
  const results = toSend.map(({ outcome }) => [
    asText(
      outcome.outcome === 'sent'
        ? FOLLOW_WORDS.sent
        : outcome.outcome === 'quota'
          ? 'Chưa gửi: hết hạn mức'
          : `Không gửi được: ${outcome.detail}`,
    ),
  ]);
  try {
    log.getRange(first, 5, results.length, 1).setValues(results);
  } catch (e) {
    throw new UserError(
      `Đã gửi ${toSend.filter((t) => t.outcome.outcome === 'sent').length} thư nhắc việc nhưng chưa ghi được kết quả vào trang “${log.getName()}” (${String((e as Error)?.message ?? e)}). Các dòng “${FOLLOW_WORDS.sending}” ở đó được coi là đã gửi hôm nay.`,
    );
  }
}

/** Appends rows to the reminder log (made, with its header, on the first send). */
function appendLog(ss: Spreadsheet, rows: SheetValue[][], tx: Transaction): { log: Sheet; first: number } {
  let log = findOwnSheet(ss, REMIND_LOG_METADATA_KEY);
  const header = [...FOLLOW_WORDS.sendLogHeader];
  if (!log) {
    const made = tx.step(
      () => ss.insertSheet(freeName(ss, FOLLOW_WORDS.sendLog), ss.getNumSheets()),
      (sheet) => ss.deleteSheet(sheet),
    );
    made.getRange(1, 1, 1, header.length).setValues([header]).setFontWeight('bold');
    made.setFrozenRows(1);
    made.setColumnWidth(2, 240);
    made.setColumnWidth(3, 280);
    made.setColumnWidth(5, 320);
    made.addDeveloperMetadata(REMIND_LOG_METADATA_KEY, 'v1');
    log = made;
  }
  const first = log.getLastRow() + 1;
  fitSheet(log, first + rows.length - 1, header.length, tx);
  const range = log.getRange(first, 1, rows.length, header.length);
  tx.step(
    () => range.setValues(rows),
    () => range.setValues(rows.map((r) => r.map(() => ''))),
  );
  log.getRange(first, 1, rows.length, 1).setNumberFormat('dd/MM/yyyy HH:mm');
  return { log, first };
}

function names(list: UnitOutcome[]): string {
  return list.map((o) => o.unit).join(', ');
}

/** What happened, in one paragraph. */
function sendMessage(outcomes: UnitOutcome[], sent: number): string {
  const parts: string[] = [sent > 0 ? `Đã gửi thư nhắc việc cho ${sent} đơn vị.` : 'Chưa gửi thư nào.'];
  const quota = outcomes.filter((o) => o.outcome === 'quota');
  if (quota.length > 0)
    parts.push(
      `Hạn mức gửi thư của Google cho tài khoản này hôm nay không đủ cho ${quota.length} đơn vị (${names(quota)}): các đơn vị này chưa được gửi. Hạn mức được cấp lại sau 24 giờ; hãy mở lại “Gửi nhắc việc cho các đơn vị…” vào ngày mai để gửi tiếp.`,
    );
  const none = outcomes.filter((o) => o.outcome === 'no-address');
  if (none.length > 0)
    parts.push(
      `${none.length} đơn vị ${FOLLOW_WORDS.noAddress} (${names(none)}): ghi địa chỉ thư ở trang “${UNIT_LIST_SHEET_NAME}”.`,
    );
  const again = outcomes.filter((o) => o.outcome === 'sent-today');
  if (again.length > 0)
    parts.push(`${again.length} đơn vị ${FOLLOW_WORDS.sentToday} (${names(again)}), không gửi lại.`);
  const failed = outcomes.filter((o) => o.outcome === 'failed');
  if (failed.length > 0) parts.push(`${failed.length} đơn vị không gửi được (${names(failed)}).`);
  return parts.join(' ');
}
