/**
 * The city's "Tổng hợp" sheet cell by cell, for a roll-up of one commune with one pillar: what
 * the city officer reads in each row, the blank cells and rows between tables, the column
 * widths, and the chart over a pillar table of a single row.
 */
import type { CommuneTotal, Rollup } from '../../src/core/rollup';
import { rollupLayout } from '../../src/core/rollup-sheet';
import { COUNT_LABELS } from '../../src/core/labels';
import { CHART_CLASSES } from '../../src/core/status-report';

const counts = {
  total: 10,
  done: 4,
  onTrack: 2,
  overdue: 3,
  noDeadline: 1,
  dueSoon: 2,
  missingLead: 1,
  doneRate: 0.4,
  overdueRate: 0.3,
};
const nums = [10, 4, 2, 3, 1, 2, 1, 0.4, 0.3];
const head = [
  COUNT_LABELS.total.long,
  COUNT_LABELS.done.long,
  COUNT_LABELS.onTrack.long,
  COUNT_LABELS.overdue.long,
  COUNT_LABELS.noDeadline.long,
  COUNT_LABELS.dueSoon.long,
  COUNT_LABELS.missingLead.long,
  COUNT_LABELS.doneRate.long,
  COUNT_LABELS.overdueRate.long,
];
const colorOf = (key: string) => CHART_CLASSES.find((c) => c.key === key)?.color;
const blank = (n: number) => new Array<string>(n).fill('');

describe('rollupLayout, cell by cell', () => {
  let r: Rollup;
  beforeEach(() => {
    const commune: CommuneTotal = { commune: 'Xã An Bình', asOf: '2026-12-10', ...counts };
    r = {
      today: '2026-12-20',
      staleDays: 45,
      communes: [commune],
      pillars: [{ ...commune, commune: 'Nhận thức số' }],
      detail: [{ ...commune, pillar: 'Nhận thức số' }],
      failures: [{ name: 'Xã Hỏng', source: 'hong.xlsx', reason: 'Tệp không đọc được' }],
    };
  });

  it('writes every row in full, blanks included', () => {
    const layout = rollupLayout(r);
    expect(layout.width).toBe(12);
    expect(layout.rows).toEqual([
      ['TỔNG HỢP TIẾN ĐỘ CHUYỂN ĐỔI SỐ CÁC XÃ, PHƯỜNG — tính đến 20/12/2026', ...blank(11)],
      [
        '1 xã đọc được, 1 nguồn không tính (xem bảng 4). Số liệu cũ hơn 45 ngày không được tính.',
        ...blank(11),
      ],
      blank(12),
      ['1. Tổng hợp theo xã (xếp theo tỷ lệ quá hạn)', ...blank(11)],
      ['Xã/phường', 'Tính đến', ...head, ''],
      ['Xã An Bình', '10/12/2026', ...nums, ''],
      blank(12),
      ['2. Tổng hợp theo trụ cột (tất cả các xã)', ...blank(11)],
      ['Trụ cột', '', ...head, ''],
      ['Nhận thức số', '', ...nums, ''],
      blank(12),
      ['3. Chi tiết theo xã và trụ cột', ...blank(11)],
      ['Xã/phường', 'Trụ cột', ...head, 'Tính đến'],
      ['Xã An Bình', 'Nhận thức số', ...nums, '10/12/2026'],
      blank(12),
      ['4. Các nguồn không tính', ...blank(11)],
      ['Xã/phường', 'Nguồn', 'Lý do', ...blank(9)],
      ['Xã Hỏng', 'hong.xlsx', 'Tệp không đọc được', ...blank(9)],
      blank(12),
    ]);
    expect(layout.widths).toEqual([30, 24, 11, 11, 11, 11, 11, 11, 11, 11, 11, 12]);
  });

  it('charts a pillar table of one row, grey for tasks without a due date', () => {
    const chart = rollupLayout(r).chart;
    expect(chart).toEqual({
      title: 'Tiến độ theo trụ cột, tất cả các xã',
      headerRow: 8,
      lastRow: 9,
      labelColumn: 0,
      series: [
        { column: 3, color: colorOf('done') },
        { column: 4, color: colorOf('onTrack') },
        { column: 5, color: colorOf('overdue') },
        { column: 6, color: colorOf('recurring') },
      ],
    });
  });
});
