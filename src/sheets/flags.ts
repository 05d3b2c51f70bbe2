/**
 * Draws the core's flag model (src/core/flags.ts) on the task sheet: the add-on's own
 * conditional-format rules, put before the user's, and the reasons appended to the cells' notes
 * under the marker. The cells' own fills and the user's notes and rules are never written.
 * Each apply or clear reads notes and rules once and writes each once, as one transaction.
 */
import {
  SEVERITY_COLORS,
  flaggedNote,
  flagsOf,
  ownRuleSeverity,
  rangesBySeverity,
  ruleExpression,
  userNote,
} from '../core/flags';
import type { Finding } from '../core/findings';
import { columnIndex } from '../core/text';
import { transact, type Transaction } from './transaction';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** True for a conditional-format rule the add-on made. */
export function isOwnRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition) return false;
  const value = condition.getCriteriaValues()[0];
  return typeof value === 'string' && ownRuleSeverity(value) !== null;
}

/**
 * Writes notes and rules as one step each; a failure of the second puts the first back. Inside a
 * caller's transaction (`outer`), both are undone if a later step of the caller fails.
 */
function write(
  sheet: Sheet,
  range: Range,
  before: string[][],
  notes: string[][],
  rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[],
  outer?: { tx: Transaction; rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] },
): void {
  const run = (tx: Transaction) => {
    tx.step(
      () => range.setNotes(notes),
      () => range.setNotes(before),
    );
    if (outer)
      tx.step(
        () => sheet.setConditionalFormatRules(rules),
        () => sheet.setConditionalFormatRules(outer.rules),
      );
    else sheet.setConditionalFormatRules(rules);
  };
  if (outer) run(outer.tx);
  else transact(run);
}

/**
 * Replaces the add-on's flags on the sheet with those of these findings. `range` is the data
 * range the findings were computed from (notes outside it cannot carry flags). With `tx`, the
 * writes are steps of the caller's transaction.
 */
export function applyFlags(
  sheet: Sheet,
  range: Range,
  findings: readonly Finding[],
  tx?: Transaction,
): { cells: number } {
  const rows = range.getNumRows();
  const cols = range.getNumColumns();
  const flags = flagsOf(findings).filter((f) => f.row <= rows && columnIndex(f.column) < cols);
  const before = range.getNotes();
  const notes = before.map((row) => row.map((n) => userNote(String(n ?? ''))));
  for (const flag of flags) {
    const line = notes[flag.row - 1] as string[];
    const c = columnIndex(flag.column);
    line[c] = flaggedNote(line[c] ?? '', flag.note);
  }
  const own = [...rangesBySeverity(flags)].map(([severity, a1s]) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=${ruleExpression(severity)}`)
      .setBackground(SEVERITY_COLORS[severity])
      .setRanges(sheet.getRangeList(a1s).getRanges())
      .build(),
  );
  const all = sheet.getConditionalFormatRules();
  const rules = all.filter((r) => !isOwnRule(r));
  write(sheet, range, before, notes, [...own, ...rules], tx ? { tx, rules: all } : undefined);
  return { cells: flags.length };
}

/** Removes every flag the add-on put on the sheet, and nothing else. */
export function clearFlags(sheet: Sheet): { cells: number } {
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
  const kept = sheet.getConditionalFormatRules().filter((r) => !isOwnRule(r));
  write(sheet, range, before, notes, kept);
  return { cells };
}
