/**
 * The city's side: "Tổng hợp các xã" reads every commune's status spreadsheet listed in
 * "Danh sách xã" (read only) and writes "Tổng hợp". Apps Script stops a run at 6 minutes and a
 * city has 100 to 200 communes, so the work goes in chunks: each run reads communes until its
 * time budget is spent, keeps what it read in document properties, and a time-driven trigger
 * starts the next run until every commune is read.
 */
import { dayInZone } from '../core/dates';
import {
  COMMUNE_LIST_HEADER,
  COMMUNE_LIST_SHEET_NAME,
  DEFAULT_STALE_DAYS,
  ROLLUP_SHEET_NAME,
  readStatusSheet,
  rollup,
  rollupSheetRows,
  type Rollup,
  type RollupEntry,
} from '../core/rollup';
import { STATUS_SHEET_NAME } from '../core/status-sheet';
import { DEFAULT_TIME_ZONE } from '../core/plan';
import { asText } from './read';
import { columnLetter } from '../core/text';
import { findOwnSheet, insertStackedBars, replaceOwnSheet } from './status';
import { APP_TITLE, UserFacingError } from './ui';

export const ROLLUP_STATE_KEY = 'keHoachCds.rollup.state';
const RESULT_PREFIX = 'keHoachCds.rollup.r.';
export const ROLLUP_METADATA_KEY = 'keHoachCds.rollupSheet';
export const CONTINUE_HANDLER = 'continueRollup';
/** Time one run may spend reading communes: well under Apps Script's 6-minute limit. */
export const RUN_BUDGET_MS = 4 * 60_000 + 30_000;
/** A run that has not moved for this long is taken as dead, and a new start is allowed. */
const DEAD_AFTER_MS = 20 * 60_000;

export interface RollupState {
  spreadsheetId: string;
  total: number;
  next: number;
  today: string;
  started: number;
  updated: number;
  runs: number;
}

export interface CommuneLink {
  name: string;
  link: string;
}

/** A Sheets link or a bare id → the spreadsheet id. */
export function spreadsheetId(link: string): string | null {
  const m =
    /\/spreadsheets\/d\/([A-Za-z0-9_-]{20,})/.exec(link) ?? /^([A-Za-z0-9_-]{20,})$/.exec(link.trim());
  return m ? (m[1] as string) : null;
}

function loadState(props: GoogleAppsScript.Properties.Properties): RollupState | null {
  const raw = props.getProperty(ROLLUP_STATE_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as RollupState;
  } catch {
    return null;
  }
}

/** "Danh sách xã": the header row, then one commune per row (name, link). */
export function communeList(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CommuneLink[] | null {
  const sheet = ss.getSheetByName(COMMUNE_LIST_SHEET_NAME);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  return values
    .slice(1)
    .map((r) => ({ name: String(r[0] ?? '').trim(), link: String(r[1] ?? '').trim() }))
    .filter((c) => c.name !== '' || c.link !== '');
}

export function createCommuneListSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = ss.getSheetByName(COMMUNE_LIST_SHEET_NAME);
  if (existing) return existing;
  const sheet = ss.insertSheet(COMMUNE_LIST_SHEET_NAME);
  sheet.getRange(1, 1, 1, 2).setValues([COMMUNE_LIST_HEADER]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 200);
  sheet.setColumnWidth(2, 480);
  return sheet;
}

function readCommune(c: CommuneLink): RollupEntry {
  const fail = (reason: string): RollupEntry => ({
    name: c.name,
    source: c.link,
    outcome: { ok: false, reason },
  });
  const id = spreadsheetId(c.link);
  if (!id) return fail('đường dẫn không phải bảng tính Google Sheets');
  let book: GoogleAppsScript.Spreadsheet.Spreadsheet;
  try {
    book = SpreadsheetApp.openById(id);
  } catch {
    return fail('không mở được bảng tính: chưa được chia sẻ quyền xem, hoặc đã bị xóa');
  }
  try {
    const sheet = book.getSheetByName(STATUS_SHEET_NAME);
    if (!sheet) return fail(`không có trang “${STATUS_SHEET_NAME}”`);
    return { name: c.name, source: c.link, outcome: readStatusSheet(sheet.getDataRange().getValues()) };
  } catch {
    return fail('không đọc được trang trạng thái');
  }
}

function deleteContinuationTriggers(): void {
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === CONTINUE_HANDLER) ScriptApp.deleteTrigger(t);
  }
}

export interface RunOutcome {
  done: boolean;
  read: number;
  total: number;
  result?: Rollup;
}

/** One chunk of work: read communes until the budget is spent; finish when all are read. */
export function rollupRun(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: RollupState,
  list: CommuneLink[],
): RunOutcome {
  const props = PropertiesService.getDocumentProperties();
  const t0 = Date.now();
  const batch: Record<string, string> = {};
  while (state.next < list.length && Date.now() - t0 < RUN_BUDGET_MS) {
    batch[`${RESULT_PREFIX}${state.next}`] = JSON.stringify(readCommune(list[state.next] as CommuneLink));
    state.next++;
  }
  state.updated = Date.now();
  state.runs++;
  props.setProperties({ ...batch, [ROLLUP_STATE_KEY]: JSON.stringify(state) });
  if (state.next < list.length) {
    deleteContinuationTriggers();
    ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(60_000).create();
    writeProgress(ss, state);
    return { done: false, read: state.next, total: list.length };
  }
  const all = props.getProperties();
  const entries: RollupEntry[] = list.map((c, i) => {
    const raw = all[`${RESULT_PREFIX}${i}`];
    return raw
      ? (JSON.parse(raw) as RollupEntry)
      : { name: c.name, source: c.link, outcome: { ok: false, reason: 'chưa đọc được' } };
  });
  const result = rollup(entries, { today: state.today, staleDays: DEFAULT_STALE_DAYS });
  writeRollupSheet(ss, result);
  deleteContinuationTriggers();
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(all))
    if (!k.startsWith(RESULT_PREFIX) && k !== ROLLUP_STATE_KEY) kept[k] = v;
  props.setProperties(kept, true);
  return { done: true, read: list.length, total: list.length, result };
}

