/**
 * The city's "Tổng hợp" sheet as a layout: rows of values and where each table, header, share
 * column and class column lies, so the add-on and the .xlsx writer format it the same way.
 */
import { viDay } from './dates';
import { COUNT_LABELS, WORDS, type CountKey } from './labels';
import type { CommuneTotal, Rollup } from './rollup';
import { CHART_CLASSES, type ChartModel } from './status-report';

export const ROLLUP_SHEET_NAME = 'Tổng hợp';
export const COMMUNE_LIST_SHEET_NAME = 'Danh sách xã';
export const COMMUNE_LIST_HEADER = ['Tên xã/phường', 'Đường dẫn bảng trạng thái'];

export interface RollupTable {
  /** 0-based rows of the table's title, header, first and last body rows (last < first when empty). */
  title: number;
  header: number;
  first: number;
  last: number;
}

export interface RollupLayout {
  rows: (string | number)[][];
  width: number;
  tables: RollupTable[];
  /** 0-based columns of shares, and of the class counts (done, on track, overdue) to colour. */
  rateColumns: number[];
  classColumns: { done: number; onTrack: number; overdue: number; noDeadline: number };
  widths: number[];
  /** The stacked bars of the pillar table (the status sheet's classes and colours), when it has rows. */
  chart: ChartModel | null;
}

type ChartClass = (typeof CHART_CLASSES)[number]['key'];
const COLORS = Object.fromEntries(CHART_CLASSES.map((c) => [c.key, c.color])) as Record<ChartClass, string>;
const color = (key: ChartClass): string => COLORS[key];

const KEYS: CountKey[] = [
  'total',
  'done',
  'onTrack',
  'overdue',
  'noDeadline',
  'dueSoon',
  'missingLead',
  'doneRate',
  'overdueRate',
];

export function rollupLayout(r: Rollup): RollupLayout {
  const head = KEYS.map((k) => COUNT_LABELS[k].long);
  const nums = (c: CommuneTotal) => KEYS.map((k) => c[k as keyof CommuneTotal] as number);
  const width = 2 + KEYS.length + 1;
  const pad = (cells: (string | number)[]) => [
    ...cells,
    ...new Array<string>(Math.max(0, width - cells.length)).fill(''),
  ];
  const rows: (string | number)[][] = [];
  const tables: RollupTable[] = [];
  const table = (title: string, header: string[], body: (string | number)[][]) => {
    const t = rows.length;
    rows.push(pad([title]));
    rows.push(pad(header));
    body.forEach((b) => rows.push(pad(b)));
    tables.push({ title: t, header: t + 1, first: t + 2, last: t + 1 + body.length });
    rows.push(pad([]));
  };
  rows.push(
    pad([`TỔNG HỢP TIẾN ĐỘ CHUYỂN ĐỔI SỐ CÁC XÃ, PHƯỜNG — ${WORDS.asOf.toLowerCase()} ${viDay(r.today)}`]),
  );
  rows.push(
    pad([
      `${r.communes.length} xã đọc được, ${r.failures.length} nguồn không tính (xem bảng 4). Số liệu cũ hơn ${r.staleDays} ngày không được tính.`,
    ]),
  );
  rows.push(pad([]));
  table(
    '1. Tổng hợp theo xã (xếp theo tỷ lệ quá hạn)',
    [WORDS.commune, WORDS.asOf, ...head],
    r.communes.map((c) => [c.commune, viDay(c.asOf), ...nums(c)]),
  );
  table(
    '2. Tổng hợp theo trụ cột (tất cả các xã)',
    [WORDS.pillar, '', ...head],
    r.pillars.map((p) => [p.commune, '', ...nums(p)]),
  );
  table(
    '3. Chi tiết theo xã và trụ cột',
    [WORDS.commune, WORDS.pillar, ...head, WORDS.asOf],
    r.detail.map((d) => [d.commune, d.pillar, ...nums(d), viDay(d.asOf)]),
  );
  table(
    '4. Các nguồn không tính',
    [WORDS.commune, 'Nguồn', 'Lý do'],
    r.failures.map((f) => [f.name, f.source, f.reason]),
  );
  const col = (k: CountKey) => 2 + KEYS.indexOf(k);
  const pillars = tables[1];
  return {
    rows,
    width,
    tables,
    rateColumns: [col('doneRate'), col('overdueRate')],
    classColumns: {
      done: col('done'),
      onTrack: col('onTrack'),
      overdue: col('overdue'),
      noDeadline: col('noDeadline'),
    },
    widths: [30, 24, ...KEYS.map(() => 11), 12],
    chart:
      pillars && pillars.last >= pillars.first
        ? {
            title: 'Tiến độ theo trụ cột, tất cả các xã',
            headerRow: pillars.header,
            lastRow: pillars.last,
            labelColumn: 0,
            series: [
              { column: col('done'), color: color('done') },
              { column: col('onTrack'), color: color('onTrack') },
              { column: col('overdue'), color: color('overdue') },
              // Without a due date, in the grey of recurring tasks (the roll-up does not split them).
              { column: col('noDeadline'), color: color('recurring') },
            ],
          }
        : null,
  };
}
