/**
 * History at its edges: names cut so they read back, pillars without tasks left out, rows that a
 * reader gives ragged, versions written oddly, cells at the size limit, the order of snapshots,
 * which snapshots are kept around the two-month line, and the changes counted both ways.
 */
import { checkSheet } from '../../src/core/check';
import {
  diffSnapshots,
  historyRows,
  monthlyOverdue,
  previousSnapshot,
  readHistory,
  recordSnapshot,
  sinceLine,
  snapshotOf,
  HISTORY_TAG,
  type Snapshot,
} from '../../src/core/history';
import type { CellValue } from '../../src/core/grid';
import { sheet } from '../helpers/grid';

const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Trạng thái'];
const TITLE = 'KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2026';
const ROWS: CellValue[][] = [
  ['I', 'Nhận thức số'],
  ['1', 'Tuyên truyền', 'Phòng VH-XH', '30/11/2026', 'Đang thực hiện'],
  ['2', 'Tập huấn', 'Phòng Kinh tế', '15/12/2026', 'Hoàn thành'],
];
const snap = (date = '2026-12-20', rows = ROWS): Snapshot =>
  snapshotOf(checkSheet(sheet(rows, HEADER, TITLE), { today: date }));
const head = (): string[] => historyRows([])[0] as string[];
const at = (s: Snapshot, date: string, sheetName = s.sheet): Snapshot => ({ ...s, date, sheet: sheetName });
const counts = (total: number, done: number, overdue: number) => ({ total, done, overdue, dueSoon: 0 });

describe('a snapshot', () => {
  it('leaves out a pillar heading with no task under it', () => {
    const s = snap('2026-12-20', [...ROWS, ['II', 'Kinh tế số']]);
    expect(s.pillars.map((p) => p.name)).toEqual(['Nhận thức số']);
  });

  it('cuts long pillar and unit names to 300 characters, so the row reads back', () => {
    const longPillar = `Nhiệm vụ khác ${'bổ sung '.repeat(50)}`.trim();
    const longUnit = `Tổ ${'x'.repeat(400)}`;
    const s = snap('2026-12-20', [
      ['I', longPillar],
      ['1', 'Tuyên truyền', longUnit, '30/11/2026', ''],
    ]);
    expect(s.pillars[0]?.name).toHaveLength(300);
    expect(s.units[0]?.name).toHaveLength(300);
    expect(readHistory(historyRows([s])).snapshots).toEqual([s]);
  });

  it('keeps at most 400 units', () => {
    const rows: CellValue[][] = [['I', 'Nhận thức số']];
    for (let i = 0; i < 401; i++)
      rows.push([String(i + 1), `Việc ${i + 1}`, `Tổ số ${i + 1}`, '31/12/2026', '']);
    expect(snap('2026-12-20', rows).units).toHaveLength(400);
  });

  it('is written as its text in the first cell and two empty cells', () => {
    const s = snap();
    expect(historyRows([s])[1]).toEqual([JSON.stringify({ v: 1, ...s }), '', '']);
  });
});

