/**
 * The row classifier at its edges: the cases where one rule more or less would turn a task into a
 * heading (and take it out of every count) or a heading into a task.
 */
import { classifyRow, parsePlan, type RowFacts } from '../../src/core/plan';
import type { CellValue } from '../../src/core/grid';
import { TWO_STATUS_HEADER, sheet } from '../helpers/grid';
import { HEADING_FACTS, facts } from '../helpers/row-facts';

const today = '2025-10-20';
const H = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Trạng thái'];

const heading = HEADING_FACTS;
const rule = (over: Partial<RowFacts>) => classifyRow(facts(over)).rule;

describe('the classifier at its edges', () => {
  test('a block letter with a lead is a task, even when its deadline is unreadable', () => {
    expect(
      rule({ stt: 'A', task: 'Lắp camera', hasLead: true, deadlineReadable: false, hasDetail: true }),
    ).toBe('task');
  });

  test('“Phần II” in the task cell is a block only when the number cell is empty', () => {
    expect(rule({ ...heading, stt: '', task: 'PHẦN II. NHIỆM VỤ NĂM 2026' })).toBe('block');
    expect(rule({ ...heading, stt: 'I', task: 'Phần II: nhiệm vụ năm 2026' })).toBe('roman-section');
  });

  test('an integer heading: two digits count; without children it must name a pillar and hold nothing else', () => {
    expect(rule({ ...heading, stt: '12', task: 'Nhiệm vụ khác', hasChildren: true })).toBe('integer-section');
    expect(rule({ ...heading, stt: '3', task: 'Kinh tế số' })).toBe('integer-section');
    expect(rule({ ...heading, stt: '3', task: 'Kinh tế số', hasDetail: true })).toBe('task');
    expect(rule({ ...heading, stt: '3', task: 'Tổ chức hội nghị sơ kết' })).toBe('task');
  });

  test('n.m with children is a sub-group, however many digits', () => {
    for (const stt of ['1.10', '12.1', '1.2.3'])
      expect([stt, rule({ ...heading, stt, task: 'Thương mại điện tử', hasChildren: true })]).toEqual([
        stt,
        'numbered-subgroup',
      ]);
    expect(rule({ ...heading, stt: 'a1.2', task: 'Thương mại điện tử', hasChildren: true })).toBe('task');
  });

  test('a heading typed in the number cell needs a word of three letters and an empty task cell', () => {
    expect(rule({ ...heading, stt: '1a', task: '' })).toBe('task');
    expect(rule({ ...heading, stt: 'Nhóm', task: 'Việc khác' })).toBe('task');
  });

  test('an un-numbered pillar name is a heading only with nothing else on the row', () => {
    expect(rule({ ...heading, stt: '', task: 'Kinh tế số', hasDetail: true })).toBe('text-continuation');
    expect(rule({ ...heading, stt: 'a', task: 'Kinh tế số' })).toBe('task');
  });

  test('continuations: a repeated number needs the same text; an empty number with text goes on the task', () => {
    expect(
      rule({ stt: '19', task: 'Sửa đổi quy chế khác', current: { stt: '19', task: 'Sửa đổi quy chế' } }),
    ).toBe('task');
    expect(rule({ stt: '', task: 'abc', current: { stt: '', task: 'abc' } })).toBe('text-continuation');
    expect(rule({ stt: '', task: 'và lưu trữ', current: { stt: '1', task: 'Số hóa' } })).toBe(
      'text-continuation',
    );
  });
});

