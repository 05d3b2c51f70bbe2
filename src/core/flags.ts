/** How findings appear on the task sheet: one colour per severity, one note per cell. */
import type { Finding, Severity } from './findings';

/** Light fills readable with black text and in print. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  error: '#F4C7C3',
  warning: '#FCE8B2',
  info: '#CFE2F3',
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface CellFlag {
  row: number;
  column: string;
  /** The most severe finding on the cell decides its colour. */
  severity: Severity;
  note: string;
}

/** Groups the findings that point at a cell: key "row:COL" → colour and note text. */
export function notesByCell(findings: readonly Finding[]): Map<string, CellFlag> {
  const out = new Map<string, CellFlag>();
  for (const f of findings) {
    if (f.row === null || f.column === null) continue;
    const key = `${f.row}:${f.column}`;
    const prev = out.get(key);
    if (!prev) out.set(key, { row: f.row, column: f.column, severity: f.severity, note: f.message });
    else {
      if (RANK[f.severity] < RANK[prev.severity]) prev.severity = f.severity;
      prev.note = `${prev.note}\n${f.message}`;
    }
  }
  return out;
}