describe('reading the sheet back', () => {
  it('passes over rows a reader gives as missing or empty, first row included, without a note', () => {
    const s = snap();
    const good = historyRows([s])[1] as string[];
    expect(readHistory([undefined as unknown as unknown[], ['x']])).toEqual({
      snapshots: [],
      notes: [
        'Trang “Lịch sử kiểm tra” (ẩn) bị hỏng hoặc không đúng mẫu: bỏ qua, lịch sử kiểm tra bắt đầu lại từ lần này.',
      ],
    });
    expect(readHistory([head(), undefined as unknown as unknown[], [], good])).toEqual({
      snapshots: [s],
      notes: [],
    });
  });

  it('takes “v10” for a newer version, and “v01”, “xv2”, “v2x” for broken ones', () => {
    const rows = (v: string) => [[HISTORY_TAG, v, ''], historyRows([snap()])[1] as string[]];
    expect(readHistory(rows('v10')).newer).toBe(true);
    for (const v of ['v01', 'xv2', 'v2x']) expect([v, readHistory(rows(v)).newer]).toEqual([v, undefined]);
  });

  it('reads a cell of exactly 50,000 characters, drops one longer', () => {
    const s = snap();
    const padded = (n: number) => {
      const bare = JSON.stringify({ v: 1, ...s, pad: '' });
      return JSON.stringify({ v: 1, ...s, pad: 'x'.repeat(n - bare.length) });
    };
    expect(padded(50_000)).toHaveLength(50_000);
    expect(readHistory([head(), [padded(50_000)]]).snapshots).toEqual([s]);
    expect(readHistory([head(), [padded(50_001)]]).notes).toHaveLength(1);
  });

  it('orders snapshots by day, then by sheet, whatever the order of the rows', () => {
    const s = snap();
    const list = [
      at(s, '2026-12-20', 'D'),
      at(s, '2026-12-20', 'B'),
      at(s, '2026-11-01', 'E'),
      at(s, '2026-12-20', 'A'),
      at(s, '2026-12-21', 'A'),
      at(s, '2026-12-20', 'C'),
      at(s, '2026-10-15', 'Z'),
    ];
    const read = readHistory([head(), ...list.map((x) => historyRows([x])[1] as string[])]);
    expect(read.snapshots.map((x) => `${x.date} ${x.sheet}`)).toEqual([
      '2026-10-15 Z',
      '2026-11-01 E',
      '2026-12-20 A',
      '2026-12-20 B',
      '2026-12-20 C',
      '2026-12-20 D',
      '2026-12-21 A',
    ]);
  });
});

describe('keeping snapshots', () => {
  it('keeps another sheet’s snapshot of the same day', () => {
    const s = snap();
    const kept = recordSnapshot([at(s, '2026-12-20', 'Bản nháp')], s);
    expect(kept.map((x) => x.sheet)).toEqual(['Bản nháp', 'Phân công']);
  });

  it('keeps every day after the line 62 days back, and of the days on or before it the last of each month', () => {
    const s = snap();
    let h: Snapshot[] = [];
    for (const d of ['2026-10-29', '2026-10-30', '2026-10-31', '2026-12-31']) h = recordSnapshot(h, at(s, d));
    expect(h.map((x) => x.date)).toEqual(['2026-10-30', '2026-10-31', '2026-12-31']);
  });

  it('compares with the latest earlier day, whatever the order of the list', () => {
    const s = snap();
    const list = [at(s, '2026-12-01'), at(s, '2026-11-01'), at(s, '2026-11-20', 'Khác')];
    expect(previousSnapshot(list, 'Phân công', '2026-12-20')?.date).toBe('2026-12-01');
  });

  it('draws the monthly series of one sheet only', () => {
    const s = snap();
    const other = { ...at(s, '2026-12-25', 'Khác'), total: counts(9, 0, 9) };
    expect(monthlyOverdue([at(s, '2026-12-10'), other], 'Phân công').map((p) => p.overdue)).toEqual([1]);
  });
});

describe('what changed', () => {
  it('counts the newly done against what was done before, and lists pillars that have no task any more', () => {
    const s = snap();
    const before = {
      ...s,
      date: '2026-11-01',
      pillars: [
        { name: 'Nhận thức số', ...counts(4, 2, 1) },
        { name: 'Kinh tế số', ...counts(2, 1, 1) },
      ],
      total: counts(6, 3, 2),
    };
    const now = { ...s, pillars: [{ name: 'Nhận thức số', ...counts(4, 3, 0) }], total: counts(4, 3, 0) };
    const d = diffSnapshots(before, now);
    expect(d.pillars.map((c) => [c.name, c.done, c.overdue])).toEqual([
      ['Nhận thức số', 1, -1],
      ['Kinh tế số', -1, -1],
    ]);
    expect(d.total).toMatchObject({ doneBefore: 3, doneNow: 3, done: 0, overdue: -2 });
    expect(sinceLine(d, '2026-12-20')).toBe('Từ lần kiểm tra 01/11: −2 quá hạn, 0 hoàn thành');
    expect(sinceLine({ ...d, total: { ...d.total, overdue: 0, done: 2 } }, '2026-12-20')).toBe(
      'Từ lần kiểm tra 01/11: 0 quá hạn, +2 hoàn thành',
    );
  });
});
