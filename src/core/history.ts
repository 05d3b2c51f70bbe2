/**
 * What changed since the last check: each check keeps a snapshot of its counts (per pillar and
 * per lead unit: total, done, overdue, due soon), one per task sheet and day, in a hidden sheet
 * of the product's own (the add-on's spreadsheet, or the checked workbook of the command line).
 * This module is the snapshot model, its versioned rows for that sheet, the difference between
 * the newest snapshot and the one before it, and the month-by-month series of overdue tasks.
 *
 * The hidden sheet is read back and believed in nothing: every row is validated; a sheet that is
 * not ours or not this version is ignored with a note, a row that does not validate is dropped
 * with a note; nothing here throws on what it reads.
 */
import * as z from 'zod/mini';
import type { CheckResult } from './check';
import { isIsoDay, viDay, type IsoDay } from './dates';
import { FOLLOW_WORDS, signed } from './labels';
import { TOTAL_ROW, type PivotRow } from './pivot';

export const HISTORY_VERSION = 1;
/** First cell of the history sheet. */
export const HISTORY_TAG = '#ke-hoach-cds:lich-su';
export const HISTORY_SHEET_NAME = FOLLOW_WORDS.history;
/** Every snapshot of the last this many days is kept; older ones only as the last of their month. */
export const KEEP_DAYS = 62;
/** Months kept (the last snapshot of each), per task sheet. */
export const KEEP_MONTHS = 36;
/** Months shown in the monthly series. */
export const SERIES_MONTHS = 12;

export interface Counts {
  total: number;
  done: number;
  overdue: number;
  dueSoon: number;
}

export interface NamedCounts extends Counts {
  name: string;
}

export interface Snapshot {
  /** The day of the check (its "today"). */
  date: IsoDay;
  /** The task sheet checked: a history is kept per sheet. */
  sheet: string;
  planYear: number;
  /** Pillars (and the sheet's own sections) that have tasks, in the pivot's order. */
  pillars: NamedCounts[];
  total: Counts;
  /** Lead units in the follow-up's order (units, then the shared and missing rows). */
  units: NamedCounts[];
}

const counts = (r: Counts): Counts => ({
  total: r.total,
  done: r.done,
  overdue: r.overdue,
  dueSoon: r.dueSoon,
});

/**
 * The snapshot of a check. Its row must fit one cell (MAX_CELL): the units, most overdue first,
 * are kept while they fit, so a plan naming hundreds of long unit names still keeps its history.
 */
export function snapshotOf(result: CheckResult): Snapshot {
  const pivot = result.pivot.slice(0, -1);
  const total = result.pivot[result.pivot.length - 1] as PivotRow;
  const snapshot: Snapshot = {
    date: result.today,
    sheet: result.plan.sheet.slice(0, MAX_NAME),
    planYear: result.plan.planYear,
    pillars: pivot
      .filter((p) => p.total > 0)
      .slice(0, MAX_ROWS)
      .map((p) => ({ name: p.pillar.slice(0, MAX_NAME), ...counts(p) })),
    total: counts(total),
    units: [],
  };
  let size = rowText(snapshot).length;
  for (const u of result.units.slice(0, MAX_UNITS)) {
    const unit = { name: u.unit.slice(0, MAX_NAME), ...counts(u) };
    size += JSON.stringify(unit).length + 1;
    if (size > MAX_CELL) break;
    snapshot.units.push(unit);
  }
  return snapshot;
}

/** The text of a snapshot's row in the history sheet. */
const rowText = (s: Snapshot): string => JSON.stringify({ v: HISTORY_VERSION, ...s });

// ---- the hidden sheet's rows ------------------------------------------------------------------

const MAX_NAME = 300;
const MAX_ROWS = 80;
const MAX_UNITS = 400;
const MAX_SNAPSHOTS = 2_000;
const MAX_CELL = 50_000;

