/**
 * Reads a task-assignment sheet into a plan: header, sections, tasks and their lines (domain §1–§4).
 * One pass over the rows below the header; nothing here touches a platform global.
 */
import { findHeader, matchHeader, type HeaderMatch } from './columns';
import { yearFromTitle } from './title';
import { dayFromText, dayInZone, type IsoDay } from './dates';
import { parseDeadline, yearsMentioned, type Deadline } from './deadline';
import { Grid, cellText, isDate, type CellValue, type SheetInput } from './grid';
import type { Heading, Plan, Section, Task, TaskLine } from './model';
import { matchPillar, sectionName, stripNumbering } from './pillars';
import { isMissingLead, parseStatus } from './status-words';
import { collapse, columnLetter, foldKey, romanValue } from './text';
import { COLUMNS, type ColumnKey } from './vocabulary';

export interface ParseOptions {
  /** Today in the sheet's time zone (ISO day); the last fallback for the plan year. */
  today: IsoDay;
  timeZone?: string;
  /** Forces the plan year (a command-line flag or a setting the user confirmed). */
  planYear?: number;
  /** Used when neither the title nor the deadlines name a year. */
  defaultPlanYear?: number;
}

export class NoHeaderError extends Error {
  constructor(readonly sheet: string) {
    super(`Không tìm thấy dòng tiêu đề của bảng phân công trong trang "${sheet}".`);
  }
}

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Parses a sheet; throws NoHeaderError when no header row is recognisable. */
export function parsePlan(input: SheetInput, options: ParseOptions): Plan {
  const grid = new Grid(input.values, input.merges ?? [], options.timeZone ?? DEFAULT_TIME_ZONE);
  const header = findHeader(grid);
  if (!header) throw new NoHeaderError(input.name);
  return new PlanReader(grid, header, input.name, options).read();
}

/** True when the sheet has a recognisable task-table header. */
export function hasTaskHeader(input: SheetInput): boolean {
  return findHeader(new Grid(input.values, input.merges ?? [])) !== null;
}

/**
 * What a row is. `section`: a heading that opens a pillar section; `block`: a heading above
 * sections (A, B, "Phần I") that closes the current section; `group`: a heading inside a section
 * (an un-numbered group row, an n.m sub-group) that leaves the section as it is.
 */
export type RowKind = 'blank' | 'skip' | 'section' | 'block' | 'group' | 'task' | 'continuation';

/** What the classifier knows about one row below the header. */
export interface RowFacts {
  /** Number cell as written, trailing "." ")" ":" removed ("I", "1", "1.2", "A", ""). */
  stt: string;
  /** The task cell's own text ("" under a merge from above). */
  task: string;
  /** A lead unit is named (a vertical merge from above counts). */
  hasLead: boolean;
  /** The deadline cell is not empty (a vertical merge from above counts). */
  hasDeadline: boolean;
  /** The deadline reads as a date, a recurring or a conditional deadline. */
  deadlineReadable: boolean;
  /** Some cell besides the number and task cells holds text of its own. */
  hasDetail: boolean;
  /** The row has no text of its own. */
  blank: boolean;
  /** One merged cell covers the task, lead and deadline columns; `mergedText` is its text. */
  wideMerge: boolean;
  mergedText: string;
  /** The row repeats the header (a page break of the Word original). */
  repeatedHeader: boolean;
  /** The row only numbers the columns: "(1) (2) (3) …" or "1 2 3 …". */
  columnNumbers: boolean;
  /** Number of the next row that is neither blank nor skipped ("" when un-numbered or none). */
  nextStt: string;
  /** Some row is numbered below this number ("1.1" has "1.1.1"; "2" has "2.1"). */
  hasChildren: boolean;
  /** The task being read: its number and its first row's text; null after a heading. */
  current: { stt: string; task: string } | null;
}

export interface RowRule {
  /** Stable name, shown with each heading so a wrong guess is visible and fixable. */
  name: string;
  kind: RowKind;
  test: (f: RowFacts) => boolean;
}

const BLOCK_NUMBER = /^(?:[A-H]|(?:phần|PHẦN|Phần)\s+(?:[IVXLivxl]+|\d+))$/u;
const BLOCK_TEXT = /^(?:phần|PHẦN|Phần)\s+(?:[IVXL]+|\d+)\b/u;

