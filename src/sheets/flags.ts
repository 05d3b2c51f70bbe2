/**
 * Flags on the task sheet, laid so that the user's own formatting is never touched:
 * - colours are conditional-format rules of the add-on's own (a self-identifying formula), put
 *   before the user's rules; the cells' own backgrounds are never written. Rules move with the
 *   cells when rows are inserted.
 * - reasons are appended to the cells' notes under a marker line; the user's note text before
 *   the marker is kept byte for byte and is all that remains after "Xóa đánh dấu".
 * Each apply or clear reads notes and rules once and writes each once.
 */
import { SEVERITY_COLORS, notesByCell } from '../core/flags';
import type { Finding, Severity } from '../core/findings';
import { columnIndex } from '../core/text';

export const NOTE_MARKER = '— Kế hoạch CĐS —';
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export function ruleFormula(severity: Severity): string {
  return `=ISTEXT("Kế hoạch CĐS: ${severity}")`;
}

/** True for a conditional-format rule the add-on made. */
export function isOwnRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition) return false;
  const value = condition.getCriteriaValues()[0];
  return typeof value === 'string' && SEVERITIES.some((s) => value === ruleFormula(s));
}

/** The user's part of a note: everything before the add-on's marker. */
export function userNote(note: string): string {
  if (note === NOTE_MARKER || note.startsWith(`${NOTE_MARKER}\n`)) return '';
  const at = note.indexOf(`\n\n${NOTE_MARKER}\n`);
  return at >= 0 ? note.slice(0, at) : note;
}

export function flaggedNote(user: string, reason: string): string {
  return user === '' ? `${NOTE_MARKER}\n${reason}` : `${user}\n\n${NOTE_MARKER}\n${reason}`;
}

/** Groups cells of one column into vertical runs: ["F6:F9", "F12"]. */
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
    for (const r of rows.slice(1)) {
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

/**
 * Replaces the add-on's flags on the sheet with those of these findings. `range` is the data
 * range the findings were computed from (notes outside it cannot carry flags).
 */
export function applyFlags(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  range: GoogleAppsScript.Spreadsheet.Range,
  findings: readonly Finding[],
): { cells: number } {
  const flags = notesByCell(findings);
  const rows = range.getNumRows();
  const cols = range.getNumColumns();
  const before = range.getNotes();
  const notes = before.map((row) => row.map((n) => userNote(String(n ?? ''))));
  const bySeverity = new Map<Severity, { row: number; column: string }[]>();
  let cells = 0;
  for (const flag of flags.values()) {
    const r = flag.row - 1;
    const c = columnIndex(flag.column);
    if (r >= rows || c >= cols) continue;
    const line = notes[r] as string[];
    line[c] = flaggedNote(line[c] ?? '', flag.note);
    const list = bySeverity.get(flag.severity) ?? [];
    list.push({ row: flag.row, column: flag.column });
    bySeverity.set(flag.severity, list);
    cells++;
  }
  const rules = sheet.getConditionalFormatRules().filter((r) => !isOwnRule(r));
  const own: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  for (const severity of SEVERITIES) {
    const list = bySeverity.get(severity);
    if (!list || list.length === 0) continue;
    own.push(
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(ruleFormula(severity))
        .setBackground(SEVERITY_COLORS[severity])
        .setRanges(sheet.getRangeList(compactA1(list)).getRanges())
        .build(),
    );
  }
  range.setNotes(notes);
  try {
    sheet.setConditionalFormatRules([...own, ...rules]);
  } catch (e) {
    // Never leave reasons without their colours: put the notes back as they were.
    range.setNotes(before);
    throw e;
  }
  return { cells };
}

/** Removes every flag the add-on put on the sheet, and nothing else. */
export function clearFlags(sheet: GoogleAppsScript.Spreadsheet.Sheet): { cells: number } {
  const range = sheet.getDataRange();
  const before = range.getNotes();
  let cells = 0;
  const notes = before.map((row) =>
    row.map((n) => {
      const text = String(n ?? '');
      const user = userNote(text);
      if (user !== text) cells++;
      return user;
    }),
  );
  const all = sheet.getConditionalFormatRules();
  const kept = all.filter((r) => !isOwnRule(r));
  range.setNotes(notes);
  try {
    sheet.setConditionalFormatRules(kept);
  } catch (e) {
    range.setNotes(before);
    throw e;
  }
  return { cells };
}
