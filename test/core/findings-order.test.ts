/**
 * The findings list as the officer reads it: sheet-level first, then down the sheet and left to
 * right; one finding per late task at its most pressing line; the unit to chase named in words.
 */
import { checkSheet } from '../../src/core/check';
import { findingsOf, shortTask } from '../../src/core/findings';
import { sheet } from '../helpers/grid';

const today = '2025-10-20';
const H = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Trạng thái'];

describe('order of the findings', () => {
  test('sheet-level first, then by row, then by column, whatever order they were found in', () => {
    const result = checkSheet(
      sheet(
        [
          ['1', 'Số hóa hồ sơ', 'Phòng VH-XH', '', '', 'Đang làm dở'],
          ['', '', '', '', 'Tháng 9/2025'],
          ['1', 'Tập huấn', 'Công an xã', '', 'Ngày mai'],
        ],
        ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Sản phẩm', 'Thời gian hoàn thành', 'Trạng thái'],
      ),
      { today },
    );
    expect(result.findings.map((f) => [f.code, f.row, f.column])).toEqual([
      ['missing-column', null, null],
      ['missing-deadline', 3, 'E'],
      ['unknown-status', 3, 'F'],
      ['missing-lead', 4, 'C'],
      ['overdue', 4, 'E'],
      ['duplicate-stt', 5, 'A'],
      ['unparsed-deadline', 5, 'E'],
    ]);
  });
});

describe('one finding per late task, at its most pressing line', () => {
  test('overdue: the line late by most days, wherever it stands, names the due day', () => {
    for (const deadlines of [
      ['Tháng 9/2025', 'Tháng 8/2025'],
      ['Tháng 8/2025', 'Tháng 9/2025'],
    ]) {
      const result = checkSheet(
        sheet(
          [
            ['1', 'Số hóa hồ sơ', 'Phòng VH-XH', '', deadlines[0]],
            ['', '', 'Công an xã', '', deadlines[1]],
          ],
          H,
        ),
        { today },
      );
      const overdue = result.findings.filter((f) => f.code === 'overdue');
      expect(overdue).toHaveLength(1);
      const worstRow = deadlines[0] === 'Tháng 8/2025' ? 3 : 4;
      expect(overdue[0]?.row).toBe(worstRow);
      expect(overdue[0]?.rows).toEqual([3, 4]);
      expect(overdue[0]?.message).toContain('quá hạn 50 ngày (hạn 31/08/2025)');
    }
  });

  test('due soon: the line due first; a line not due soon is not listed', () => {
    for (const deadlines of [
      ['25/10/2025', '22/10/2025', 'Quý I/2026'],
      ['22/10/2025', '25/10/2025', 'Quý I/2026'],
    ]) {
      const result = checkSheet(
        sheet(
          [
            ['1', 'Số hóa hồ sơ', 'Phòng VH-XH', '', deadlines[0]],
            ['', '', 'Công an xã', '', deadlines[1]],
            ['', '', 'Văn phòng', '', deadlines[2]],
          ],
          H,
        ),
        { today },
      );
      const soon = result.findings.filter((f) => f.code === 'due-soon');
      expect(soon).toHaveLength(1);
      expect(soon[0]?.row).toBe(deadlines[0] === '22/10/2025' ? 3 : 4);
      expect(soon[0]?.rows).toEqual([3, 4]);
      expect(soon[0]?.message).toContain('còn 2 ngày (hạn 22/10/2025)');
    }
  });
});

describe('the unit to chase, and how a task is named', () => {
  const late = () =>
    checkSheet(
      sheet(
        [
          ['I', 'Nhận thức số'],
          ['1', 'Số hóa hồ sơ', 'Phòng VH-XH', '', 'Tháng 9/2025'],
          ['', '', 'x', '', 'Tháng 9/2025'],
          ['', '', 'Phòng VH-XH', '', 'Tháng 9/2025'],
        ],
        H,
      ),
      { today },
    );

  test('without the unit reading, the leads as written, once each, placeholders left out', () => {
    const { plan, assessments } = late();
    const overdue = findingsOf(plan, assessments).find((f) => f.code === 'overdue');
    expect(overdue?.message).toBe(
      'Nhiệm vụ 1 “Số hóa hồ sơ” (Nhận thức số) đã quá hạn 20 ngày (hạn 30/09/2025) mà chưa hoàn thành; chủ trì: Phòng VH-XH. Đôn đốc đơn vị chủ trì hoặc cập nhật trạng thái.',
    );
  });

  test('a task with no text and no pillar is named by its number alone; with no lead, no unit', () => {
    const { plan, assessments } = late();
    const task = plan.tasks[0];
    if (!task) throw new Error('no task');
    task.task = '';
    task.pillar = null;
    for (const l of task.lines) l.leadMissing = true;
    const overdue = findingsOf(plan, assessments).find((f) => f.code === 'overdue');
    expect(overdue?.message).toBe(
      'Nhiệm vụ 1 đã quá hạn 20 ngày (hạn 30/09/2025) mà chưa hoàn thành. Đôn đốc đơn vị chủ trì hoặc cập nhật trạng thái.',
    );
  });

  test('two tasks with no number are never duplicates of each other', () => {
    const result = checkSheet(
      sheet(
        [
          ['1', 'Số hóa hồ sơ', 'Phòng VH-XH', '', 'Quý IV/2025'],
          ['2', 'Tập huấn', 'Công an xã', '', 'Quý IV/2025'],
        ],
        H,
      ),
      { today },
    );
    for (const t of result.plan.tasks) t.stt = '';
    expect(findingsOf(result.plan, result.assessments).map((f) => f.code)).not.toContain('duplicate-stt');
  });

  test('without a deadline column no line is told to add a deadline: the missing column says it once', () => {
    const result = checkSheet(
      sheet([['1', 'Số hóa hồ sơ', 'Phòng VH-XH', '']], ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Trạng thái']),
      { today },
    );
    const codes = result.findings.map((f) => f.code);
    expect(codes).not.toContain('missing-deadline');
    expect(codes.filter((c) => c === 'missing-column')).toHaveLength(2);
  });
});

describe('shortTask', () => {
  test('cuts at the last space when it is past the middle, else mid-word', () => {
    const past = `${'a'.repeat(31)} ${'b'.repeat(40)}`;
    expect(shortTask(past)).toBe(`${'a'.repeat(31)}…`);
    const middle = `${'a'.repeat(30)} ${'b'.repeat(40)}`;
    expect(shortTask(middle)).toBe(`${middle.slice(0, 60)}…`);
  });

  test('drops the punctuation left at the cut', () => {
    expect(shortTask(`${'x'.repeat(40)},; ${'y'.repeat(40)}`)).toBe(`${'x'.repeat(40)}…`);
  });

  test('leaves a short text as it is', () => {
    expect(shortTask('Số hóa hồ sơ')).toBe('Số hóa hồ sơ');
  });
});
