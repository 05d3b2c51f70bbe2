/** The JSON report (`check --json`): built from a check result; its schema is in report-schema.ts. */
import type { CheckResult } from './check';
import type { Report } from './report-schema';
import { columnLetter } from './text';
import { COLUMN_KEYS } from './vocabulary';

export type { Report } from './report-schema';

/** Builds the report object from a check result. */
export function toReport(result: CheckResult): Report {
  const { plan, assessments, findings, pivot } = result;
  const columns: Report['columns'] = {};
  for (const key of COLUMN_KEYS) {
    const c = plan.columns[key];
    if (c !== undefined) columns[key] = columnLetter(c);
  }
  const byCode: Report['summary']['byCode'] = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  return {
    sheet: plan.sheet,
    headerRow: plan.headerRow,
    planYear: plan.planYear,
    today: result.today,
    dueSoonDays: result.dueSoonDays,
    columns,
    missingColumns: plan.missingColumns,
    columnNotes: plan.columnNotes,
    headings: plan.headings.map((h) => ({ row: h.row, text: h.text, rule: h.rule })),
    summary: {
      tasks: plan.tasks.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
      byCode,
    },
    tasks: plan.tasks.map((t, i) => {
      const a = assessments[i];
      if (!a) throw new Error('assessment missing');
      const leads = [...new Set(t.lines.map((l) => l.lead).filter((l) => l !== ''))];
      return {
        row: t.row,
        lastRow: t.lastRow,
        stt: t.stt,
        pillar: t.pillar,
        task: t.task,
        lead: leads.join('; '),
        deadline: t.deadline,
        status: t.status,
        statusText: t.statusText,
        statusLate: t.statusLate,
        completedOn: t.completedOn,
        state: a.state,
        doneTimeliness: a.doneTimeliness,
        noDeadline: a.noDeadline,
        overdueDays: a.overdueDays,
        dueSoon: a.dueSoon,
        missingLead: a.missingLead,
        leadUnits: result.leadUnits[i] ?? [],
        lines: t.lines.map((l) => ({ row: l.row, lead: l.lead, partners: l.partners, deadline: l.deadline })),
      };
    }),
    findings,
    pivot,
    byLeadUnit: result.units.map((u) => ({
      unit: u.unit,
      variants: u.variants,
      kind: u.kind,
      total: u.total,
      done: u.done,
      onTrack: u.onTrack,
      overdue: u.overdue,
      dueSoon: u.dueSoon,
      noDeadline: u.noDeadline,
      oldestOverdueDays: u.oldestOverdueDays,
    })),
  };
}
