/**
 * More of what a unit receives: the line of a task that decides its reminder, a task without a
 * number, the plan's reference in the summary, a long list cut in the e-mail, the words of a
 * deadline, and the dialog's preview of each unit (addresses, whether it went today).
 */
import { checkSheet } from '../../src/core/check';
import {
  deadlineWords,
  MAIL_TASKS,
  previewUnit,
  reminderMail,
  reminderSummary,
  remindersOf,
  shorten,
} from '../../src/core/reminders';
import type { CellValue } from '../../src/core/grid';
import { sheet } from '../helpers/grid';
import { REMINDER_CTX, reminderTask, unitReminder } from '../helpers/reminders';

const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Trạng thái'];
const CTX = REMINDER_CTX;

function must<T>(v: T | null | undefined): T {
  if (v === null || v === undefined) throw new Error('missing');
  return v;
}

const task = reminderTask;
const unit = unitReminder;

describe('the line that decides a reminder', () => {
  it('is the most late line of an overdue task, and the soonest line of a task due soon', () => {
    const rows: CellValue[][] = [
      ['I', 'Kinh tế số'],
      ['1', 'Đưa sản phẩm OCOP lên sàn', 'Phòng Kinh tế', '30/11/2026', ''],
      ['', '', 'Phòng Kinh tế', '31/10/2026', ''],
      ['', '', 'Phòng Kinh tế', '15/11/2026', ''],
      ['2', 'Thanh toán không dùng tiền mặt', 'Phòng Kinh tế', '31/12/2026', ''],
      ['', '', 'Phòng Kinh tế', '24/12/2026', ''],
      ['', '', 'Phòng Kinh tế', '28/12/2026', ''],
    ];
    const r = must(remindersOf(checkSheet(sheet(rows, HEADER), { today: '2026-12-20' }))[0]);
    expect(r.overdue.map((t) => [t.stt, t.deadlineText, t.due, t.days])).toEqual([
      ['1', '31/10/2026', '2026-10-31', 50],
    ]);
    expect(r.dueSoon.map((t) => [t.stt, t.deadlineText, t.due, t.days])).toEqual([
      ['2', '24/12/2026', '2026-12-24', 4],
    ]);
  });

  it('names a task without a number by its row, in the e-mail', () => {
    const rows: CellValue[][] = [['', 'Số hóa hồ sơ', 'Phòng Kinh tế', '30/11/2026', '']];
    const r = must(remindersOf(checkSheet(sheet(rows, HEADER), { today: '2026-12-20' }))[0]);
    expect(r.overdue.map((t) => [t.stt, t.row])).toEqual([['', 3]]);
    expect(reminderMail(r, CTX).body).toContain('1. Nhiệm vụ ở dòng 3 (');
  });
});

describe('the summary', () => {
  it('names the plan by its reference when it has one, and says nothing of due-soon tasks it has not', () => {
    const r = unit([task({})]);
    expect(reminderSummary(r, { ...CTX, planName: 'Kế hoạch số 51/KH-UBND ngày 10/3/2026' })).toBe(
      'Theo bảng phân công nhiệm vụ chuyển đổi số năm 2026 của An Bình (Kế hoạch số 51/KH-UBND ngày 10/3/2026), tính đến ngày 20 tháng 12 năm 2026 đơn vị có 1 nhiệm vụ quá hạn.',
    );
    expect(reminderSummary(r, { ...CTX, commune: '', planName: 'BẢNG PHÂN CÔNG NHIỆM VỤ' })).toBe(
      'Theo bảng phân công nhiệm vụ chuyển đổi số năm 2026, tính đến ngày 20 tháng 12 năm 2026 đơn vị có 1 nhiệm vụ quá hạn.',
    );
  });

  it('speaks of tasks due today when the window is zero days', () => {
    const r = unit([], [task({ kind: 'due-soon', days: 0 })]);
    expect(reminderSummary(r, { ...CTX, dueSoonDays: 0 })).toBe(
      'Theo bảng phân công nhiệm vụ chuyển đổi số năm 2026 của An Bình, tính đến ngày 20 tháng 12 năm 2026 đơn vị có 1 nhiệm vụ sắp đến hạn (sắp đến hạn: đến hạn hôm nay).',
    );
  });
});

