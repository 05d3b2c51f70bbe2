/**
 * A unit's reminder with several tasks: the order the unit reads them in, the line of a task with
 * several deadlines that decides, which units get one at all, the e-mail's subject and groups when
 * only one kind of task is due, and the printable sheet cell by cell.
 */
import { checkSheet } from '../../src/core/check';
import { reminderLayout, reminderMail, remindersOf } from '../../src/core/reminders';
import type { CellValue } from '../../src/core/grid';
import { sheet } from '../helpers/grid';
import { REMINDER_CTX, reminderTask, unitReminder } from '../helpers/reminders';

const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Trạng thái'];
const CTX = REMINDER_CTX;
const check = (rows: CellValue[][]) =>
  checkSheet(sheet(rows, HEADER, 'KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2026'), { today: '2026-12-20' });

const task = reminderTask;
const unit = unitReminder;

describe('the order of a unit’s tasks', () => {
  it('lists the most late first (then by row), and the soonest due first (then by row)', () => {
    const rows: CellValue[][] = [
      ['I', 'Kinh tế số'],
      ['1', 'Trễ 10 ngày', 'Phòng Kinh tế', '10/12/2026', ''],
      ['2', 'Trễ 50 ngày, dòng trên', 'Phòng Kinh tế', '31/10/2026', ''],
      ['3', 'Trễ 50 ngày, dòng dưới', 'Phòng Kinh tế', '31/10/2026', ''],
      ['4', 'Còn 5 ngày', 'Phòng Kinh tế', '25/12/2026', ''],
      ['5', 'Còn 2 ngày, dòng trên', 'Phòng Kinh tế', '22/12/2026', ''],
      ['6', 'Còn 2 ngày, dòng dưới', 'Phòng Kinh tế', '22/12/2026', ''],
      ['7', 'Đã xong', 'Phòng Kinh tế', '31/10/2026', 'Hoàn thành'],
    ];
    const [kt] = remindersOf(check(rows));
    expect(kt?.overdue.map((t) => [t.stt, t.days, t.kind])).toEqual([
      ['2', 50, 'overdue'],
      ['3', 50, 'overdue'],
      ['1', 10, 'overdue'],
    ]);
    expect(kt?.dueSoon.map((t) => [t.stt, t.days, t.kind])).toEqual([
      ['5', 2, 'due-soon'],
      ['6', 2, 'due-soon'],
      ['4', 5, 'due-soon'],
    ]);
  });
});

describe('which units get a reminder', () => {
  it('only units with a late or soon task, never the shared row', () => {
    const rows: CellValue[][] = [
      ['I', 'Kinh tế số'],
      ['1', 'Trễ', 'Phòng Kinh tế', '31/10/2026', ''],
      ['2', 'Còn lâu', 'Công an xã', '31/12/2027', ''],
      ['3', 'Trễ, giao chung', 'Các phòng, ban, ngành', '31/10/2026', ''],
    ];
    expect(remindersOf(check(rows)).map((r) => r.unit)).toEqual(['Phòng Kinh tế']);
  });
});

describe('the line that decides, among several', () => {
  it('skips lines without a day, and keeps the first of two equally late', () => {
    const rows: CellValue[][] = [
      ['I', 'Kinh tế số'],
      ['1', 'Nhiều dòng, trễ', 'Phòng Kinh tế', 'Thường xuyên', ''],
      ['', '', 'Phòng Kinh tế', 'Tháng 10/2026', ''],
      ['', '', 'Phòng Kinh tế', '31/10/2026', ''],
      ['', '', 'Phòng Kinh tế', '30/11/2026', ''],
      ['2', 'Nhiều dòng, sắp hạn', 'Phòng Kinh tế', 'Thường xuyên', ''],
      ['', '', 'Phòng Kinh tế', '24/12/2026', ''],
      ['', '', 'Phòng Kinh tế', 'Trước 24/12/2026', ''],
      ['', '', 'Phòng Kinh tế', '28/12/2026', ''],
    ];
    const [kt] = remindersOf(check(rows));
    expect(kt?.overdue.map((t) => [t.deadlineText, t.due, t.days])).toEqual([
      ['Tháng 10/2026', '2026-10-31', 50],
    ]);
    expect(kt?.dueSoon.map((t) => [t.deadlineText, t.due, t.days])).toEqual([
      ['24/12/2026', '2026-12-24', 4],
    ]);
  });
});

