/**
 * "Phiếu đôn đốc": a reminder each lead unit can act on. Per unit (the check's units of kind
 * 'unit', in their order: most overdue first) the tasks it leads that are overdue or due soon,
 * with what the officer and the unit need to find them (the task's number as written, its text
 * shortened, its pillar, the deadline as written and its due day, the days late or left); then
 * the same as a printable sheet (rows + layout hints, one A4 page per unit) and as a plain-text
 * e-mail. Pure: the add-on sends the e-mails, the command line writes the sheets.
 */
import type { CheckResult } from './check';
import { viDay, type IsoDay } from './dates';
import { COUNT_LABELS, FOLLOW_WORDS, WORDS, daysWords, dueSoonMeaning } from './labels';
import type { StatusCell } from './status-report';
import type { TaskAssessment } from './timeliness';
import { collapse } from './text';
import { OTHER_PILLAR } from './vocabulary';

export interface ReminderTask {
  /** 1-based sheet row of the task. */
  row: number;
  /** The task's number as written ("3", "1.2"), "" when none. */
  stt: string;
  /** The task's text, shortened. */
  task: string;
  pillar: string;
  /** The deadline as written, and its due day, of the line that decides (most late, or soonest). */
  deadlineText: string;
  due: IsoDay | null;
  kind: 'overdue' | 'due-soon';
  /** Days late (overdue) or left (due soon; 0 = due today). */
  days: number;
}

export interface UnitReminder {
  unit: string;
  key: string;
  overdue: ReminderTask[];
  dueSoon: ReminderTask[];
}

export interface ReminderContext {
  commune: string;
  planName: string;
  planYear: number;
  today: IsoDay;
  dueSoonDays: number;
}

/** Characters of a task's text kept in a reminder. */
export const TASK_CHARS = 220;
/** Tasks listed in one e-mail (a longer list ends with how many more). */
export const MAIL_TASKS = 60;