const count = z.number().check(z.int(), z.minimum(0), z.maximum(100_000));
const CountsShape = { total: count, done: count, overdue: count, dueSoon: count };
const addsUp = (c: Counts) => c.done + c.overdue <= c.total && c.dueSoon <= c.total;
const CountsSchema = z.object(CountsShape).check(z.refine(addsUp, 'các số không khớp'));
const NamedSchema = z
  .object({ name: z.string().check(z.minLength(1), z.maxLength(MAX_NAME)), ...CountsShape })
  .check(z.refine(addsUp, 'các số không khớp'));

export const SnapshotSchema = z.object({
  v: z.literal(HISTORY_VERSION),
  date: z.string().check(z.refine(isIsoDay, 'ngày không hợp lệ')),
  sheet: z.string().check(z.maxLength(MAX_NAME)),
  planYear: z.number().check(z.int(), z.minimum(2000), z.maximum(2100)),
  pillars: z.array(NamedSchema).check(z.maxLength(MAX_ROWS)),
  total: CountsSchema,
  units: z.array(NamedSchema).check(z.maxLength(MAX_UNITS)),
});

const HEAD_NOTE =
  'Trang ẩn của tiện ích Kế hoạch CĐS: số liệu các lần kiểm tra trước, để biết điều gì đã thay đổi. Xin đừng sửa.';

/**
 * The rows of the history sheet: a head row (tag, version, a note), then one snapshot per row as
 * JSON in the first cell. Every cell is text.
 */
export function historyRows(snapshots: readonly Snapshot[]): string[][] {
  return [[HISTORY_TAG, `v${HISTORY_VERSION}`, HEAD_NOTE], ...snapshots.map((s) => [rowText(s), '', ''])];
}

export interface HistoryRead {
  snapshots: Snapshot[];
  /** What was ignored and why, in Vietnamese (for the officer). */
  notes: string[];
  /**
   * The sheet was written by a newer version of the product: it must be kept as it is (not
   * rewritten with this version's few snapshots), so that the newer version finds it whole.
   */
  newer?: boolean;
}

const cellText = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** True when the values are a history sheet of the product (its tag in the first cell). */
export function isHistorySheet(values: readonly (readonly unknown[])[]): boolean {
  return cellText(values[0]?.[0]) === HISTORY_TAG;
}

/**
 * Reads the history sheet's values (as getValues() or a workbook reader gives them). Never
 * throws: a sheet that is not a history of this version gives no snapshot and a note; a row that
 * does not validate is dropped with a note.
 */
export function readHistory(values: readonly (readonly unknown[])[] | null | undefined): HistoryRead {
  // Stryker disable next-line ConditionalExpression: no rows reads as an empty sheet below, the same result
  if (!values || values.length === 0) return { snapshots: [], notes: [] };
  const broken = `Trang “${HISTORY_SHEET_NAME}” (ẩn) bị hỏng hoặc không đúng mẫu: bỏ qua, lịch sử kiểm tra bắt đầu lại từ lần này.`;
  if (!isHistorySheet(values)) {
    const empty = values.every((r) => (r ?? []).every((c) => c === '' || c === null || c === undefined));
    return { snapshots: [], notes: empty ? [] : [broken] };
  }
  const version = cellText(values[0]?.[1]);
  if (version !== `v${HISTORY_VERSION}`) {
    const n = /^v(\d+)$/.exec(version);
    const newer = n !== null && Number(n[1]) > HISTORY_VERSION;
    return newer
      ? {
          snapshots: [],
          notes: [
            `Trang “${HISTORY_SHEET_NAME}” do phiên bản mới hơn của tiện ích ghi: giữ nguyên, không ghi thêm; hãy cập nhật tiện ích.`,
          ],
          newer: true,
        }
      : { snapshots: [], notes: [broken] };
  }
  const snapshots: Snapshot[] = [];
  let dropped = 0;
  for (const row of values.slice(1, 1 + MAX_SNAPSHOTS)) {
    const raw = row?.[0];
    if (raw === '' || raw === null || raw === undefined) continue;
    // Stryker disable next-line ConditionalExpression: a number or a date has no length, so it is dropped either way
    const parsed = typeof raw === 'string' && raw.length <= MAX_CELL ? parseSnapshot(raw) : null;
    if (parsed) snapshots.push(parsed);
    else dropped++;
  }
  // Stryker disable next-line EqualityOperator: at the limit the count added is 0
  if (values.length > 1 + MAX_SNAPSHOTS) dropped += values.length - 1 - MAX_SNAPSHOTS;
  const notes =
    dropped > 0
      ? [
          `Trang “${HISTORY_SHEET_NAME}” (ẩn) có ${dropped} dòng hỏng hoặc không đúng mẫu: đã bỏ qua các dòng đó.`,
        ]
      : [];
  return { snapshots: sortSnapshots(snapshots), notes };
}

