import { assignColumns, findHeader, matchHeader } from '../../src/core/columns';
import { Grid } from '../../src/core/grid';
import { parsePlan, NoHeaderError } from '../../src/core/plan';
import { columnLetter } from '../../src/core/text';
import type { SheetInput } from '../../src/core/grid';

const today = '2025-10-20';
const letters = (input: SheetInput) =>
  Object.fromEntries(
    Object.entries(parsePlan(input, { today }).columns).map(([k, c]) => [k, columnLetter(c)]),
  );

describe('header cells → standard keys (domain §1)', () => {
  it.each([
    ['STT', 'stt'],
    ['Số TT', 'stt'],
    ['TT', 'stt'],
    ['Tên nhiệm vụ', 'task'],
    ['NỘI DUNG CÔNG VIỆC', 'task'],
    ['Nhiệm vụ, giải pháp', 'task'],
    ['Nhiệm vụ/ dự án', 'task'],
    ['Đơn vị chủ trì\nthực hiện', 'lead'],
    ['Cơ quan/Đơn vị chủ trì', 'lead'],
    ['Bộ phận thực hiện:', 'lead'],
    ['Chủ trì', 'lead'],
    ['Thời gian\nhoàn\nthành', 'deadline'],
    ['Thời hạn hoàn thành (dự kiến)', 'deadline'],
    ['Tiến độ hoàn thành', 'deadline'],
    ['Phối hợp', 'partners'],
    ['Tiến độ thực hiện', 'status'],
    ['Kết quả thực hiện', 'status'],
    ['Yêu cầu kết quả đạt được', 'output'],
    ['Lĩnh vực', 'pillar'],
    ['Ngày hoàn thành thực tế', 'completedOn'],
    ['Ghi chú.', 'note'],
    ['  thời   gian thực hiện  ', 'deadline'],
    ['Thời gian hoàn thành'.normalize('NFD'), 'deadline'],
  ])('%j → %s', (text, key) => {
    expect(matchHeader(text)?.key).toBe(key);
  });

  it.each(['Nội dung thực hiện', 'Kinh phí', 'Điều kiện đạt chỉ tiêu', 'Trách nhiệm', ''])(
    '%j is kept and ignored',
    (t) => {
      expect(matchHeader(t)).toBeNull();
    },
  );
});

describe('finding the header', () => {
  it('finds it below title rows, in upper case with line breaks', () => {
    const input: SheetInput = {
      name: 'S',
      values: [
        ['UBND XÃ AN BÌNH', '', '', ''],
        ['KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025', '', '', ''],
        ['', '', '', ''],
        ['SỐ TT', 'TÊN NHIỆM VỤ', 'ĐƠN VỊ\nCHỦ TRÌ', 'THỜI HẠN'],
        ['1', 'Tập huấn', 'UBND xã', 'Quý IV'],
      ],
    };
    const plan = parsePlan(input, { today });
    expect(plan.headerRow).toBe(4);
    expect(plan.planYear).toBe(2025);
    expect(plan.tasks[0]?.deadline.due).toBe('2025-12-31');
    expect(letters(input)).toEqual({ stt: 'A', task: 'B', lead: 'C', deadline: 'D' });
  });

  it('reads a two-row header: a group cell above its sub-headers, with and without merges', () => {
    const values = [
      ['TT', 'Nhiệm vụ', 'Trách nhiệm', '', 'Thời gian hoàn thành'],
      ['', '', 'Cơ quan chủ trì', 'Cơ quan phối hợp', ''],
      ['1', 'Tập huấn', 'UBND xã', 'Công an xã', 'Tháng 10/2025'],
    ];
    const merged: SheetInput = {
      name: 'S',
      values,
      merges: [
        { row: 0, column: 0, numRows: 2, numColumns: 1 },
        { row: 0, column: 1, numRows: 2, numColumns: 1 },
        { row: 0, column: 2, numRows: 1, numColumns: 2 },
        { row: 0, column: 4, numRows: 2, numColumns: 1 },
      ],
    };
    for (const input of [merged, { name: 'S', values }]) {
      const plan = parsePlan(input, { today });
      expect(plan.headerRow).toBe(2);
      expect(letters(input)).toEqual({ stt: 'A', task: 'B', lead: 'C', partners: 'D', deadline: 'E' });
      expect(plan.tasks).toHaveLength(1);
      expect(plan.tasks[0]?.lines[0]?.lead).toBe('UBND xã');
    }
  });

  it('skips a column-number row and repeated page headers', () => {
    const input: SheetInput = {
      name: 'S',
      values: [
        ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
        ['(1)', '(2)', '(3)', '(4)'],
        ['1', 'A', 'UBND xã', 'Thường xuyên'],
        ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
        ['2', 'B', 'UBND xã', 'Thường xuyên'],
      ],
    };
    expect(parsePlan(input, { today }).tasks.map((t) => t.stt)).toEqual(['1', '2']);
  });

  it('refuses a sheet with no recognisable header, with a Vietnamese message', () => {
    const input: SheetInput = {
      name: 'Ghi chép',
      values: [
        ['Họ tên', 'Điện thoại'],
        ['An', '0901'],
      ],
    };
    expect(() => parsePlan(input, { today })).toThrow(NoHeaderError);
    expect(() => parsePlan(input, { today })).toThrow(
      'Không tìm thấy dòng tiêu đề của bảng phân công trong trang "Ghi chép".',
    );
  });
});

