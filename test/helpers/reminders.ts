/** Small hand-made reminders for the tests of what a unit receives. */
import type { ReminderTask, UnitReminder } from '../../src/core/reminders';

export const REMINDER_CTX = {
  commune: 'An Bình',
  planName: '',
  planYear: 2026,
  today: '2026-12-20',
  dueSoonDays: 14,
};

/** An overdue task of the culture pillar, 20 days late, changed by `over`. */
export const reminderTask = (over: Partial<ReminderTask>): ReminderTask => ({
  row: 5,
  stt: '1',
  task: 'Tuyên truyền',
  pillar: 'Nhận thức số',
  deadlineText: '30/11/2026',
  due: '2026-11-30',
  kind: 'overdue',
  days: 20,
  ...over,
});

/** The economy office's reminder with these tasks. */
export const unitReminder = (overdue: ReminderTask[], dueSoon: ReminderTask[] = []): UnitReminder => ({
  unit: 'Phòng Kinh tế',
  key: 'phong kinh te',
  overdue,
  dueSoon,
});