function parseSnapshot(raw: string): Snapshot | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
    // Stryker disable next-line BlockStatement: without the return, the schema refuses the missing JSON the same way
  } catch {
    return null;
  }
  const parsed = SnapshotSchema.safeParse(json);
  if (!parsed.success) return null;
  const d = parsed.data;
  return {
    date: d.date,
    sheet: d.sheet,
    planYear: d.planYear,
    pillars: d.pillars,
    total: d.total,
    units: d.units,
  };
}

function sortSnapshots(list: Snapshot[]): Snapshot[] {
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.sheet < b.sheet ? -1 : 1));
}

// ---- keeping snapshots ------------------------------------------------------------------------

/**
 * The history with a new snapshot: it replaces the one of the same sheet and day (a second check
 * the same day), the list stays in date order, and old snapshots are thinned: per sheet, every
 * one of the last KEEP_DAYS days from the newest, before that only the last of each month, at
 * most KEEP_MONTHS months.
 */
export function recordSnapshot(history: readonly Snapshot[], snapshot: Snapshot): Snapshot[] {
  const others = history.filter((s) => !(s.sheet === snapshot.sheet && s.date === snapshot.date));
  return retain(sortSnapshots([...others, snapshot]));
}

function retain(sorted: Snapshot[]): Snapshot[] {
  const bySheet = new Map<string, Snapshot[]>();
  for (const s of sorted) {
    const list = bySheet.get(s.sheet) ?? [];
    list.push(s);
    bySheet.set(s.sheet, list);
  }
  const kept = new Set<Snapshot>();
  for (const list of bySheet.values()) {
    const newest = list[list.length - 1] as Snapshot;
    const cut = dayNumber(newest.date) - KEEP_DAYS;
    const lastOfMonth = new Map<string, Snapshot>();
    for (const s of list) {
      if (dayNumber(s.date) > cut) kept.add(s);
      else lastOfMonth.set(s.date.slice(0, 7), s);
    }
    [...lastOfMonth.values()].slice(-KEEP_MONTHS).forEach((s) => kept.add(s));
  }
  return sorted.filter((s) => kept.has(s));
}

function dayNumber(day: IsoDay): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** The latest snapshot of the sheet from a day before `today`, or null. */
export function previousSnapshot(
  history: readonly Snapshot[],
  sheet: string,
  today: IsoDay,
): Snapshot | null {
  let best: Snapshot | null = null;
  for (const s of history) if (s.sheet === sheet && s.date < today && (!best || s.date > best.date)) best = s;
  return best;
}

// ---- what changed ----------------------------------------------------------------------------

export interface Change {
  name: string;
  overdueBefore: number;
  overdueNow: number;
  /** overdueNow − overdueBefore: the newly overdue (negative when fewer are overdue). */
  overdue: number;
  doneBefore: number;
  doneNow: number;
  /** doneNow − doneBefore: the newly done. */
  done: number;
}

