/**
 * The status report a commune sends to the city (domain §6): one versioned contract, decided here
 * and nowhere else. `statusReportOf` makes it from a check, `toRows` lays it out as the status
 * sheet every face writes (the add-on's sheet, the city copy, the checked workbook), `fromRows`
 * reads a sheet back for the city's roll-ups and believes nothing it reads: the data row is
 * validated (integers, bounds, every class adding up) and compared with the visible table.
 *
 * Layout: a title, the commune, plan, year and "as of" (a real date cell), the due-soon window,
 * the table by pillar with its totals row, the reading guide, then a hidden data row that carries
 * the report as JSON for the city (`DATA_TAG` in its first cell). When an earlier check of the
 * task sheet is known, a block below the data row says what changed since, per pillar, and
 * lists overdue tasks month by month: below it, so that every reader (the city's, of any version,
 * which reads the first 80 rows and takes the last data row) finds the table and the data row
 * where they always were.
 */
import * as z from 'zod/mini';
import type { CheckResult } from './check';
import { isIsoDay, viDay, type IsoDay } from './dates';
import type { HistoryDiff, MonthPoint } from './history';
import {
  CHANGE_LABELS,
  COUNT_LABELS,
  FOLLOW_WORDS,
  STATUS_TABLE_KEYS,
  WORDS,
  dueSoonMeaning,
  statusLegend,
} from './labels';
import { PIVOT_COUNTS, TOTAL_ROW, rate, type PivotRow } from './pivot';
import { collapse } from './text';
import { communeKey } from './title';

export const STATUS_REPORT_VERSION = 2;
export const STATUS_SHEET_NAME = 'Trạng thái theo trụ cột';
export const STATUS_TITLE = 'BẢNG TRẠNG THÁI THỰC HIỆN NHIỆM VỤ CHUYỂN ĐỔI SỐ';
/** First cell of the hidden data row. */
export const DATA_TAG = '#ke-hoach-cds';
/** The mark the first layout wrote in a visible row; such sheets must be sent again. */
const OLD_MARKER = 'CDS-TRANG-THAI v1';

export interface StatusReport {
  version: number;
  commune: string;
  /** Stable identity of the commune (communeKey of its name), "" when it has no name. */
  communeKey: string;
  planName: string;
  planYear: number;
  asOf: IsoDay;
  /** "HH:mm" when the report was made at a known time of day (the add-on), else null. */
  asOfTime: string | null;
  dueSoonDays: number;
  /** The task sheet it was computed from, and its task count. */
  sheet: string;
  tasks: number;
  /** One row per pillar (canonical, then own sections, then "Khác"); the totals apart. */
  rows: PivotRow[];
  total: PivotRow;
}

export interface ReportMeta {
  commune: string;
  planName: string;
  asOfTime?: string | null;
}

export function statusReportOf(result: CheckResult, meta: ReportMeta): StatusReport {
  const total = result.pivot[result.pivot.length - 1] as PivotRow;
  const commune = collapse(meta.commune).slice(0, 100);
  return {
    version: STATUS_REPORT_VERSION,
    commune,
    communeKey: communeKey(commune),
    planName: collapse(meta.planName).slice(0, 300),
    planYear: result.plan.planYear,
    asOf: result.today,
    asOfTime: meta.asOfTime ?? null,
    dueSoonDays: result.dueSoonDays,
    sheet: result.plan.sheet.slice(0, 100),
    tasks: result.plan.tasks.length,
    rows: result.pivot.slice(0, -1),
    total,
  };
}

// ---- layout ---------------------------------------------------------------------------------

/** A cell of the layout: text, a number, or a date (with a time of day) to write as a date value. */
export type StatusCell = string | number | { date: IsoDay; time: string | null };

export interface StatusRows {
  rows: StatusCell[][];
  width: number;
  /** 0-based rows. */
  titleRow: number;
  firstMetaRow: number;
  lastMetaRow: number;
  headerRow: number;
  firstPivotRow: number;
  totalRow: number;
  legendRow: number;
  dataRow: number;
  /** 0-based columns holding shares (to format as percentages). */
  rateColumns: number[];
  /** Column widths in characters. */
  widths: number[];
  /** The "as of" date cell. */
  asOfCell: { row: number; column: number };
  chart: ChartModel;
  /** The changes block below the data row; null at a sheet's first check. */
  changes: ChangesBlock | null;
}

