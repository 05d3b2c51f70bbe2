/**
 * Deadline grammar (domain §3): a cell → { kind, due }.
 *
 * The text is folded (no diacritics, lower case), then scanned for date mentions from the most
 * specific form to the least (full dates, months, quarters, halves, years), each matched span
 * being blanked so "30/10/2025" is not read again as "10/2025". The due date is the latest
 * mention. Without any mention, recurring and conditional phrases decide the kind.
 */
import { dayInZone, endOfMonth, isValidDay, isoDay, type IsoDay } from './dates';
import { isDate } from './grid';
import { collapse, fold, foldKey } from './text';

export type DeadlineKind = 'date' | 'recurring' | 'conditional' | 'missing' | 'unknown';

export interface Deadline {
  /** The cell as text, whitespace collapsed ("" for an empty cell). */
  text: string;
  kind: DeadlineKind;
  due: IsoDay | null;
}

export interface DeadlineContext {
  planYear: number;
  timeZone: string;
}

type Cell = string | number | boolean | Date | null | undefined;

/** Characters of a deadline cell the grammar reads. */
export const MAX_DEADLINE_TEXT = 400;

/** Deadline cells that say "nothing here" (a lead placeholder such as "x" is not one of them). */
const DEADLINE_PLACEHOLDERS = new Set(
  ['-', '–', '—', '…', '...', '?', 'N/A', 'NA', 'chưa có', 'chưa xác định', 'chưa rõ', 'chưa ghi'].map(
    (p) => foldKey(p) || p,
  ),
);

function isDeadlinePlaceholder(text: string): boolean {
  const key = foldKey(text);
  return key === '' || DEADLINE_PLACEHOLDERS.has(key) || DEADLINE_PLACEHOLDERS.has(text.trim());
}

const QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const Q = '(?:iv|iii|ii|i|v|\\d)';
const YEAR = '((?:19|20|21)\\d{2})';

/** A mention that names an impossible day ("31/11/2025", "Quý V", "Tháng 13"). */
const INVALID = 'invalid';

interface Rule {
  re: RegExp;
  /** Returns the due day, or INVALID for a mention of an impossible day. */
  due: (m: RegExpExecArray, planYear: number) => IsoDay | typeof INVALID;
  /** A mention without digits ("cuối năm") is weak: a recurring phrase outranks it. */
  weak?: boolean;
}

function fullDate(d: string, m: string, y: string): IsoDay | typeof INVALID {
  const day = Number(d);
  const month = Number(m);
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  return isValidDay(year, month, day) ? isoDay(year, month, day) : INVALID;
}

function monthEnd(m: string, year: number): IsoDay | typeof INVALID {
  const month = Number(m);
  return month >= 1 && month <= 12 ? endOfMonth(year, month) : INVALID;
}

/** A capture group's text ('' when it did not take part). */
function g(m: RegExpExecArray, i: number): string {
  return m[i] ?? '';
}

function yearOr(text: string | undefined, planYear: number): number {
  return text ? Number(text) : planYear;
}