describe('a long list in the e-mail', () => {
  it(`lists the first ${MAIL_TASKS} tasks and says how many more there are`, () => {
    const overdue = Array.from({ length: 50 }, (_, i) => task({ stt: String(i + 1), days: 80 - i }));
    const dueSoon = Array.from({ length: 15 }, (_, i) =>
      task({ stt: String(51 + i), kind: 'due-soon', days: i, deadlineText: '', due: '2026-12-31' }),
    );
    const body = reminderMail(unit(overdue, dueSoon), CTX).body;
    const items = body.split('\n').filter((l) => /^\d+\. Nhiệm vụ /.test(l));
    expect(items).toHaveLength(MAIL_TASKS);
    expect(items.at(-1)).toBe('10. Nhiệm vụ 60 (Nhận thức số): Tuyên truyền');
    expect(body).toContain('\n\n… và 5 nhiệm vụ khác (xem bảng phân công).\n');
    expect(body).toContain('   Thời hạn: 31/12/2026 — đến hạn hôm nay');
  });

  it('has no such line when every task is listed', () => {
    expect(reminderMail(unit([task({})]), CTX).body).not.toContain('nhiệm vụ khác');
  });
});

describe('deadlineWords', () => {
  it('gives the day alone when that is what was written, the text alone when no day is known', () => {
    expect(deadlineWords(task({}))).toBe('30/11/2026');
    expect(deadlineWords(task({ deadlineText: '' }))).toBe('30/11/2026');
    expect(deadlineWords(task({ deadlineText: 'Quý IV/2026', due: '2026-12-31' }))).toBe(
      'Quý IV/2026 (hạn 31/12/2026)',
    );
    expect(deadlineWords(task({ deadlineText: 'Theo kế hoạch của tỉnh', due: null }))).toBe(
      'Theo kế hoạch của tỉnh',
    );
  });
});

describe('shorten', () => {
  it('cuts inside a word when the last space is too early, and drops punctuation before the ellipsis', () => {
    expect(shorten('Số hóatoànbộhồsơđăngkýhộtịch', 20)).toBe('Số hóatoànbộhồsơđăn…');
    expect(shorten('Số hóa toàn bộ hồsơđăngkýhộtịch', 20)).toBe('Số hóa toàn bộ…');
    expect(shorten('Rà soát, cập nhật, bổ sung', 10)).toBe('Rà soát…');
    expect(shorten('  Nhiệm   vụ  ngắn ')).toBe('Nhiệm vụ ngắn');
    expect(shorten('Đúng hai mươi ký tự!', 20)).toBe('Đúng hai mươi ký tự!');
  });
});

describe('previewUnit', () => {
  it('lists the unit’s tasks in words, overdue first, and whether it can be sent', () => {
    const r = unit(
      [task({ stt: '3', days: 20 })],
      [task({ stt: '4', kind: 'due-soon', days: 2, deadlineText: 'Quý IV/2026', due: '2026-12-31' })],
    );
    expect(previewUnit(r, ['kt@anbinh.gov.vn'], null)).toEqual({
      key: 'phong kinh te',
      unit: 'Phòng Kinh tế',
      emails: ['kt@anbinh.gov.vn'],
      overdue: 1,
      dueSoon: 1,
      tasks: [
        {
          stt: '3',
          task: 'Tuyên truyền',
          pillar: 'Nhận thức số',
          deadline: '30/11/2026',
          situation: 'quá hạn 20 ngày',
          overdue: true,
        },
        {
          stt: '4',
          task: 'Tuyên truyền',
          pillar: 'Nhận thức số',
          deadline: 'Quý IV/2026 (hạn 31/12/2026)',
          situation: 'còn 2 ngày',
          overdue: false,
        },
      ],
      status: 'ready',
      sentAt: null,
    });
    expect(previewUnit(r, ['kt@anbinh.gov.vn'], '08:15')).toMatchObject({
      status: 'sent-today',
      sentAt: '08:15',
    });
    expect(previewUnit(r, [], '08:15').status).toBe('no-address');
  });
});