describe('sections', () => {
  const header = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'];
  const parse = (rows: (string | number)[][], merges: SheetInput['merges'] = []) =>
    parsePlan({ name: 'S', values: [header, ...rows], merges }, { today });

  it('recognises a section merged across the row, numbered in its text', () => {
    const plan = parse(
      [
        ['1. THỂ CHẾ SỐ', '', '', ''],
        ['1.1', 'Ban hành quy chế', 'UBND xã', 'Quý IV/2025'],
      ],
      [{ row: 1, column: 0, numRows: 1, numColumns: 4 }],
    );
    expect(plan.sections.map((s) => s.name)).toEqual(['Thể chế số']);
    expect(plan.tasks[0]?.pillar).toBe('Thể chế số');
  });

  it('maps pillar variants and keeps the text of sections that name no pillar, or several', () => {
    const plan = parse([
      ['I', 'PHÁT TRIỂN HẠ TẦNG SỐ'],
      ['1', 'A', 'UBND xã', 'Thường xuyên'],
      ['II', 'An toàn, an ninh mạng'],
      ['1', 'B', 'UBND xã', 'Thường xuyên'],
      ['III', 'Kinh tế số và xã hội số'],
      ['1', 'C', 'UBND xã', 'Thường xuyên'],
      ['IV', 'Công tác kiểm tra, giám sát'],
      ['1', 'D', 'UBND xã', 'Thường xuyên'],
    ]);
    expect(plan.tasks.map((t) => t.pillar)).toEqual([
      'Hạ tầng số',
      'An toàn thông tin mạng',
      'Kinh tế số và xã hội số',
      'Công tác kiểm tra, giám sát',
    ]);
  });

  it('treats a numbered row with a lead or a deadline as a task, even at the top level', () => {
    const plan = parse([
      ['1', 'Nhận thức số', '', ''],
      ['1.1', 'A', 'UBND xã', 'Thường xuyên'],
      ['2', 'Rà soát kế hoạch', 'UBND xã', 'Tháng 12/2025'],
    ]);
    expect(plan.sections).toHaveLength(1);
    expect(plan.tasks.map((t) => [t.stt, t.pillar])).toEqual([
      ['1.1', 'Nhận thức số'],
      ['2', null],
    ]);
  });

  it('uses a pillar column when the sheet has one', () => {
    const input: SheetInput = {
      name: 'S',
      values: [
        ['STT', 'Trụ cột', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn'],
        ['1', 'Chính phủ số', 'A', 'UBND xã', 'Thường xuyên'],
        ['2', 'Dữ liệu', 'B', 'UBND xã', 'Thường xuyên'],
      ],
    };
    expect(parsePlan(input, { today }).tasks.map((t) => t.pillar)).toEqual(['Chính quyền số', 'Dữ liệu số']);
  });

  it('skips blank rows and reads a vertical merge of the lead for every line it spans', () => {
    const plan = parse(
      [
        ['I', 'Nhận thức số'],
        ['', '', '', ''],
        ['1', 'Tuyên truyền', 'Phòng VH-XH', 'Quý I/2025'],
        ['', '', '', 'Quý IV/2025'],
      ],
      [{ row: 3, column: 2, numRows: 2, numColumns: 1 }],
    );
    expect(plan.tasks).toHaveLength(1);
    expect(plan.tasks[0]?.lines.map((l) => [l.row, l.lead, l.deadline.due])).toEqual([
      [4, 'Phòng VH-XH', '2025-03-31'],
      [5, 'Phòng VH-XH', '2025-12-31'],
    ]);
    expect(plan.tasks[0]?.deadline.due).toBe('2025-12-31');
  });

  it('infers the plan year from the deadlines when the title names none, else from the setting', () => {
    const byDeadlines = parse([
      ['1', 'A', 'UBND xã', 'Quý I/2026'],
      ['2', 'B', 'UBND xã', 'Quý III'],
    ]);
    expect(byDeadlines.planYear).toBe(2026);
    expect(byDeadlines.tasks[1]?.deadline.due).toBe('2026-09-30');
    const bySetting = parsePlan(
      { name: 'S', values: [header, ['1', 'A', 'UBND xã', 'Quý III']] },
      { today, defaultPlanYear: 2027 },
    );
    expect(bySetting.planYear).toBe(2027);
    const byToday = parsePlan({ name: 'S', values: [header, ['1', 'A', 'UBND xã', 'Quý III']] }, { today });
    expect(byToday.planYear).toBe(2025);
  });
});

describe('how a header cell matches', () => {
  it('is exact when the whole cell is an accepted name, parentheses aside', () => {
    expect(matchHeader('Thời hạn hoàn thành (dự kiến)')).toEqual({ key: 'deadline', exact: true });
    expect(matchHeader('Thời gian')).toEqual({ key: 'deadline', exact: true });
    expect(matchHeader('STT')).toEqual({ key: 'stt', exact: true });
  });

  it('else starts with an accepted name followed by a separator, the longest name first', () => {
    expect(matchHeader('Phối hợp/hỗ trợ')).toEqual({ key: 'partners', exact: false });
    expect(matchHeader('Thời gian hoàn thành, nghiệm thu')).toEqual({ key: 'deadline', exact: false });
    expect(matchHeader('Chủ trì - phối hợp')).toEqual({ key: 'lead', exact: false });
    expect(matchHeader('Thời hạnxyz')).toBeNull();
    expect(matchHeader('STTx')).toBeNull();
    expect(matchHeader('(ghi chú)')).toBeNull();
  });
});

describe('assignColumns', () => {
  it('gives a key to an exact name before a name that only starts with it', () => {
    expect(assignColumns(['Thời gian hoàn thành, nghiệm thu', 'Thời hạn'])).toEqual({ deadline: 1 });
  });

  it('gives each key to its leftmost column, and each column one key', () => {
    expect(assignColumns(['Thời hạn', 'Nhiệm vụ', 'Thời gian'])).toEqual({ deadline: 0, task: 1 });
    expect(assignColumns(['Phối hợp - chủ trì', 'Phối hợp'])).toEqual({ partners: 1 });
  });
});

describe('which row is the header', () => {
  const grid = (rows: string[][]) => new Grid(rows);

  it('the row naming the most standard columns, required ones weighing most', () => {
    const weights = findHeader(
      grid([
        ['Nhiệm vụ', 'Chủ trì', 'Ghi chú'],
        ['Nhiệm vụ', 'Chủ trì', 'Phối hợp'],
      ]),
    );
    expect(weights?.firstRow).toBe(1);
    const required = findHeader(
      grid([
        ['Nhiệm vụ', 'Chủ trì', 'Thời hạn'],
        ['Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Trạng thái', 'Sản phẩm', 'Ghi chú', 'Lĩnh vực'],
      ]),
    );
    expect(required?.firstRow).toBe(0);
  });

  it('needs the task column and another required one', () => {
    expect(findHeader(grid([['Nhiệm vụ', 'Phối hợp', 'Trạng thái', 'Ghi chú']]))).toBeNull();
    expect(findHeader(grid([['STT', 'Chủ trì', 'Thời hạn', 'Phối hợp']]))).toBeNull();
    expect(findHeader(grid([['STT', 'Nhiệm vụ']]))?.columns).toEqual({ stt: 0, task: 1 });
  });

  it('keeps the upper cell where the row below is empty or repeats it', () => {
    const h = findHeader(
      grid([
        ['STT', 'Nhiệm vụ', 'Thực hiện', '', 'Thời hạn'],
        ['STT', '', 'Chủ trì', 'Phối hợp', ''],
      ]),
    );
    expect(h).toMatchObject({
      firstRow: 0,
      lastRow: 1,
      columns: { stt: 0, task: 1, lead: 2, partners: 3, deadline: 4 },
    });
    expect(h?.raw).toEqual(['STT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời hạn']);
  });

  it('looks no further than the first 40 rows', () => {
    const filler = Array.from({ length: 40 }, (_, i) => [`Dòng ${i + 1}`]);
    expect(findHeader(grid([...filler, ['STT', 'Nhiệm vụ', 'Chủ trì']]))).toBeNull();
    expect(findHeader(grid([...filler.slice(1), ['STT', 'Nhiệm vụ', 'Chủ trì']]))?.firstRow).toBe(39);
  });
});
