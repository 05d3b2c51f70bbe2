/** The standard task sheet written from a plan (the import of a Word plan, add-on and command line). */
import { checkSheet } from '../../src/core/check';
import type { CellValue } from '../../src/core/grid';
import { TEMPLATE_HEADER, standardSheet } from '../../src/core/template';

const TODAY = '2026-11-22';

function sheet(rows: CellValue[][]) {
  return {
    name: 'Kế hoạch',
    values: [['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'], ...rows],
  };
}

describe('standardSheet', () => {
  it('keeps a task outside any section out of the section above it; the status table stays the same', () => {
    // Numbered headings with sub-tasks, then a top-level item that is itself a task (seed 003's shape).
    const first = checkSheet(
      sheet([
        ['1', 'Nhận thức số', '', ''],
        ['1.1', 'Tuyên truyền', 'Phòng VH-XH', '30/11/2026'],
        ['2', 'Chính quyền số', '', ''],
        ['2.1', 'Số hóa hồ sơ', 'Văn phòng', '31/12/2026'],
        ['3', 'Triển khai Đề án 06', 'Công an xã', 'Thường xuyên'],
      ]),
      { today: TODAY },
    );
    expect(first.plan.tasks.map((t) => t.pillar)).toEqual(['Nhận thức số', 'Chính quyền số', null]);

    const { sheet: written, headerRow } = standardSheet(first.plan, 'Phân công');
    expect(written.values[headerRow - 1]).toEqual([...TEMPLATE_HEADER]);
    expect(written.values.slice(headerRow).map((r) => [r[0], r[1]])).toEqual([
      ['I', 'Nhận thức số'],
      ['1.1', 'Tuyên truyền'],
      ['II', 'Chính quyền số'],
      ['2.1', 'Số hóa hồ sơ'],
      ['III', 'Khác'],
      ['3', 'Triển khai Đề án 06'],
    ]);
    const again = checkSheet(written, { today: TODAY });
    expect(again.plan.tasks.map((t) => t.pillar)).toEqual(['Nhận thức số', 'Chính quyền số', 'Khác']);
    expect(again.pivot).toEqual(first.pivot);
  });

  it('leaves a task outside any section before the first section where it is', () => {
    const first = checkSheet(
      sheet([
        ['1', 'Việc chung', 'UBND xã', 'Quý IV/2026'],
        ['I', 'Nhận thức số', '', ''],
        ['1', 'Tuyên truyền', 'Phòng VH-XH', '30/11/2026'],
      ]),
      { today: TODAY },
    );
    const again = checkSheet(standardSheet(first.plan, 'Phân công').sheet, { today: TODAY });
    expect(again.plan.tasks.map((t) => t.pillar)).toEqual([null, 'Nhận thức số']);
    expect(again.pivot).toEqual(first.pivot);
  });
});
