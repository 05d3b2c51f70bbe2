/** The engine's one entry point: a sheet in, the plan with its findings and pivot out. */
import { assessTask, findingsOf, type CheckOptions, type Finding, type TaskAssessment } from './findings';
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
}

export type EngineOptions = ParseOptions & CheckOptions;

export function checkSheet(input: SheetInput, options: EngineOptions): CheckResult {
  const plan = parsePlan(input, options);
  const assessments = plan.tasks.map((t) => assessTask(t, options));
  const findings = findingsOf(plan, options);
  return { plan, assessments, findings, pivot: pivotOf(plan, assessments), today: options.today };
}

export function countBySeverity(findings: readonly Finding[]): Record<'error' | 'warning' | 'info', number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