/** Text cut at a word boundary, with "…", at most `max` characters. */
export function shorten(text: string, max = TASK_CHARS): string {
  const t = collapse(text);
  const chars = [...t];
  if (chars.length <= max) return t;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '')}…`;
}

function reminderTask(result: CheckResult, i: number): ReminderTask | null {
  const task = result.plan.tasks[i];
  const a = result.assessments[i] as TaskAssessment | undefined;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: tasks and assessments are one list, index for index
  if (!task || !a) return null;
  const overdue = a.state === 'overdue';
  if (!overdue && !a.dueSoon) return null;
  // The line that decides: the most days late, or the fewest days left.
  let best = -1;
  a.lines.forEach((l, j) => {
    const v = overdue ? l.overdueDays : l.daysLeft;
    if (v === null) return;
    const cur = best < 0 ? null : overdue ? a.lines[best]?.overdueDays : a.lines[best]?.daysLeft;
    if (cur === null || cur === undefined || (overdue ? v > cur : v < cur)) best = j;
  });
  const line = task.lines[best] ?? task.lines[0];
  return {
    row: task.row,
    stt: collapse(task.stt),
    task: shorten(task.task),
    // A section's own text can be a sentence ("Tăng cường công tác lãnh đạo, …"): kept short.
    pillar: shorten(task.pillar ?? OTHER_PILLAR, 60),
    // Stryker disable next-line OptionalChaining: a task always has a line
    deadlineText: collapse(line?.deadline.text ?? task.deadline.text),
    // Stryker disable next-line OptionalChaining: a task always has a line
    due: line?.deadline.due ?? task.deadline.due,
    kind: overdue ? 'overdue' : 'due-soon',
    days: (overdue ? a.overdueDays : a.daysLeft) ?? 0,
  };
}

/**
 * The reminders of a check: one per lead unit (kind 'unit') that has overdue or due-soon tasks,
 * in the check's unit order; within a unit the most late first, then the soonest due.
 */
export function remindersOf(result: CheckResult): UnitReminder[] {
  const byUnit = new Map<string, UnitReminder>();
  for (const u of result.units)
    if (u.kind === 'unit') byUnit.set(u.unit, { unit: u.unit, key: u.key, overdue: [], dueSoon: [] });
  result.plan.tasks.forEach((_t, i) => {
    const names = result.leadUnits[i] ?? [];
    // Stryker disable next-line ConditionalExpression: a task with no unit is put in no reminder either way
    if (names.length === 0) return;
    const item = reminderTask(result, i);
    if (!item) return;
    for (const name of names) {
      const r = byUnit.get(name);
      // Stryker disable next-line ConditionalExpression: every name of a task is one of the check's units
      if (r) (item.kind === 'overdue' ? r.overdue : r.dueSoon).push(item);
    }
  });
  const out = [...byUnit.values()].filter((r) => r.overdue.length + r.dueSoon.length > 0);
  for (const r of out) {
    r.overdue.sort((a, b) => b.days - a.days || a.row - b.row);
    r.dueSoon.sort((a, b) => a.days - b.days || a.row - b.row);
  }
  return out;
}

/** "Quý I/2026 (hạn 31/03/2026)", or the day alone when that is what was written. */
export function deadlineWords(t: ReminderTask): string {
  if (!t.due) return t.deadlineText;
  const day = viDay(t.due);
  if (t.deadlineText === '' || t.deadlineText === day) return day;
  return `${t.deadlineText} (hạn ${day})`;
}

/** "Nhiệm vụ 3", or the row when the task has no number. */
function taskName(t: ReminderTask): string {
  return t.stt !== '' ? `Nhiệm vụ ${t.stt}` : `Nhiệm vụ ở dòng ${t.row}`;
}

const OVERDUE = COUNT_LABELS.overdue.long.toLowerCase();
const DUE_SOON = COUNT_LABELS.dueSoon.long.toLowerCase();

function countWords(r: UnitReminder): string {
  const parts: string[] = [];
  if (r.overdue.length > 0) parts.push(`${r.overdue.length} ${WORDS.tasks} ${OVERDUE}`);
  if (r.dueSoon.length > 0) parts.push(`${r.dueSoon.length} ${WORDS.tasks} ${DUE_SOON}`);
  return parts.join(' và ');
}

/** "ngày 20 tháng 12 năm 2026" */
export function longDate(day: IsoDay): string {
  const [y, m, d] = day.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

function planWords(ctx: ReminderContext): string {
  const of = ctx.commune ? ` của ${ctx.commune}` : '';
  // A plan's reference ("Kế hoạch số 51/KH-UBND…") helps; a table's title repeats what is said.
  const name = /^kế hoạch số/iu.test(ctx.planName) ? ` (${shorten(ctx.planName, 120)})` : '';
  return `bảng phân công nhiệm vụ chuyển đổi số năm ${ctx.planYear}${of}${name}`;
}

/** The summary sentence of a reminder. */
export function reminderSummary(r: UnitReminder, ctx: ReminderContext): string {
  const soon =
    r.dueSoon.length > 0
      ? ` (${COUNT_LABELS.dueSoon.long.toLowerCase()}: ${dueSoonMeaning(ctx.dueSoonDays)})`
      : '';
  return `Theo ${planWords(ctx)}, tính đến ${longDate(ctx.today)} đơn vị có ${countWords(r)}${soon}.`;
}

export interface Mail {
  subject: string;
  body: string;
}

/** The e-mail of a reminder: plain text, Vietnamese, with the commune and the date. */
export function reminderMail(r: UnitReminder, ctx: ReminderContext): Mail {
  const n = [
    r.overdue.length > 0 ? `${r.overdue.length} ${WORDS.tasks} ${OVERDUE}` : '',
    r.dueSoon.length > 0 ? `${r.dueSoon.length} ${DUE_SOON}` : '',
  ]
    .filter((s) => s !== '')
    .join(', ');
  const subject = collapse(
    `${ctx.commune ? `[${ctx.commune}] ` : ''}Nhắc việc chuyển đổi số ngày ${viDay(ctx.today)}: ${n}`,
  );
  const lines: string[] = [`${FOLLOW_WORDS.remindTo}: ${r.unit}`, '', reminderSummary(r, ctx)];
  let listed = 0;
  const group = (title: string, tasks: ReminderTask[]) => {
    if (tasks.length === 0) return;
    lines.push('', title.toUpperCase());
    tasks.forEach((t, i) => {
      if (listed >= MAIL_TASKS) return;
      listed++;
      lines.push(`${i + 1}. ${taskName(t)} (${t.pillar}): ${t.task}`);
      lines.push(`   Thời hạn: ${deadlineWords(t)} — ${daysWords(t.kind, t.days)}`);
    });
  };
  group(FOLLOW_WORDS.overdueGroup, r.overdue);
  group(FOLLOW_WORDS.dueSoonGroup, r.dueSoon);
  const more = r.overdue.length + r.dueSoon.length - listed;
  if (more > 0) lines.push('', `… và ${more} nhiệm vụ khác (xem bảng phân công).`);
  lines.push(
    '',
    FOLLOW_WORDS.remindAsk,
    '',
    '—',
    'Thư gửi từ bảng phân công nhiệm vụ bằng tiện ích Kế hoạch CĐS.',
  );
  return { subject, body: lines.join('\n') };
}

// ---- the printable sheet -----------------------------------------------------------------------

/** Last row of a reminder sheet (hidden): marks the sheet as the product's. */
export const REMINDER_TAG = '#ke-hoach-cds:nhac-viec';

export interface ReminderRows {
  rows: StatusCell[][];
  width: number;
  /** 0-based rows. */
  titleRow: number;
  toRow: number;
  summaryRow: number;
  headerRow: number;
  groupRows: number[];
  taskRows: number[];
  askRow: number;
  signRow: number;
  markerRow: number;
  /** 0-based column of the due day (date cells) and of the task text (wrapped). */
  dueColumn: number;
  taskColumn: number;
  /** Column widths in characters: together about the width of an A4 page, portrait. */
  widths: number[];
}

/** A reminder as a sheet to print: title, addressee, summary, the tasks by group, the request, place and date. */
export function reminderLayout(r: UnitReminder, ctx: ReminderContext): ReminderRows {
  const header = [
    FOLLOW_WORDS.number,
    FOLLOW_WORDS.task,
    WORDS.pillar,
    FOLLOW_WORDS.deadline,
    FOLLOW_WORDS.due,
    FOLLOW_WORDS.situation,
  ];
  const width = header.length;
  const pad = (cells: StatusCell[]): StatusCell[] => [
    ...cells,
    ...new Array<string>(Math.max(0, width - cells.length)).fill(''),
  ];
  const rows: StatusCell[][] = [];
  rows.push(pad([FOLLOW_WORDS.remindTitle]));
  const toRow = rows.length;
  rows.push(pad([`${FOLLOW_WORDS.remindTo}: ${r.unit}`]));
  const summaryRow = rows.length;
  rows.push(pad([reminderSummary(r, ctx)]));
  rows.push(pad([]));
  const headerRow = rows.length;
  rows.push(header);
  const groupRows: number[] = [];
  const taskRows: number[] = [];
  const group = (title: string, tasks: ReminderTask[]) => {
    if (tasks.length === 0) return;
    groupRows.push(rows.length);
    rows.push(pad([`${title} (${tasks.length})`]));
    for (const t of tasks) {
      taskRows.push(rows.length);
      rows.push([
        t.stt,
        t.task,
        t.pillar,
        t.deadlineText,
        t.due ? { date: t.due, time: null } : '',
        daysWords(t.kind, t.days),
      ]);
    }
  };
  group(FOLLOW_WORDS.overdueGroup, r.overdue);
  group(FOLLOW_WORDS.dueSoonGroup, r.dueSoon);
  rows.push(pad([]));
  const askRow = rows.length;
  rows.push(pad([FOLLOW_WORDS.remindAsk]));
  rows.push(pad([]));
  const signRow = rows.length;
  rows.push(pad(['', '', '', `${ctx.commune ? `${ctx.commune}, ` : ''}${longDate(ctx.today)}`]));
  const markerRow = rows.length;
  rows.push(pad([REMINDER_TAG, r.unit]));
  return {
    rows,
    width,
    titleRow: 0,
    toRow,
    summaryRow,
    headerRow,
    groupRows,
    taskRows,
    askRow,
    signRow,
    markerRow,
    dueColumn: 4,
    taskColumn: 1,
    widths: [7, 42, 15, 17, 11, 17],
  };
}

/** Characters a worksheet name may have (Excel's limit). */
export const SHEET_NAME_MAX = 31;

function cleanSheetName(text: string): string {
  return collapse(text.normalize('NFC').replace(/[[\]:*?/\\]/g, ' ')).replace(/^'+|'+$/g, '');
}

/**
 * Worksheet names for the reminders: "Nhắc việc – <unit>", valid (no []:*?/\, no apostrophe at
 * either end, at most 31 characters, the unit's name cut with "…") and unique, ignoring case,
 * among themselves and the names already `taken`.
 */
export function reminderSheetNames(units: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken.map((t) => t.toLocaleLowerCase('vi')));
  const prefix = FOLLOW_WORDS.remindSheetPrefix;
  const room = SHEET_NAME_MAX - [...prefix].length;
  return units.map((unit) => {
    const name = [...cleanSheetName(unit)];
    const fit = (chars: string[], space: number) =>
      chars.length <= space
        ? chars.join('')
        : `${chars
            .slice(0, space - 1)
            .join('')
            .trimEnd()}…`;
    const whole = name.length > 0 ? name : [...FOLLOW_WORDS.unit];
    let candidate = `${prefix}${fit(whole, room)}`;
    for (let i = 2; used.has(candidate.toLocaleLowerCase('vi')); i++) {
      const tail = ` (${i})`;
      candidate = `${prefix}${fit(whole, room - tail.length)}${tail}`;
    }
    used.add(candidate.toLocaleLowerCase('vi'));
    return candidate;
  });
}

/** One unit as the reminder dialog shows it (the add-on's preview and the guide's picture). */
export interface PreviewUnit {
  key: string;
  unit: string;
  emails: string[];
  overdue: number;
  dueSoon: number;
  tasks: {
    stt: string;
    task: string;
    pillar: string;
    deadline: string;
    situation: string;
    overdue: boolean;
  }[];
  /** 'ready', 'no-address' (skipped), or 'sent-today' (sent only when "gửi lại" is ticked). */
  status: 'ready' | 'no-address' | 'sent-today';
  /** "HH:mm" of today's send, when sent today. */
  sentAt: string | null;
}

/** A unit's reminder as the dialog lists it: its addresses, its tasks in words, whether it went today. */
export function previewUnit(r: UnitReminder, emails: string[], sentAt: string | null): PreviewUnit {
  return {
    key: r.key,
    unit: r.unit,
    emails,
    overdue: r.overdue.length,
    dueSoon: r.dueSoon.length,
    tasks: [...r.overdue, ...r.dueSoon].map((t) => ({
      stt: t.stt,
      task: t.task,
      pillar: t.pillar,
      deadline: deadlineWords(t),
      situation: daysWords(t.kind, t.days),
      overdue: t.kind === 'overdue',
    })),
    status: emails.length === 0 ? 'no-address' : sentAt ? 'sent-today' : 'ready',
    sentAt,
  };
}
