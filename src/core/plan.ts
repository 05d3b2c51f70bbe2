/**
 * Reads a task-assignment sheet into a plan: header, sections, tasks and their lines (domain §1–§4).
 * One pass over the rows below the header; nothing here touches a platform global.
 */
import { findHeader, type HeaderMatch } from './columns';
import { dayInZone, isoDay, isValidDay, type IsoDay } from './dates';
import { parseDeadline, yearsMentioned, type Deadline } from './deadline';
import { Grid, cellText, isDate, type CellValue, type SheetInput } from './grid';
import type { Plan, Section, Task, TaskLine } from './model';
import { matchPillar, sectionName, stripNumbering } from './pillars';
import { isMissingLead, parseStatus } from './status';
import { collapse, fold, romanValue } from './text';
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
  const grid = new Grid(input.values, input.merges ?? []);
  const header = findHeader(grid);
  if (!header) throw new NoHeaderError(input.name);
  return new PlanReader(grid, header, input.name, options).read();
}

/** True when the sheet has a recognisable task-table header. */
export function hasTaskHeader(input: SheetInput): boolean {
  return findHeader(new Grid(input.values, input.merges ?? [])) !== null;
}

type RowKind = 'blank' | 'section' | 'task' | 'continuation' | 'skip';

class PlanReader {
  private readonly col: Partial<Record<ColumnKey, number>>;
  private readonly timeZone: string;
  private readonly width: number;
  /** Header text of each mapped column, as written. */
  private readonly headerCells = new Map<number, string>();
  /** Deadline and lead cells repeat a lot ("Thường xuyên", "UBND xã"): parse each text once. */
  private readonly deadlines = new Map<string, Deadline>();
  private readonly missingLeads = new Map<string, boolean>();

  constructor(
    private readonly grid: Grid,
    private readonly header: HeaderMatch,
    private readonly sheet: string,
    private readonly options: ParseOptions,
  ) {
    this.col = header.columns;
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    let last = 0;
    header.texts.forEach((t, c) => {
      if (t !== '') last = c;
    });
    for (const c of Object.values(this.col)) if (c !== undefined && c > last) last = c;
    this.width = last + 1;
    for (const c of Object.values(this.col)) {
      if (c === undefined) continue;
      // Repeated header rows match either row of a two-row header.
      this.headerCells.set(c, header.raw[c] ?? '');
    }
  }