// Order matters: each rule blanks what it matched before the next one runs.
const RULES: Rule[] = [
  // 2025-10-30 (ISO, as a date may come through as text)
  {
    re: /(?<!\d)((?:19|20|21)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)/g,
    due: (m) => fullDate(g(m, 3), g(m, 2), g(m, 1)),
  },
  // 30/10/2025, 30-10-2025, 30.10.2025, 30 / 10 / 2025
  {
    re: new RegExp(`(?<!\\d)(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*${YEAR}(?!\\d)`, 'g'),
    due: (m) => fullDate(g(m, 1), g(m, 2), g(m, 3)),
  },
  // 30/10/25 (two-digit year)
  {
    re: /(?<![\d/.])(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{2})(?![\d/.])/g,
    due: (m) => fullDate(g(m, 1), g(m, 2), g(m, 3)),
  },
  // ngày 03 tháng 6 năm 2024
  {
    re: new RegExp(`(?<!\\d)(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s+nam\\s+${YEAR}`, 'g'),
    due: (m) => fullDate(g(m, 1), g(m, 2), g(m, 3)),
  },
  // Quý I, II/ 2026 · Quý IV năm 2024 · QI/2026 · quý III, Quý IV · Quý 1-2/2026
  {
    re: new RegExp(
      `(?<![a-z])(?:quy|q)\\s*(${Q}(?:\\s*(?:,|;|va|-|&|\\+)\\s*(?:quy\\s*)?${Q})*)(?![a-z0-9])(?:\\s*(?:/|-|,)?\\s*(?:nam)?\\s*${YEAR})?`,
      'g',
    ),
    due: (m, planYear) => {
      const quarters = (m[1] ?? '').match(/\b(?:iv|iii|ii|i|v|\d)\b/g) ?? [];
      const numbers = quarters.map((q) => QUARTER[q] ?? 0);
      if (numbers.some((n) => n < 1)) return INVALID;
      const last = Math.max(...numbers);
      return endOfMonth(yearOr(m[2], planYear), last * 3);
    },
  },
  // 6 tháng đầu năm (2026) / 6 tháng cuối năm; any other count ("16 tháng cuối năm") is no half-year
  {
    re: new RegExp(`(?<!\\d)(\\d{1,3})\\s*thang\\s*(dau|cuoi)\\s*(?:nam)?\\s*${YEAR}?`, 'g'),
    due: (m, planYear) => {
      if (Number(m[1]) !== 6) return INVALID;
      const year = yearOr(m[3], planYear);
      return m[2] === 'dau' ? isoDay(year, 6, 30) : isoDay(year, 12, 31);
    },
  },
  // Tháng 10/2025 · tháng 01 năm 2026 · T10/2025 · Tháng 10 - 2025
  {
    re: new RegExp(`(?<![a-z])(?:thang|t)\\s*(\\d{1,2})\\s*(?:/|-|\\.|nam)\\s*${YEAR}(?!\\d)`, 'g'),
    due: (m) => monthEnd(g(m, 1), Number(m[2])),
  },
  // 10/2025 (month/year)
  {
    re: new RegExp(`(?<![\\d/.])(\\d{1,2})\\s*[/.-]\\s*${YEAR}(?!\\d)`, 'g'),
    due: (m) => monthEnd(g(m, 1), Number(m[2])),
  },
  // Ngày 10/10, 10/10, ngày 10.10 (no year → plan year); a bare "1.5" is a number, not a day
  {
    re: /(?<![\d/.,])(?:(\d{1,2})\s*\/\s*(\d{1,2})|(?<=ngay\s{0,3})(\d{1,2})\s*\.\s*(\d{1,2}))(?![\d/.,])/g,
    due: (m, planYear) =>
      m[1] !== undefined
        ? fullDate(g(m, 1), g(m, 2), String(planYear))
        : fullDate(g(m, 3), g(m, 4), String(planYear)),
  },
  // Tháng 10 (no year)
  {
    re: /(?<![a-z])thang\s*(\d{1,2})(?![\d/])/g,
    due: (m, planYear) => monthEnd(g(m, 1), planYear),
  },
  // Năm 2024 · Trong năm 2026 · Đến hết năm 2025 · Cuối năm 2025 · a bare year · 2026-2030
  {
    re: new RegExp(`(?<!\\d)${YEAR}(?!\\d)`, 'g'),
    due: (m) => isoDay(Number(m[1]), 12, 31),
  },
  // Trong năm · Cuối năm · Hết năm · Đến cuối năm (no year → plan year)
  {
    re: /(?<![a-z])(?:trong|cuoi|het|den het|den cuoi|ca)\s+nam(?![a-z])/g,
    due: (_m, planYear) => isoDay(planYear, 12, 31),
    weak: true,
  },
  // Quý (no number: "hằng quý" is recurring) is not a date; nothing else.
];

// Counts are bounded and anchored on a non-digit (no quantifier can rescan a run of digits).
const RECURRING =
  /(?<![a-z])(thuong xuyen|lien tuc|hang (ngay|tuan|thang|quy|nam)|dinh ky|moi (ngay|tuan|thang|quy|nam)|(?<!\d)\d{1,3} ?(lan)? ?\/ ?(tuan|thang|quy|nam)|(?<!\d)\d{1,3} ?(ngay|tuan|thang|quy|nam) ?\/ ?lan|lan ?\/ ?(tuan|thang|quy|nam)|dot xuat|khi co yeu cau|thuong nien|suot nam)(?![a-z])/;

