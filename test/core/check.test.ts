/** One check of a sheet: the commune's own name in unit names, and the counts by severity. */
import { checkSheet, countBySeverity } from '../../src/core/check';
import { sheet } from '../helpers/grid';

const H = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Trạng thái'];
const rows = [
  ['1', 'Số hóa hồ sơ', 'UBND xã An Bình', '', 'Quý IV/2025'],
  ['2', 'Tập huấn', 'UBND xã', '', 'Quý IV/2025'],
];

describe('checkSheet', () => {
  test('with the commune’s name, “UBND xã An Bình” and “UBND xã” are one unit to chase', () => {
    const named = checkSheet(sheet(rows, H), { today: '2025-10-20', commune: 'An Bình' });
    const unnamed = checkSheet(sheet(rows, H), { today: '2025-10-20' });
    const units = (r: typeof named) => r.units.filter((u) => u.kind === 'unit').map((u) => u.total);
    expect(units(named)).toEqual([2]);
    expect(units(unnamed)).toEqual([1, 1]);
  });
});

describe('countBySeverity', () => {
  test('counts errors, warnings and notes as the summary line shows them', () => {
    const result = checkSheet(
      sheet(
        [
          ['1', 'Số hóa hồ sơ', '', '', 'Quý IV/2025'],
          ['2', 'Tập huấn', 'Công an xã', '', ''],
          ['3', 'Lắp camera', 'Công an xã', '', '22/10/2025'],
          ['4', 'Sơ kết', '', '', 'Ngày mai'],
        ],
        H,
      ),
      { today: '2025-10-20' },
    );
    expect(countBySeverity(result.findings)).toEqual({ error: 2, warning: 2, info: 1 });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});