function isRoman(stt: string): boolean {
  return stt !== '' && romanValue(stt) !== null;
}

/** An un-numbered row's text that reads as a group title: short, capitalised, not a broken sentence. */
export function looksLikeTitle(text: string): boolean {
  const t = collapse(text);
  if (t === '' || t.split(' ').length > 12) return false;
  const first = t.charAt(0);
  if (first === first.toLowerCase() || first !== first.toUpperCase()) return false;
  return !/[,;]$/.test(t);
}

const noLeadNoDeadline = (f: RowFacts): boolean => !f.hasLead && !f.hasDeadline;

/**
 * The row classifier: the first rule whose test holds gives the row's kind. Order matters: skips
 * first, then headings from the most to the least certain, then continuations, then tasks.
 */
export const ROW_RULES: readonly RowRule[] = [
  { name: 'blank', kind: 'blank', test: (f) => f.blank },
  // The header again after a page break of the Word original; never a task.
  { name: 'repeated-header', kind: 'skip', test: (f) => f.repeatedHeader },
  { name: 'column-numbers', kind: 'skip', test: (f) => f.columnNumbers },
  { name: 'wide-merge-empty', kind: 'skip', test: (f) => f.wideMerge && f.mergedText === '' },
  // One merged cell across the table: a section or title row, never a task (domain §2).
  { name: 'wide-merge', kind: 'section', test: (f) => f.wideMerge },
  // "A", "B", "Phần I" above Roman sections: numbering restarts below it.
  {
    name: 'block',
    kind: 'block',
    test: (f) =>
      !f.hasLead &&
      !f.deadlineReadable &&
      (BLOCK_NUMBER.test(f.stt) || (f.stt === '' && BLOCK_TEXT.test(collapse(f.task)))),
  },
  { name: 'roman-section', kind: 'section', test: (f) => isRoman(f.stt) && noLeadNoDeadline(f) },
  // A Roman heading whose deadline cell holds stray words (the tail of a cell above, spilled by a
  // page break) and that numbered rows follow.
  {
    name: 'roman-section-stray-cell',
    kind: 'section',
    test: (f) => isRoman(f.stt) && !f.hasLead && !f.deadlineReadable && /^\d/.test(f.nextStt),
  },
  {
    name: 'integer-section',
    kind: 'section',
    test: (f) =>
      /^\d+$/.test(f.stt) &&
      noLeadNoDeadline(f) &&
      (f.hasChildren || (matchPillar(f.task) !== null && !f.hasDetail)),
  },
  // "2.1 Thương mại điện tử" above 2.1.1, 2.1.2 …: a heading when it has children and no lead or
  // deadline; elsewhere n.m rows are the tasks themselves.
  {
    name: 'numbered-subgroup',
    kind: 'group',
    test: (f) => /^\d+(?:\.\d+)+$/.test(f.stt) && noLeadNoDeadline(f) && f.hasChildren,
  },
  // A heading typed in the number cell ("I. NHẬN THỨC SỐ").
  {
    name: 'heading-in-number-cell',
    kind: 'section',
    test: (f) => /[a-zA-Zà-ỹÀ-Ỹ]{3,}/.test(f.stt) && f.task === '' && !f.hasDetail && noLeadNoDeadline(f),
  },
  {
    name: 'unnumbered-pillar',
    kind: 'section',
    test: (f) =>
      f.stt === '' && f.task !== '' && !f.hasDetail && noLeadNoDeadline(f) && matchPillar(f.task) !== null,
  },
  // "Nhiệm vụ trọng tâm", "Các nhiệm vụ thường xuyên": a title across the table, numbered rows below.
  {
    name: 'unnumbered-group',
    kind: 'group',
    test: (f) =>
      f.stt === '' && !f.hasDetail && noLeadNoDeadline(f) && looksLikeTitle(f.task) && f.nextStt !== '',
  },
  // The number and text repeated on the next row: a merge lost on export.
  {
    name: 'repeated-number-continuation',
    kind: 'continuation',
    test: (f) =>
      f.current !== null && f.stt !== '' && f.stt === f.current.stt && collapse(f.task) === f.current.task,
  },
  // Empty number and task cells: another line of the task above (or cells of a vertical merge).
  { name: 'empty-number-continuation', kind: 'continuation', test: (f) => f.stt === '' && f.task === '' },
  // Empty number, some text: the task above goes on (its text broken over a page, or a new line).
  { name: 'text-continuation', kind: 'continuation', test: (f) => f.stt === '' && f.current !== null },
  { name: 'task', kind: 'task', test: () => true },
];

