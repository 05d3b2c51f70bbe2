/**
 * Findings (the public codes of the report) and each task's timeliness state (domain §4).
 * Pure: the plan and "today" in, findings and states out.
 */
import { viDay } from './dates';
import type { TaskAssessment } from './timeliness';
import type { Plan, Task } from './model';
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
  /** Every row of the finding's column it concerns (a task's lines), when more than `row`. */
  rows?: number[];
  message: string;
}

export type { TaskAssessment, TaskState, CheckOptions } from './timeliness';
export { assessTask, DEFAULT_DUE_SOON_DAYS, MAX_DUE_SOON_DAYS } from './timeliness';

/** Short Vietnamese label of a task for messages: "Nhiệm vụ 1.2" or "Nhiệm vụ ở dòng 12". */
export function taskLabel(task: Task): string {
  return task.stt !== '' ? `Nhiệm vụ ${task.stt}` : `Nhiệm vụ ở dòng ${task.row}`;
}

/** The task's text cut at a word boundary: enough to recognise it in a message. */
export function shortTask(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** "Nhiệm vụ 35 “Hỗ trợ hộ kinh doanh…” (Kinh tế số)": which task, in words an officer recognises. */
function taskNamed(task: Task): string {
  const text = task.task !== '' ? ` “${shortTask(task.task)}”` : '';
  const pillar = task.pillar ? ` (${task.pillar})` : '';
  return `${taskLabel(task)}${text}${pillar}`;
}

/** "; chủ trì: UBND xã" — the unit to chase, as written (several lines' units joined). */
function leadOf(task: Task, units?: readonly string[]): string {
  if (units && units.length > 0) return `; chủ trì: ${units.join(', ')}`;
  const leads = [...new Set(task.lines.filter((l) => !l.leadMissing).map((l) => l.lead))];
  return leads.length > 0 ? `; chủ trì: ${leads.join(', ')}` : '';
}

const STANDARD: Record<ColumnKey, string> = Object.fromEntries(
  COLUMNS.map((c) => [c.key, c.standard]),
) as Record<ColumnKey, string>;

/**
 * All findings of a plan, sheet-level first, then by row and column. Overdue, due-soon and
 * missing-lead are one finding per task (at the cell of its most pressing line, `rows` listing
 * every line concerned), so their counts equal the pivot's; deadline-cell problems are per line.
 */
export function findingsOf(
  plan: Plan,
  assessments: readonly TaskAssessment[],
  leadUnits: readonly (readonly string[])[] = [],
): Finding[] {
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

  const leadCol = col('lead');
  const deadlineCol = col('deadline');
  const sttCol = col('stt');
  const statusCol = col('status');
  const taskCol = col('task') ?? 'A';
  const seen = new Map<string, Task>();

  plan.tasks.forEach((task, i) => {
    const a = assessments[i] as TaskAssessment;
    const label = taskLabel(task);

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

    if (a.missingLead) {
      const missingLines = task.lines.filter((l) => l.leadMissing);
      if (!leadCol) {
        out.push({
          code: 'missing-lead',
          severity: 'error',
          row: task.row,
          column: taskCol,
          message: `${taskNamed(task)} chưa có cơ quan chủ trì: bảng chưa có cột “${STANDARD.lead}”. Thêm cột (lệnh “Thêm cột chuẩn còn thiếu”) rồi ghi đơn vị chủ trì.`,
        });
      } else if (missingLines.length > 0) {
        const first = missingLines[0] as Task['lines'][number];
        const shown = first.lead !== '' ? ` (đang ghi “${first.lead}”)` : '';
        const where = task.lines.length > 1 ? ` ở dòng ${missingLines.map((l) => l.row).join(', ')}` : '';
        out.push({
          code: 'missing-lead',
          severity: 'error',
          row: first.row,
          column: leadCol,
          rows: missingLines.map((l) => l.row),
          message: `${taskNamed(task)} chưa có cơ quan chủ trì${where}${shown}. Ghi rõ đơn vị chịu trách nhiệm chính.`,
        });
      }
    }

    if (deadlineCol) {
      for (const line of task.lines) {
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
        }
      }
      if (a.state === 'overdue') {
        const late = a.lines.filter((l) => l.overdueDays !== null);
        const worst = late.reduce((w, l) => ((l.overdueDays ?? 0) > (w.overdueDays ?? 0) ? l : w));
        out.push({
          code: 'overdue',
          severity: 'warning',
          row: worst.row,
          column: deadlineCol,
          rows: late.map((l) => l.row),
          message: `${taskNamed(task)} đã quá hạn ${worst.overdueDays} ngày (hạn ${viDay(worst.due as string)}) mà chưa hoàn thành${leadOf(task, leadUnits[i])}. Đôn đốc đơn vị chủ trì hoặc cập nhật trạng thái.`,
        });
      } else if (a.dueSoon) {
        const soon = a.lines.filter((l) => l.daysLeft !== null);
        const first = soon.reduce((w, l) => ((l.daysLeft ?? 0) < (w.daysLeft ?? 0) ? l : w));
        const when =
          first.daysLeft === 0
            ? `đến hạn hôm nay (${viDay(first.due as string)})`
            : `sắp đến hạn: còn ${first.daysLeft} ngày (hạn ${viDay(first.due as string)})`;
        out.push({
          code: 'due-soon',
          severity: 'info',
          row: first.row,
          column: deadlineCol,
          rows: soon.map((l) => l.row),
          message: `${taskNamed(task)} ${when}${leadOf(task, leadUnits[i])}.`,
        });
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
  });
  // Sheet-level first, then down the sheet, left to right (stable for findings on one cell); the
  // sort keys are computed once per finding, not per comparison.
  return out
    .map((f, i) => ({ f, row: f.row ?? 0, col: colOrder(f.column), i }))
    .sort((a, b) => a.row - b.row || a.col - b.col || a.i - b.i)
    .map((k) => k.f);
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
