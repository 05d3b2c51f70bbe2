/**
 * The officer's unit list ("Đơn vị"): one row per way a unit's name is written in the task sheet,
 * the unit it stands for, and the addresses that receive that unit's reminders. Its rows become
 * the check's `unitOverrides` (so the officer confirms or corrects how names are grouped) and the
 * reminders' addresses. Pure: the add-on and the command line read the sheet's values with it.
 */
import type { CheckResult } from './check';
import { FOLLOW_WORDS } from './labels';
import { collapse, fold } from './text';
import { unitKey, type LeadUnitRow } from './units';

export const UNIT_LIST_SHEET_NAME = FOLLOW_WORDS.unitList;
export const UNIT_LIST_HEADER: readonly string[] = FOLLOW_WORDS.unitListHeader;
/** Rows the list is read to (a unit list is dozens of rows; this bounds a pasted sheet). */
export const MAX_LIST_ROWS = 2_000;
const MAX_TEXT = 300;

export interface UnitListEntry {
  /** 1-based sheet row. */
  row: number;
  /** The name as written in the task sheet (column A). */
  written: string;
  /** The unit it stands for (column B, else column A). */
  unit: string;
  /** Addresses written on the row (column C), valid ones only. */
  emails: string[];
}

export interface UnitList {
  entries: UnitListEntry[];
  /** Written name → unit, for checkSheet's `unitOverrides` (rows whose column B is filled). */
  overrides: Map<string, string>;
  /** Addresses that are not e-mail addresses, with their row. */
  invalid: { row: number; text: string }[];
  /** 1-based row of the header. */
  headerRow: number;
}

const text = (v: unknown): string =>
  typeof v === 'string' ? collapse(v).slice(0, MAX_TEXT) : typeof v === 'number' ? String(v) : '';

/** The header row (0-based) among the first rows, or -1. */
function headerIndex(values: readonly (readonly unknown[])[]): number {
  const want = UNIT_LIST_HEADER.slice(0, 2).map((h) => fold(h));
  for (let r = 0; r < Math.min(values.length, 5); r++) {
    const row = values[r] ?? [];
    if (want.every((h, c) => fold(text(row[c])) === h)) return r;
  }
  return -1;
}

/** Splits a cell of addresses: commas, semicolons, spaces or line breaks between them. */
export function splitAddresses(cell: string): string[] {
  // Stryker disable next-line Regex: a run of separators split one by one leaves only more "" to drop
  return cell.split(/[\s,;]+/).filter((s) => s !== '');
}

/**
 * Reads the unit list's values; null when they have no unit-list header in the first rows.
 * `isEmail` is the product's one address check (the settings').
 */
export function parseUnitList(
  values: readonly (readonly unknown[])[],
  isEmail: (s: string) => boolean,
): UnitList | null {
  const h = headerIndex(values);
  if (h < 0) return null;
  const entries: UnitListEntry[] = [];
  const overrides = new Map<string, string>();
  const invalid: { row: number; text: string }[] = [];
  values.slice(h + 1, h + 1 + MAX_LIST_ROWS).forEach((cells, i) => {
    const row = h + 2 + i;
    const written = text(cells?.[0]);
    const target = text(cells?.[1]);
    const mails = typeof cells?.[2] === 'string' ? splitAddresses(cells[2]) : [];
    const emails: string[] = [];
    for (const m of mails) {
      if (isEmail(m)) emails.push(m);
      else invalid.push({ row, text: m.slice(0, 100) });
    }
    if (written === '' && target === '') return;
    if (written !== '' && target !== '') overrides.set(written, target);
    entries.push({ row, written: written || target, unit: target || written, emails });
  });
  return { entries, overrides, invalid, headerRow: h + 1 };
}

/** The addresses of a unit of the check: those written on every row that stands for it. */
export function addressesOf(list: UnitList | null, unit: LeadUnitRow, commune?: string): string[] {
  if (!list || unit.kind !== 'unit') return [];
  const opts = commune ? { commune } : undefined;
  const out: string[] = [];
  const seen = new Set<string>();
  for (const e of list.entries) {
    if (unitKey(e.unit, opts) !== unit.key) continue;
    for (const m of e.emails) {
      if (seen.has(m.toLowerCase())) continue;
      seen.add(m.toLowerCase());
      out.push(m);
    }
  }
  return out;
}

/**
 * The rows to add to the list for a check: every written form of every unit not yet listed
 * (compared folded), with the unit it was grouped into, so the officer sees and can correct the
 * grouping. Units with the most overdue tasks come first, as in the check; within a unit, its
 * most frequent forms first.
 */
export function newListRows(result: CheckResult, list: UnitList | null): string[][] {
  const listed = new Set((list?.entries ?? []).map((e) => fold(e.written)));
  const out: string[][] = [];
  for (const u of result.units) {
    if (u.kind !== 'unit') continue;
    // Written forms only: a unit named by the officer ("Là đơn vị") is not a way the sheet writes it.
    for (const v of u.variants) {
      const key = fold(v);
      if (listed.has(key)) continue;
      listed.add(key);
      out.push([v, u.unit, '']);
    }
  }
  return out;
}
