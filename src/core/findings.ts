/**
 * Findings (the public codes of the report) and each task's timeliness state (domain §4).
 * Pure: the plan and "today" in, findings and states out.
 */
import { addDays, daysBetween, viDay, type IsoDay } from './dates';
import type { Plan, Task } from './model';
import { parseStatus } from './status';
import { columnIndex, columnLetter } from './text';
import { COLUMNS, STATUS_VALUES, type ColumnKey } from './vocabulary';

export const FINDING_CODES = [
  'missing-column',
  'missing-lead',
  'overdue',
  'due-soon',
  'missing-deadline',
  'unparsed-deadline',
  'duplicate-stt',
  'unknown-status',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** 1-based sheet row, null for the sheet as a whole. */
  row: number | null;
  /** Column letter, null for a whole row or the sheet. */
  column: string | null;
  message: string;
}

export type TaskState = 'done' | 'on-track' | 'overdue' | 'no-deadline';

export interface TaskAssessment {
  state: TaskState;
  /** For done tasks with a known completion date and due date. */
  doneTimeliness: 'on-time' | 'late' | null;
  dueSoon: boolean;
  missingLead: boolean;
}

export interface CheckOptions {
  today: IsoDay;
  /** "Due soon" window in days (default 14). */
  dueSoonDays?: number;
}

export const DEFAULT_DUE_SOON_DAYS = 14;

/** Short Vietnamese label of a task for messages: "Nhiệm vụ 1.2" or "Nhiệm vụ ở dòng 12". */
export function taskLabel(task: Task): string {
  return task.stt !== '' ? `Nhiệm vụ ${task.stt}` : `Nhiệm vụ ở dòng ${task.row}`;
}

const STANDARD: Record<ColumnKey, string> = Object.fromEntries(
  COLUMNS.map((c) => [c.key, c.standard]),
) as Record<ColumnKey, string>;

export function assessTask(task: Task, opts: CheckOptions): TaskAssessment {
  const soonEnd = addDays(opts.today, opts.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS);
  const done = task.status === 'done';
  const dues = task.lines.map((l) => l.deadline.due).filter((d): d is IsoDay => d !== null);
  const overdue = !done && dues.some((d) => d < opts.today);
  const soon = !done && !overdue && dues.some((d) => d >= opts.today && d <= soonEnd);
  let state: TaskState;
  if (done) state = 'done';
  else if (overdue) state = 'overdue';
  else if (dues.length > 0) state = 'on-track';
  else state = 'no-deadline';
  let doneTimeliness: TaskAssessment['doneTimeliness'] = null;
  if (done && task.statusLate) {
    // "Đã hoàn thành quá hạn": late whatever the completion date says (domain §4).
    doneTimeliness = 'late';
  } else if (done && task.completedOn && task.deadline.due) {
    doneTimeliness = task.completedOn <= task.deadline.due ? 'on-time' : 'late';
  } else if (done && parseStatus(task.statusText).onTime) {
    doneTimeliness = 'on-time';
  }
  return { state, doneTimeliness, dueSoon: soon, missingLead: task.lines.some((l) => l.leadMissing) };
}