/** Classifies one row: the first rule of ROW_RULES that holds (the last, "task", always does). */
export function classifyRow(f: RowFacts): { kind: RowKind; rule: string } {
  const rule = ROW_RULES.find((r) => r.test(f)) as RowRule;
  return { kind: rule.kind, rule: rule.name };
}

class PlanReader {
  private readonly col: Partial<Record<ColumnKey, number>>;
  private readonly timeZone: string;
  private readonly width: number;
  /** Folded header text of each mapped column. */
  private readonly headerCells = new Map<number, string>();
  /** Every folded header text: a cell outside this set cannot belong to a repeated header. */
  private readonly headerKeySet = new Set<string>();
  /**
   * A cell much longer than any header cell is not a repeated header cell (generous: twice the
   * longest, plus room for stray spaces), so long task texts are not folded just to be compared.
   */
  private headerTextLimit = 0;
  private readonly folded = new Map<string, string>();
  /** Folded text of every header cell, per header row (a repeated header matches either). */
  private readonly headerRowKeys: string[][] = [];
  /** Deadline and lead cells repeat a lot ("Thường xuyên", "UBND xã"): parse each text once. */
  private readonly deadlines = new Map<string, Deadline>();
  private readonly missingLeads = new Map<string, boolean>();
  private readonly columnNotes: string[] = [];
  private ctx: { planYear: number; timeZone: string } = { planYear: 0, timeZone: DEFAULT_TIME_ZONE };

  constructor(
    private readonly grid: Grid,
    private readonly header: HeaderMatch,
    private readonly sheet: string,
    private readonly options: ParseOptions,
  ) {
    this.col = { ...header.columns };
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    let last = 0;
    // Every mapped column has header text, so the last header text ends the table.
    header.texts.forEach((t, c) => {
      if (t !== '') last = c;
    });
    this.width = last + 1;
    for (let r = header.firstRow; r <= header.lastRow; r++) {
      const keys: string[] = [];
      for (let c = 0; c < this.width; c++) keys.push(foldKey(this.grid.ownText(r, c)));
      this.headerRowKeys.push(keys);
    }
    this.chooseStatusColumn();
    for (const c of Object.values(this.col)) {
      if (c === undefined) continue;
      // Repeated header rows match either row of a two-row header.
      this.headerCells.set(c, foldKey(header.raw[c] ?? ''));
    }
    for (const k of this.headerCells.values()) if (k !== '') this.headerKeySet.add(k);
    for (const keys of this.headerRowKeys) for (const k of keys) if (k !== '') this.headerKeySet.add(k);
    // Stryker disable next-line all: a bound on work only (see longestHeaderCell).
    this.headerTextLimit = this.longestHeaderCell() * 2 + 20;
  }

  /** Length of the longest header cell: bounds the cells compared with the header. */
  private longestHeaderCell(): number {
    let longest = 0;
    // Stryker disable next-line all: a bound on work only; any bound at least the longest header cell reads the same.
    for (let r = this.header.firstRow; r <= this.header.lastRow; r++)
      // Stryker disable next-line all: a bound on work only (as above).
      for (let c = 0; c < this.width; c++) longest = Math.max(longest, this.grid.ownText(r, c).length);
    return longest;
  }

