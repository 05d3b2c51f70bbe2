/**
 * Timeliness (domain §4), decided once: each assignment line is judged against today, and the
 * task's state follows from its lines and its status. Findings, the pivot, the status sheet, the
 * roll-up and the follow-up by unit all read these assessments; none decides again.
 *
 * The official classes (the Government Office's reporting of assigned tasks): done on time, done
 * late, not done but within the deadline, overdue; plus no deadline (recurring, conditional, or
 * undated: missing or unreadable).
 */
import { addDays, daysBetween, type IsoDay } from './dates';
import type { Task } from './model';
import { parseStatus } from './status-words';

export type TaskState = 'done' | 'on-track' | 'overdue' | 'no-deadline';
export type NoDeadlineKind = 'recurring' | 'conditional' | 'undated';

export interface LineTiming {
  /** 1-based sheet row of the line. */
  row: number;
  due: IsoDay | null;
  /** Days past the line's due date, when the task is not done and the date has passed. */
  overdueDays: number | null;
  /** Days left (0 = due today) when the task is not done and the line is due within the window. */
  daysLeft: number | null;
}

export interface TaskAssessment {
  state: TaskState;
  /** For done tasks: from the completion date against the deadline, else from the status words. */
  doneTimeliness: 'on-time' | 'late' | null;
  /** Not done, not overdue, and some line is due today or within the window. */
  dueSoon: boolean;
  /** Some line names no lead unit (or the sheet has no lead column). */
  missingLead: boolean;
  /** Why a no-deadline task has none. */
  noDeadline: NoDeadlineKind | null;
  /** Most days past due among the task's lines (overdue tasks only). */
  overdueDays: number | null;
  /** Fewest days left among the due-soon lines (due-soon tasks only). */
  daysLeft: number | null;
  lines: LineTiming[];
}

export interface CheckOptions {
  today: IsoDay;
  /** "Due soon" window in days (default 14). */
  dueSoonDays?: number;
}

export const DEFAULT_DUE_SOON_DAYS = 14;
/** The settings and the command line accept a window of 0 to this many days. */
export const MAX_DUE_SOON_DAYS = 365;

export function assessTask(task: Task, opts: CheckOptions, hasLeadColumn = true): TaskAssessment {
  const window = opts.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const soonEnd = addDays(opts.today, window);
  const done = task.status === 'done';
  let overdueDays: number | null = null;
  let daysLeft: number | null = null;
  let anyDue = false;
  const lines: LineTiming[] = task.lines.map((l) => {
    const due = l.deadline.due;
    const timing: LineTiming = { row: l.row, due, overdueDays: null, daysLeft: null };
    if (due === null) return timing;
    anyDue = true;
    if (done) return timing;
    if (due < opts.today) {
      timing.overdueDays = daysBetween(due, opts.today);
      overdueDays = Math.max(overdueDays ?? 0, timing.overdueDays);
    } else if (due <= soonEnd) {
      timing.daysLeft = daysBetween(opts.today, due);
      daysLeft = Math.min(daysLeft ?? Number.MAX_SAFE_INTEGER, timing.daysLeft);
    }
    return timing;
  });
  const overdue = overdueDays !== null;
  const state: TaskState = done ? 'done' : overdue ? 'overdue' : anyDue ? 'on-track' : 'no-deadline';
  return {
    state,
    doneTimeliness: done ? doneTimeliness(task) : null,
    dueSoon: !done && !overdue && daysLeft !== null,
    missingLead: !hasLeadColumn || task.lines.some((l) => l.leadMissing),
    noDeadline: state === 'no-deadline' ? noDeadlineKind(task) : null,
    overdueDays: overdue ? overdueDays : null,
    daysLeft: !done && !overdue ? daysLeft : null,
    lines,
  };
}

/**
 * A done task's timeliness: a status that says late ("Đã hoàn thành quá hạn") is late whatever
 * the completion date; else the completion date against the deadline (completed on its due day
 * is on time); else a status that says on time ("Hoàn thành đúng hạn").
 */
function doneTimeliness(task: Task): 'on-time' | 'late' | null {
  if (task.statusLate) return 'late';
  if (task.completedOn && task.deadline.due)
    return task.completedOn <= task.deadline.due ? 'on-time' : 'late';
  if (parseStatus(task.statusText).onTime) return 'on-time';
  return null;
}

function noDeadlineKind(task: Task): NoDeadlineKind {
  const kinds = new Set(task.lines.map((l) => l.deadline.kind));
  if (kinds.has('recurring')) return 'recurring';
  if (kinds.has('conditional')) return 'conditional';
  return 'undated';
}
