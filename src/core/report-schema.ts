/**
 * The JSON report's schema (`check --json`): a public contract, described in the README and
 * validated with this zod schema in the tests. The report itself is built in report.ts, which
 * needs no zod at run time.
 */
import { z } from 'zod';
import { FINDING_CODES } from './findings';
import { COLUMN_KEYS, STATUSES } from './vocabulary';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const letter = z.string().regex(/^[A-Z]+$/);

export const DeadlineSchema = z.object({
  text: z.string(),
  kind: z.enum(['date', 'recurring', 'conditional', 'missing', 'unknown']),
  due: isoDay.nullable(),
});

export const FindingSchema = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(['error', 'warning', 'info']),
  row: z.number().int().positive().nullable(),
  column: letter.nullable(),
  rows: z.array(z.number().int().positive()).optional(),
  message: z.string().min(1),
});

export const PivotRowSchema = z.object({
  pillar: z.string().min(1),
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  doneOnTime: z.number().int().nonnegative(),
  doneLate: z.number().int().nonnegative(),
  onTrack: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  noDeadline: z.number().int().nonnegative(),
  recurring: z.number().int().nonnegative(),
  conditional: z.number().int().nonnegative(),
  undated: z.number().int().nonnegative(),
  dueSoon: z.number().int().nonnegative(),
  missingLead: z.number().int().nonnegative(),
  doneRate: z.number().min(0).max(1),
});

export const TaskSchema = z.object({
  row: z.number().int().positive(),
  lastRow: z.number().int().positive(),
  stt: z.string(),
  pillar: z.string().nullable(),
  task: z.string(),
  lead: z.string(),
  deadline: DeadlineSchema,
  status: z.enum(STATUSES),
  statusText: z.string(),
  statusLate: z.boolean(),
  completedOn: isoDay.nullable(),
  state: z.enum(['done', 'on-track', 'overdue', 'no-deadline']),
  doneTimeliness: z.enum(['on-time', 'late']).nullable(),
  noDeadline: z.enum(['recurring', 'conditional', 'undated']).nullable(),
  overdueDays: z.number().int().positive().nullable(),
  dueSoon: z.boolean(),
  missingLead: z.boolean(),
  /** The units the task's lead cells name, made one however written. */
  leadUnits: z.array(z.string()),
  lines: z.array(
    z.object({
      row: z.number().int().positive(),
      lead: z.string(),
      partners: z.string(),
      deadline: DeadlineSchema,
    }),
  ),
});

export const LeadUnitSchema = z.object({
  unit: z.string().min(1),
  /** The ways the unit is written in the sheet. */
  variants: z.array(z.string()),
  /** "unit", or the rows for tasks given to everyone ("shared") or to nobody ("missing"). */
  kind: z.enum(['unit', 'shared', 'missing']),
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  onTrack: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  dueSoon: z.number().int().nonnegative(),
  noDeadline: z.number().int().nonnegative(),
  oldestOverdueDays: z.number().int().positive().nullable(),
});

export const ReportSchema = z.object({
  sheet: z.string(),
  headerRow: z.number().int().positive(),
  planYear: z.number().int(),
  today: isoDay,
  dueSoonDays: z.number().int().nonnegative(),
  columns: z.partialRecord(z.enum(COLUMN_KEYS), letter),
  missingColumns: z.array(z.enum(COLUMN_KEYS)),
  /** How columns were chosen (e.g. which of several status-like columns), in Vietnamese. */
  columnNotes: z.array(z.string()),
  /** Every row read as a heading (section, block, group, sub-group) and the rule that read it. */
  headings: z.array(
    z.object({ row: z.number().int().positive(), text: z.string(), rule: z.string().min(1) }),
  ),
  summary: z.object({
    tasks: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    infos: z.number().int().nonnegative(),
    byCode: z.partialRecord(z.enum(FINDING_CODES), z.number().int().positive()),
  }),
  tasks: z.array(TaskSchema),
  findings: z.array(FindingSchema),
  pivot: z.array(PivotRowSchema),
  /** Status by lead unit, most overdue first. */
  byLeadUnit: z.array(LeadUnitSchema),
});
export type Report = z.infer<typeof ReportSchema>;
