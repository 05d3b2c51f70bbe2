/**
 * The findings as an officer reads them: which cell, which colour, and a sentence that names the
 * task, its section, the unit to chase and what to do. Sheet-level findings first, then down the
 * sheet, left to right.
 */
import { checkSheet } from '../../src/core/check';
import { shortTask, statusChoices } from '../../src/core/findings';
import { sheet } from '../helpers/grid';

const today = '2025-10-20';
const shown = (r: ReturnType<typeof checkSheet>) =>
  r.findings.map((f) => [f.code, f.severity, f.row, f.column, f.rows ?? null, f.message]);

describe('finding messages', () => {
  it('say what is wrong with each task, and where', () => {
    const r = checkSheet(
      sheet([
        ['I', 'Nhận thức số'],
        [
          '1',
          'Tập huấn kỹ năng số cho cán bộ, công chức và người dân trên địa bàn xã năm 2025',
          '',
          '',
          '01/09/2025',
          'Đang thực hiện',
        ],
        ['', 'Đợt 2', 'x', '', '25/09/2025', ''],
        ['2', 'Hội nghị', 'UBND xã', '', '20/10/2025', ''],
        ['3', 'Sơ kết', 'Công an xã', '', '', 'Gần xong'],
        ['3', 'Tổng kết', 'UBND xã', '', 'Khi nào xong 32/13', ''],
        ['4', 'Họp', 'UBND xã', '', '25/10/2025', ''],
      ]),
      { today },
    );
    const task1 = 'Nhiệm vụ 1 “Tập huấn kỹ năng số cho cán bộ, công chức và người dân trên…” (Nhận thức số)';
    expect(shown(r)).toEqual([
      [
        'missing-lead',
        'error',
        4,
        'C',
        [4, 5],
        `${task1} chưa có cơ quan chủ trì ở dòng 4, 5. Ghi rõ đơn vị chịu trách nhiệm chính.`,
      ],
      [
        'overdue',
        'warning',
        4,
        'E',
        [4, 5],
        `${task1} đã quá hạn 49 ngày (hạn 01/09/2025) mà chưa hoàn thành. Đôn đốc đơn vị chủ trì hoặc cập nhật trạng thái.`,
      ],
      [
        'due-soon',
        'info',
        6,
        'E',
        [6],
        'Nhiệm vụ 2 “Hội nghị” (Nhận thức số) đến hạn hôm nay (20/10/2025); chủ trì: UBND xã.',
      ],
      [
        'missing-deadline',
        'warning',
        7,
        'E',
        null,
        'Nhiệm vụ 3 chưa có thời gian hoàn thành. Ghi thời hạn, ví dụ “30/10/2025”, “Quý IV/2025” hoặc “Thường xuyên”.',
      ],
      [
        'unknown-status',
        'warning',
        7,
        'F',
        null,
        'Trạng thái “Gần xong” của nhiệm vụ 3 không thuộc danh mục. Chọn một trong: Hoàn thành, Đang thực hiện, Chưa thực hiện.',
      ],
      [
        'duplicate-stt',
        'warning',
        8,
        'A',
        null,
        'Số thứ tự 3 bị trùng trong mục “Nhận thức số” (đã có ở dòng 7). Đánh số lại để báo cáo không bị nhầm.',
      ],
      [
        'unparsed-deadline',
        'warning',
        8,
        'E',
        null,
        'Không đọc được thời hạn “Khi nào xong 32/13” của nhiệm vụ 3. Ghi theo dạng “30/10/2025”, “Tháng 10/2025”, “Quý IV/2025” hoặc “Thường xuyên”.',
      ],
      [
        'due-soon',
        'info',
        9,
        'E',
        [9],
        'Nhiệm vụ 4 “Họp” (Nhận thức số) sắp đến hạn: còn 5 ngày (hạn 25/10/2025); chủ trì: UBND xã.',
      ],
    ]);
  });

  it('name the missing columns first, and a task without a number by its row', () => {
    const r = checkSheet(
      sheet(
        [['Nhận thức số'], ['Tập huấn kỹ năng số', '01/09/2025', '']],
        ['Nhiệm vụ', 'Thời gian hoàn thành', 'Trạng thái'],
      ),
      { today },
    );
    expect(shown(r)).toEqual([
      [
        'missing-column',
        'error',
        null,
        null,
        null,
        'Thiếu cột bắt buộc “STT”. Thêm cột này hoặc sửa tiêu đề cột cho đúng để kiểm tra được.',
      ],
      [
        'missing-column',
        'error',
        null,
        null,
        null,
        'Thiếu cột bắt buộc “Cơ quan chủ trì”. Thêm cột này hoặc sửa tiêu đề cột cho đúng để kiểm tra được.',
      ],
      [
        'missing-column',
        'warning',
        null,
        null,
        null,
        'Chưa có cột “Cơ quan phối hợp” (nên có). Thêm cột này để theo dõi đầy đủ.',
      ],
      [
        'missing-lead',
        'error',
        4,
        'A',
        null,
        'Nhiệm vụ ở dòng 4 “Tập huấn kỹ năng số” (Nhận thức số) chưa có cơ quan chủ trì: bảng chưa có cột “Cơ quan chủ trì”. Thêm cột (lệnh “Thêm cột chuẩn còn thiếu”) rồi ghi đơn vị chủ trì.',
      ],
      [
        'overdue',
        'warning',
        4,
        'B',
        [4],
        'Nhiệm vụ ở dòng 4 “Tập huấn kỹ năng số” (Nhận thức số) đã quá hạn 49 ngày (hạn 01/09/2025) mà chưa hoàn thành. Đôn đốc đơn vị chủ trì hoặc cập nhật trạng thái.',
      ],
    ]);
  });

  it('quote a placeholder written as the lead, and name every unit of a late task', () => {
    const r = checkSheet(
      sheet([
        ['I', 'Nhận thức số'],
        ['1', 'Tập huấn', 'x', '', '01/09/2025', ''],
        ['2', 'Họp', 'Công an xã', '', '01/10/2025', ''],
        ['', '', 'UBND xã', '', '15/09/2025', ''],
      ]),
      { today },
    );
    const messages = r.findings.map((f) => f.message);
    expect(messages[0]).toBe(
      'Nhiệm vụ 1 “Tập huấn” (Nhận thức số) chưa có cơ quan chủ trì (đang ghi “x”). Ghi rõ đơn vị chịu trách nhiệm chính.',
    );
    const late = r.findings.filter((f) => f.code === 'overdue');
    expect(late.map((f) => [f.row, f.rows])).toEqual([
      [4, [4]],
      // At the most overdue line's cell, every late line listed.
      [6, [5, 6]],
    ]);
    expect(late[1]?.message).toBe(
      'Nhiệm vụ 2 “Họp” (Nhận thức số) đã quá hạn 35 ngày (hạn 15/09/2025) mà chưa hoàn thành; chủ trì: Công an xã, UBND xã. Đôn đốc đơn vị chủ trì hoặc cập nhật trạng thái.',
    );
  });

  it('lists the status words an officer may choose', () => {
    expect(statusChoices()).toBe('Hoàn thành, Đang thực hiện, Chưa thực hiện');
  });
});

