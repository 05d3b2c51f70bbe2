/** How late each task is, decided once per line and read by findings, pivot and status sheet alike. */
import { checkSheet } from '../../src/core/check';
import { assessTask } from '../../src/core/timeliness';
import { sheet } from '../helpers/grid';

const today = '2025-10-20';
const section = ['I', 'Nhận thức số'];
const check = (rows: string[][]) => checkSheet(sheet([section, ...rows]), { today });

describe('a task written over several lines', () => {
  it('is as late as its latest overdue line', () => {
    const [a] = check([
      ['1', 'Tập huấn', 'UBND xã', '', '01/09/2025', 'Đang thực hiện'],
      ['', 'Đợt 2', 'UBND xã', '', '01/10/2025', ''],
    ]).assessments;
    expect(a?.state).toBe('overdue');
    expect(a?.overdueDays).toBe(49);
    expect(a?.lines.map((l) => l.overdueDays)).toEqual([49, 19]);
  });

  it('is not “due soon” when another of its lines is already overdue', () => {
    const [a] = check([
      ['1', 'Tập huấn', 'UBND xã', '', '01/10/2025', 'Đang thực hiện'],
      ['', 'Đợt 2', 'UBND xã', '', '25/10/2025', ''],
    ]).assessments;
    expect(a?.state).toBe('overdue');
    expect(a?.dueSoon).toBe(false);
    expect(a?.daysLeft).toBeNull();
    expect(a?.lines.map((l) => l.daysLeft)).toEqual([null, 5]);
  });

  it('is due soon by its nearest line within the window', () => {
    const [a] = check([
      ['1', 'Tập huấn', 'UBND xã', '', '30/10/2025', 'Đang thực hiện'],
      ['', 'Đợt 2', 'UBND xã', '', '25/10/2025', ''],
      ['', 'Đợt 3', 'UBND xã', '', '31/12/2025', ''],
    ]).assessments;
    expect(a).toMatchObject({
      state: 'on-track',
      dueSoon: true,
      daysLeft: 5,
      overdueDays: null,
      noDeadline: null,
    });
  });
});

describe('a done task', () => {
  it('is never overdue nor due soon, whatever its deadlines', () => {
    const [late, soon] = check([
      ['1', 'Tập huấn', 'UBND xã', '', '01/09/2025', 'Hoàn thành'],
      ['2', 'Hội nghị', 'UBND xã', '', '25/10/2025', 'Hoàn thành'],
    ]).assessments;
    for (const a of [late, soon]) {
      expect(a).toMatchObject({
        state: 'done',
        dueSoon: false,
        overdueDays: null,
        daysLeft: null,
        noDeadline: null,
      });
      expect(a?.lines.every((l) => l.overdueDays === null && l.daysLeft === null)).toBe(true);
    }
  });
});

describe('the lead column', () => {
  it('a task with a lead does not lack one when the caller does not say the column is missing', () => {
    const result = check([['1', 'Tập huấn', 'UBND xã', '', '30/12/2025', '']]);
    const task = result.plan.tasks[0];
    expect(task && assessTask(task, { today }).missingLead).toBe(false);
    expect(task && assessTask(task, { today }, false).missingLead).toBe(true);
  });
});

describe('the pivot’s rows', () => {
  it('every canonical pillar, then the sheet’s own sections even when empty, then “Khác” last', () => {
    const r = checkSheet(
      sheet([
        ['1', 'Ngoài mục', 'UBND xã', '', 'Thường xuyên', ''],
        ['I', 'Khác'],
        ['1', 'Việc khác', 'UBND xã', '', 'Thường xuyên', ''],
        ['II', 'Cải cách hành chính'],
        ['III', 'Nhận thức số'],
        ['1', 'Tập huấn', 'UBND xã', '', 'Thường xuyên', ''],
      ]),
      { today },
    );
    const rows = r.pivot.map((p) => [p.pillar, p.total]);
    expect(rows.slice(0, 2)).toEqual([
      ['Nhận thức số', 1],
      ['Thể chế số', 0],
    ]);
    expect(rows.slice(-3)).toEqual([
      ['Cải cách hành chính', 0],
      ['Khác', 2],
      ['Tổng cộng', 3],
    ]);
  });
});