const CONDITIONAL =
  /(?<![a-z])(theo (ke hoach|kh|chi dao|yeu cau|huong dan|van ban|lo trinh|quy dinh|thong bao|de nghi)|khi (co|tinh|thanh pho|tp|huyen|cap tren|trung uong|bo|duoc)|sau khi|tuy theo|tuy thuoc|phu thuoc)(?![a-z])/;

/** Parses one deadline cell. */
export function parseDeadline(cell: Cell, ctx: DeadlineContext): Deadline {
  if (isDate(cell)) {
    if (Number.isNaN(cell.getTime())) return { text: '', kind: 'unknown', due: null };
    const due = dayInZone(cell, ctx.timeZone);
    return { text: due.split('-').reverse().join('/'), kind: 'date', due };
  }
  if (cell === null || cell === undefined || cell === '') return { text: '', kind: 'missing', due: null };
  if (typeof cell === 'number') {
    const text = String(cell);
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2200)
      return { text, kind: 'date', due: isoDay(cell, 12, 31) };
    return { text, kind: 'unknown', due: null };
  }
  if (typeof cell === 'boolean') return { text: String(cell), kind: 'unknown', due: null };

  const text = collapse(String(cell));
  if (text === '') return { text, kind: 'missing', due: null };
  if (isDeadlinePlaceholder(text)) return { text, kind: 'missing', due: null };
  // The grammar looks at the start of the cell only: no real deadline is longer, and a pasted
  // essay or a run of digits costs nothing more than this.
  const folded = fold(text.length > MAX_DEADLINE_TEXT ? text.slice(0, MAX_DEADLINE_TEXT) : text);

  const { due, strong, invalid } = scanDates(folded, ctx.planYear);
  if (invalid) return { text, kind: 'unknown', due: null };
  const recurring = RECURRING.test(folded);
  const conditional = CONDITIONAL.test(folded);

  if (
    due &&
    (strong || !recurring) &&
    !(conditional && startsConditional(folded) && !hasDeadlineWord(folded))
  ) {
    return { text, kind: 'date', due };
  }
  if (recurring) return { text, kind: 'recurring', due: null };
  if (conditional) return { text, kind: 'conditional', due: null };
  return { text, kind: 'unknown', due: null };
}

function startsConditional(folded: string): boolean {
  return /^(theo|khi|sau khi|tuy)\b/.test(folded);
}

/** Words that make a dated phrase a deadline even after "theo…"/"khi…" ("… hoàn thành trước 30/6"). */
function hasDeadlineWord(folded: string): boolean {
  return /(?<![a-z])(truoc|cham nhat|han|hoan thanh)(?![a-z])/.test(folded);
}

/** The latest date mentioned in folded text; strong when a mention carried digits. */
export function scanDates(
  folded: string,
  planYear: number,
): { due: IsoDay | null; strong: boolean; invalid: boolean } {
  let rest = folded;
  let due: IsoDay | null = null;
  let strong = false;
  let invalid = false;
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    rest = rest.replace(rule.re, (...args: unknown[]) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const found = rule.due(match, planYear);
      if (found === INVALID) invalid = true;
      else if (!due || found > due) due = found;
      if (!rule.weak) strong = true;
      return ' '.repeat(String(args[0]).length);
    });
  }
  return { due, strong, invalid };
}

/** Years that deadlines name, for inferring the plan year. */
export function yearsMentioned(cell: Cell, timeZone = 'Asia/Ho_Chi_Minh'): number[] {
  if (isDate(cell))
    return Number.isNaN(cell.getTime()) ? [] : [Number(dayInZone(cell, timeZone).slice(0, 4))];
  if (typeof cell !== 'string') return [];
  return (fold(cell).match(/(?<!\d)(?:19|20|21)\d{2}(?!\d)/g) ?? []).map(Number);
}