  read(): Plan {
    const { planYear, source } = this.planYear();
    const ctx = { planYear, timeZone: this.timeZone };
    const sections: Section[] = [];
    const tasks: Task[] = [];
    let current: Task | null = null;
    let sectionIndex = -1;
    const start = this.firstDataRow();
    const numbered = this.numberedRows(start);

    for (let r = start; r < this.grid.rows; r++) {
      const kind = this.classify(r, numbered);
      if (kind === 'blank' || kind === 'skip') continue;
      if (kind === 'section') {
        const text = this.sectionText(r);
        const number = this.sectionNumber(r);
        sections.push({ row: r + 1, number, text: stripNumbering(text), name: sectionName(text) });
        sectionIndex = sections.length - 1;
        current = null;
        continue;
      }
      if (kind === 'continuation' && current) {
        if (this.ownLineCells(r)) current.lines.push(this.line(r, ctx));
        current.lastRow = r + 1;
        this.readTaskFields(current, r);
        continue;
      }
      // A task row (or a stray line before any task: it becomes a task of its own).
      const stt = this.sttText(r);
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
        statusRow: r + 1,
        completedOn: null,
      };
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

  /** Skips a column-number row ("(1) (2) (3)…" or "1 2 3…") right below the header. */
  private firstDataRow(): number {
    const r = this.header.lastRow + 1;
    if (r >= this.grid.rows) return r;
    const nums: number[] = [];
    for (let c = 0; c < this.width; c++) {
      const t = this.grid.ownText(r, c);
      if (t === '') continue;
      const m = /^\(?(\d{1,2})\)?$/.exec(t);
      if (!m) return r;
      nums.push(Number(m[1]));
    }
    const increasing = nums.length >= 3 && nums.every((n, i) => i === 0 || n > (nums[i - 1] as number));
    return increasing ? r + 1 : r;
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
        for (const y of yearsMentioned(this.grid.own(r, dc))) counts.set(y, (counts.get(y) ?? 0) + 1);
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

  /** Rows whose number is written "n.m": their "n" is a section (0-based row → stt). */
  private numberedRows(start: number): Set<string> {
    const parents = new Set<string>();
    for (let r = start; r < this.grid.rows; r++) {
      const m = /^(\d+)\.\d+/.exec(this.sttText(r));
      if (m) parents.add(m[1] as string);
    }
    return parents;
  }

  private classify(r: number, subParents: Set<string>): RowKind {
    if (this.grid.isBlankRow(r)) return 'blank';
    if (this.isRepeatedHeader(r)) return 'skip';
    const stt = this.sttText(r);
    const task = this.ownText(r, 'task');
    const hasLead = !this.leadMissing(this.text(r, 'lead'));
    const hasDeadline = this.text(r, 'deadline') !== '';

    if (this.isWideMerge(r)) return this.sectionText(r) === '' ? 'skip' : 'section';
    if (!hasLead && !hasDeadline) {
      if (romanValue(stt) !== null && stt !== '') return 'section';
      if (
        /^\d+$/.test(stt) &&
        (subParents.has(stt) || (matchPillar(task) !== null && !this.hasTaskDetail(r)))
      ) {
        return 'section';
      }
      // A heading typed in the number cell ("I. NHẬN THỨC SỐ") or an unnumbered pillar name.
      if (/[a-zA-Zà-ỹÀ-Ỹ]{3,}/.test(stt) && task === '' && !this.hasTaskDetail(r)) return 'section';
      if (stt === '' && task !== '' && matchPillar(task) !== null && !this.hasTaskDetail(r)) return 'section';
    }
    if (stt === '' && task === '') return 'continuation';
    return 'task';
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

  /** A header repeated on a later page: at least three mapped columns read the same as the header. */
  private isRepeatedHeader(r: number): boolean {
    let same = 0;
    for (const c of Object.values(this.col)) {
      if (c === undefined) continue;
      const t = this.grid.ownText(r, c);
      if (t !== '' && this.headerCells.get(c) === t) same++;
    }
    return same >= 3;
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
    // Drop a bare number cell ("I", "1") in front of the heading.
    if (parts.length > 1 && /^([IVXLivxl]+|\d+)[.)]?$/.test(parts[0] as string)) parts.shift();
    return parts.join(' ');
  }

  private sectionNumber(r: number): string {
    const stt = this.sttText(r);
    const m = /^([IVXLivxl]+|\d+)\b/.exec(stt || this.sectionText(r));
    return m ? (m[1] as string) : '';
  }

  // ---- lines ---------------------------------------------------------------------------------

  /** True when the row holds something of its own beyond merges from above. */
  private ownLineCells(r: number): boolean {
    for (let c = 0; c < this.width; c++) if (this.grid.ownText(r, c) !== '') return true;
    return false;
  }

  private line(r: number, ctx: { planYear: number; timeZone: string }): TaskLine {
    const lead = collapse(this.text(r, 'lead'));
    return {
      row: r + 1,
      lead,
      leadMissing: this.leadMissing(lead),
      partners: collapse(this.text(r, 'partners')),
      output: collapse(this.text(r, 'output')),
      deadline: this.c('deadline') >= 0 ? this.deadline(this.value(r, 'deadline'), ctx) : missing(),
    };
  }

  private deadline(v: CellValue, ctx: { planYear: number; timeZone: string }): Deadline {
    if (typeof v !== 'string') return parseDeadline(v, ctx);
    let d = this.deadlines.get(v);
    if (!d) {
      d = parseDeadline(v, ctx);
      this.deadlines.set(v, d);
    }
    return d;
  }

  private leadMissing(text: string): boolean {
    let m = this.missingLeads.get(text);
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
        task.statusText = s;
        task.status = parseStatus(s).status;
        task.statusRow = r + 1;
      }
    }
    if (task.completedOn === null && this.c('completedOn') >= 0) {
      task.completedOn = toDay(this.value(r, 'completedOn'), this.timeZone);
    }
    if (this.c('pillar') >= 0) {
      const p = collapse(this.text(r, 'pillar'));
      if (p !== '' && r + 1 === task.row) task.pillar = matchPillar(p) ?? p;
    }
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

/** The plan year named in title rows: "… năm 2026", else the year of the plan's date. */
export function yearFromTitle(lines: readonly string[]): number | null {
  for (const line of lines) {
    const f = fold(line);
    if (/giai doan/.test(f) && /(19|20)\d{2}\s*-\s*(19|20)\d{2}/.test(f)) continue;
    const m = /(?<![a-z])nam\s+((?:19|20)\d{2})(?!\d)/.exec(f);
    if (m) return Number(m[1]);
  }
  for (const line of lines) {
    const m = /(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d{2})(?!\d)/.exec(line);
    if (m) return Number(m[1]);
  }
  return null;
}

/** A completion-date cell → ISO day (date cells, "30/10/2025", "2025-10-30"), else null. */
export function toDay(v: CellValue, timeZone: string): IsoDay | null {
  if (isDate(v)) return Number.isNaN(v.getTime()) ? null : dayInZone(v, timeZone);
  const t = cellText(v);
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (m && isValidDay(Number(m[3]), Number(m[2]), Number(m[1])))
    return isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m && isValidDay(Number(m[1]), Number(m[2]), Number(m[3])))
    return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}