export interface HistoryDiff {
  /** The day of the previous snapshot. */
  since: IsoDay;
  /** Pillars with tasks now or then: today's order, then those that have none any more. */
  pillars: Change[];
  total: Change;
  units: Change[];
}

function change(name: string, before: Counts | undefined, now: Counts | undefined): Change {
  const b = before ?? { total: 0, done: 0, overdue: 0, dueSoon: 0 };
  const n = now ?? { total: 0, done: 0, overdue: 0, dueSoon: 0 };
  return {
    name,
    overdueBefore: b.overdue,
    overdueNow: n.overdue,
    overdue: n.overdue - b.overdue,
    doneBefore: b.done,
    doneNow: n.done,
    done: n.done - b.done,
  };
}

function changes(before: readonly NamedCounts[], now: readonly NamedCounts[]): Change[] {
  const old = new Map(before.map((r) => [r.name, r]));
  const out = now.map((r) => change(r.name, old.get(r.name), r));
  const seen = new Set(now.map((r) => r.name));
  for (const r of before) if (!seen.has(r.name)) out.push(change(r.name, r, undefined));
  return out;
}

/** The change from `before` to `now` (counts only: a count that went up by 3 is "+3"). */
export function diffSnapshots(before: Snapshot, now: Snapshot): HistoryDiff {
  return {
    since: before.date,
    pillars: changes(before.pillars, now.pillars),
    total: change(TOTAL_ROW, before.total, now.total),
    units: changes(before.units, now.units),
  };
}

export interface MonthPoint {
  /** "2026-10" */
  month: string;
  /** "10/2026", as shown. */
  label: string;
  overdue: number;
}

/** Overdue tasks month by month: the last snapshot of each month of the sheet, the last `months`. */
export function monthlyOverdue(
  history: readonly Snapshot[],
  sheet: string,
  months = SERIES_MONTHS,
): MonthPoint[] {
  const last = new Map<string, Snapshot>();
  for (const s of sortSnapshots(history.filter((h) => h.sheet === sheet))) last.set(s.date.slice(0, 7), s);
  return [...last.entries()].slice(-months).map(([month, s]) => ({
    month,
    label: `${month.slice(5, 7)}/${month.slice(0, 4)}`,
    overdue: s.total.overdue,
  }));
}

// ---- one check's follow-up ---------------------------------------------------------------------

/** What a check adds to the history and what it says about it. */
export interface FollowUp {
  /** The history to keep (this check's snapshot recorded). */
  snapshots: Snapshot[];
  snapshot: Snapshot;
  /** Null at the first check of a sheet (no earlier day). */
  diff: HistoryDiff | null;
  monthly: MonthPoint[];
  /** "Từ lần kiểm tra 15/11: +3 quá hạn, +2 hoàn thành", or null without an earlier day. */
  line: string | null;
}

export function followUpOf(history: readonly Snapshot[], result: CheckResult): FollowUp {
  const snapshot = snapshotOf(result);
  const snapshots = recordSnapshot(history, snapshot);
  const previous = previousSnapshot(snapshots, snapshot.sheet, snapshot.date);
  const diff = previous ? diffSnapshots(previous, snapshot) : null;
  return {
    snapshots,
    snapshot,
    diff,
    monthly: monthlyOverdue(snapshots, snapshot.sheet),
    line: diff ? sinceLine(diff, snapshot.date) : null,
  };
}

/** The summary in one line: "Từ lần kiểm tra 15/11: +3 quá hạn, +2 hoàn thành". */
export function sinceLine(diff: HistoryDiff, today: IsoDay): string {
  const day = viDay(diff.since);
  const when = diff.since.slice(0, 4) === today.slice(0, 4) ? day.slice(0, 5) : day;
  const t = diff.total;
  const what =
    t.overdue === 0 && t.done === 0
      ? 'số quá hạn và số hoàn thành không đổi'
      : `${signed(t.overdue)} quá hạn, ${signed(t.done)} hoàn thành`;
  return `Từ lần kiểm tra ${when}: ${what}`;
}