  read(): Plan {
    const { planYear, source } = this.planYear();
    const ctx = { planYear, timeZone: this.timeZone };
    this.ctx = ctx;
    const sections: Section[] = [];
    const headings: Heading[] = [];
    const tasks: Task[] = [];
    let current: Task | null = null;
    let currentKey: { stt: string; task: string } | null = null;
    let sectionIndex = -1;
    // A block's row, until a section opens inside it: tasks straight under a block take it as their
    // section, so numbering that restarts in each block is no duplicate.
    let openBlock: number | null = null;
    const start = this.firstDataRow();
    const facts = this.rowFacts(start);

    for (let r = start; r < this.grid.rows; r++) {
      const f = facts[r - start] as RowFacts;
      f.current = currentKey;
      const { kind, rule } = classifyRow(f);
      if (kind === 'blank' || kind === 'skip') continue;
      if (kind === 'section' || kind === 'block' || kind === 'group') {
        const text = this.headingText(r);
        headings.push({ row: r + 1, text, rule });
        // A heading that names a pillar counts as a section whatever its shape.
        if (kind === 'section' || matchPillar(text) !== null) {
          sections.push(this.section(r, text));
          sectionIndex = sections.length - 1;
          openBlock = null;
        } else if (kind === 'block') {
          sectionIndex = -1;
          openBlock = r;
        }
        current = null;
        currentKey = null;
        continue;
      }
      if (kind === 'continuation' && current) {
        const text = collapse(this.ownText(r, 'task'));
        if (rule === 'text-continuation') current.task = `${current.task} ${text}`;
        // A row with empty number and task cells (blank rows never get here) is another line; a
        // row that goes on with the task's text is one only with a lead or deadline of its own.
        if (rule === 'empty-number-continuation' || this.ownLeadOrDeadline(r))
          current.lines.push(this.line(r, ctx));
        current.lastRow = r + 1;
        this.readTaskFields(current, r);
        continue;
      }
      // A task row (or a stray line before any task: it becomes a task of its own).
      const stt = this.sttText(r);
      if (openBlock !== null && sectionIndex < 0) {
        sections.push(this.section(openBlock, this.headingText(openBlock)));
        sectionIndex = sections.length - 1;
        openBlock = null;
      }
      if (current === null || kind === 'task') {
        // A top-level number beside integer-numbered sections leaves the section (domain §2).
        if (sectionIndex >= 0 && this.isTopLevelBesideSections(stt, sections[sectionIndex] as Section))
          sectionIndex = -1;
      }
      current = {
        row: r + 1,
        lastRow: r + 1,
        stt,
        pillar: sectionIndex >= 0 ? (sections[sectionIndex] as Section).name : null,
        section: sectionIndex,
        task: collapse(this.text(r, 'task')),
        lines: [this.line(r, ctx)],
        deadline: { text: '', kind: 'missing', due: null },
        status: 'unknown',
        statusText: '',
        statusLate: false,
        statusRow: r + 1,
        completedOn: null,
      };
      currentKey = { stt, task: current.task };
      this.readTaskFields(current, r);
      tasks.push(current);
    }
    for (const t of tasks) t.deadline = lastDue(t.lines);

    const missingColumns = COLUMNS.filter((c) => c.need !== 'optional' && this.col[c.key] === undefined).map(
      (c) => c.key,
    );
    return {
      sheet: this.sheet,
      headerRow: this.header.lastRow + 1,
      headerFirstRow: this.header.firstRow + 1,
      planYear,
      planYearSource: source,
      title: this.titleLines(),
      columns: { ...this.col },
      width: this.width,
      missingColumns,
      sections,
      headings,
      columnNotes: [...this.columnNotes],
      tasks,
    };
  }

  // ---- cells -------------------------------------------------------------------------------

  private c(key: ColumnKey): number {
    return this.col[key] ?? -1;
  }

  /** A column's shown value (a vertical merge counts for every row it spans). */
  private value(r: number, key: ColumnKey): CellValue {
    return this.grid.value(r, this.c(key));
  }

  private text(r: number, key: ColumnKey): string {
    return this.grid.text(r, this.c(key));
  }

  /** A column's own text: "" for a cell hidden under a merge from above. */
  private ownText(r: number, key: ColumnKey): string {
    const c = this.c(key);
    return this.grid.coveredFromAbove(r, c) ? '' : this.grid.text(r, c);
  }

