/**
 * What the plan reader takes from each row beyond its kind: the deadline that counts when a task
 * has several lines, completion dates, the pillar column, the time zone of date cells, column
 * widths and section numbers. Each case is something an officer would see wrong in the findings,
 * the pivot or the status sheet.
 */
import { hasTaskHeader, lastDue, parsePlan, toDay } from '../../src/core/plan';
import type { Deadline } from '../../src/core/deadline';
import type { TaskLine } from '../../src/core/model';
import type { CellValue } from '../../src/core/grid';
import { sheet } from '../helpers/grid';

const today = '2025-10-20';
const H = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Trạng thái'];

const line = (deadline: Deadline, row = 5): TaskLine => ({
  row,
  lead: 'UBND xã',
  leadMissing: false,
  partners: '',
  output: '',
  deadline,
});
const date = (due: string, text = due): Deadline => ({ text, kind: 'date', due });
const word = (kind: Deadline['kind'], text: string): Deadline => ({ text, kind, due: null });

describe('the deadline of a task with several lines', () => {
  test('is the latest date among its lines, wherever that line stands', () => {
    expect(lastDue([line(date('2025-09-30')), line(date('2025-12-31')), line(date('2025-10-15'))]).due).toBe(
      '2025-12-31',
    );
    expect(lastDue([line(date('2025-12-31')), line(date('2025-09-30'))]).due).toBe('2025-12-31');
  });

  test('two lines due the same day: the first one stands', () => {
    const first = date('2025-12-31', 'Quý IV/2025');
    const second = date('2025-12-31', 'Trước 31/12/2025');
    expect(lastDue([line(first), line(second)])).toBe(first);
  });

  test('a dated line wins over recurring or conditional lines before it', () => {
    expect(lastDue([line(word('recurring', 'Thường xuyên')), line(date('2025-11-30'))]).due).toBe(
      '2025-11-30',
    );
  });

  test('without dates: recurring, then conditional, then unreadable text, then the first line', () => {
    const recurring = word('recurring', 'Thường xuyên');
    const conditional = word('conditional', 'Khi có hướng dẫn');
    const unknown = word('unknown', 'Theo tiến độ dự án');
    const missing = word('missing', '');
    expect(lastDue([line(unknown), line(conditional), line(recurring)])).toBe(recurring);
    expect(lastDue([line(unknown), line(conditional)])).toBe(conditional);
    expect(lastDue([line(missing), line(unknown)])).toBe(unknown);
    expect(lastDue([line(missing)])).toBe(missing);
  });

  test('a task with no line at all has a missing deadline', () => {
    expect(lastDue([])).toEqual({ text: '', kind: 'missing', due: null });
  });

  test('on a sheet: a task assigned to two units with two deadlines is due on the later one', () => {
    const plan = parsePlan(
      sheet(
        [
          ['1', 'Số hóa hồ sơ', 'Phòng VH-XH', '', 'Tháng 11/2025'],
          ['', '', 'Công an xã', '', 'Quý I/2026'],
        ],
        H,
      ),
      { today },
    );
    expect(plan.tasks).toHaveLength(1);
    expect(plan.tasks[0]?.lines.map((l) => [l.lead, l.deadline.due])).toEqual([
      ['Phòng VH-XH', '2025-11-30'],
      ['Công an xã', '2026-03-31'],
    ]);
    expect(plan.tasks[0]?.deadline.due).toBe('2026-03-31');
  });
});

