/**
 * The one flag model both faces draw on the task sheet (the add-on's conditional formats and
 * notes, the checked workbook's): which cells, which colour, which note text, and how the
 * product's own marks are told apart from the user's so they can be replaced or cleared without
 * touching anything the user wrote.
 *
 * - Colour: a conditional-format rule per severity whose formula names the product
 *   (`ruleExpression`), over the flagged cells; the cells' own fills are never written.
 * - Reason: appended to the cell's note under NOTE_MARKER; the user's note text before the marker
 *   is kept byte for byte and is all that remains after clearing.
 */
import type { Finding, Severity } from './findings';
import { columnIndex } from './text';

/** Light fills readable with black text and in print: red error, amber warning, blue notice. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  error: '#F4C7C3',
  warning: '#FCE8B2',
  info: '#CFE2F3',
};

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const NOTE_MARKER = '— Kế hoạch CĐS —';

export interface CellFlag {
  /** 1-based row and column letter. */
  row: number;
  column: string;
  /** The most severe finding on the cell decides its colour. */
  severity: Severity;
  /** Every reason for the cell, one per line. */
  note: string;
}

/** The cells the findings point at (each row a finding lists), merged per cell. Sheet-level findings have none. */
export function flagsOf(findings: readonly Finding[]): CellFlag[] {
  const out = new Map<string, CellFlag>();
  for (const f of findings) {
    if (f.row === null || f.column === null) continue;
    for (const row of f.rows ?? [f.row]) {
      const key = `${row}:${f.column}`;
      const prev = out.get(key);
      if (!prev) out.set(key, { row, column: f.column, severity: f.severity, note: f.message });
      else {
        // Stryker disable next-line EqualityOperator: at equal ranks the severity is the same one
        if (RANK[f.severity] < RANK[prev.severity]) prev.severity = f.severity;
        if (!prev.note.split('\n').includes(f.message)) prev.note = `${prev.note}\n${f.message}`;
      }
    }
  }
  return [...out.values()].sort((a, b) => a.row - b.row || columnIndex(a.column) - columnIndex(b.column));
}

/** The formula (without "=") of the product's rule for a severity: always true, and it names the product. */
export function ruleExpression(severity: Severity): string {
  return `ISTEXT("Kế hoạch CĐS: ${severity}")`;
}

/** The severity of a rule formula the product made ("=" optional), or null for anyone else's rule. */
export function ownRuleSeverity(formula: string): Severity | null {
  const f = formula.startsWith('=') ? formula.slice(1) : formula;
  return SEVERITIES.find((s) => f === ruleExpression(s)) ?? null;
}

/** The user's part of a note: everything before the product's marker. */
export function userNote(note: string): string {
  if (note === NOTE_MARKER || note.startsWith(`${NOTE_MARKER}\n`)) return '';
  const at = note.indexOf(`\n\n${NOTE_MARKER}\n`);
  return at >= 0 ? note.slice(0, at) : note;
}

/** The note of a flagged cell: the user's note, then the marker and the reasons. */
export function flaggedNote(user: string, reason: string): string {
  return user === '' ? `${NOTE_MARKER}\n${reason}` : `${user}\n\n${NOTE_MARKER}\n${reason}`;
}

/** Groups cells into vertical runs per column, in A1 notation: ["F6:F9", "F12"]. */
export function compactA1(cells: readonly { row: number; column: string }[]): string[] {
  const byCol = new Map<string, number[]>();
  for (const c of cells) {
    const list = byCol.get(c.column);
    if (list) list.push(c.row);
    else byCol.set(c.column, [c.row]);
  }
  const out: string[] = [];
  for (const [col, rows] of byCol) {
    rows.sort((a, b) => a - b);
    let start = rows[0] as number;
    let prev = start;
    const flush = () => out.push(start === prev ? `${col}${start}` : `${col}${start}:${col}${prev}`);
    for (const r of rows) {
      if (r === prev) continue; // the first row, or the same cell twice
      if (r === prev + 1) prev = r;
      else {
        flush();
        start = r;
        prev = r;
      }
    }
    flush();
  }
  return out;
}

/** The flagged cells of each severity, as A1 ranges for the rules. */
export function rangesBySeverity(flags: readonly CellFlag[]): Map<Severity, string[]> {
  const out = new Map<Severity, string[]>();
  for (const s of SEVERITIES) {
    const cells = flags.filter((f) => f.severity === s);
    if (cells.length > 0) out.set(s, compactA1(cells));
  }
  return out;
}

/** The reading guide of the colours, for the status sheet and the checked workbook. */
export const COLOR_LEGEND: { severity: Severity; text: string }[] = [
  { severity: 'error', text: 'Lỗi: cần sửa (thiếu cơ quan chủ trì, thiếu cột bắt buộc)' },
  {
    severity: 'warning',
    text: 'Cảnh báo: quá hạn, thiếu hoặc không đọc được thời hạn, trùng số thứ tự, trạng thái ngoài danh mục',
  },
  { severity: 'info', text: 'Lưu ý: sắp đến hạn' },
];