  private sttText(r: number): string {
    return collapse(this.ownText(r, 'stt')).replace(/[.):]+$/, '');
  }

  // ---- header, title, plan year --------------------------------------------------------------

  /**
   * Several columns may be titled as a status ("Kết quả thực hiện" and "Tiến độ"): the one whose
   * values best match the status vocabulary is the status column; the others are narrative.
   */
  private chooseStatusColumn(): void {
    const candidates: number[] = [];
    for (let c = 0; c < this.width; c++) {
      if (matchHeader(this.header.raw[c] ?? '')?.key === 'status') candidates.push(c);
    }
    if (candidates.length < 2) return;
    const score = (c: number): number => {
      let n = 0;
      for (let r = this.header.lastRow + 1; r < this.grid.rows; r++) {
        const t = this.grid.ownText(r, c);
        if (t !== '' && parseStatus(t).recognised) n++;
      }
      return n;
    };
    let best = this.col.status ?? (candidates[0] as number);
    let bestScore = score(best);
    for (const c of candidates) {
      const s = score(c);
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    this.col.status = best;
    const name = (c: number): string => `cột ${columnLetter(c)} “${collapse(this.header.raw[c] ?? '')}”`;
    const others = candidates.filter((c) => c !== best).map(name);
    const chosen = name(best);
    this.columnNotes.push(
      `${chosen.charAt(0).toUpperCase()}${chosen.slice(1)} được dùng làm trạng thái (${others.join(', ')} là nội dung thuyết minh).`,
    );
  }

  /** Skips a column-number row ("(1) (2) (3)…" or "1 2 3…") right below the header. */
  private firstDataRow(): number {
    const r = this.header.lastRow + 1;
    return r < this.grid.rows && this.isColumnNumbers(r) ? r + 1 : r;
  }

  private isColumnNumbers(r: number): boolean {
    const nums: number[] = [];
    for (let c = 0; c < this.width; c++) {
      const t = this.grid.ownText(r, c);
      if (t === '') continue;
      const m = /^\(?(\d{1,2})\)?$/.exec(t);
      if (!m) return false;
      nums.push(Number(m[1]));
    }
    return nums.length >= 3 && nums.every((n, i) => i === 0 || n > (nums[i - 1] as number));
  }

  private titleLines(): string[] {
    const lines: string[] = [];
    for (let r = 0; r < this.header.firstRow; r++) {
      for (let c = 0; c < this.grid.columns; c++) {
        const t = collapse(this.grid.ownText(r, c));
        if (t !== '') lines.push(t);
      }
    }
    return lines;
  }

  private planYear(): { planYear: number; source: Plan['planYearSource'] } {
    if (this.options.planYear) return { planYear: this.options.planYear, source: 'option' };
    const fromTitle = yearFromTitle(this.titleLines());
    if (fromTitle) return { planYear: fromTitle, source: 'title' };
    const counts = new Map<number, number>();
    const dc = this.c('deadline');
    if (dc >= 0) {
      for (let r = this.header.lastRow + 1; r < this.grid.rows; r++) {
        for (const y of yearsMentioned(this.grid.own(r, dc), this.timeZone))
          counts.set(y, (counts.get(y) ?? 0) + 1);
      }
    }
    let best = 0;
    let bestCount = 0;
    for (const [y, n] of counts) {
      if (n > bestCount || (n === bestCount && y < best)) {
        best = y;
        bestCount = n;
      }
    }
    if (best) return { planYear: best, source: 'deadlines' };
    if (this.options.defaultPlanYear) return { planYear: this.options.defaultPlanYear, source: 'setting' };
    return { planYear: Number(this.options.today.slice(0, 4)), source: 'today' };
  }

  // ---- row classification --------------------------------------------------------------------

  /** The facts of every row from `start` on, with look-ahead (next number, children). */
  private rowFacts(start: number): RowFacts[] {
    const out: RowFacts[] = [];
    const prefixes = new Set<string>();
    for (let r = start; r < this.grid.rows; r++) {
      const stt = this.sttText(r);
      const parts = /^\d+(?:\.\d+)+$/.test(stt) ? stt.split('.') : [];
      for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('.'));
      const blank = this.grid.isBlankRow(r);
      const wide = !blank && this.isWideMerge(r);
      const deadlineText = this.text(r, 'deadline');
      const deadlineKind =
        deadlineText === '' || this.c('deadline') < 0
          ? 'missing'
          : this.deadline(this.value(r, 'deadline'), this.ctx).kind;
      out.push({
        stt,
        task: this.ownText(r, 'task'),
        hasLead: !this.leadMissing(this.text(r, 'lead')),
        hasDeadline: deadlineText !== '',
        deadlineReadable:
          deadlineKind === 'date' || deadlineKind === 'recurring' || deadlineKind === 'conditional',
        hasDetail: !blank && this.hasTaskDetail(r),
        blank,
        wideMerge: wide,
        mergedText: wide ? this.sectionText(r) : '',
        repeatedHeader: !blank && this.isRepeatedHeader(r),
        columnNumbers: !blank && this.isColumnNumbers(r),
        nextStt: '',
        hasChildren: false,
        current: null,
      });
    }
    let next = '';
    for (let i = out.length - 1; i >= 0; i--) {
      const f = out[i] as RowFacts;
      f.hasChildren = f.stt !== '' && prefixes.has(f.stt);
      f.nextStt = next;
      if (!f.blank && !f.repeatedHeader && !f.columnNumbers) next = f.stt;
    }
    return out;
  }

  /** A row covered by one merged cell across the table (task, lead and deadline columns alike). */
  private isWideMerge(r: number): boolean {
    const needed = (['task', 'lead', 'deadline'] as const).map((k) => this.c(k)).filter((c) => c >= 0);
    return this.grid
      .mergesOn(r)
      .some(
        (m) =>
          m.row === r &&
          m.numColumns > 1 &&
          needed.every((c) => c >= m.column && c < m.column + m.numColumns),
      );
  }

  /** True when the row holds task details besides its number and text (partners, output, status…). */
  private hasTaskDetail(r: number): boolean {
    const skip = new Set([this.c('stt'), this.c('task')]);
    for (let c = 0; c < this.width; c++) {
      if (skip.has(c)) continue;
      if (this.grid.ownText(r, c) !== '') return true;
    }
    return false;
  }

  /**
   * A header repeated on a later page: at least three mapped columns read the same as the header,
   * or every filled cell (at least two) reads the same as that column of one header row.
   */
  private isRepeatedHeader(r: number): boolean {
    // Each filled cell folded once; "" when empty, null when it is no header text at all.
    const keys: (string | null)[] = [];
    let filled = 0;
    let headerLike = 0;
    for (let c = 0; c < this.width; c++) {
      const t = this.grid.ownText(r, c);
      if (t === '') {
        keys.push('');
        continue;
      }
      filled++;
      // Stryker disable next-line all: a cell longer than every header cell folds to no header text anyway.
      if (t.length > this.headerTextLimit) {
        keys.push(null);
        continue;
      }
      const k = this.foldCell(t);
      if (this.headerKeySet.has(k)) {
        keys.push(k);
        headerLike++;
      } else keys.push(null);
    }
    if (headerLike < 2) return false;
    let same = 0;
    for (const c of Object.values(this.col)) {
      if (c === undefined) continue;
      const k = keys[c];
      if (k && k === this.headerCells.get(c)) same++;
    }
    if (same >= 3) return true;
    if (filled < 2 || headerLike < filled) return false;
    return this.headerRowKeys.some((row) =>
      keys.every((k, c) => k === '' || (row[c] !== '' && row[c] === k)),
    );
  }

  /** foldKey of a short cell, once per distinct text (leads, deadlines, statuses repeat). */
  private foldCell(t: string): string {
    let k = this.folded.get(t);
    // Stryker disable next-line all: a cache; without it every result is the same.
    if (k === undefined) {
      k = foldKey(t);
      // Stryker disable next-line all: a bound on the cache's size; results are the same either way.
      if (this.folded.size < 50_000) this.folded.set(t, k);
    }
    return k;
  }

  private isTopLevelBesideSections(stt: string, section: Section): boolean {
    return /^\d+$/.test(stt) && /^\d+$/.test(section.number) && Number(stt) > Number(section.number);
  }

  private sectionText(r: number): string {
    const parts: string[] = [];
    const seen = new Set<string>();
    for (let c = 0; c < this.width; c++) {
      const t = collapse(this.grid.ownText(r, c));
      if (t === '' || seen.has(t)) continue;
      seen.add(t);
      parts.push(t);
    }
    // Drop a bare number cell ("I", "1", "A") in front of the heading.
    if (parts.length > 1 && /^([IVXLivxl]+|\d+(?:\.\d+)*|[A-H])[.)]?$/.test(parts[0] as string))
      parts.shift();
    return parts.join(' ');
  }

  private section(r: number, text: string): Section {
    return { row: r + 1, number: this.sectionNumber(r), text: stripNumbering(text), name: sectionName(text) };
  }

  /** A heading's text: its task cell, else the row's other cells (a merge across, a number cell). */
  private headingText(r: number): string {
    const own = collapse(this.ownText(r, 'task'));
    return own !== '' ? own : this.sectionText(r);
  }

  private sectionNumber(r: number): string {
    const stt = this.sttText(r);
    const m = /^([IVXLivxl]+|\d+)\b/.exec(stt || this.sectionText(r));
    return m ? (m[1] as string) : '';
  }

  // ---- lines ---------------------------------------------------------------------------------

  /** True when the row has a lead or a deadline cell of its own (another assignment line). */
  private ownLeadOrDeadline(r: number): boolean {
    return this.ownText(r, 'lead') !== '' || this.ownText(r, 'deadline') !== '';
  }

  private line(r: number, ctx: { planYear: number; timeZone: string }): TaskLine {
    const lead = collapse(this.text(r, 'lead'));
    return {
      row: r + 1,
      lead,
      leadMissing: this.leadMissing(lead),
      partners: collapse(this.text(r, 'partners')),
      output: collapse(this.text(r, 'output')),
      // Without a deadline column the value is "" and reads as missing.
      deadline: this.deadline(this.value(r, 'deadline'), ctx),
    };
  }

  private deadline(v: CellValue, ctx: { planYear: number; timeZone: string }): Deadline {
    // Stryker disable next-line all: only text is cached; parsing any value again gives the same.
    if (typeof v !== 'string') return parseDeadline(v, ctx);
    let d = this.deadlines.get(v);
    // Stryker disable next-line all: a cache; without it every result is the same.
    if (!d) {
      d = parseDeadline(v, ctx);
      this.deadlines.set(v, d);
    }
    return d;
  }

  private leadMissing(text: string): boolean {
    let m = this.missingLeads.get(text);
    // Stryker disable next-line all: a cache; without it every result is the same.
    if (m === undefined) {
      m = isMissingLead(text);
      this.missingLeads.set(text, m);
    }
    return m;
  }

  /** Status, completion date and pillar column: the first non-empty value among the task's rows. */
  private readTaskFields(task: Task, r: number): void {
    if (task.statusText === '') {
      const s = collapse(this.text(r, 'status'));
      if (s !== '') {
        const parsed = parseStatus(s);
        task.statusText = s;
        task.status = parsed.status;
        task.statusLate = parsed.late;
        task.statusRow = r + 1;
      }
    }
    // A column the sheet lacks reads as "": no completion day, no pillar.
    if (task.completedOn === null) task.completedOn = toDay(this.value(r, 'completedOn'), this.timeZone);
    const p = collapse(this.text(r, 'pillar'));
    if (p !== '' && r + 1 === task.row) task.pillar = matchPillar(p) ?? p;
  }
}

function missing(): Deadline {
  return { text: '', kind: 'missing', due: null };
}

/** The deadline of the last-due line; without dates, the first line that says something. */
export function lastDue(lines: readonly TaskLine[]): Deadline {
  let best: Deadline | null = null;
  for (const l of lines) if (l.deadline.due && (!best?.due || l.deadline.due > best.due)) best = l.deadline;
  if (best) return best;
  const order = ['recurring', 'conditional', 'unknown'];
  for (const kind of order) {
    const found = lines.find((l) => l.deadline.kind === kind);
    if (found) return found.deadline;
  }
  return lines[0]?.deadline ?? missing();
}

/** A completion-date cell → ISO day (date cells, "30/10/2025", "2025-10-30"), else null. */
export function toDay(v: CellValue, timeZone: string): IsoDay | null {
  if (isDate(v)) return Number.isNaN(v.getTime()) ? null : dayInZone(v, timeZone);
  return dayFromText(cellText(v));
}
