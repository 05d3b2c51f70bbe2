/** The counted keys of a pivot row, in the order the status sheet shows them. */
export const PIVOT_COUNTS = [
  'total',
  'done',
  'doneOnTime',
  'doneLate',
  'onTrack',
  'overdue',
  'noDeadline',
  'recurring',
  'conditional',
  'undated',
  'dueSoon',
  'missingLead',
] as const;
export type PivotCount = (typeof PIVOT_COUNTS)[number];

/** The status pivot by pillar (domain §6): one row per pillar, the sheet's own sections, "Khác", totals. */
import type { TaskAssessment } from './timeliness';
import type { Plan } from './model';
import { OTHER_PILLAR, PILLARS } from './vocabulary';

export interface PivotRow {
  pillar: string;
  total: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  onTrack: number;
  overdue: number;
  noDeadline: number;
  /** noDeadline split by why: recurring ("Thường xuyên"), conditional ("Theo kế hoạch của tỉnh"), undated. */
  recurring: number;
  conditional: number;
  undated: number;
  dueSoon: number;
  missingLead: number;
  /** done / total, 0 when there is no task; rounded to 4 decimals. */
  doneRate: number;
}

export const TOTAL_ROW = 'Tổng cộng';

export function emptyRow(pillar: string): PivotRow {
  return {
    pillar,
    total: 0,
    done: 0,
    doneOnTime: 0,
    doneLate: 0,
    onTrack: 0,
    overdue: 0,
    noDeadline: 0,
    recurring: 0,
    conditional: 0,
    undated: 0,
    dueSoon: 0,
    missingLead: 0,
    doneRate: 0,
  };
}

function add(row: PivotRow, a: TaskAssessment): void {
  row.total++;
  if (a.state === 'done') {
    row.done++;
    if (a.doneTimeliness === 'on-time') row.doneOnTime++;
    if (a.doneTimeliness === 'late') row.doneLate++;
  } else if (a.state === 'on-track') row.onTrack++;
  else if (a.state === 'overdue') row.overdue++;
  else {
    row.noDeadline++;
    row[a.noDeadline ?? 'undated']++;
  }
  if (a.dueSoon) row.dueSoon++;
  if (a.missingLead) row.missingLead++;
}

/**
 * Every canonical pillar always has its row (zero when absent), so every commune's sheet has
 * the same layout; then the sheet's own sections in sheet order, then "Khác", then the totals.
 */
export function pivotOf(plan: Plan, assessments: readonly TaskAssessment[]): PivotRow[] {
  const rows = new Map<string, PivotRow>();
  for (const p of PILLARS) rows.set(p, emptyRow(p));
  for (const s of plan.sections) if (!rows.has(s.name)) rows.set(s.name, emptyRow(s.name));
  const total = emptyRow(TOTAL_ROW);
  plan.tasks.forEach((task, i) => {
    const a = assessments[i] as TaskAssessment;
    const name = task.pillar ?? OTHER_PILLAR;
    let row = rows.get(name);
    if (!row) {
      row = emptyRow(name);
      rows.set(name, row);
    }
    add(row, a);
    add(total, a);
  });
  // "Khác" goes last among the pillar rows.
  const other = rows.get(OTHER_PILLAR);
  if (other) {
    rows.delete(OTHER_PILLAR);
    rows.set(OTHER_PILLAR, other);
  }
  const out = [...rows.values(), total];
  for (const r of out) r.doneRate = rate(r.done, r.total);
  return out;
}

/** n / d rounded to 4 decimals; 0 when d is 0. */
export function rate(n: number, d: number): number {
  return d === 0 ? 0 : Math.round((n / d) * 10_000) / 10_000;
}
