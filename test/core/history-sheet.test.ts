/**
 * The hidden history sheet read back after someone edited it, and snapshots kept for years:
 * every row that breaks a rule of the format is dropped and counted, the sheet's version decides
 * whether it is ours to rewrite, rows come back in date order, and the months kept are bounded.
 */
import { checkSheet } from '../../src/core/check';
import {
  HISTORY_TAG,
  KEEP_MONTHS,
  historyRows,
  monthlyOverdue,
  previousSnapshot,
  readHistory,
  recordSnapshot,
  snapshotOf,
  type Snapshot,
} from '../../src/core/history';
import type { CellValue } from '../../src/core/grid';
import { sheet } from '../helpers/grid';

const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Trạng thái'];
const ROWS: CellValue[][] = [
  ['I', 'Nhận thức số'],
  ['1', 'Tuyên truyền', 'Phòng VH-XH', '30/11/2026', 'Đang thực hiện'],
  ['2', 'Tập huấn', 'Phòng Kinh tế', '15/12/2026', 'Hoàn thành'],
];
const snap = (date = '2026-12-20'): Snapshot =>
  snapshotOf(checkSheet(sheet(ROWS, HEADER, 'KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2026'), { today: date }));
const row = (s: Snapshot, edit: Record<string, unknown> = {}): string[] => [
  JSON.stringify({ v: 1, ...s, ...edit }),
  '',
  '',
];
const dropped = (n: number) =>
  `Trang “Lịch sử kiểm tra” (ẩn) có ${n} dòng hỏng hoặc không đúng mẫu: đã bỏ qua các dòng đó.`;
const head = (): string[] => historyRows([])[0] as string[];

describe('a snapshot', () => {
  it('holds the day, the sheet, the year, the pillars with tasks, the total and the units', () => {
    expect(snap()).toEqual({
      date: '2026-12-20',
      sheet: 'Phân công',
      planYear: 2026,
      pillars: [{ name: 'Nhận thức số', total: 2, done: 1, overdue: 1, dueSoon: 0 }],
      total: { total: 2, done: 1, overdue: 1, dueSoon: 0 },
      units: [
        { name: 'Phòng VH-XH', total: 1, done: 0, overdue: 1, dueSoon: 0 },
        { name: 'Phòng Kinh tế', total: 1, done: 1, overdue: 0, dueSoon: 0 },
      ],
    });
  });

  it('cuts a sheet name longer than the format allows, so it reads back', () => {
    const long = {
      ...sheet(ROWS, HEADER, 'KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2026'),
      name: 'T'.repeat(400),
    };
    const s = snapshotOf(checkSheet(long, { today: '2026-12-20' }));
    expect(s.sheet).toBe('T'.repeat(300));
    expect(readHistory(historyRows([s])).snapshots).toEqual([s]);
  });
});

describe('a plan naming very many long units', () => {
  it('keeps its snapshot in one cell (50,000 characters): the most overdue units first, the rest left out', () => {
    const rows: CellValue[][] = [['I', 'Nhận thức số']];
    for (let i = 0; i < 300; i++)
      rows.push([
        String(i + 1),
        `Nhiệm vụ ${i + 1}`,
        `Tổ công nghệ số cộng đồng ấp ${i + 1} ${'x'.repeat(150)}`,
        i < 5 ? '30/11/2026' : '31/12/2026',
        '',
      ]);
    const result = checkSheet(sheet(rows, HEADER, 'KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2026'), {
      today: '2026-12-20',
    });
    expect(result.units).toHaveLength(300);
    const s = snapshotOf(result);
    const cell = historyRows([s])[1]?.[0] as string;
    expect(cell.length).toBeLessThanOrEqual(50_000);
    expect(s.units.length).toBeGreaterThan(100);
    expect(s.units.length).toBeLessThan(300);
    expect(s.units.slice(0, 5).map((u) => u.overdue)).toEqual([1, 1, 1, 1, 1]);
    expect(readHistory(historyRows([s]))).toEqual({ snapshots: [s], notes: [] });
  });
});

