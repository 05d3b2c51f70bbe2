/**
 * What changed since the last check: snapshots one per sheet and day, the difference with the
 * previous day's, the monthly series, and a hidden sheet read back believing nothing.
 */
import fc from 'fast-check';
import { checkSheet } from '../../src/core/check';
import {
  HISTORY_TAG,
  KEEP_DAYS,
  followUpOf,
  historyRows,
  monthlyOverdue,
  readHistory,
  recordSnapshot,
  sinceLine,
  snapshotOf,
  type Snapshot,
} from '../../src/core/history';
import { DATA_TAG, fromRows, statusReportOf, toRows } from '../../src/core/status-report';
import type { CellValue } from '../../src/core/grid';
import { sheet } from '../helpers/grid';

/** The value, or a failed test when it is missing. */
function must<T>(v: T | null | undefined): T {
  if (v === null || v === undefined) throw new Error('missing');
  return v;
}

const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Trạng thái'];

/** A plan whose task 1 is done from `done1` on (status cell), the rest as written. */
function plan(task1Status: string): ReturnType<typeof sheet> {
  const rows: CellValue[][] = [
    ['I', 'Nhận thức số'],
    ['1', 'Tuyên truyền trên trang thông tin điện tử', 'Phòng VH-XH', '30/11/2026', task1Status],
    ['2', 'Tập huấn kỹ năng số cho cán bộ', 'Phòng Văn hóa - Xã hội', '15/12/2026', 'Đang thực hiện'],
    ['II', 'Kinh tế số'],
    ['3', 'Đưa sản phẩm OCOP lên sàn thương mại điện tử', 'Phòng Kinh tế', '31/10/2026', 'Đang thực hiện'],
    ['4', 'Thanh toán không dùng tiền mặt', 'Phòng Kinh tế; Công an xã', 'Quý IV/2026', ''],
  ];
  return sheet(rows, HEADER, 'KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2026');
}

const check = (today: string, task1 = 'Đang thực hiện') => checkSheet(plan(task1), { today });

describe('three checks on different days', () => {
  it('says what became overdue and what became done, per pillar and in one line', () => {
    // 15/10: nothing late. 15/11: task 3 (Kinh tế số) is late. 20/12: task 2 (Nhận thức số) is
    // late too, and task 1 (Nhận thức số) was reported done.
    const first = followUpOf([], check('2026-10-15'));
    expect(first.diff).toBeNull();
    expect(first.line).toBeNull();
    const second = followUpOf(first.snapshots, check('2026-11-15'));
    expect(second.line).toBe('Từ lần kiểm tra 15/10: +1 quá hạn, 0 hoàn thành');
    const third = followUpOf(second.snapshots, check('2026-12-20', 'Hoàn thành'));
    expect(third.snapshots.map((s) => s.date)).toEqual(['2026-10-15', '2026-11-15', '2026-12-20']);
    expect(third.diff?.since).toBe('2026-11-15');
    expect(third.diff?.pillars).toEqual([
      {
        name: 'Nhận thức số',
        overdueBefore: 0,
        overdueNow: 1,
        overdue: 1,
        doneBefore: 0,
        doneNow: 1,
        done: 1,
      },
      { name: 'Kinh tế số', overdueBefore: 1, overdueNow: 1, overdue: 0, doneBefore: 0, doneNow: 0, done: 0 },
    ]);
    expect(third.diff?.total).toMatchObject({ overdue: 1, done: 1 });
    expect(third.line).toBe('Từ lần kiểm tra 15/11: +1 quá hạn, +1 hoàn thành');
    // By unit too: the culture office has one more late task.
    expect(third.diff?.units.find((u) => u.name.startsWith('Phòng V'))).toMatchObject({
      overdueBefore: 0,
      overdueNow: 1,
    });
    expect(third.monthly).toEqual([
      { month: '2026-10', label: '10/2026', overdue: 0 },
      { month: '2026-11', label: '11/2026', overdue: 1 },
      { month: '2026-12', label: '12/2026', overdue: 2 },
    ]);
  });

  it('keeps one snapshot per day: a second check the same day replaces it and compares with the day before', () => {
    const a = followUpOf([], check('2026-11-15'));
    const b = followUpOf(a.snapshots, check('2026-12-20'));
    const again = followUpOf(b.snapshots, check('2026-12-20', 'Hoàn thành'));
    expect(again.snapshots.map((s) => s.date)).toEqual(['2026-11-15', '2026-12-20']);
    expect(again.snapshots[1]?.total.done).toBe(1);
    expect(again.line).toBe('Từ lần kiểm tra 15/11: +1 quá hạn, +1 hoàn thành');
  });

  it('writes the full date when the previous check was in another year, and says when nothing moved', () => {
    const a = followUpOf([], check('2025-12-30'));
    const b = followUpOf(a.snapshots, check('2026-01-05'));
    expect(b.line).toBe('Từ lần kiểm tra 30/12/2025: số quá hạn và số hoàn thành không đổi');
    expect(sinceLine({ ...must(b.diff), total: { ...must(b.diff).total, overdue: -2 } }, '2026-01-05')).toBe(
      'Từ lần kiểm tra 30/12/2025: −2 quá hạn, 0 hoàn thành',
    );
  });

  it('keeps a history per task sheet: another sheet’s checks are not compared', () => {
    const a = followUpOf([], check('2026-11-15'));
    const other = { ...check('2026-12-01'), plan: { ...check('2026-12-01').plan, sheet: 'Bản nháp' } };
    const b = followUpOf(a.snapshots, other);
    expect(b.diff).toBeNull();
    const c = followUpOf(b.snapshots, check('2026-12-20'));
    expect(c.diff?.since).toBe('2026-11-15');
  });
});

