/** The engine's one entry point: a sheet in, the plan with its findings and pivot out. */
import { findingsOf, type Finding } from './findings';
import { assessTask, DEFAULT_DUE_SOON_DAYS, type CheckOptions, type TaskAssessment } from './timeliness';
import type { SheetInput } from './grid';
import type { Plan } from './model';
import { pivotOf, type PivotRow } from './pivot';
import { parsePlan, type ParseOptions } from './plan';

export interface CheckResult {
  plan: Plan;
  assessments: TaskAssessment[];
  findings: Finding[];
  pivot: PivotRow[];
  today: string;
  /** The due-soon window the check used. */
  dueSoonDays: number;
}

export type EngineOptions = ParseOptions & CheckOptions;

export function checkSheet(input: SheetInput, options: EngineOptions): CheckResult {
  const plan = parsePlan(input, options);
  const hasLead = plan.columns.lead !== undefined;
  const assessments = plan.tasks.map((t) => assessTask(t, options, hasLead));
  const findings = findingsOf(plan, assessments);
  return {
    plan,
    assessments,
    findings,
    pivot: pivotOf(plan, assessments),
    today: options.today,
    dueSoonDays: options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
  };
}

export function countBySeverity(findings: readonly Finding[]): Record<'error' | 'warning' | 'info', number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