describe('rows that break the format', () => {
  it('are dropped and counted: counts out of range or not whole, an empty name, a year out of range, too many rows in a list', () => {
    const s = snap();
    const unit = { name: 'Phòng Kinh tế', total: 1, done: 0, overdue: 0, dueSoon: 0 };
    const bad = [
      row(s, { total: { total: -1, done: 0, overdue: 0, dueSoon: 0 } }),
      row(s, { total: { total: 2.5, done: 0, overdue: 0, dueSoon: 0 } }),
      row(s, { total: { total: 100_001, done: 0, overdue: 0, dueSoon: 0 } }),
      row(s, { total: { total: 2, done: 0, overdue: 0, dueSoon: 3 } }),
      row(s, { units: [{ ...unit, name: '' }] }),
      row(s, { units: [{ ...unit, name: 'P'.repeat(301) }] }),
      row(s, { units: [{ ...unit, done: 1, overdue: 1 }] }),
      row(s, { planYear: 1999 }),
      row(s, { planYear: 2101 }),
      row(s, { planYear: 2026.5 }),
      row(s, { sheet: 'T'.repeat(301) }),
      row(s, { pillars: Array.from({ length: 81 }, () => ({ ...unit, name: 'Nhận thức số' })) }),
      row(s, { units: Array.from({ length: 401 }, (_, i) => ({ ...unit, name: `Đơn vị ${i}` })) }),
      row(s, { v: 2 }),
      row(s, { date: '20/12/2026' }),
    ];
    const read = readHistory([head(), ...bad]);
    expect(read.snapshots).toEqual([]);
    expect(read.notes).toEqual([dropped(bad.length)]);
  });

  it('keeps rows at the limits: zero counts, a year 2000 or 2100, 80 pillars, 400 units, names of 300', () => {
    const s = snap();
    const unit = { name: 'P'.repeat(300), total: 100_000, done: 0, overdue: 0, dueSoon: 100_000 };
    const short = { ...unit, name: 'Tổ CNSCĐ' };
    const edge = [
      row(s, { date: '2026-01-01', planYear: 2000, total: { total: 0, done: 0, overdue: 0, dueSoon: 0 } }),
      row(s, { date: '2026-01-02', planYear: 2100, units: Array.from({ length: 400 }, () => short) }),
      row(s, { date: '2026-01-03', pillars: Array.from({ length: 80 }, () => unit) }),
    ];
    const read = readHistory([head(), ...edge]);
    expect(read.notes).toEqual([]);
    expect(read.snapshots.map((x) => x.date)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
  });

  it('drops a cell too long to be ours, and counts rows past the two thousandth', () => {
    const s = snap();
    const huge = [JSON.stringify({ v: 1, ...s, pad: 'x'.repeat(50_000) }), '', ''];
    expect(readHistory([head(), huge]).notes).toEqual([dropped(1)]);
    const many = Array.from({ length: 2_003 }, (_, i) =>
      row(s, { date: `2026-01-01`, sheet: `Trang ${String(i).padStart(4, '0')}` }),
    );
    const read = readHistory([head(), ...many]);
    expect(read.snapshots).toHaveLength(2_000);
    expect(read.notes).toEqual([dropped(3)]);
  });

  it('skips empty rows without a note', () => {
    expect(readHistory([head(), ['', '', ''], [null, '', ''], row(snap())])).toEqual({
      snapshots: [snap()],
      notes: [],
    });
  });
});

describe('the sheet’s version', () => {
  const broken =
    'Trang “Lịch sử kiểm tra” (ẩn) bị hỏng hoặc không đúng mẫu: bỏ qua, lịch sử kiểm tra bắt đầu lại từ lần này.';
  it('an older or unreadable version is broken: not kept, not marked newer', () => {
    for (const version of ['v0', 'version 2', '', 'v1.5'])
      expect([version, readHistory([[HISTORY_TAG, version, ''], row(snap())])]).toEqual([
        version,
        { snapshots: [], notes: [broken] },
      ]);
  });

  it('a newer version is kept as it is, and said so', () => {
    const read = readHistory([[HISTORY_TAG, 'v2', ''], row(snap())]);
    expect(read.newer).toBe(true);
    expect(read.snapshots).toEqual([]);
  });

  it('the tag is read with spaces around it, and a sheet with only blanks is no history and no fault', () => {
    expect(readHistory([[` ${HISTORY_TAG} `, ' v1 ', ''], row(snap())]).snapshots).toHaveLength(1);
    expect(
      readHistory([
        [null, undefined, ''],
        ['', null],
      ]),
    ).toEqual({ snapshots: [], notes: [] });
    expect(
      readHistory([
        [null, undefined, ''],
        ['', 'x'],
      ]).notes,
    ).toEqual([broken]);
  });
});

describe('order and keeping', () => {
  it('reads rows back in date order, then by sheet', () => {
    const a = { ...snap('2026-12-20'), sheet: 'B' };
    const b = { ...snap('2026-12-20'), sheet: 'A' };
    const c = snap('2026-11-01');
    const read = readHistory([head(), row(a), row(b), row(c)]);
    expect(read.snapshots.map((s) => [s.date, s.sheet])).toEqual([
      ['2026-11-01', 'Phân công'],
      ['2026-12-20', 'A'],
      ['2026-12-20', 'B'],
    ]);
  });

  it(`keeps the last snapshot of at most ${KEEP_MONTHS} earlier months, per sheet`, () => {
    let history: Snapshot[] = [];
    for (let m = 0; m < 40; m++) {
      const date = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-15`;
      history = recordSnapshot(history, { ...snap(date), date });
    }
    history = recordSnapshot(history, { ...snap('2026-01-01'), sheet: 'Khác', date: '2026-01-01' });
    const mine = history.filter((s) => s.sheet === 'Phân công').map((s) => s.date);
    // Within 62 days of the newest (2026-04-15): February, March, April; then 36 months before.
    expect(mine.at(-1)).toBe('2026-04-15');
    expect(mine).toHaveLength(39);
    expect(mine[0]).toBe('2023-02-15');
    expect(history.filter((s) => s.sheet === 'Khác')).toHaveLength(1);
    expect(monthlyOverdue(history, 'Phân công', 3).map((p) => p.label)).toEqual([
      '02/2026',
      '03/2026',
      '04/2026',
    ]);
  });

  it('compares with the latest earlier day of the same sheet', () => {
    const list = [
      snap('2026-10-01'),
      snap('2026-11-01'),
      { ...snap('2026-11-20'), sheet: 'Khác' },
      snap('2026-12-20'),
    ];
    expect(previousSnapshot(list, 'Phân công', '2026-12-20')?.date).toBe('2026-11-01');
    expect(previousSnapshot(list, 'Phân công', '2026-10-01')).toBeNull();
  });
});