/** All findings of a plan, sheet-level first, then by row and column. */
export function findingsOf(plan: Plan, opts: CheckOptions): Finding[] {
  const out: Finding[] = [];
  const col = (key: ColumnKey): string | null => {
    const c = plan.columns[key];
    return c === undefined ? null : columnLetter(c);
  };
  for (const key of plan.missingColumns) {
    const spec = COLUMNS.find((c) => c.key === key);
    if (!spec) continue;
    const required = spec.need === 'required';
    out.push({
      code: 'missing-column',
      severity: required ? 'error' : 'warning',
      row: null,
      column: null,
      message: required
        ? `Thiếu cột bắt buộc “${spec.standard}”. Thêm cột này hoặc sửa tiêu đề cột cho đúng để kiểm tra được.`
        : `Chưa có cột “${spec.standard}” (nên có). Thêm cột này để theo dõi đầy đủ.`,
    });
  }

  const soonEnd = addDays(opts.today, opts.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS);
  const leadCol = col('lead');
  const deadlineCol = col('deadline');
  const sttCol = col('stt');
  const statusCol = col('status');
  const seen = new Map<string, Task>();

  for (const task of plan.tasks) {
    const label = taskLabel(task);
    const done = task.status === 'done';

    if (sttCol && task.stt !== '') {
      const key = `${task.section}\u0000${task.stt}`;
      const first = seen.get(key);
      if (first) {
        const where = task.pillar ? ` trong mục “${task.pillar}”` : '';
        out.push({
          code: 'duplicate-stt',
          severity: 'warning',
          row: task.row,
          column: sttCol,
          message: `Số thứ tự ${task.stt} bị trùng${where} (đã có ở dòng ${first.row}). Đánh số lại để báo cáo không bị nhầm.`,
        });
      } else seen.set(key, task);
    }

    for (const line of task.lines) {
      if (leadCol && line.leadMissing) {
        const shown = line.lead !== '' ? ` (đang ghi “${line.lead}”)` : '';
        out.push({
          code: 'missing-lead',
          severity: 'error',
          row: line.row,
          column: leadCol,
          message: `${label} chưa có cơ quan chủ trì${shown}. Ghi rõ đơn vị chịu trách nhiệm chính.`,
        });
      }
      if (!deadlineCol) continue;
      const d = line.deadline;
      if (d.kind === 'missing') {
        out.push({
          code: 'missing-deadline',
          severity: 'warning',
          row: line.row,
          column: deadlineCol,
          message: `${label} chưa có thời gian hoàn thành. Ghi thời hạn, ví dụ “30/10/2025”, “Quý IV/2025” hoặc “Thường xuyên”.`,
        });
      } else if (d.kind === 'unknown') {
        out.push({
          code: 'unparsed-deadline',
          severity: 'warning',
          row: line.row,
          column: deadlineCol,
          message: `Không đọc được thời hạn “${d.text}” của ${lower(label)}. Ghi theo dạng “30/10/2025”, “Tháng 10/2025”, “Quý IV/2025” hoặc “Thường xuyên”.`,
        });
      } else if (d.due && !done) {
        if (d.due < opts.today) {
          const late = daysBetween(d.due, opts.today);
          out.push({
            code: 'overdue',
            severity: 'warning',
            row: line.row,
            column: deadlineCol,
            message: `${label} đã quá hạn ${late} ngày (hạn ${viDay(d.due)}) mà chưa hoàn thành. Cập nhật trạng thái hoặc đôn đốc đơn vị chủ trì.`,
          });
        } else if (d.due <= soonEnd) {
          const left = daysBetween(opts.today, d.due);
          out.push({
            code: 'due-soon',
            severity: 'info',
            row: line.row,
            column: deadlineCol,
            message:
              left === 0
                ? `${label} đến hạn hôm nay (${viDay(d.due)}).`
                : `${label} sắp đến hạn: còn ${left} ngày (hạn ${viDay(d.due)}).`,
          });
        }
      }
    }

    if (statusCol && task.statusText !== '' && task.status === 'unknown') {
      out.push({
        code: 'unknown-status',
        severity: 'warning',
        row: task.statusRow,
        column: statusCol,
        message: `Trạng thái “${task.statusText}” của ${lower(label)} không thuộc danh mục. Chọn một trong: ${statusChoices()}.`,
      });
    }
  }
  // Sheet-level first, then down the sheet, left to right (stable for findings on one cell).
  return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || colOrder(a.column) - colOrder(b.column));
}

function colOrder(letter: string | null): number {
  return letter === null ? -1 : columnIndex(letter);
}

function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

export function statusChoices(): string {
  return Object.values(STATUS_VALUES)
    .map((v) => v[0])
    .join(', ');
}

export function standardHeader(key: ColumnKey): string {
  return STANDARD[key];
}
