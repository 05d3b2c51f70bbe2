/**
 * The city's roll-up: status sheets of many communes (domain §6), read back and put side by
 * side. Pure: grids of values in, the "Tổng hợp" tables out. A commune that cannot be read is
 * listed with the reason and never stops the others.
 */
import { daysBetween, isValidDay, isoDay, type IsoDay } from './dates';
import type { CellValue } from './grid';
import { cellText, isDate } from './grid';
import type { PivotRow } from './pivot';
import { TOTAL_ROW, emptyRow } from './pivot';
import { STATUS_COLUMNS, STATUS_LAYOUT_VERSION } from './status-sheet';
import { collapse } from './text';
import { PILLARS } from './vocabulary';

export interface CommuneStatus {
  commune: string;
  planYear: number | null;
  /** ISO day of the status sheet's "Tính đến". */
  asOf: IsoDay;
  rows: PivotRow[];
  total: PivotRow;
}

export type ReadOutcome = { ok: true; status: CommuneStatus } | { ok: false; reason: string };

/** The default age beyond which a status sheet is too old to count. */
export const DEFAULT_STALE_DAYS = 45;

const label = (v: CellValue) => collapse(cellText(v));

/** Reads a status sheet's values (as written by statusSheetModel) back into numbers. */
export function readStatusSheet(values: readonly (readonly CellValue[])[]): ReadOutcome {
  const find = (text: string) => values.findIndex((r) => label(r[0]) === text);
  const markerRow = find('Mẫu báo cáo:');
  if (markerRow < 0)
    return { ok: false, reason: 'không phải bảng trạng thái của Kế hoạch CĐS (không có dòng “Mẫu báo cáo”)' };
  const version = label(values[markerRow]?.[1]);
  if (version !== STATUS_LAYOUT_VERSION) {
    return {
      ok: false,
      reason: `mẫu báo cáo “${version || 'trống'}” khác mẫu “${STATUS_LAYOUT_VERSION}” mà thành phố đọc được`,
    };
  }
  const header = find(STATUS_COLUMNS[0]?.header ?? 'Trụ cột');
  const headerCells = (values[header] ?? []).slice(0, STATUS_COLUMNS.length).map(label);
  if (header < 0 || headerCells.join('|') !== STATUS_COLUMNS.map((c) => c.header).join('|')) {
    return { ok: false, reason: 'các cột của bảng trạng thái đã bị sửa, không đúng mẫu' };
  }
  const commune = label(values[find('Xã/phường:')]?.[1]);
  const yearCell = values[find('Năm kế hoạch:')]?.[1];
  const planYear = Number(label(yearCell)) || null;
  const asOf = parseAsOf(values[find('Tính đến:')]?.[1]);
  if (!asOf) return { ok: false, reason: 'không đọc được ngày “Tính đến”' };
  const rows: PivotRow[] = [];
  let total: PivotRow | null = null;
  for (let r = header + 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const name = label(cells[0]);
    if (name === '') break;
    const row = pivotRow(name, cells);
    if (!row) return { ok: false, reason: `dòng “${name}” có số liệu không hợp lệ` };
    if (name === TOTAL_ROW) {
      total = row;
      break;
    }
    rows.push(row);
  }
  if (!total) return { ok: false, reason: 'không có dòng “Tổng cộng”' };
  return { ok: true, status: { commune, planYear, asOf, rows, total } };
}

function pivotRow(name: string, cells: readonly CellValue[]): PivotRow | null {
  const row: Record<string, number | string> = { pillar: name };
  for (let i = 1; i < STATUS_COLUMNS.length; i++) {
    const key = (STATUS_COLUMNS[i] as { key: keyof PivotRow }).key;
    const v = cells[i];
    const n =
      typeof v === 'number' ? v : Number(label(v).replace('%', '')) / (label(v).endsWith('%') ? 100 : 1);
    if (!Number.isFinite(n) || n < 0) return null;
    row[key] = n;
  }
  return row as unknown as PivotRow;
}

/** "20/12/2026" or "20/12/2026 09:30" (or a date cell) → ISO day. */
export function parseAsOf(v: CellValue): IsoDay | null {
  if (isDate(v)) return isoDay(v.getFullYear(), v.getMonth() + 1, v.getDate());
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(label(v));
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDay(y, mo, d) ? isoDay(y, mo, d) : null;
}

export interface CommuneSource {
  /** Name from the city's list. */
  name: string;
  /** Link or file the status came from. */
  source: string;
}

export interface RollupEntry extends CommuneSource {
  outcome: ReadOutcome;
}

export interface RollupOptions {
  today: IsoDay;
  staleDays?: number;
}

export interface CommuneTotal {
  commune: string;
  asOf: IsoDay;
  total: number;
  done: number;
  onTrack: number;
  overdue: number;
  noDeadline: number;
  missingLead: number;
  doneRate: number;
  overdueRate: number;
}

export interface Rollup {
  today: IsoDay;
  /** One row per commune × pillar, communes in list order. */
  detail: (CommuneTotal & { pillar: string })[];
  /** Per-commune totals, highest overdue share first. */
  communes: CommuneTotal[];
  /** Pillar totals across communes: canonical pillars, then "Khác" and own sections pooled. */
  pillars: CommuneTotal[];
  failures: { name: string; source: string; reason: string }[];
}

const rate = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 10_000) / 10_000);