/** What changed since the previous check (history.ts), to lay out below the status table. */
export interface StatusChanges {
  diff: HistoryDiff;
  monthly: MonthPoint[];
}

export interface ChangesBlock {
  /** 0-based rows. */
  titleRow: number;
  headerRow: number;
  firstRow: number;
  totalRow: number;
  /** 0-based columns of signed changes ("+3", "−1"). */
  signedColumns: number[];
  monthTitleRow: number;
  monthHeaderRow: number;
  lastMonthRow: number;
  /** Overdue tasks by month: a column chart. */
  chart: ChartModel;
}

/** A stacked bar chart by row (or, `kind` 'column', columns): labels in one column, one series per class column. */
export interface ChartModel {
  kind?: 'stacked-bar' | 'column';
  title: string;
  /** 0-based header row (series names) and the last row of data. */
  headerRow: number;
  lastRow: number;
  labelColumn: number;
  series: { column: number; color: string }[];
}

/** The classes every chart stacks, with the same colours everywhere. */
export const CHART_CLASSES: {
  key: 'done' | 'onTrack' | 'overdue' | 'recurring' | 'conditional' | 'undated';
  color: string;
}[] = [
  { key: 'done', color: '#34A853' },
  { key: 'onTrack', color: '#4285F4' },
  { key: 'overdue', color: '#EA4335' },
  { key: 'recurring', color: '#9E9E9E' },
  { key: 'conditional', color: '#C7C7C7' },
  { key: 'undated', color: '#FBBC04' },
];

const NAME_WIDTH = 36;

export function toRows(report: StatusReport, history?: StatusChanges | null): StatusRows {
  const width = 1 + STATUS_TABLE_KEYS.length;
  const pad = (cells: StatusCell[]): StatusCell[] => [
    ...cells,
    ...new Array<string>(Math.max(0, width - cells.length)).fill(''),
  ];
  const rows: StatusCell[][] = [];
  rows.push(pad([STATUS_TITLE]));
  const firstMetaRow = rows.length;
  rows.push(pad([`${WORDS.commune}:`, report.commune || WORDS.unnamedCommune]));
  rows.push(pad([`${WORDS.plan}:`, report.planName || '(không rõ tên kế hoạch)']));
  rows.push(pad([`${WORDS.planYear}:`, report.planYear]));
  const asOfRow = rows.length;
  rows.push(pad([`${WORDS.asOf}:`, { date: report.asOf, time: report.asOfTime }]));
  rows.push(pad([`${COUNT_LABELS.dueSoon.long}:`, dueSoonMeaning(report.dueSoonDays)]));
  const lastMetaRow = rows.length - 1;
  rows.push(pad([]));
  const headerRow = rows.length;
  rows.push([WORDS.pillar, ...STATUS_TABLE_KEYS.map((k) => COUNT_LABELS[k].long)]);
  const firstPivotRow = rows.length;
  for (const p of [...report.rows, report.total])
    rows.push([p.pillar, ...STATUS_TABLE_KEYS.map((k) => p[k])]);
  const totalRow = rows.length - 1;
  rows.push(pad([]));
  const legendRow = rows.length;
  rows.push(
    pad([
      `${statusLegend(report.dueSoonDays)} Trang tính “${report.sheet}”, ${report.tasks} nhiệm vụ; số liệu do tiện ích Kế hoạch CĐS tổng hợp từ bảng phân công.`,
    ]),
  );
  rows.push(pad([]));
  const dataRow = rows.length;
  rows.push(pad([DATA_TAG, JSON.stringify(report)]));
  const changes = history ? changesBlock(rows, pad, history) : null;
  return {
    rows,
    width,
    titleRow: 0,
    firstMetaRow,
    lastMetaRow,
    headerRow,
    firstPivotRow,
    totalRow,
    legendRow,
    dataRow,
    rateColumns: [1 + STATUS_TABLE_KEYS.indexOf('doneRate')],
    widths: [NAME_WIDTH, ...STATUS_TABLE_KEYS.map((k) => (k === 'doneRate' ? 11 : 10))],
    asOfCell: { row: asOfRow, column: 1 },
    chart: {
      title: 'Tiến độ nhiệm vụ theo trụ cột',
      headerRow,
      lastRow: totalRow - 1,
      labelColumn: 0,
      series: CHART_CLASSES.map((c) => ({ column: 1 + STATUS_TABLE_KEYS.indexOf(c.key), color: c.color })),
    },
    changes,
  };
}

