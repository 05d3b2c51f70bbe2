/** The engine's one entry point: a sheet in, the plan with its findings and pivot out. */
import { findingsOf, type Finding } from './findings';
import { assessTask, DEFAULT_DUE_SOON_DAYS, type CheckOptions, type TaskAssessment } from './timeliness';
import type { SheetInput } from './grid';
import type { Plan } from './model';
import { pivotOf, type PivotRow } from './pivot';
import { parsePlan, type ParseOptions } from './plan';
import { UnitReader, type LeadUnitRow } from './units';

export interface CheckResult {
  plan: Plan;
  assessments: TaskAssessment[];
  findings: Finding[];
  pivot: PivotRow[];
  today: string;
  /** The due-soon window the check used. */
  dueSoonDays: number;
  /** Status by lead unit (units made one however written), most overdue first. */
  units: LeadUnitRow[];
  /** Per task, the units it names (display names of `units`). */
  leadUnits: string[][];
}

export interface UnitSettings {
  /** The officer's corrections: a written unit name (compared folded) → the unit it stands for. */
  unitOverrides?: ReadonlyMap<string, string>;
  /** The commune's own name, dropped from unit names ("UBND xã Mỹ Hòa Hưng" = "UBND xã"). */
  commune?: string;
}

export type EngineOptions = ParseOptions & CheckOptions & UnitSettings;

export function checkSheet(input: SheetInput, options: EngineOptions): CheckResult {
  const plan = parsePlan(input, options);
  const hasLead = plan.columns.lead !== undefined;
  const assessments = plan.tasks.map((t) => assessTask(t, options, hasLead));
  const reader = new UnitReader(
    options.unitOverrides,
    options.commune ? { commune: options.commune } : undefined,
  );
  const units = reader.byLeadUnit(
    plan.tasks.map((t, i) => {
      const a = assessments[i] as TaskAssessment;
      return {
        leads: t.lines.map((l) => l.lead),
        state: a.state,
        dueSoon: a.dueSoon,
        overdueDays: a.overdueDays,
      };
    }),
  );
  const leadUnits = plan.tasks.map((t) =>
    reader.leadUnitsOf(
      t.lines.map((l) => l.lead),
      units,
    ),
  );
  const findings = findingsOf(plan, assessments, leadUnits);
  return {
    plan,
    assessments,
    findings,
    pivot: pivotOf(plan, assessments),
    today: options.today,
    dueSoonDays: options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    units,
    leadUnits,
  };
}

export function countBySeverity(findings: readonly Finding[]): Record<'error' | 'warning' | 'info', number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
