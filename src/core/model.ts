/** The plan model the engine produces. Plain types; the JSON report schema lives in report.ts. */
import type { IsoDay } from './dates';
import type { Deadline } from './deadline';
import type { ColumnKey, Status } from './vocabulary';

export interface TaskLine {
  /** 1-based sheet row. */
  row: number;
  lead: string;
  leadMissing: boolean;
  partners: string;
  output: string;
  deadline: Deadline;
}

export interface Section {
  /** 1-based sheet row of the section heading. */
  row: number;
  /** Numbering as written ("I", "1"), "" when none. */
  number: string;
  /** The heading text, numbering removed. */
  text: string;
  /** Canonical pillar or the section's own text. */
  name: string;
}

/** A row read as a heading: a section, a block (A, B, Phần I), a group or a sub-group. */
export interface Heading {
  /** 1-based sheet row. */
  row: number;
  /** The heading's text (its task cell, else the row's other cells). */
  text: string;
  /** Name of the classifier rule that read the row as a heading (see ROW_RULES in plan.ts). */
  rule: string;
}

export interface Task {
  row: number;
  lastRow: number;
  stt: string;
  /** Canonical pillar, a section's own text, or null outside any section. */
  pillar: string | null;
  /** Index into Plan.sections, or -1. */
  section: number;
  task: string;
  lines: TaskLine[];
  /** The deadline of the last-due line. */
  deadline: Deadline;
  status: Status;
  statusText: string;
  /** True when the status word itself says the task was done late ("Đã hoàn thành quá hạn"). */
  statusLate: boolean;
  /** 1-based row of the status cell that was read (the task's first row with a status). */
  statusRow: number;
  completedOn: IsoDay | null;
}

export interface Plan {
  sheet: string;
  /** 1-based row of the header's last row. */
  headerRow: number;
  headerFirstRow: number;
  planYear: number;
  planYearSource: 'option' | 'title' | 'deadlines' | 'setting' | 'today';
  /** Title rows' text, e.g. for the status sheet's heading. */
  title: string[];
  /** Key → 0-based column. */
  columns: Partial<Record<ColumnKey, number>>;
  /** Column count of the table (last header column + 1). */
  width: number;
  missingColumns: ColumnKey[];
  sections: Section[];
  /** Every row read as a heading, top to bottom (sections included), so a wrong guess is visible. */
  headings: Heading[];
  /** Notes on how columns were chosen, in Vietnamese, for the column list shown to the user. */
  columnNotes: string[];
  tasks: Task[];
}
