/**
 * The city's side: "Tổng hợp các xã" reads the status sheet of every commune listed in "Danh sách
 * xã" and writes "Tổng hợp". No trigger: the roll-up dialog drives the work, calling the server
 * once per small chunk (each call its own execution, seconds long), a few chunks at a time, with
 * a progress bar. Progress and each commune's result live in a hidden sheet owned by the add-on,
 * so a closed dialog resumes where it stopped and two people rolling up at once share one run;
 * "Tổng hợp" is written once, at the end.
 *
 * Communes are read through the Sheets API with `spreadsheets.readonly` (SpreadsheetApp.openById
 * would need full access to every spreadsheet of the user).
 */
import { dayInZone } from '../core/dates';
import { UserError } from '../core/errors';
import { rollup, type RollupEntry } from '../core/rollup';
import {
  COMMUNE_LIST_HEADER,
  COMMUNE_LIST_SHEET_NAME,
  ROLLUP_SHEET_NAME,
  rollupLayout,
} from '../core/rollup-sheet';
import { STATUS_SHEET_NAME, fromRows, type ReadOutcome } from '../core/status-report';
import { columnLetter } from '../core/text';
import { sheetValue } from './cells';
import { timeZoneOf } from './commands';
import { findOwnSheet, fitSheet, replaceOwnSheet, stageOwnSheet, type OwnSheetSpec } from './own-sheet';
import { loadSettings } from './settings';
import { NEEDS, ensureScopes } from './scopes';
import { insertStackedBars } from './status-sheet';
import { transact } from './transaction';
import { APP_TITLE, page, withLock } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const ROLLUP_METADATA_KEY = 'keHoachCds.rollupSheet';
export const RUN_METADATA_KEY = 'keHoachCds.rollupRun';
export const RUN_SHEET_NAME = 'Kế hoạch CĐS – tiến độ tổng hợp';
/** A claim older than this is taken as lost (its dialog closed) and the communes are read again. */
export const CLAIM_EXPIRES_MS = 90_000;
/** A run not moved for this long is offered to be resumed, not joined silently. */
export const RUN_IDLE_MS = 10 * 60_000;
/** Columns of the run sheet: index, name, link, claimed at, done at, result. */
const RUN_HEADER = ['#', 'Tên xã/phường', 'Đường dẫn', 'Nhận lúc', 'Xong lúc', 'Kết quả'];
const FIRST = 3;
/** A1 of the run sheet: "#run" while it runs, this once "Tổng hợp" is written. */
const FINISHED = '#run-xong';

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

/** "Danh sách xã": the header row, then one commune per row (name, link); null when absent. */
export function communeList(ss: Spreadsheet): CommuneLink[] | null {
  const sheet = ss.getSheetByName(COMMUNE_LIST_SHEET_NAME);
  if (!sheet) return null;
  return sheet
    .getDataRange()
    .getValues()
    .slice(1)
    .map((r) => ({ name: String(r[0] ?? '').trim(), link: String(r[1] ?? '').trim() }))
    .filter((c) => c.name !== '' || c.link !== '');
}

export function createCommuneListSheet(ss: Spreadsheet): Sheet {
  const existing = ss.getSheetByName(COMMUNE_LIST_SHEET_NAME);
  if (existing) return existing;
  return transact((tx) => {
    const sheet = tx.step(
      () => ss.insertSheet(COMMUNE_LIST_SHEET_NAME),
      (s) => ss.deleteSheet(s),
    );
    sheet.getRange(1, 1, 1, 2).setValues([COMMUNE_LIST_HEADER]).setFontWeight('bold');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 200);
    sheet.setColumnWidth(2, 480);
    return sheet;
  });
}