describe('completion dates', () => {
  test('a date cell is read as the day it shows in the sheet’s time zone', () => {
    // 17:30 UTC on 30 September is already 1 October in Việt Nam.
    const cell = new Date(Date.UTC(2025, 8, 30, 17, 30));
    expect(toDay(cell, 'Asia/Ho_Chi_Minh')).toBe('2025-10-01');
    expect(toDay(cell, 'UTC')).toBe('2025-09-30');
  });

  test('text in the usual shapes is read; an invalid date cell or other text is no date', () => {
    expect(toDay('30/10/2025', 'Asia/Ho_Chi_Minh')).toBe('2025-10-30');
    expect(toDay('2025-10-30', 'Asia/Ho_Chi_Minh')).toBe('2025-10-30');
    expect(toDay(new Date(Number.NaN), 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(toDay('đã xong', 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(toDay('', 'Asia/Ho_Chi_Minh')).toBeNull();
  });

  test('the completion column: the first date among the task’s rows is kept', () => {
    const header = [...H, 'Ngày hoàn thành'];
    const plan = parsePlan(
      sheet(
        [
          ['1', 'Số hóa hồ sơ', 'Phòng VH-XH', '', 'Tháng 11/2025', 'Hoàn thành', '05/11/2025'],
          ['', '', 'Công an xã', '', 'Tháng 12/2025', '', '20/12/2025'],
          ['2', 'Lắp camera', 'Công an xã', '', 'Tháng 12/2025', 'Đang thực hiện', ''],
        ],
        header,
      ),
      { today },
    );
    expect(plan.tasks.map((t) => [t.stt, t.completedOn])).toEqual([
      ['1', '2025-11-05'],
      ['2', null],
    ]);
  });

  test('without a completion column no task has a completion date, whatever the last cells hold', () => {
    const plan = parsePlan(
      sheet([['1', 'Số hóa hồ sơ', 'Phòng VH-XH', '', 'Tháng 11/2025', 'Hoàn thành', '05/11/2025']], H),
      { today },
    );
    expect(plan.tasks[0]?.completedOn).toBeNull();
  });
});

describe('the status of a task written on several rows', () => {
  test('is the first status written, with the row it stands on', () => {
    const plan = parsePlan(
      sheet(
        [
          ['1', 'Số hóa hồ sơ', 'Phòng VH-XH', '', 'Tháng 11/2025', ''],
          ['', '', 'Công an xã', '', 'Tháng 12/2025', 'Đang thực hiện'],
          ['', '', 'Văn phòng', '', 'Tháng 12/2025', 'Hoàn thành'],
        ],
        H,
      ),
      { today },
    );
    const t = plan.tasks[0];
    expect([t?.status, t?.statusText, t?.statusRow]).toEqual(['in-progress', 'Đang thực hiện', 4]);
  });
});

describe('the pillar column', () => {
  const header = ['STT', 'Trụ cột', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'];
  test('names each task’s pillar from its own first row, in the standard words when it is one', () => {
    const plan = parsePlan(
      sheet(
        [
          ['1', 'chính quyền số', 'Số hóa hồ sơ', 'Phòng VH-XH', 'Tháng 11/2025'],
          ['', 'Kinh tế số', '', 'Công an xã', 'Tháng 12/2025'],
          ['2', 'Y tế cơ sở', 'Lắp camera', 'Công an xã', 'Tháng 12/2025'],
          ['3', '', 'Tập huấn', 'Văn phòng', 'Tháng 12/2025'],
        ],
        header,
      ),
      { today },
    );
    expect(plan.tasks.map((t) => [t.stt, t.pillar])).toEqual([
      ['1', 'Chính quyền số'],
      ['2', 'Y tế cơ sở'],
      ['3', null],
    ]);
  });
});

describe('lines, partners and output', () => {
  test('each line keeps its partners and output, whitespace collapsed', () => {
    const header = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Sản phẩm', 'Thời hạn'];
    const plan = parsePlan(
      sheet([['1', 'Số hóa hồ sơ', ' Phòng  VH-XH ', 'Công an   xã', ' Báo cáo  ', 'Quý IV/2025']], header),
      { today },
    );
    expect(plan.tasks[0]?.lines[0]).toMatchObject({
      lead: 'Phòng VH-XH',
      partners: 'Công an xã',
      output: 'Báo cáo',
      deadline: { kind: 'date', due: '2025-12-31' },
    });
  });

  test('a row under a task that adds only partners is no new line; one with its own lead or deadline is', () => {
    const plan = parsePlan(
      sheet(
        [
          ['1', 'Số hóa hồ sơ', 'Phòng VH-XH', 'Công an xã', 'Tháng 11/2025'],
          ['', 'và lưu trữ điện tử', '', 'Văn phòng', ''],
          ['', '', '', '', 'Quý I/2026'],
          ['', 'giai đoạn 2', 'Công an xã', '', ''],
        ],
        H,
      ),
      { today },
    );
    const t = plan.tasks[0];
    expect(t?.task).toBe('Số hóa hồ sơ và lưu trữ điện tử giai đoạn 2');
    expect(t?.lines.map((l) => l.row)).toEqual([3, 5, 6]);
    expect(t?.lastRow).toBe(6);
  });

  test('without a deadline column every line’s deadline is missing, even when a cell to the right holds a date', () => {
    const header = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì'];
    const values: CellValue[][] = [
      ['KẾ HOẠCH NĂM 2025', '', '', ''],
      [...header, ''],
      ['1', 'Số hóa hồ sơ', 'Phòng VH-XH', 'Quý IV/2025'],
    ];
    const plan = parsePlan({ name: 'S', values, merges: [] }, { today });
    expect(plan.missingColumns).toContain('deadline');
    expect(plan.tasks[0]?.lines[0]?.deadline).toEqual({ text: '', kind: 'missing', due: null });
    expect(plan.tasks[0]?.deadline.kind).toBe('missing');
  });
});

describe('date cells and the time zone', () => {
  // 18:00 UTC on 31 December 2025 is 1 January 2026 in Việt Nam.
  const cell = new Date(Date.UTC(2025, 11, 31, 18, 0));
  const planOf = (timeZone?: string) =>
    parsePlan(sheet([['1', 'Số hóa hồ sơ', 'Phòng VH-XH', '', cell]], H), {
      today,
      ...(timeZone ? { timeZone } : {}),
    });

  test('a deadline typed as a date is the day the sheet shows in its own time zone', () => {
    expect(planOf('UTC').tasks[0]?.deadline.due).toBe('2025-12-31');
    expect(planOf('Asia/Ho_Chi_Minh').tasks[0]?.deadline.due).toBe('2026-01-01');
  });

  test('with no time zone given, the sheet is read in Việt Nam’s', () => {
    expect(planOf().tasks[0]?.deadline.due).toBe('2026-01-01');
  });
});

describe('hasTaskHeader', () => {
  test('tells a task table from another sheet, with or without merges', () => {
    expect(hasTaskHeader({ name: 'S', values: [['TT', 'Nhiệm vụ', 'Chủ trì', 'Thời hạn']] })).toBe(true);
    expect(
      hasTaskHeader({
        name: 'S',
        values: [['Ghi chú của cán bộ'], ['Họp giao ban thứ hai'], ['']],
        merges: [{ row: 0, column: 0, numRows: 1, numColumns: 1 }],
      }),
    ).toBe(false);
  });
});

describe('the table’s width', () => {
  test('reaches the last header cell with text, even past the mapped columns', () => {
    const header = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn', 'Kinh phí'];
    const plan = parsePlan(sheet([['1', 'Số hóa', 'UBND xã', 'Quý IV/2025', '10 triệu']], header), { today });
    expect(plan.width).toBe(5);
  });

  test('reaches a mapped column even when a header cell after it is empty', () => {
    const header = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn'];
    const plan = parsePlan(sheet([['1', 'Số hóa', 'UBND xã', 'Quý IV/2025', 'lề']], [...header, '']), {
      today,
    });
    expect(plan.width).toBe(4);
  });
});

describe('sections and their numbers', () => {
  test('a section keeps the number written in its number cell, or in its text when the cell is empty', () => {
    const plan = parsePlan(
      sheet(
        [
          ['II.', 'Thể chế số'],
          ['1', 'Rà soát quy chế', 'Văn phòng', '', 'Quý IV/2025'],
          ['', 'III. Hạ tầng số'],
          ['1', 'Lắp wifi', 'Văn phòng', '', 'Quý IV/2025'],
        ],
        H,
      ),
      { today },
    );
    expect(plan.sections.map((s) => [s.row, s.number, s.text, s.name])).toEqual([
      [3, 'II', 'Thể chế số', 'Thể chế số'],
      [5, 'III', 'Hạ tầng số', 'Hạ tầng số'],
    ]);
  });

  test('a higher top-level number beside numbered sections leaves the section; a lower one stays', () => {
    const plan = parsePlan(
      sheet(
        [
          ['2', 'Kinh tế số'],
          ['2.1', 'Đưa sản phẩm lên sàn', 'Phòng Kinh tế', '', 'Quý IV/2025'],
          ['1', 'Việc ghi lộn số', 'Phòng Kinh tế', '', 'Quý IV/2025'],
          ['3', 'Sơ kết năm', 'UBND xã', '', 'Tháng 12/2025'],
          ['12', 'Tổng kết', 'UBND xã', '', 'Tháng 12/2025'],
        ],
        H,
      ),
      { today },
    );
    expect(plan.tasks.map((t) => [t.stt, t.pillar])).toEqual([
      ['2.1', 'Kinh tế số'],
      ['1', 'Kinh tế số'],
      ['3', null],
      ['12', null],
    ]);
  });

  test('a heading merged across the table is named by its text, from the task cell or the merge’s first cell', () => {
    const values: CellValue[][] = [
      ['KẾ HOẠCH NĂM 2025', '', '', '', ''],
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn'],
      ['1.2)', 'Hạ tầng số', 'Hạ tầng số', 'Hạ tầng số', 'Hạ tầng số'],
      ['1', 'Lắp wifi', 'Văn phòng', '', 'Quý IV/2025'],
      ['CHUYỂN ĐỔI SỐ TRONG Y TẾ', '', '', '', ''],
      ['1', 'Khám bệnh từ xa', 'Trạm y tế', '', 'Quý IV/2025'],
    ];
    const merges = [
      { row: 2, column: 1, numRows: 1, numColumns: 4 },
      { row: 4, column: 0, numRows: 1, numColumns: 5 },
    ];
    const plan = parsePlan({ name: 'S', values, merges }, { today });
    expect(plan.headings.map((h) => [h.row, h.text])).toEqual([
      [3, 'Hạ tầng số'],
      [5, 'CHUYỂN ĐỔI SỐ TRONG Y TẾ'],
    ]);
  });

  test('a merge across the number and task cells only is no section: the row is a task', () => {
    const values: CellValue[][] = [
      ['KẾ HOẠCH NĂM 2025', '', '', ''],
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn'],
      ['1', 'Số hóa hồ sơ', 'UBND xã', 'Quý IV/2025'],
      ['Tập huấn cán bộ', '', 'Công an xã', 'Quý IV/2025'],
    ];
    const merges = [{ row: 3, column: 0, numRows: 1, numColumns: 2 }];
    const plan = parsePlan({ name: 'S', values, merges }, { today });
    expect(plan.headings).toEqual([]);
  });

  test('a merge two rows tall across the table is a heading on its first row only', () => {
    const values: CellValue[][] = [
      ['KẾ HOẠCH NĂM 2025', '', '', ''],
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn'],
      ['I. NHẬN THỨC SỐ', '', '', ''],
      ['', '', '', ''],
      ['1', 'Tuyên truyền', 'UBND xã', 'Quý IV/2025'],
    ];
    const merges = [{ row: 2, column: 0, numRows: 2, numColumns: 4 }];
    const plan = parsePlan({ name: 'S', values, merges }, { today });
    expect(plan.headings.map((h) => [h.row, h.rule])).toEqual([[3, 'wide-merge']]);
    expect(plan.tasks.map((t) => [t.stt, t.pillar])).toEqual([['1', 'Nhận thức số']]);
  });
});