describe('the hidden sheet', () => {
  const snaps = (): Snapshot[] => {
    const a = followUpOf([], check('2026-11-15'));
    return followUpOf(a.snapshots, check('2026-12-20', 'Hoàn thành')).snapshots;
  };

  it('round-trips: rows written are read back as the same snapshots', () => {
    const rows = historyRows(snaps());
    expect(rows[0]?.slice(0, 2)).toEqual([HISTORY_TAG, 'v1']);
    expect(readHistory(rows)).toEqual({ snapshots: snaps(), notes: [] });
  });

  it('ignores a sheet that is not a history, or of a newer version, with a note; an empty one silently', () => {
    expect(readHistory([['Ghi chép của tôi']])).toEqual({
      snapshots: [],
      notes: [
        'Trang “Lịch sử kiểm tra” (ẩn) bị hỏng hoặc không đúng mẫu: bỏ qua, lịch sử kiểm tra bắt đầu lại từ lần này.',
      ],
    });
    const newer = historyRows(snaps());
    (newer[0] as string[])[1] = 'v9';
    expect(readHistory(newer).snapshots).toEqual([]);
    expect(readHistory(newer).notes[0]).toContain('phiên bản mới hơn');
    expect(readHistory([[''], ['']])).toEqual({ snapshots: [], notes: [] });
    expect(readHistory(undefined)).toEqual({ snapshots: [], notes: [] });
  });

  it('drops rows that do not validate (bad JSON, counts that do not add up, a forged date), keeps the others', () => {
    const rows: unknown[][] = historyRows(snaps());
    const good = JSON.parse(String(rows[1]?.[0]));
    rows.push(['{not json']);
    rows.push([JSON.stringify({ ...good, date: '2026-02-30' })]);
    rows.push([
      JSON.stringify({ ...good, date: '2026-12-01', total: { total: 1, done: 5, overdue: 0, dueSoon: 0 } }),
    ]);
    rows.push([JSON.stringify({ ...good, date: '2026-12-02', units: 'x' })]);
    rows.push([42, new Date()]);
    const read = readHistory(rows);
    expect(read.snapshots).toEqual(snaps());
    expect(read.notes).toEqual([
      'Trang “Lịch sử kiểm tra” (ẩn) có 5 dòng hỏng hoặc không đúng mẫu: đã bỏ qua các dòng đó.',
    ]);
  });

  it('never throws, whatever the cells hold', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(HISTORY_TAG),
      fc.constant('v1'),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ v: 1, date: '2026-01-01', x: v })),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 6 }), (values) => {
        const read = readHistory(values);
        expect(Array.isArray(read.snapshots)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('how long snapshots are kept', () => {
  it('every day of the last two months, then the last of each month', () => {
    const base = snapshotOf(check('2026-01-01'));
    let history: Snapshot[] = [];
    // A check every day of 2026.
    for (
      let d = new Date(Date.UTC(2026, 0, 1));
      d.getUTCFullYear() === 2026;
      d.setUTCDate(d.getUTCDate() + 1)
    )
      history = recordSnapshot(history, { ...base, date: d.toISOString().slice(0, 10) });
    const dates = history.map((s) => s.date);
    expect(dates.at(-1)).toBe('2026-12-31');
    expect(dates.filter((d) => d >= '2026-11-01').length).toBe(61);
    expect(dates.length).toBeLessThanOrEqual(KEEP_DAYS + 12);
    // The last day of each earlier month is kept for the monthly series.
    for (const m of ['01', '02', '06', '09'])
      expect(dates.filter((d) => d.startsWith(`2026-${m}`))).toHaveLength(1);
    expect(dates).toContain('2026-02-28');
    expect(monthlyOverdue(history, base.sheet).map((p) => p.label)).toEqual(
      Array.from({ length: 12 }, (_, i) => `${String(i + 1).padStart(2, '0')}/2026`),
    );
  });
});

describe('the status sheet with the changes below it', () => {
  it('puts the block after the data row, so every city reader still finds the table and the data where they were', () => {
    const a = followUpOf([], check('2026-11-15'));
    const result = check('2026-12-20', 'Hoàn thành');
    const b = followUpOf(a.snapshots, result);
    const report = statusReportOf(result, { commune: 'An Bình', planName: '' });
    const plain = toRows(report);
    const withChanges = toRows(report, { diff: must(b.diff), monthly: b.monthly });
    expect(plain.changes).toBeNull();
    expect(withChanges.dataRow).toBe(plain.dataRow);
    expect(withChanges.rows.slice(0, plain.rows.length)).toEqual(plain.rows);
    const block = must(withChanges.changes);
    expect(block.titleRow).toBeGreaterThan(plain.dataRow);
    const text = (rows: unknown[][]) => rows.map((r) => r.map((c) => (typeof c === 'object' ? '' : c)));
    expect(withChanges.rows[block.titleRow]?.[0]).toBe('Thay đổi so với lần kiểm tra trước (15/11/2026)');
    expect(withChanges.rows[block.firstRow]?.slice(0, 7)).toEqual(['Nhận thức số', 0, 1, 1, 0, 1, 1]);
    expect(withChanges.rows[block.totalRow]?.slice(0, 7)).toEqual(['Tổng cộng', 1, 2, 1, 0, 1, 1]);
    expect(
      withChanges.rows.slice(block.monthHeaderRow + 1, block.lastMonthRow + 1).map((r) => r.slice(0, 2)),
    ).toEqual([
      ['11/2026', 1],
      ['12/2026', 2],
    ]);
    expect(block.chart).toMatchObject({
      kind: 'column',
      headerRow: block.monthHeaderRow,
      lastRow: block.lastMonthRow,
    });
    // The city's reader (any version: the first 80 rows, the last data row) reads it as before.
    const read = fromRows(text(withChanges.rows));
    expect(read.ok && read.report).toEqual(report);
    expect(withChanges.rows.filter((r) => r[0] === DATA_TAG)).toHaveLength(1);
  });
});