/** Appends the changes block to `rows`: per pillar, then overdue by month. */
function changesBlock(
  rows: StatusCell[][],
  pad: (cells: StatusCell[]) => StatusCell[],
  { diff, monthly }: StatusChanges,
): ChangesBlock {
  const c = CHANGE_LABELS;
  rows.push(pad([]));
  const titleRow = rows.length;
  rows.push(pad([`${FOLLOW_WORDS.changesTitle} (${viDay(diff.since)})`]));
  const headerRow = rows.length;
  rows.push(
    pad([
      WORDS.pillar,
      c.overdueBefore.long,
      c.overdueNow.long,
      c.overdue.long,
      c.doneBefore.long,
      c.doneNow.long,
      c.done.long,
    ]),
  );
  const firstRow = rows.length;
  for (const p of [...diff.pillars, diff.total])
    rows.push(pad([p.name, p.overdueBefore, p.overdueNow, p.overdue, p.doneBefore, p.doneNow, p.done]));
  const totalRow = rows.length - 1;
  rows.push(pad([]));
  const monthTitleRow = rows.length;
  rows.push(pad([FOLLOW_WORDS.monthlyTitle]));
  const monthHeaderRow = rows.length;
  rows.push(pad([FOLLOW_WORDS.month, COUNT_LABELS.overdue.long]));
  for (const m of monthly) rows.push(pad([m.label, m.overdue]));
  const lastMonthRow = rows.length - 1;
  return {
    titleRow,
    headerRow,
    firstRow,
    totalRow,
    signedColumns: [3, 6],
    monthTitleRow,
    monthHeaderRow,
    lastMonthRow,
    chart: {
      kind: 'column',
      title: FOLLOW_WORDS.monthlyChart,
      headerRow: monthHeaderRow,
      lastRow: lastMonthRow,
      labelColumn: 0,
      series: [{ column: 1, color: '#EA4335' }],
    },
  };
}

// ---- reading back ---------------------------------------------------------------------------

const MAX_COUNT = 100_000;
const count = z.number().check(z.int(), z.minimum(0), z.maximum(MAX_COUNT));
const text = (max: number) => z.string().check(z.maxLength(max));

const PivotRowSchema = z.object({
  pillar: text(300).check(z.minLength(1)),
  total: count,
  done: count,
  doneOnTime: count,
  doneLate: count,
  onTrack: count,
  overdue: count,
  noDeadline: count,
  recurring: count,
  conditional: count,
  undated: count,
  dueSoon: count,
  missingLead: count,
  doneRate: z.number().check(z.minimum(0), z.maximum(1)),
});

