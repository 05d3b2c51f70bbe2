/** A plan written out in the standard columns, row by row, as the officer gets it after an import. */
import { parsePlan } from '../../src/core/plan';
import {
  TEMPLATE_HEADER,
  TEMPLATE_VALIDATIONS,
  standardSheet,
  templateColumn,
} from '../../src/core/template';
import { sheet } from '../helpers/grid';

// The standard columns up to the pillar (the note column left out).
const header = [...TEMPLATE_HEADER.slice(0, 9)];

describe('standardSheet, row by row', () => {
  const plan = () =>
    parsePlan(
      {
        ...sheet(
          [
            [
              '1',
              'Số hóa hồ sơ',
              'Phòng VH-XH',
              'Công an xã',
              'Kho dữ liệu',
              'Tháng 11/2025',
              'Hoàn thành',
              '05/11/2025',
              'Chính quyền số',
            ],
            ['', '', 'Văn phòng', '', 'Báo cáo', 'Quý IV/2025', 'Đang thực hiện', '20/12/2025', 'Kinh tế số'],
          ],
          header,
          'KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2025',
        ),
      },
      { today: '2025-10-20' },
    );

  test('title rows merged across the table, then the header, then one row per line', () => {
    const { sheet: out, headerRow } = standardSheet(plan(), 'Phân công', ['KẾ HOẠCH', 'Năm 2025']);
    expect(out.name).toBe('Phân công');
    expect(headerRow).toBe(3);
    expect(out.values.slice(0, 2)).toEqual([
      ['KẾ HOẠCH', ...new Array(9).fill('')],
      ['Năm 2025', ...new Array(9).fill('')],
    ]);
    expect(out.merges).toEqual([
      { row: 0, column: 0, numRows: 1, numColumns: 10 },
      { row: 1, column: 0, numRows: 1, numColumns: 10 },
    ]);
    expect(out.values[2]).toEqual([...TEMPLATE_HEADER]);
  });

  test('the task’s number, text, status, completion day and pillar on its first line only', () => {
    const { sheet: out, headerRow } = standardSheet(plan(), 'Phân công');
    expect(out.values.slice(headerRow)).toEqual([
      [
        '1',
        'Số hóa hồ sơ',
        'Phòng VH-XH',
        'Công an xã',
        'Kho dữ liệu',
        'Tháng 11/2025',
        'Hoàn thành',
        '05/11/2025',
        'Chính quyền số',
        '',
      ],
      ['', '', 'Văn phòng', '', 'Báo cáo', 'Quý IV/2025', '', '', '', ''],
    ]);
  });

  test('the plan’s own title rows by default', () => {
    const { sheet: out } = standardSheet(plan(), 'Phân công');
    expect(out.values[0]?.[0]).toBe('KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2025');
  });

  test('a task with no completion day or pillar leaves those cells empty', () => {
    const p = plan();
    const t = p.tasks[0];
    if (!t) throw new Error('no task');
    t.completedOn = null;
    t.pillar = null;
    const { sheet: out, headerRow } = standardSheet(p, 'Phân công');
    expect(out.values[headerRow]?.slice(7, 9)).toEqual(['', '']);
  });
});

describe('the template’s columns and dropdowns', () => {
  test('each standard key has its column', () => {
    expect(templateColumn('stt')).toBe(0);
    expect(templateColumn('lead')).toBe(2);
    expect(templateColumn('note')).toBe(9);
    expect(TEMPLATE_HEADER[templateColumn('deadline')]).toBe('Thời gian hoàn thành');
  });

  test('status and pillar lists, a date for the completion day', () => {
    expect(TEMPLATE_VALIDATIONS.map((v) => [v.key, v.kind])).toEqual([
      ['status', 'list'],
      ['pillar', 'list'],
      ['completedOn', 'date'],
    ]);
    const status = TEMPLATE_VALIDATIONS[0];
    expect(status?.kind === 'list' && status.values).toContain('Hoàn thành');
    expect(status?.help).toMatch(/^Chọn một trong: .*Hoàn thành.*\.$/);
  });
});