describe('the e-mail with one kind of task', () => {
  it('counts only what is there in the subject, and has only that group', () => {
    const late = reminderMail(unit([task({}), task({ stt: '2' })]), CTX);
    expect(late.subject).toBe('[An Bình] Nhắc việc chuyển đổi số ngày 20/12/2026: 2 nhiệm vụ quá hạn');
    expect(late.body).toContain('NHIỆM VỤ QUÁ HẠN');
    expect(late.body).not.toContain('SẮP ĐẾN HẠN');
    const soon = reminderMail(unit([], [task({ kind: 'due-soon', days: 3 })]), CTX);
    expect(soon.subject).toBe('[An Bình] Nhắc việc chuyển đổi số ngày 20/12/2026: 1 sắp đến hạn');
    expect(soon.body).not.toContain('NHIỆM VỤ QUÁ HẠN');
  });

  it('names the plan by its reference only when the name starts with it', () => {
    const body = reminderMail(unit([task({})]), { ...CTX, planName: 'Theo Kế hoạch số 51/KH-UBND' }).body;
    expect(body).not.toContain('Kế hoạch số 51');
  });
});

describe('the printable sheet', () => {
  it('is written cell by cell: title, addressee, summary, header, one group, request, place and date, tag', () => {
    const l = reminderLayout(unit([task({ stt: '3', days: 20 })]), CTX);
    const blank = ['', '', '', '', '', ''];
    expect(l.rows).toEqual([
      ['PHIẾU ĐÔN ĐỐC THỰC HIỆN NHIỆM VỤ CHUYỂN ĐỔI SỐ', '', '', '', '', ''],
      ['Kính gửi: Phòng Kinh tế', '', '', '', '', ''],
      [
        'Theo bảng phân công nhiệm vụ chuyển đổi số năm 2026 của An Bình, tính đến ngày 20 tháng 12 năm 2026 đơn vị có 1 nhiệm vụ quá hạn.',
        '',
        '',
        '',
        '',
        '',
      ],
      blank,
      ['Số TT', 'Nhiệm vụ', 'Trụ cột', 'Thời hạn (như trong kế hoạch)', 'Hạn', 'Tình trạng'],
      ['Nhiệm vụ quá hạn (1)', '', '', '', '', ''],
      [
        '3',
        'Tuyên truyền',
        'Nhận thức số',
        '30/11/2026',
        { date: '2026-11-30', time: null },
        'quá hạn 20 ngày',
      ],
      blank,
      [l.rows[l.askRow]?.[0], '', '', '', '', ''],
      blank,
      ['', '', '', 'An Bình, ngày 20 tháng 12 năm 2026', '', ''],
      ['#ke-hoach-cds:nhac-viec', 'Phòng Kinh tế', '', '', '', ''],
    ]);
    expect(l.rows[l.askRow]?.[0]).toMatch(/^Đề nghị đơn vị/);
    expect(l.groupRows).toEqual([5]);
    expect(l.taskRows).toEqual([6]);
  });

  it('leaves the due cell empty for a task without a day, and the place out when the commune is unknown', () => {
    const l = reminderLayout(
      unit([], [task({ kind: 'due-soon', days: 0, deadlineText: 'Theo kế hoạch', due: null })]),
      { ...CTX, commune: '' },
    );
    expect(l.rows[l.taskRows[0] as number]?.slice(3)).toEqual(['Theo kế hoạch', '', 'đến hạn hôm nay']);
    expect(l.rows[l.signRow]?.[3]).toBe('ngày 20 tháng 12 năm 2026');
  });
});