export const StatusReportSchema = z.object({
  version: z.number().check(z.int()),
  commune: text(100),
  communeKey: text(200),
  planName: text(300),
  planYear: z.number().check(z.int(), z.minimum(2000), z.maximum(2100)),
  asOf: z.string().check(z.refine(isIsoDay, 'ngày không hợp lệ')),
  asOfTime: z.nullable(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
  dueSoonDays: z.number().check(z.int(), z.minimum(0), z.maximum(365)),
  sheet: text(100),
  tasks: count,
  rows: z.array(PivotRowSchema).check(z.maxLength(60)),
  total: PivotRowSchema,
});

export type ReadOutcome = { ok: true; report: StatusReport } | { ok: false; reason: string };

/** Why a row does not add up, in the officer's words; null when it does. */
function rowProblem(r: PivotRow): string | null {
  if (r.done + r.onTrack + r.overdue + r.noDeadline !== r.total)
    return `dòng “${r.pillar}”: các loại cộng lại không bằng tổng số nhiệm vụ`;
  if (r.recurring + r.conditional + r.undated !== r.noDeadline)
    return `dòng “${r.pillar}”: số nhiệm vụ không có hạn không khớp`;
  if (r.doneOnTime + r.doneLate > r.done)
    return `dòng “${r.pillar}”: đúng hạn và trễ hạn nhiều hơn số đã hoàn thành`;
  if (r.dueSoon > r.onTrack) return `dòng “${r.pillar}”: số sắp đến hạn nhiều hơn số còn hạn`;
  if (r.missingLead > r.total) return `dòng “${r.pillar}”: số thiếu chủ trì nhiều hơn tổng số`;
  if (Math.abs(r.doneRate - rate(r.done, r.total)) > 0.0002)
    return `dòng “${r.pillar}”: tỷ lệ hoàn thành sai`;
  return null;
}

/** Checks a parsed report adds up; the reason it does not, or null. */
export function reportProblem(report: StatusReport): string | null {
  for (const r of [...report.rows, report.total]) {
    const p = rowProblem(r);
    if (p) return p;
  }
  if (report.total.pillar !== TOTAL_ROW) return `dòng tổng phải là “${TOTAL_ROW}”`;
  for (const k of PIVOT_COUNTS) {
    const sum = report.rows.reduce((s, r) => s + r[k], 0);
    if (sum !== report.total[k]) return `các dòng trụ cột cộng lại không bằng dòng “${TOTAL_ROW}”`;
  }
  if (report.total.total !== report.tasks) return 'tổng số nhiệm vụ không khớp với số nhiệm vụ của bảng';
  if (report.communeKey !== communeKey(report.commune)) return 'mã định danh của xã không khớp với tên xã';
  return null;
}

const cellText = (v: unknown): string =>
  typeof v === 'string' ? collapse(v) : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';

/**
 * Reads a status sheet's values (as getValues(), an .xlsx reader or the Sheets API give them)
 * back into its report. Never throws: an unreadable sheet gives the reason, in Vietnamese.
 */
export function fromRows(values: readonly (readonly unknown[])[]): ReadOutcome {
  const limit = Math.min(values.length, 200);
  let dataRow = -1;
  for (let r = limit - 1; r >= 0; r--) {
    if (cellText(values[r]?.[0]) === DATA_TAG) {
      dataRow = r;
      break;
    }
  }
  if (dataRow < 0) {
    const old = values.slice(0, limit).some((r) => (r ?? []).some((c) => cellText(c) === OLD_MARKER));
    return {
      ok: false,
      reason: old
        ? 'bảng trạng thái theo mẫu cũ: xã cần chạy lại “Cập nhật bảng trạng thái” rồi gửi lại'
        : 'không phải bảng trạng thái do tiện ích Kế hoạch CĐS tạo (không có dòng dữ liệu cho thành phố)',
    };
  }
  const raw = values[dataRow]?.[1];
  if (typeof raw !== 'string' || raw.length > 50_000)
    return { ok: false, reason: 'dòng dữ liệu cho thành phố bị hỏng' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'dòng dữ liệu cho thành phố bị hỏng' };
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > STATUS_REPORT_VERSION)
    return {
      ok: false,
      reason: 'bảng trạng thái theo mẫu mới hơn: hãy cập nhật tiện ích Kế hoạch CĐS của thành phố',
    };
  if (version !== STATUS_REPORT_VERSION)
    return { ok: false, reason: 'dòng dữ liệu cho thành phố không đúng mẫu' };
  const parsed = StatusReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    return {
      ok: false,
      reason: `số liệu không hợp lệ (${where || 'dữ liệu'}): không phải số nguyên hợp lệ hoặc vượt giới hạn`,
    };
  }
  const report = parsed.data as StatusReport;
  const problem = reportProblem(report);
  if (problem) return { ok: false, reason: `số liệu không hợp lệ: ${problem}` };
  const edited = visibleTableProblem(values.slice(0, dataRow), report);
  if (edited) return { ok: false, reason: edited };
  return { ok: true, report };
}

/** The visible table must show the data row's numbers: a table edited by hand is not believed. */
function visibleTableProblem(values: readonly (readonly unknown[])[], report: StatusReport): string | null {
  const header = values.findIndex((r) => cellText(r?.[0]) === WORDS.pillar);
  if (header < 0) return 'bảng trạng thái thiếu phần bảng số liệu';
  const all = [...report.rows, report.total];
  for (let i = 0; i < all.length; i++) {
    const row = values[header + 1 + i] ?? [];
    const expected = all[i] as PivotRow;
    if (cellText(row[0]) !== collapse(expected.pillar))
      return 'bảng số liệu đã bị sửa tay, khác dữ liệu của tiện ích';
    for (let k = 0; k < STATUS_TABLE_KEYS.length; k++) {
      const key = STATUS_TABLE_KEYS[k] as keyof PivotRow;
      if (key === 'doneRate') continue;
      const shown = numberOf(row[k + 1]);
      if (shown !== expected[key]) return 'bảng số liệu đã bị sửa tay, khác dữ liệu của tiện ích';
    }
  }
  return null;
}

function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return null;
}