describe('shortTask', () => {
  it('keeps a short text whole', () => {
    expect(shortTask('Tập huấn kỹ năng số')).toBe('Tập huấn kỹ năng số');
    expect(shortTask('x'.repeat(60))).toBe('x'.repeat(60));
  });

  it('cuts a long text at a word, without the punctuation before the cut', () => {
    expect(
      shortTask('Tập huấn kỹ năng số cho cán bộ, công chức, người dân trên địa bàn toàn xã trong năm'),
    ).toBe('Tập huấn kỹ năng số cho cán bộ, công chức, người dân trên…');
    expect(shortTask('Một hai ba, bốn năm sáu', 12)).toBe('Một hai ba…');
  });

  it('cuts inside a word only when the first half has no space', () => {
    expect(shortTask(`${'x'.repeat(50)} ${'y'.repeat(20)}`)).toBe(`${'x'.repeat(50)}…`);
    expect(shortTask(`${'x'.repeat(20)} ${'y'.repeat(50)}`)).toBe(`${'x'.repeat(20)} ${'y'.repeat(39)}…`);
    expect(shortTask('abcdef ghijklmnop', 12)).toBe('abcdef ghijk…');
    expect(shortTask('abcdefg hijklmnop', 12)).toBe('abcdefg…');
  });

  it('drops every punctuation mark left before the cut', () => {
    expect(shortTask('Một hai ba;; bốn năm sáu bảy', 14)).toBe('Một hai ba…');
  });
});

describe('where a task’s finding sits', () => {
  const at = (rows: string[][], header?: string[]) =>
    checkSheet(sheet(rows, header), { today }).findings.map((f) => [f.code, f.row, f.column, f.rows ?? null]);

  it('down the sheet first, whatever order the checks ran in', () => {
    expect(
      at([
        ['I', 'Nhận thức số'],
        ['1', 'Tập huấn', 'UBND xã', '', '', ''],
        ['', 'Đợt 2', '', '', '30/12/2025', ''],
      ]),
    ).toEqual([
      ['missing-deadline', 4, 'E', null],
      ['missing-lead', 5, 'C', [5]],
    ]);
  });

  it('due soon at the nearest line; overdue at the first of equally late lines', () => {
    expect(
      at([
        ['I', 'Nhận thức số'],
        ['1', 'Tập huấn', 'UBND xã', '', '30/10/2025', ''],
        ['', 'Đợt 2', 'UBND xã', '', '25/10/2025', ''],
      ]),
    ).toEqual([['due-soon', 5, 'E', [4, 5]]]);
    expect(
      at([
        ['I', 'Nhận thức số'],
        ['1', 'Tập huấn', 'UBND xã', '', '01/10/2025', ''],
        ['', 'Đợt 2', 'UBND xã', '', '01/10/2025', ''],
      ]),
    ).toEqual([['overdue', 4, 'E', [4, 5]]]);
  });

  it('no duplicate numbers where the sheet has no number column', () => {
    const codes = at(
      [['Nhận thức số'], ['Tập huấn', 'UBND xã', 'Thường xuyên'], ['Họp', 'UBND xã', 'Thường xuyên']],
      ['Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
    ).map((f) => f[0]);
    expect(codes).toEqual(['missing-column', 'missing-column', 'missing-column']);
  });
});