function line(commune: string, asOf: IsoDay, r: PivotRow): CommuneTotal {
  return {
    commune,
    asOf,
    total: r.total,
    done: r.done,
    onTrack: r.onTrack,
    overdue: r.overdue,
    noDeadline: r.noDeadline,
    missingLead: r.missingLead,
    doneRate: rate(r.done, r.total),
    overdueRate: rate(r.overdue, r.total),
  };
}

export const OTHER_SECTIONS = 'Mục riêng của xã';

export function rollup(entries: readonly RollupEntry[], opts: RollupOptions): Rollup {
  const stale = opts.staleDays ?? DEFAULT_STALE_DAYS;
  const out: Rollup = { today: opts.today, detail: [], communes: [], pillars: [], failures: [] };
  const pooled = new Map<string, PivotRow>();
  const canonical = new Set<string>(PILLARS);
  for (const e of entries) {
    if (!e.outcome.ok) {
      out.failures.push({ name: e.name, source: e.source, reason: e.outcome.reason });
      continue;
    }
    const s = e.outcome.status;
    const age = daysBetween(s.asOf, opts.today);
    if (age > stale) {
      out.failures.push({
        name: e.name,
        source: e.source,
        reason: `số liệu quá cũ: tính đến ${viDate(s.asOf)} (${age} ngày trước)`,
      });
      continue;
    }
    const name = e.name || s.commune;
    for (const r of s.rows) {
      out.detail.push({ ...line(name, s.asOf, r), pillar: r.pillar });
      const key = canonical.has(r.pillar) ? r.pillar : OTHER_SECTIONS;
      const acc = pooled.get(key) ?? emptyRow(key);
      for (const k of [
        'total',
        'done',
        'doneOnTime',
        'doneLate',
        'onTrack',
        'overdue',
        'noDeadline',
        'dueSoon',
        'missingLead',
      ] as const)
        acc[k] += r[k];
      pooled.set(key, acc);
    }
    out.communes.push(line(name, s.asOf, s.total));
  }
  out.communes.sort(
    (a, b) =>
      b.overdueRate - a.overdueRate || b.overdue - a.overdue || a.commune.localeCompare(b.commune, 'vi'),
  );
  const order = [...PILLARS, OTHER_SECTIONS];
  // In the pillar table the first column names the pillar.
  out.pillars = order.filter((p) => pooled.has(p)).map((p) => line(p, opts.today, pooled.get(p) as PivotRow));
  return out;
}

function viDate(day: IsoDay): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

export const ROLLUP_SHEET_NAME = 'Tổng hợp';
export const COMMUNE_LIST_SHEET_NAME = 'Danh sách xã';
export const COMMUNE_LIST_HEADER = ['Tên xã/phường', 'Đường dẫn bảng trạng thái'];

/** The "Tổng hợp" sheet as rows of values: three tables and the list of communes not read. */
export function rollupSheetRows(r: Rollup): {
  rows: (string | number)[][];
  tables: { title: number; header: number; first: number; last: number }[];
} {
  const head = [
    'Tổng số',
    'Đã hoàn thành',
    'Còn hạn',
    'Quá hạn',
    'Không có hạn',
    'Thiếu chủ trì',
    'Tỷ lệ hoàn thành',
    'Tỷ lệ quá hạn',
  ];
  const nums = (c: CommuneTotal) => [
    c.total,
    c.done,
    c.onTrack,
    c.overdue,
    c.noDeadline,
    c.missingLead,
    c.doneRate,
    c.overdueRate,
  ];
  const rows: (string | number)[][] = [];
  const tables: { title: number; header: number; first: number; last: number }[] = [];
  const table = (title: string, header: string[], body: (string | number)[][]) => {
    const t = rows.length;
    rows.push([title]);
    rows.push(header);
    body.forEach((b) => rows.push(b));
    tables.push({ title: t, header: t + 1, first: t + 2, last: t + 1 + body.length });
    rows.push([]);
  };
  rows.push([`TỔNG HỢP TIẾN ĐỘ CHUYỂN ĐỔI SỐ CÁC XÃ, PHƯỜNG — tính đến ${viDate(r.today)}`]);
  rows.push([`${r.communes.length} xã đọc được, ${r.failures.length} xã không đọc được.`]);
  rows.push([]);
  table(
    '1. Tổng hợp theo xã (xếp theo tỷ lệ quá hạn)',
    ['Xã/phường', 'Tính đến', ...head],
    r.communes.map((c) => [c.commune, viDate(c.asOf), ...nums(c)]),
  );
  table(
    '2. Tổng hợp theo trụ cột (tất cả các xã)',
    ['Trụ cột', '', ...head],
    r.pillars.map((p) => [p.commune, '', ...nums(p)]),
  );
  table(
    '3. Chi tiết theo xã và trụ cột',
    ['Xã/phường', 'Trụ cột', ...head, 'Tính đến'],
    r.detail.map((d) => [d.commune, d.pillar, ...nums(d), viDate(d.asOf)]),
  );
  table(
    '4. Các xã không đọc được',
    ['Xã/phường', 'Nguồn', 'Lý do'],
    r.failures.map((f) => [f.name, f.source, f.reason]),
  );
  const width = Math.max(...rows.map((x) => x.length));
  return { rows: rows.map((x) => [...x, ...new Array<string>(width - x.length).fill('')]), tables };
}