/** Menu: start a roll-up (or say one is under way). */
export function startRollup(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): RunOutcome | null {
  const props = PropertiesService.getDocumentProperties();
  const running = loadState(props);
  if (running && Date.now() - running.updated < DEAD_AFTER_MS) {
    throw new UserFacingError(
      `Đang tổng hợp: đã đọc ${running.next}/${running.total} xã. Việc tổng hợp tự chạy tiếp mỗi phút; vui lòng đợi đến khi trang “${ROLLUP_SHEET_NAME}” hiện kết quả.`,
    );
  }
  const list = communeList(ss);
  if (list === null) {
    createCommuneListSheet(ss);
    throw new UserFacingError(
      `Đã tạo trang “${COMMUNE_LIST_SHEET_NAME}”. Hãy ghi tên từng xã và đường dẫn bảng trạng thái mà xã gửi, rồi chạy lại lệnh.`,
    );
  }
  if (list.length === 0) throw new UserFacingError(`Trang “${COMMUNE_LIST_SHEET_NAME}” chưa có xã nào.`);
  // A dead run's leftovers go before a new start.
  if (running) {
    const all = props.getProperties();
    const kept: Record<string, string> = {};
    for (const [k, v] of Object.entries(all))
      if (!k.startsWith(RESULT_PREFIX) && k !== ROLLUP_STATE_KEY) kept[k] = v;
    props.setProperties(kept, true);
  }
  const now = Date.now();
  const state: RollupState = {
    spreadsheetId: ss.getId(),
    total: list.length,
    next: 0,
    today: dayInZone(new Date(now), ss.getSpreadsheetTimeZone() || DEFAULT_TIME_ZONE),
    started: now,
    updated: now,
    runs: 0,
  };
  return rollupRun(ss, state, list);
}

/** Time-driven trigger: the next chunk. Runs without a user interface. */
export function continueRollupRun(): RunOutcome | null {
  const lock = LockService.getDocumentLock();
  if (lock && !lock.tryLock(10_000)) return null;
  try {
    const props = PropertiesService.getDocumentProperties();
    const state = loadState(props);
    if (!state) {
      deleteContinuationTriggers();
      return null;
    }
    const ss = SpreadsheetApp.openById(state.spreadsheetId);
    const list = communeList(ss) ?? [];
    return rollupRun(ss, state, list);
  } finally {
    if (lock) lock.releaseLock();
  }
}

function writeProgress(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, state: RollupState): void {
  const sheet = findOwnSheet(ss, ROLLUP_METADATA_KEY);
  const text = `Đang tổng hợp: đã đọc ${state.next}/${state.total} xã (lượt ${state.runs}); tự chạy tiếp sau 1 phút.`;
  if (sheet) sheet.getRange(2, 1).setValue(text);
  else ss.toast(text, APP_TITLE, 10);
}

export function writeRollupSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  r: Rollup,
): GoogleAppsScript.Spreadsheet.Sheet {
  const { rows, tables } = rollupSheetRows(r);
  return replaceOwnSheet(ss, {
    metadataKey: ROLLUP_METADATA_KEY,
    metadataValue: 'v1',
    name: ROLLUP_SHEET_NAME,
    fill: (sheet) => {
      const width = rows[0]?.length ?? 1;
      sheet.getRange(1, 1, rows.length, width).setValues(rows.map((row) => row.map(asText)));
      sheet.getRange(1, 1).setFontSize(14).setFontWeight('bold');
      const titles = tables.map((t) => `A${t.title + 1}`);
      const headers = tables.map((t) => `A${t.header + 1}:${letter(width)}${t.header + 1}`);
      sheet.getRangeList(titles).setFontWeight('bold');
      sheet.getRangeList(headers).setFontWeight('bold').setBackground('#D9E2F3').setWrap(true);
      const rates: string[] = [];
      for (const t of tables.slice(0, 3)) {
        if (t.last < t.first) continue;
        (rows[t.header] ?? []).forEach((h, c) => {
          if (String(h).startsWith('Tỷ lệ'))
            rates.push(`${letter(c + 1)}${t.first + 1}:${letter(c + 1)}${t.last + 1}`);
        });
      }
      if (rates.length > 0) sheet.getRangeList(rates).setNumberFormat('0%');
      sheet.setColumnWidth(1, 220);
      sheet.setFrozenRows(3);
      const pillars = tables[1];
      if (pillars && pillars.last >= pillars.first) {
        const span = pillars.last - pillars.header + 1;
        const columns = [1, 4, 5, 6, 7].map((c) => sheet.getRange(pillars.header + 1, c, span, 1));
        insertStackedBars(sheet, columns, 'Tiến độ theo trụ cột, tất cả các xã', 4, width + 2);
      }
    },
  });
}

const letter = (col: number) => columnLetter(col - 1);
