/** The sheet "Theo đơn vị" as the officer reads it: who to chase, how late, and what moved since. */
import { checkSheet } from '../../src/core/check';
import { followUpOf } from '../../src/core/history';
import { UNIT_SHEET_TAG, unitSheetLayout, unitTableHeader } from '../../src/core/unit-sheet';
import { sheet } from '../helpers/grid';

const H = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Trạng thái'];
const check = (today: string) =>
  checkSheet(
    sheet(
      [
        ['1', 'Tuyên truyền', 'Phòng VH-XH', '30/11/2026', 'Đang thực hiện'],
        ['2', 'Tập huấn', 'Công an xã', '15/12/2026', ''],
        ['3', 'Lắp camera', 'Công an xã', '10/11/2026', ''],
        ['4', 'Sơ kết', '', 'Thường xuyên', ''],
      ],
      H,
    ),
    { today },
  );

const blank = (n: number) => new Array<string>(n).fill('');

describe('unitSheetLayout', () => {
  test('with an earlier check: title, commune, as of, window, the table with the change, the note, the tag', () => {
    const earlier = followUpOf([], check('2026-11-15'));
    const result = check('2026-12-20');
    const { diff } = followUpOf(earlier.snapshots, result);
    const out = unitSheetLayout(result, { commune: 'An Bình', asOf: '2026-12-20', asOfTime: '09:30' }, diff);
    expect(out.rows).toEqual([
      ['TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CHUYỂN ĐỔI SỐ THEO ĐƠN VỊ CHỦ TRÌ', ...blank(8)],
      ['Xã/phường:', 'An Bình', ...blank(7)],
      ['Tính đến:', { date: '2026-12-20', time: '09:30' }, ...blank(7)],
      ['Sắp đến hạn:', 'đến hạn trong 14 ngày tới', ...blank(7)],
      blank(9),
      [
        'Đơn vị chủ trì',
        'Tổng số nhiệm vụ',
        'Đã hoàn thành',
        'Chưa xong, còn hạn',
        'Quá hạn',
        'Sắp đến hạn',
        'Không có hạn cụ thể',
        'Quá hạn lâu nhất (ngày)',
        'Quá hạn tăng (+) / giảm (−) so với 15/11/2026',
      ],
      ['Công an xã', 2, 0, 0, 2, 0, 0, 40, 1],
      ['Phòng VH-XH', 1, 0, 0, 1, 0, 0, 20, 1],
      ['(Chưa có đơn vị chủ trì)', 1, 0, 0, 0, 0, 1, '', 0],
      blank(9),
      [
        'Đơn vị có nhiệm vụ quá hạn lên đầu. Một nhiệm vụ giao cho hai đơn vị được tính ở cả hai. Sửa cách gộp tên đơn vị ở trang “Đơn vị”.',
        ...blank(8),
      ],
      [UNIT_SHEET_TAG, ...blank(8)],
    ]);
    expect(out).toMatchObject({
      width: 9,
      titleRow: 0,
      firstMetaRow: 1,
      lastMetaRow: 3,
      headerRow: 5,
      firstUnitRow: 6,
      lastUnitRow: 8,
      noteRow: 10,
      markerRow: 11,
      asOfCell: { row: 2, column: 1 },
      overdueColumn: 4,
      changeColumn: 8,
      widths: [40, 10, 11, 11, 10, 10, 11, 12, 16],
    });
    expect(out.rows[out.headerRow]?.[out.overdueColumn]).toBe('Quá hạn');
  });

  test('a first check: no change column; an unnamed commune says so; no time when none is known', () => {
    const out = unitSheetLayout(check('2026-12-20'), { commune: '', asOf: '2026-12-20' });
    expect(out.width).toBe(8);
    expect(out.changeColumn).toBeNull();
    expect(out.widths).toEqual([40, 10, 11, 11, 10, 10, 11, 12]);
    expect(out.rows[1]).toEqual(['Xã/phường:', '(chưa ghi tên xã)', ...blank(6)]);
    expect(out.rows[2]).toEqual(['Tính đến:', { date: '2026-12-20', time: null }, ...blank(6)]);
    expect(out.rows[out.firstUnitRow]).toEqual(['Công an xã', 2, 0, 0, 2, 0, 0, 40]);
    expect(out.rows.every((r) => r.length === 8)).toBe(true);
  });

  test('the short header names the unit column in one word, for the terminal and the page', () => {
    expect(unitTableHeader('short')[0]).toBe('Đơn vị');
    expect(unitTableHeader('long')[0]).toBe('Đơn vị chủ trì');
    expect(unitTableHeader('short')).toHaveLength(8);
  });
});