describe('the reader at its edges', () => {
  test('a task without a status has none: not late, no text, its own row', () => {
    const plan = parsePlan(sheet([['1', 'Số hóa hồ sơ', 'UBND xã', '', 'Quý IV/2025', '']], H), { today });
    const t = plan.tasks[0];
    expect([t?.status, t?.statusText, t?.statusLate, t?.statusRow]).toEqual(['unknown', '', false, 3]);
  });

  test('a two-row header: its first and last rows', () => {
    const values: CellValue[][] = [
      ['KẾ HOẠCH NĂM 2025', '', '', '', ''],
      ['STT', 'Nhiệm vụ', 'Đơn vị thực hiện', '', 'Thời hạn'],
      ['', '', 'Chủ trì', 'Phối hợp', ''],
      ['1', 'Tập huấn', 'UBND xã', 'Công an xã', 'Quý IV/2025'],
    ];
    const plan = parsePlan({ name: 'S', values, merges: [] }, { today });
    expect([plan.headerFirstRow, plan.headerRow]).toEqual([2, 3]);
  });

  test('a number written “2.)” is the number 2', () => {
    const plan = parsePlan(sheet([['2.)', 'Số hóa hồ sơ', 'UBND xã', '', 'Quý IV/2025']], H), { today });
    expect(plan.tasks[0]?.stt).toBe('2');
  });

  test('a sub-group that names a pillar opens that pillar’s section', () => {
    const plan = parsePlan(
      sheet(
        [
          ['2', 'Chuyển đổi số trong sản xuất, kinh doanh'],
          ['2.1', 'Kinh tế số'],
          ['2.1.1', 'Đưa sản phẩm lên sàn', 'Phòng Kinh tế', '', 'Quý IV/2025'],
        ],
        H,
      ),
      { today },
    );
    expect(plan.tasks.map((t) => t.pillar)).toEqual(['Kinh tế số']);
  });

  test('n.m.k numbers with two-digit parts make their parents headings; an n.m with nothing below is a task', () => {
    const plan = parsePlan(
      sheet(
        [
          ['12', 'Nhiệm vụ khác'],
          ['12.10', 'Thương mại điện tử'],
          ['12.10.1', 'Đưa sản phẩm lên sàn', 'Phòng Kinh tế', '', 'Quý IV/2025'],
          ['12.11', 'Việc chưa giao', '', '', ''],
        ],
        H,
      ),
      { today },
    );
    expect(plan.headings.map((h) => [h.row, h.rule])).toEqual([
      [3, 'integer-section'],
      [4, 'numbered-subgroup'],
    ]);
    expect(plan.tasks.map((t) => t.stt)).toEqual(['12.10.1', '12.11']);
  });

  test('“A” with a recurring or conditional deadline and no lead is a task to give a lead, not a block', () => {
    for (const deadline of ['Thường xuyên', 'Khi có hướng dẫn của cấp trên']) {
      const plan = parsePlan(
        sheet(
          [
            ['A', 'Tuyên truyền chuyển đổi số', '', '', deadline],
            ['1', 'Tập huấn', 'UBND xã', '', 'Quý IV/2025'],
          ],
          H,
        ),
        { today },
      );
      expect([deadline, plan.headings]).toEqual([deadline, []]);
      expect(plan.tasks.map((t) => t.stt)).toEqual(['A', '1']);
    }
  });

  test('a pillar name with a partner beside it is not a heading', () => {
    const plan = parsePlan(
      sheet(
        [
          ['1', 'Số hóa hồ sơ', 'UBND xã', '', 'Quý IV/2025'],
          ['', 'Kinh tế số', '', 'Phòng Kinh tế', ''],
        ],
        H,
      ),
      { today },
    );
    expect(plan.headings).toEqual([]);
    expect(plan.tasks[0]?.task).toBe('Số hóa hồ sơ Kinh tế số');
  });

  test('a group title finds the numbered row below it past blank rows and a repeated header', () => {
    for (const between of [[['', '', '', '', '']], [H]]) {
      const plan = parsePlan(
        sheet(
          [
            ['1', 'Số hóa hồ sơ', 'UBND xã', '', 'Quý IV/2025'],
            ['', 'Nhiệm vụ thường xuyên'],
            ...between,
            ['2', 'Tập huấn', 'UBND xã', '', 'Thường xuyên'],
          ],
          H,
        ),
        { today },
      );
      expect(plan.headings.map((h) => [h.text, h.rule])).toEqual([
        ['Nhiệm vụ thường xuyên', 'unnumbered-group'],
      ]);
    }
  });

  test('a title-like last row with nothing below it goes on the task above', () => {
    const plan = parsePlan(
      sheet(
        [
          ['1', 'Số hóa hồ sơ', 'UBND xã', '', 'Quý IV/2025'],
          ['', 'Nhiệm vụ thường xuyên'],
        ],
        H,
      ),
      { today },
    );
    expect(plan.headings).toEqual([]);
    expect(plan.tasks[0]?.task).toBe('Số hóa hồ sơ Nhiệm vụ thường xuyên');
  });

  test('a merge over the task and lead cells only, the deadline cell apart, is no heading', () => {
    const values: CellValue[][] = [
      ['KẾ HOẠCH NĂM 2025', '', '', ''],
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn'],
      ['1', 'Tập huấn cán bộ và người dân', '', 'Quý IV/2025'],
    ];
    const plan = parsePlan(
      { name: 'S', values, merges: [{ row: 2, column: 1, numRows: 1, numColumns: 2 }] },
      { today },
    );
    expect(plan.headings).toEqual([]);
    expect(plan.tasks.map((t) => t.stt)).toEqual(['1']);
  });

  test('a heading merged from a column before the task column loses the number typed beside it', () => {
    const header = ['STT', 'Lĩnh vực', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn'];
    const values: CellValue[][] = [
      ['KẾ HOẠCH NĂM 2025', '', '', '', ''],
      header,
      ['II.', 'THỂ CHẾ SỐ', '', '', ''],
      ['1', '', 'Rà soát quy chế', 'Văn phòng', 'Quý IV/2025'],
      ['1.2)', 'Quy chế nội bộ', '', '', ''],
      ['1.2.1', '', 'Ban hành quy chế', 'Văn phòng', 'Quý IV/2025'],
    ];
    const merges = [
      { row: 2, column: 1, numRows: 1, numColumns: 4 },
      { row: 4, column: 1, numRows: 1, numColumns: 4 },
    ];
    const plan = parsePlan({ name: 'S', values, merges }, { today });
    expect(plan.headings.map((h) => h.text)).toEqual(['THỂ CHẾ SỐ', 'Quy chế nội bộ']);
    expect(plan.sections.map((s) => [s.number, s.name])).toEqual([
      ['II', 'Thể chế số'],
      ['1', 'Quy chế nội bộ'],
    ]);
  });
});

describe('choosing the status column', () => {
  const header = TWO_STATUS_HEADER;

  test('empty cells count for no column: status words do', () => {
    const plan = parsePlan(
      sheet(
        [
          ['1', 'Số hóa', 'UBND xã', 'Quý IV/2025', '', 'Hoàn thành'],
          ['2', 'Ký số', 'UBND xã', 'Quý IV/2025', '', 'Đang thực hiện'],
          ['3', 'Camera', 'UBND xã', 'Quý IV/2025', '', 'Chờ kinh phí'],
          ['4', 'Wifi', 'UBND xã', 'Quý IV/2025', 'Đã lắp 3 điểm', 'Còn vướng'],
        ],
        header,
      ),
      { today },
    );
    expect(plan.columns.status).toBe(5);
  });

  test('on a tie, the column the header reading chose (the leftmost) stays', () => {
    const rows = [['1', 'Số hóa', 'UBND xã', 'Quý IV/2025', 'Hoàn thành', 'Hoàn thành']];
    const plan = parsePlan(sheet(rows, header), { today });
    expect(plan.columns.status).toBe(4);
    expect(plan.columnNotes).toEqual([
      'Cột E “Kết quả thực hiện” được dùng làm trạng thái (cột F “Tiến độ” là nội dung thuyết minh).',
    ]);
  });

  test('three status-like columns: the note names the two left as narrative', () => {
    const three = [...header, 'Tình trạng'];
    const plan = parsePlan(
      sheet([['1', 'Số hóa', 'UBND xã', 'Quý IV/2025', 'Đã số hóa', 'Ghi nhận', 'Hoàn thành']], three),
      { today },
    );
    expect(plan.columns.status).toBe(6);
    expect(plan.columnNotes).toEqual([
      'Cột G “Tình trạng” được dùng làm trạng thái (cột E “Kết quả thực hiện”, cột F “Tiến độ” là nội dung thuyết minh).',
    ]);
  });
});

describe('column-number rows', () => {
  test.each([
    [['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)', '(11)', '(12)'], ['1']],
    [
      ['1', '2', '2', '3'],
      ['1', '1'],
    ],
    [
      ['3', '1', '2'],
      ['3', '1'],
    ],
  ])('%j', (row, stts) => {
    const wide = [...H, 'a', 'b', 'c', 'd', 'e', 'f'];
    const p = parsePlan(sheet([row, ['1', 'Tập huấn', 'UBND xã', '', 'Quý I/2026']], wide), { today });
    expect(p.tasks.map((t) => t.stt)).toEqual(stts);
  });
});
