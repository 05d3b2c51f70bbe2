/**
 * More of the plan reader's edges: repeated headers that are and are not, wide merges without a
 * deadline column, numbered sections beside top-level tasks, the plan year's sources, title rows.
 */
import { classifyRow, looksLikeTitle, parsePlan } from '../../src/core/plan';
import type { CellValue } from '../../src/core/grid';
import { sheet } from '../helpers/grid';
import { HEADING_FACTS, facts } from '../helpers/row-facts';

const today = '2025-10-20';
const H = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Trạng thái'];
const stts = (rows: CellValue[][], header = H) =>
  parsePlan(sheet(rows, header), { today }).tasks.map((t) => t.stt);
const first = ['1', 'Số hóa hồ sơ', 'UBND xã', '', 'Quý IV/2025'];
const last = ['2', 'Tập huấn', 'Công an xã', '', 'Quý IV/2025'];

describe('a row that repeats the header', () => {
  test('three or more header cells in their columns: skipped, even with a stray note beside them', () => {
    expect(stts([first, ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', '(trang 2)', ''], last])).toEqual(['1', '2']);
  });

  test('two header cells in their columns and nothing else: skipped', () => {
    expect(stts([first, ['', 'Nhiệm vụ', 'Cơ quan chủ trì', '', ''], last])).toEqual(['1', '2']);
  });

  test('header words in other columns, or beside a task’s own text, are a task row', () => {
    expect(stts([first, ['Nhiệm vụ', 'STT', '', '', ''], last])).toEqual(['1', 'Nhiệm vụ', '2']);
    expect(stts([first, ['3', 'Nhiệm vụ', 'Cơ quan chủ trì', '', ''], last])).toEqual(['1', '3', '2']);
  });
});

describe('headings', () => {
  test('a merge across the table is a heading even when the sheet has no deadline column', () => {
    const values: CellValue[][] = [
      ['KẾ HOẠCH NĂM 2025', '', ''],
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì'],
      ['NHẬN THỨC SỐ', '', ''],
      ['1', 'Tuyên truyền', 'UBND xã'],
    ];
    const plan = parsePlan(
      { name: 'S', values, merges: [{ row: 2, column: 0, numRows: 1, numColumns: 3 }] },
      { today },
    );
    expect(plan.headings.map((h) => h.rule)).toEqual(['wide-merge']);
    expect(plan.tasks.map((t) => t.pillar)).toEqual(['Nhận thức số']);
  });

  test('a merge over the lead and deadline cells only, the task cell apart, is no heading', () => {
    const values: CellValue[][] = [
      ['KẾ HOẠCH NĂM 2025', '', '', ''],
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn'],
      ['1', 'Tập huấn', 'UBND xã, thực hiện trong Quý IV/2025', ''],
    ];
    const plan = parsePlan(
      { name: 'S', values, merges: [{ row: 2, column: 2, numRows: 1, numColumns: 2 }] },
      { today },
    );
    expect(plan.headings).toEqual([]);
  });

  test('a Roman heading written in another cell than the task cell loses its number, whatever its form', () => {
    for (const [number, text] of [
      ['II', 'THỂ CHẾ SỐ'],
      ['II.', 'THỂ CHẾ SỐ'],
      ['iv)', 'Hạ tầng số'],
      ['B', 'NHIỆM VỤ NĂM 2026'],
    ] as const) {
      const plan = parsePlan(sheet([[number, '', '', text, ''], first], H), { today });
      expect([number, plan.headings.map((h) => h.text)]).toEqual([number, [text]]);
    }
  });

  test('a higher top-level number leaves a section numbered with two digits', () => {
    const plan = parsePlan(
      sheet(
        [
          ['10', 'Kinh tế số'],
          ['10.1', 'Đưa sản phẩm lên sàn', 'Phòng Kinh tế', '', 'Quý IV/2025'],
          ['12', 'Tổng kết', 'UBND xã', '', 'Tháng 12/2025'],
        ],
        H,
      ),
      { today },
    );
    expect(plan.sections.map((s) => s.number)).toEqual(['10']);
    expect(plan.tasks.map((t) => [t.stt, t.pillar])).toEqual([
      ['10.1', 'Kinh tế số'],
      ['12', null],
    ]);
  });

  test('“A” with a lead and no deadline, or with a date and no lead, is a task', () => {
    expect(stts([['A', 'Lắp camera', 'Công an xã', '', ''], first])).toEqual(['A', '1']);
    expect(stts([['A', 'Lắp camera', '', '', '30/11/2025'], first])).toEqual(['A', '1']);
  });

  test('a repeated number is a continuation only with the same number and the same text', () => {
    expect(
      classifyRow(
        facts({ stt: '20', task: 'Sửa đổi quy chế', current: { stt: '19', task: 'Sửa đổi quy chế' } }),
      ).rule,
    ).toBe('task');
    expect(
      classifyRow(facts({ ...HEADING_FACTS, stt: '', task: 'x', nextStt: '', current: null })).rule,
    ).toBe('task');
  });
});

describe('titles of groups', () => {
  test('up to twelve words; a comma inside is fine, one at the end is a broken sentence', () => {
    expect(looksLikeTitle('Một hai ba bốn năm sáu bảy tám chín mười mười một')).toBe(true);
    expect(looksLikeTitle('Một hai ba bốn năm sáu bảy tám chín mười mười một mười hai')).toBe(false);
    expect('Một hai ba bốn năm sáu bảy tám chín mười mười một'.split(' ')).toHaveLength(12);
    expect(looksLikeTitle('Nhiệm vụ trọng tâm, cấp bách')).toBe(true);
    expect(looksLikeTitle('Nhiệm vụ trọng tâm;')).toBe(false);
  });
});

describe('the plan year and the title rows', () => {
  test('the title’s year wins over the years the deadlines name', () => {
    const plan = parsePlan(sheet([['1', 'Việc', 'UBND xã', '', 'Quý I/2025']], H, 'KẾ HOẠCH NĂM 2026'), {
      today,
    });
    expect([plan.planYear, plan.planYearSource]).toEqual([2026, 'title']);
  });

  test('on a tie between years the deadlines name, the earlier, wherever it stands', () => {
    const yearOf = (deadlines: string[]) =>
      parsePlan(
        sheet(
          deadlines.map((d, i) => [String(i + 1), 'Việc', 'UBND xã', '', d]),
          H,
          'PHÂN CÔNG NHIỆM VỤ',
        ),
        { today },
      ).planYear;
    expect(yearOf(['Quý I/2025', 'Quý II/2026'])).toBe(2025);
    expect(yearOf(['Quý I/2026', 'Quý II/2025'])).toBe(2025);
  });

  test('title lines are the non-empty cells above the header', () => {
    const values: CellValue[][] = [
      ['', 'KẾ HOẠCH', '', ''],
      ['', '', '', ''],
      ['Số 5/KH-UBND', '', 'Năm 2025', ''],
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn'],
      ['1', 'Tập huấn', 'UBND xã', 'Quý IV/2025'],
    ];
    expect(parsePlan({ name: 'S', values, merges: [] }, { today }).title).toEqual([
      'KẾ HOẠCH',
      'Số 5/KH-UBND',
      'Năm 2025',
    ]);
  });
});