/** Reads one commune's status sheet through the Sheets API; never throws. */
export function readCommune(link: string): ReadOutcome {
  const id = spreadsheetId(link);
  if (!id) return { ok: false, reason: 'đường dẫn không phải bảng tính Google Sheets' };
  if (typeof Sheets === 'undefined' || !Sheets)
    return { ok: false, reason: 'tiện ích chưa bật dịch vụ Google Sheets API' };
  try {
    const got = Sheets.Spreadsheets.Values.get(id, `'${STATUS_SHEET_NAME}'!A1:P80`, {
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    return fromRows((got.values ?? []) as unknown[][]);
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    if (/Unable to parse range/i.test(m))
      return { ok: false, reason: `bảng tính không có trang “${STATUS_SHEET_NAME}”` };
    if (/not found|404/i.test(m))
      return { ok: false, reason: 'không tìm thấy bảng tính: đã bị xóa hoặc đường dẫn sai' };
    if (/permission|403/i.test(m))
      return { ok: false, reason: 'thành phố chưa được chia sẻ quyền xem bảng tính này' };
    if (/insufficient authentication scopes/i.test(m))
      return {
        ok: false,
        reason: 'tiện ích chưa được cấp quyền xem bảng tính (đánh dấu ô “Xem tất cả bảng tính”)',
      };
    return { ok: false, reason: `không đọc được (${m})` };
  }
}

// ---- the run sheet ---------------------------------------------------------------------------

export interface RunState {
  runId: string;
  total: number;
  done: number;
  /** Communes being read now (claimed, not done). */
  reading: string[];
  started: number;
  updated: number;
  today: string;
}

interface RunRow {
  index: number;
  name: string;
  link: string;
  claimed: number;
  done: number;
}

function runSheet(ss: Spreadsheet): Sheet | null {
  return findOwnSheet(ss, RUN_METADATA_KEY);
}

function readRun(sheet: Sheet): { head: unknown[]; rows: RunRow[] } {
  const last = sheet.getLastRow();
  const values = sheet.getRange(1, 1, Math.max(last, 2), 5).getValues();
  const rows = values.slice(FIRST - 1).map((r, i) => ({
    index: i,
    name: String(r[1] ?? ''),
    link: String(r[2] ?? ''),
    claimed: Number(r[3]) || 0,
    done: Number(r[4]) || 0,
  }));
  return { head: values[0] ?? [], rows };
}

function stateOf(head: unknown[], rows: RunRow[], now: number): RunState {
  return {
    runId: String(head[1] ?? ''),
    total: rows.length,
    done: rows.filter((r) => r.done > 0).length,
    reading: rows
      .filter((r) => r.done === 0 && r.claimed > 0 && now - r.claimed < CLAIM_EXPIRES_MS)
      .map((r) => r.name),
    started: Number(head[3]) || 0,
    updated: Number(head[4]) || 0,
    today: String(head[2] ?? ''),
  };
}

/** The run in progress, if any (a finished run's sheet stays, hidden, as the record of what was read). */
export function currentRun(ss: Spreadsheet): RunState | null {
  const sheet = runSheet(ss);
  if (!sheet) return null;
  const { head, rows } = readRun(sheet);
  if (head[0] === FINISHED) return null;
  return stateOf(head, rows, Date.now());
}

/** Menu: "Thành phố: tổng hợp các xã…" opens the roll-up dialog (or says what is missing). */
export function openRollupCommand(): void {
  ensureScopes(NEEDS.rollup, 'tổng hợp các xã');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const list = communeList(ss);
  if (list === null) {
    createCommuneListSheet(ss);
    throw new UserError(
      `Đã tạo trang “${COMMUNE_LIST_SHEET_NAME}”. Hãy ghi tên từng xã và đường dẫn bảng trạng thái mà xã gửi, rồi chạy lại lệnh.`,
    );
  }
  if (list.length === 0) throw new UserError(`Trang “${COMMUNE_LIST_SHEET_NAME}” chưa có xã nào.`);
  const run = currentRun(ss);
  SpreadsheetApp.getUi().showModalDialog(
    page('Rollup', { communes: list.length, run, now: Date.now(), idleMs: RUN_IDLE_MS })
      .setWidth(520)
      .setHeight(380),
    `${APP_TITLE}: tổng hợp các xã`,
  );
}

/** Page: starts a run (or joins the one under way, unless `restart`). */
export function rollupStart(restart: boolean): RunState {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withLock(20_000, () => {
    const now = Date.now();
    const existing = currentRun(ss);
    if (existing && !restart) return existing;
    const list = communeList(ss);
    if (!list || list.length === 0) throw new UserError(`Trang “${COMMUNE_LIST_SHEET_NAME}” chưa có xã nào.`);
    const runId = `r${now.toString(36)}`;
    const today = dayInZone(new Date(now), timeZoneOf(ss));
    const tz = timeZoneOf(ss);
    replaceOwnSheet(ss, {
      metadataKey: RUN_METADATA_KEY,
      metadataValue: 'v1',
      name: RUN_SHEET_NAME,
      hidden: true,
      fill: (sheet) => {
        const rows = [
          ['#run', sheetValue(runId, tz), sheetValue(today, tz), now, now, ''],
          RUN_HEADER,
          ...list.map((c, i) => [i + 1, sheetValue(c.name, tz), sheetValue(c.link, tz), '', '', '']),
        ];
        fitSheet(sheet, rows.length, RUN_HEADER.length);
        sheet.getRange(1, 1, rows.length, RUN_HEADER.length).setValues(rows);
      },
    });
    return { runId, total: list.length, done: 0, reading: [], started: now, updated: now, today };
  });
}

export interface StepResult {
  state: RunState;
  /** Names read by this step. */
  read: string[];
  /** The run was restarted by someone else: this dialog should stop. */
  stale: boolean;
}

/** Page: claims up to `n` communes, reads them, records the results. One short execution. */
export function rollupStep(runId: string, n: number): StepResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const size = Math.max(1, Math.min(10, Math.floor(n)));
  // 1. Claim a block of free rows (under the lock, briefly).
  const claim = withLock(20_000, () => {
    const sheet = runSheet(ss);
    if (!sheet) return null;
    const { head, rows } = readRun(sheet);
    if (String(head[1]) !== runId) return null;
    if (head[0] === FINISHED) return { sheet, picked: [] as RunRow[], head, rows };
    const now = Date.now();
    const free = (r: RunRow) => r.done === 0 && (r.claimed === 0 || now - r.claimed >= CLAIM_EXPIRES_MS);
    const start = rows.findIndex(free);
    if (start < 0) return { sheet, picked: [] as RunRow[], head, rows };
    const picked: RunRow[] = [];
    for (let i = start; i < rows.length && picked.length < size && free(rows[i] as RunRow); i++)
      picked.push(rows[i] as RunRow);
    sheet.getRange(FIRST + start, 4, picked.length, 1).setValues(picked.map(() => [now]));
    return { sheet, picked, head, rows };
  });
  if (!claim) return { state: emptyState(runId), read: [], stale: true };
  if (claim.picked.length === 0)
    return { state: stateOf(claim.head, claim.rows, Date.now()), read: [], stale: false };
  // 2. Read them (no lock: this is the slow part).
  const results = claim.picked.map((r) => readCommune(r.link));
  // 3. Record the results (under the lock, briefly).
  return withLock(20_000, () => {
    const sheet = runSheet(ss);
    if (!sheet) return { state: emptyState(runId), read: [], stale: true };
    const head = sheet.getRange(1, 1, 1, 5).getValues()[0] ?? [];
    if (String(head[1]) !== runId) return { state: emptyState(runId), read: [], stale: true };
    const now = Date.now();
    if (claim.picked.length > 0) {
      const first = (claim.picked[0] as RunRow).index;
      sheet
        .getRange(FIRST + first, 5, claim.picked.length, 2)
        .setValues(results.map((res) => [now, JSON.stringify(res)]));
      sheet.getRange(1, 5).setValue(now);
    }
    const { rows } = readRun(sheet);
    return { state: stateOf(head, rows, now), read: claim.picked.map((r) => r.name), stale: false };
  });
}

function emptyState(runId: string): RunState {
  return { runId, total: 0, done: 0, reading: [], started: 0, updated: 0, today: '' };
}

export interface FinishResult {
  finished: boolean;
  remaining: number;
  communes: number;
  failures: number;
}

/** Page: once every commune is read, computes the roll-up and writes "Tổng hợp" (once). */
export function rollupFinish(runId: string): FinishResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withLock(30_000, () => {
    const sheet = runSheet(ss);
    if (!sheet) return { finished: true, remaining: 0, communes: 0, failures: 0 };
    const last = sheet.getLastRow();
    const values = sheet.getRange(1, 1, Math.max(last, 2), RUN_HEADER.length).getValues();
    const head = values[0] ?? [];
    if (String(head[1]) !== runId) return { finished: true, remaining: 0, communes: 0, failures: 0 };
    if (head[0] === FINISHED) {
      // Another window finished it: the same answer it got.
      const [communes, failures] = String(head[5]).split('/').map(Number);
      return { finished: true, remaining: 0, communes: communes || 0, failures: failures || 0 };
    }
    const body = values.slice(FIRST - 1);
    const remaining = body.filter((r) => !(Number(r[4]) > 0)).length;
    if (remaining > 0) return { finished: false, remaining, communes: 0, failures: 0 };
    const entries: RollupEntry[] = body.map((r) => {
      let outcome: ReadOutcome;
      try {
        outcome = JSON.parse(String(r[5])) as ReadOutcome;
      } catch {
        outcome = { ok: false, reason: 'kết quả đọc bị hỏng' };
      }
      return { name: String(r[1] ?? ''), source: String(r[2] ?? ''), outcome };
    });
    const result = rollup(entries, { today: String(head[2]), staleDays: loadSettings().staleDays });
    // One transaction: "Tổng hợp" swapped in and the run marked finished, or neither.
    transact((tx) => {
      const staged = stageOwnSheet(ss, rollupSheetSpec(ss, result), tx);
      const tz = timeZoneOf(ss);
      const headRange = sheet.getRange(1, 1, 1, RUN_HEADER.length);
      const before = head.map((v) => (typeof v === 'string' ? sheetValue(v, tz) : (v as number)));
      const after = [...before];
      after[0] = FINISHED;
      after[5] = sheetValue(`${result.communes.length}/${result.failures.length}`, tz);
      tx.step(
        () => headRange.setValues([after]),
        () => headRange.setValues([before]),
      );
      staged.commit();
    });
    return {
      finished: true,
      remaining: 0,
      communes: result.communes.length,
      failures: result.failures.length,
    };
  });
}

