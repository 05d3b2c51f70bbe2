/** The status sheet the commune sends the city: what it says, where, and the chart over it. */
import { checkSheet } from '../../src/core/check';
import { COUNT_LABELS, STATUS_TABLE_KEYS } from '../../src/core/labels';
import { CHART_CLASSES, DATA_TAG, STATUS_TITLE, statusReportOf, toRows } from '../../src/core/status-report';
import { generatedPlan } from '../../src/tools/bench';

// Built inside each test, never at load time: mutation testing credits a line only to the tests
// that run it.
const made = () => {
  const result = checkSheet(generatedPlan(30), { today: '2026-12-10', dueSoonDays: 7 });
  const report = statusReportOf(result, {
    commune: '  Xã   An Bình ',
    planName: 'Kế hoạch số 12/KH-UBND',
    asOfTime: '09:30',
  });
  return { result, report, layout: toRows(report) };
};

describe('statusReportOf', () => {
  it('carries the commune (spaces collapsed) and its key, the day and time, the window and the counts', () => {
    const { result, report } = made();
    expect(report).toMatchObject({
      version: 2,
      commune: 'Xã An Bình',
      communeKey: 'an binh',
      planName: 'Kế hoạch số 12/KH-UBND',
      planYear: 2025,
      asOf: '2026-12-10',
      asOfTime: '09:30',
      dueSoonDays: 7,
      sheet: 'Phân công',
      tasks: 30,
    });
    expect(report.rows.map((r) => r.pillar)).toEqual(result.pivot.slice(0, -1).map((r) => r.pillar));
    expect(report.total.pillar).toBe('Tổng cộng');
    expect(report.total.total).toBe(30);
  });

  it('cuts names no sheet should hold whole', () => {
    const { result } = made();
    const long = statusReportOf(result, { commune: 'X'.repeat(150), planName: 'K'.repeat(400) });
    expect([long.commune.length, long.planName.length, long.asOfTime]).toEqual([100, 300, null]);
  });
});

describe('toRows', () => {
  it('titles the sheet and lists commune, plan, year, as of and the due-soon window', () => {
    const { layout } = made();
    expect(layout.rows[0]?.[0]).toBe(STATUS_TITLE);
    expect(layout.rows.slice(layout.firstMetaRow, layout.lastMetaRow + 1).map((r) => r.slice(0, 2))).toEqual([
      ['Xã/phường:', 'Xã An Bình'],
      ['Kế hoạch:', 'Kế hoạch số 12/KH-UBND'],
      ['Năm kế hoạch:', 2025],
      ['Tính đến:', { date: '2026-12-10', time: '09:30' }],
      [`${COUNT_LABELS.dueSoon.long}:`, 'đến hạn trong 7 ngày tới'],
    ]);
    expect(layout.asOfCell).toEqual({ row: layout.firstMetaRow + 3, column: 1 });
  });

  it('says when the commune and the plan have no name', () => {
    const { report } = made();
    const r = toRows({ ...report, commune: '', planName: '' });
    expect(r.rows[r.firstMetaRow]?.[1]).toBe('(chưa ghi tên xã)');
    expect(r.rows[r.firstMetaRow + 1]?.[1]).toBe('(không rõ tên kế hoạch)');
  });

  it('has one row per pillar and the total, each count under its label', () => {
    const { report, layout } = made();
    expect(layout.rows[layout.headerRow]).toEqual([
      'Trụ cột',
      ...STATUS_TABLE_KEYS.map((k) => COUNT_LABELS[k].long),
    ]);
    expect(layout.totalRow - layout.firstPivotRow + 1).toBe(report.rows.length + 1);
    const total = layout.rows[layout.totalRow] ?? [];
    expect(total[0]).toBe('Tổng cộng');
    STATUS_TABLE_KEYS.forEach((k, i) => expect(total[i + 1]).toBe(report.total[k]));
    expect(layout.rateColumns).toEqual([1 + STATUS_TABLE_KEYS.indexOf('doneRate')]);
    expect(layout.widths).toHaveLength(layout.width);
    expect(layout.rows.every((r) => r.length === layout.width)).toBe(true);
  });

  it('explains the classes with the window actually used, then the sheet and its number of tasks', () => {
    const { report, layout } = made();
    const legend = String(layout.rows[layout.legendRow]?.[0]);
    expect(legend).toMatch(/= đến hạn trong 7 ngày tới\./);
    expect(legend).not.toMatch(/14 ngày/);
    expect(legend).toMatch(/Trang tính “Phân công”, 30 nhiệm vụ;/);
    expect(String(toRows({ ...report, dueSoonDays: 0 }).rows[layout.legendRow]?.[0])).toMatch(
      /= đến hạn hôm nay\./,
    );
  });

  it('ends with the data row the city reads', () => {
    const { report, layout } = made();
    expect(layout.rows[layout.dataRow]?.slice(0, 2)).toEqual([DATA_TAG, JSON.stringify(report)]);
    expect(layout.changes).toBeNull();
  });

  it('charts the pillar rows, not the total, by class in their colours', () => {
    const { layout } = made();
    expect(layout.chart).toMatchObject({
      headerRow: layout.headerRow,
      lastRow: layout.totalRow - 1,
      labelColumn: 0,
    });
    expect(layout.chart.series).toEqual(
      CHART_CLASSES.map((c) => ({ column: 1 + STATUS_TABLE_KEYS.indexOf(c.key), color: c.color })),
    );
    for (const s of layout.chart.series) expect(layout.rows[layout.headerRow]?.[s.column]).not.toBe('');
  });
});