function rollupSheetSpec(ss: Spreadsheet, r: ReturnType<typeof rollup>): OwnSheetSpec {
  const layout = rollupLayout(r);
  const tz = timeZoneOf(ss);
  return {
    metadataKey: ROLLUP_METADATA_KEY,
    metadataValue: 'v2',
    name: ROLLUP_SHEET_NAME,
    fill: (sheet) => {
      const { rows, width, tables } = layout;
      fitSheet(sheet, rows.length, width);
      sheet
        .getRange(1, 1, rows.length, width)
        .setValues(rows.map((row) => row.map((c) => sheetValue(c, tz))));
      sheet.getRange(1, 1).setFontSize(14).setFontWeight('bold');
      const a1 = (r0: number, c0: number, r1: number, c1: number) =>
        `${columnLetter(c0)}${r0 + 1}:${columnLetter(c1)}${r1 + 1}`;
      sheet.getRangeList(tables.map((t) => `A${t.title + 1}`)).setFontWeight('bold');
      sheet
        .getRangeList(tables.map((t) => a1(t.header, 0, t.header, width - 1)))
        .setFontWeight('bold')
        .setBackground('#D9E2F3')
        .setWrap(true);
      const bodies = tables.filter((t) => t.last >= t.first);
      if (bodies.length > 0)
        sheet
          .getRangeList(bodies.map((t) => a1(t.header, 0, t.last, width - 1)))
          .setBorder(true, true, true, true, true, true);
      const numeric = bodies.slice(0, 3);
      const rates = numeric.flatMap((t) => layout.rateColumns.map((c) => a1(t.first, c, t.last, c)));
      if (rates.length > 0) sheet.getRangeList(rates).setNumberFormat('0%');
      const column = (c: number) => numeric.map((t) => a1(t.first, c, t.last, c));
      const done = column(layout.classColumns.done);
      const overdue = column(layout.classColumns.overdue);
      if (done.length > 0) sheet.getRangeList(done).setBackground('#E6F4EA');
      if (overdue.length > 0) sheet.getRangeList(overdue).setBackground('#FCE8E6');
      layout.widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w * 7));
      sheet.setFrozenRows(3);
      if (layout.chart) insertStackedBars(sheet, layout.chart, 4, width + 2);
    },
  };
}

/** Tạo trang Danh sách xã (city) */
export function createCommuneListCommand(): void {
  ensureScopes(NEEDS.sheet, 'tạo trang Danh sách xã');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = createCommuneListSheet(ss);
  ss.setActiveSheet(sheet);
  ss.toast(
    `Ghi tên từng xã và đường dẫn bảng trạng thái của xã vào trang “${COMMUNE_LIST_SHEET_NAME}”.`,
    APP_TITLE,
    8,
  );
}
