/**
 * Small typed fakes of the Apps Script services the add-on uses, enforcing Google's rules (see
 * platform.ts): every call goes through a counting proxy that checks its OAuth scope against the
 * manifest and the user's grant, charges its time to the virtual clock, and can be made to fail
 * at the k-th call. Spreadsheets live in a fake Drive that also knows owners, sharing, which
 * files the add-on created (drive.file), mail sent, and the project's triggers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  API_NAMES,
  Grants,
  PermissionError,
  PropertyStore,
  SCOPE,
  VirtualClock,
  callCost,
  parseEntered,
  type Locale,
} from './platform';

export type Value = string | number | boolean | Date;

/** Characters a cell holds; a longer string is refused by Sheets. */
export const CELL_CHARS = 50_000;

export class CallLog {
  calls: string[] = [];
  /** When set, the call with this 1-based index throws. */
  failAt: number | null = null;
  grants = new Grants(new Set(Object.values(SCOPE)));
  clock = new VirtualClock();

  record(name: string): void {
    this.calls.push(name);
    if (this.failAt !== null && this.calls.length === this.failAt) {
      throw new Error(`Lỗi giả lập ở lệnh gọi thứ ${this.failAt} (${name})`);
    }
    this.grants.check(name, this.clock.execution?.authMode ?? 'FULL');
    this.clock.charge(callCost(name));
  }
}

/** Wraps an object so that each method call is recorded as "Label.method", scope-checked and timed. */
export function counted<T extends object>(log: CallLog, label: string, target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const v = Reflect.get(obj, prop, receiver);
      if (typeof v !== 'function' || typeof prop !== 'string' || prop === 'constructor') return v;
      return (...args: unknown[]) => {
        log.record(`${label}.${prop}`);
        return (v as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "B5" or "B5:C9" → 1-based row, column, rows, columns. */
export function parseA1(a1: string): { row: number; col: number; rows: number; cols: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (!m) throw new Error(`A1 không hợp lệ: ${a1}`);
  const row = Number(m[2]);
  const col = letterIndex(m[1] as string);
  const row2 = m[4] ? Number(m[4]) : row;
  const col2 = m[3] ? letterIndex(m[3]) : col;
  return { row, col, rows: row2 - row + 1, cols: col2 - col + 1 };
}

export interface Merge {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export class FakeRule {
  constructor(
    readonly formula: string,
    readonly background: string,
    public ranges: FakeRange[],
  ) {}
  getBooleanCondition() {
    return { getCriteriaType: () => 'CUSTOM_FORMULA', getCriteriaValues: () => [this.formula] };
  }
  getRanges() {
    return this.ranges;
  }
}

export interface Validation {
  kind: 'list' | 'date';
  list?: string[];
  allowInvalid: boolean;
}

export interface Chart {
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
}

export class FakeSheet {
  values: Value[][] = [];
  /** Formulas the user or a write entered (a string starting with "="). */
  formulas = new Map<string, string>();
  notes = new Map<string, string>();
  backgrounds = new Map<string, string>();
  formats = new Map<string, string>();
  validations = new Map<string, Validation>();
  merges: Merge[] = [];
  rules: FakeRule[] = [];
  charts: Chart[] = [];
  metadata: { key: string; value: string }[] = [];
  frozenRows = 0;
  widths = new Map<number, number>();
  hiddenRows = new Set<number>();
  hidden = false;
  maxRows = 1000;
  maxColumns = 26;
  proxy!: FakeSheet;

  constructor(
    readonly world: FakeWorld,
    public name: string,
    readonly id: number,
  ) {}

  /** A deep copy (for atomic batch updates). */
  clone(world: FakeWorld): FakeSheet {
    const s = new FakeSheet(world, this.name, this.id);
    s.values = this.values.map((r) => r.map((v) => (v instanceof Date ? new Date(v.getTime()) : v)));
    s.formulas = new Map(this.formulas);
    s.notes = new Map(this.notes);
    s.backgrounds = new Map(this.backgrounds);
    s.formats = new Map(this.formats);
    s.validations = new Map(this.validations);
    s.merges = this.merges.map((m) => ({ ...m }));
    s.rules = [...this.rules];
    s.charts = this.charts.map((c) => ({ ...c, ranges: [...c.ranges], options: { ...c.options } }));
    s.metadata = this.metadata.map((m) => ({ ...m }));
    s.frozenRows = this.frozenRows;
    s.widths = new Map(this.widths);
    s.hiddenRows = new Set(this.hiddenRows);
    s.hidden = this.hidden;
    s.maxRows = this.maxRows;
    s.maxColumns = this.maxColumns;
    s.proxy = counted(world.log, 'Sheet', s);
    return s;
  }

  // ---- state helpers (not counted: tests call them on the raw object) ----
  cellValue(row: number, col: number): Value {
    return this.values[row - 1]?.[col - 1] ?? '';
  }
  /** Stores a value as it is (a test putting data in place, or an API write of a typed value). */
  putCell(row: number, col: number, v: Value): void {
    while (this.values.length < row) this.values.push([]);
    const r = this.values[row - 1] as Value[];
    while (r.length < col) r.push('');
    r[col - 1] = v;
    this.formulas.delete(`${row}:${col}`);
  }
  /** Stores a value as typed input: formulas, and strings parsed by the spreadsheet's locale. */
  setCell(row: number, col: number, v: Value): void {
    const key = `${row}:${col}`;
    if (typeof v === 'string' && v.startsWith('=')) {
      this.putCell(row, col, '');
      this.formulas.set(key, v);
      return;
    }
    if (typeof v === 'string') {
      const parsed = parseEntered(v, this.world.locale, this.world.timeZone);
      this.putCell(row, col, parsed.value);
      return;
    }
    this.putCell(row, col, v);
  }
  lastRow(): number {
    for (let r = this.values.length; r > 0; r--)
      if ((this.values[r - 1] ?? []).some((v) => v !== '')) return r;
    return 0;
  }
  lastCol(): number {
    let c = 0;
    for (const row of this.values) for (let i = row.length; i > c; i--) if (row[i - 1] !== '') c = i;
    return c;
  }
  range(row: number, col: number, rows = 1, cols = 1): FakeRange {
    const outside =
      this.world.strictDimensions &&
      (row + rows - 1 > this.getMaxRows() || col + cols - 1 > this.getMaxColumns());
    if (row < 1 || col < 1 || rows < 1 || cols < 1 || outside)
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return counted(this.world.log, 'Range', new FakeRange(this, row, col, rows, cols));
  }

  // ---- Sheet API ----
  getName() {
    return this.name;
  }
  setName(name: string) {
    if (this.world.sheets.some((s) => s !== this && s.name === name))
      throw new Error(`Tên trang “${name}” đã có.`);
    this.name = name;
    return this.proxy;
  }
  getSheetId() {
    return this.id;
  }
  getIndex() {
    return this.world.sheets.indexOf(this) + 1;
  }
  getLastRow() {
    return this.lastRow();
  }
  getLastColumn() {
    return this.lastCol();
  }
  getMaxRows() {
    return Math.max(this.maxRows, this.values.length);
  }
  getMaxColumns() {
    return Math.max(this.maxColumns, this.lastCol());
  }
  getDataRange() {
    return this.range(1, 1, Math.max(this.lastRow(), 1), Math.max(this.lastCol(), 1));
  }
  getRange(a: number | string, col?: number, rows?: number, cols?: number) {
    if (typeof a === 'string') {
      const p = parseA1(a);
      return this.range(p.row, p.col, p.rows, p.cols);
    }
    return this.range(a, col ?? 1, rows ?? 1, cols ?? 1);
  }
  getRangeList(a1s: string[]) {
    const ranges = a1s.map((a) => {
      const p = parseA1(a);
      return new FakeRange(this, p.row, p.col, p.rows, p.cols);
    });
    const list = {
      getRanges: () => ranges,
      setFontWeight: () => list,
      setWrap: () => list,
      setBackground: (c: string) => (ranges.forEach((r) => r.setBackground(c)), list),
      setNumberFormat: (f: string) => (ranges.forEach((r) => r.setNumberFormat(f)), list),
      setFontColor: () => list,
      setBorder: () => list,
      setHorizontalAlignment: () => list,
    };
    return counted(this.world.log, 'RangeList', list);
  }
  getConditionalFormatRules() {
    return [...this.rules];
  }
  setConditionalFormatRules(rules: FakeRule[]) {
    this.rules = [...rules];
  }
  private shiftKeys<T>(
    m: Map<string, T>,
    f: (r: number, c: number) => [number, number] | null,
  ): Map<string, T> {
    const out = new Map<string, T>();
    for (const [k, v] of m) {
      const [r, c] = k.split(':').map(Number) as [number, number];
      const to = f(r, c);
      if (to) out.set(`${to[0]}:${to[1]}`, v);
    }
    return out;
  }
  insertColumnsAfter(col: number, n: number) {
    for (const row of this.values) if (row.length > col) row.splice(col, 0, ...new Array<Value>(n).fill(''));
    const f = (r: number, c: number): [number, number] => [r, c > col ? c + n : c];
    this.notes = this.shiftKeys(this.notes, f);
    this.backgrounds = this.shiftKeys(this.backgrounds, f);
    this.formats = this.shiftKeys(this.formats, f);
    this.formulas = this.shiftKeys(this.formulas, f);
    this.maxColumns += n;
    return this.proxy;
  }
  deleteColumns(col: number, n: number) {
    for (const row of this.values) if (row.length >= col) row.splice(col - 1, n);
    const f = (r: number, c: number): [number, number] | null =>
      c >= col && c < col + n ? null : [r, c >= col + n ? c - n : c];
    this.notes = this.shiftKeys(this.notes, f);
    this.backgrounds = this.shiftKeys(this.backgrounds, f);
    this.formats = this.shiftKeys(this.formats, f);
    this.formulas = this.shiftKeys(this.formulas, f);
    for (const key of [...this.validations.keys()]) {
      const p = parseA1(key.split(':')[0] as string);
      if (p.col >= col && p.col < col + n) this.validations.delete(key);
    }
    this.maxColumns -= n;
    return this.proxy;
  }
  /** Inserts rows as Sheets does: cells, notes, backgrounds and rule ranges below move down. */
  insertRowsBefore(row: number, n: number) {
    this.values.splice(row - 1, 0, ...Array.from({ length: n }, () => [] as Value[]));
    const f = (r: number, c: number): [number, number] => [r >= row ? r + n : r, c];
    this.notes = this.shiftKeys(this.notes, f);
    this.backgrounds = this.shiftKeys(this.backgrounds, f);
    for (const rule of this.rules) {
      rule.ranges = rule.ranges.map(
        (g) => new FakeRange(this, g.row >= row ? g.row + n : g.row, g.col, g.rows, g.cols),
      );
    }
    this.maxRows = this.getMaxRows() + n;
    return this.proxy;
  }
  /** Adds n empty rows after `row` (the sheet grows; cells below move down). */
  insertRowsAfter(row: number, n: number) {
    if (row < this.values.length) this.insertRowsBefore(row + 1, n);
    else this.maxRows = this.getMaxRows() + n;
    return this.proxy;
  }
  /** Deletes n rows from `row` (cells below move up); Sheets refuses to delete every row. */
  deleteRows(row: number, n: number) {
    const max = this.getMaxRows();
    if (row < 1 || n < 1 || row + n - 1 > max) throw new Error('Those rows are out of bounds.');
    if (n >= max - this.frozenRows)
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    this.values.splice(row - 1, n);
    const f = (r: number, c: number): [number, number] | null =>
      r >= row && r < row + n ? null : [r >= row + n ? r - n : r, c];
    this.notes = this.shiftKeys(this.notes, f);
    this.backgrounds = this.shiftKeys(this.backgrounds, f);
    this.formats = this.shiftKeys(this.formats, f);
    this.formulas = this.shiftKeys(this.formulas, f);
    this.maxRows = max - n;
    return this.proxy;
  }
  setFrozenRows(n: number) {
    this.frozenRows = n;
  }
  setColumnWidth(col: number, w: number) {
    this.widths.set(col, w);
    return this.proxy;
  }
  setColumnWidths(col: number, n: number, w: number) {
    for (let i = 0; i < n; i++) this.widths.set(col + i, w);
    return this.proxy;
  }
  setRowHeight() {
    return this.proxy;
  }
  hideRows(row: number, n = 1) {
    for (let i = 0; i < n; i++) this.hiddenRows.add(row + i);
  }
  hideSheet() {
    if (this.world.sheets.filter((s) => !s.hidden).length <= 1)
      throw new Error('You can’t hide all the sheets in a document.');
    this.hidden = true;
    return this.proxy;
  }
  isSheetHidden() {
    return this.hidden;
  }
  newChart() {
    const chart: Chart = { type: '', ranges: [], options: {} };
    const builder = {
      setChartType: (t: string) => ((chart.type = t), b),
      addRange: (r: FakeRange) => (chart.ranges.push(r.getA1Notation()), b),
      setNumHeaders: () => b,
      setOption: (k: string, v: unknown) => ((chart.options[k] = v), b),
      setPosition: () => b,
      build: () => chart,
    };
    const b = counted(this.world.log, 'EmbeddedChartBuilder', builder);
    return b;
  }
  insertChart(chart: Chart) {
    this.charts.push(chart);
  }
  appendRow(row: Value[]) {
    const r = this.lastRow() + 1;
    row.forEach((v, i) => this.setCell(r, i + 1, v));
    return this.proxy;
  }
  addDeveloperMetadata(key: string, value: string) {
    this.metadata.push({ key, value });
    return this.proxy;
  }
  activate() {
    this.world.active = this;
    return this.proxy;
  }
  /** Copies values, merges and charts into another spreadsheet, as "Bản sao của …". */
  copyTo(target: { getId(): string }) {
    const book = this.world.drive.books.get(target.getId()) as FakeWorld;
    const copy = book.addSheet(`Bản sao của ${this.name}`, this.values, this.merges);
    copy.charts = this.charts.map((c) => ({ ...c }));
    copy.frozenRows = this.frozenRows;
    return copy.proxy;
  }
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {}
  private each<T>(fn: (r: number, c: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) =>
      Array.from({ length: this.cols }, (_, j) => fn(this.row + i, this.col + j)),
    );
  }
  private check(grid: unknown[][]) {
    if (grid.length !== this.rows || grid.some((r) => r.length !== this.cols)) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.rows}.`,
      );
    }
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.cols;
  }
  getSheet() {
    return this.sheet.proxy;
  }
  getA1Notation() {
    const a = `${letters(this.col)}${this.row}`;
    return this.rows === 1 && this.cols === 1
      ? a
      : `${a}:${letters(this.col + this.cols - 1)}${this.row + this.rows - 1}`;
  }
  getValues() {
    return this.each((r, c) => {
      const v = this.sheet.cellValue(r, c);
      return v instanceof Date ? new Date(v.getTime()) : v;
    });
  }
  setValues(values: Value[][]) {
    this.check(values);
    // Refused whole, before anything is written.
    for (const v of values.flat()) {
      if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)))
        throw new Error('Cannot convert value to a cell value.');
      if (typeof v === 'string' && v.length > CELL_CHARS)
        throw new Error(
          `Your input contains more than the maximum of ${CELL_CHARS} characters in a single cell.`,
        );
    }
    values.forEach((row, i) => row.forEach((v, j) => this.sheet.setCell(this.row + i, this.col + j, v)));
    return this;
  }
  getNotes() {
    return this.each((r, c) => this.sheet.notes.get(`${r}:${c}`) ?? '');
  }
  setNotes(notes: string[][]) {
    this.check(notes);
    notes.forEach((row, i) =>
      row.forEach((n, j) => {
        const key = `${this.row + i}:${this.col + j}`;
        if (n === '' || n === null) this.sheet.notes.delete(key);
        else this.sheet.notes.set(key, n);
      }),
    );
    return this;
  }
  getMergedRanges() {
    return this.sheet.merges
      .filter(
        (m) =>
          m.row < this.row + this.rows &&
          m.row + m.rows > this.row &&
          m.col < this.col + this.cols &&
          m.col + m.cols > this.col,
      )
      .map((m) => new FakeRange(this.sheet, m.row, m.col, m.rows, m.cols));
  }
  merge() {
    this.sheet.merges.push({ row: this.row, col: this.col, rows: this.rows, cols: this.cols });
    return this;
  }
  mergeAcross() {
    for (let i = 0; i < this.rows; i++)
      this.sheet.merges.push({ row: this.row + i, col: this.col, rows: 1, cols: this.cols });
    return this;
  }
  setBackground(color: string) {
    this.each((r, c) => this.sheet.backgrounds.set(`${r}:${c}`, color));
    return this;
  }
  setValue(v: Value) {
    this.sheet.setCell(this.row, this.col, v);
    return this;
  }
  setNumberFormat(f: string) {
    this.each((r, c) => this.sheet.formats.set(`${r}:${c}`, f));
    return this;
  }
  setDataValidation(v: Validation | null) {
    if (v === null) this.sheet.validations.delete(this.getA1Notation());
    else this.sheet.validations.set(this.getA1Notation(), v);
    return this;
  }
  activate() {
    this.sheet.world.active = this.sheet;
    this.sheet.world.selection = `${this.sheet.name}!${this.getA1Notation()}`;
    return this;
  }
  setFontWeight() {
    return this;
  }
  setFontSize() {
    return this;
  }
  setFontStyle() {
    return this;
  }
  setFontColor() {
    return this;
  }
  setHorizontalAlignment() {
    return this;
  }
  setVerticalAlignment() {
    return this;
  }
  setWrap() {
    return this;
  }
  setBorder() {
    return this;
  }
}

export interface Shown {
  kind: 'sidebar' | 'dialog';
  title: string;
  html: string;
}

export class FakeWorld {
  log = new CallLog();
  sheets: FakeSheet[] = [];
  active!: FakeSheet;
  selection = '';
  timeZone = 'Asia/Ho_Chi_Minh';
  locale: Locale = 'vi_VN';
  toasts: string[] = [];
  alerts: string[] = [];
  shown: Shown[] = [];
  menu: string[] = [];
  /** Scopes the consent screen was asked for (ScriptApp.requireScopes with missing grants). */
  consentPrompts: string[][] = [];
  store = new PropertyStore();
  lockHeld = false;
  /** When executions held the document lock, on the virtual clock (for executions running side by side). */
  lockIntervals: { from: number; to: number }[] = [];
  user = 'can.bo@xa.gov.vn';
  /**
   * Sheets' rule that a range must lie within the sheet's rows and columns (a new sheet has 1,000
   * rows and 26 columns; insertRowsAfter grows it). On, as on Google; a test may switch it off
   * to load a fixture larger than a sheet would hold.
   */
  strictDimensions = true;
  id: string;
  name = 'Bảng phân công';
  private nextId = 1;

  constructor(
    /** Folder holding the built HTML pages. */
    readonly htmlDir = join(__dirname, '..', '..', 'src', 'sheets', 'html'),
    /** The Drive this spreadsheet lives in, shared with other worlds. */
    readonly drive: FakeDrive = new FakeDrive(),
    owner = 'can.bo@xa.gov.vn',
  ) {
    this.log.clock = drive.clock;
    this.id = drive.register(this, owner);
  }

  /** The document properties, as a map (for tests to read and seed). */
  get properties(): Map<string, string> {
    return this.store.map;
  }

  addSheet(name: string, values: Value[][] = [], merges: Merge[] = [], id?: number): FakeSheet {
    const sheet = new FakeSheet(this, name, id ?? this.nextId++);
    if (id !== undefined) this.nextId = Math.max(this.nextId, id + 1);
    sheet.proxy = counted(this.log, 'Sheet', sheet);
    sheet.values = values.map((r) => [...r]);
    sheet.merges = merges.map((m) => ({ ...m }));
    this.sheets.push(sheet);
    if (!this.active) this.active = sheet;
    return sheet;
  }

  /** The note of a cell ("row:col", 1-based) on a sheet. */
  notes(sheetName: string, cell: string): string | undefined {
    return this.sheet(sheetName)?.notes.get(cell);
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  private cachedApi: object | null = null;

  /** The Spreadsheet object of this world, as SpreadsheetApp hands it out. */
  api(): object {
    if (this.cachedApi) return this.cachedApi;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the fakes close over the world they belong to
    const world = this;
    const log = this.log;
    this.cachedApi = counted(log, 'Spreadsheet', {
      getId: () => world.id,
      getUrl: () => `https://docs.google.com/spreadsheets/d/${world.id}/edit`,
      getName: () => world.name,
      getActiveSheet: () => world.active.proxy,
      getSheets: () => world.sheets.map((s) => s.proxy),
      getSheetByName: (name: string) => world.sheet(name)?.proxy ?? null,
      getNumSheets: () => world.sheets.length,
      insertSheet: (name: string, index?: number) => {
        if (world.sheet(name)) throw new Error(`Tên trang “${name}” đã có.`);
        const sheet = world.addSheet(name);
        if (index !== undefined) {
          world.sheets = world.sheets.filter((s) => s !== sheet);
          world.sheets.splice(index, 0, sheet);
        }
        world.active = sheet;
        return sheet.proxy;
      },
      // Reading .id (a property, not a method) keeps the fake's own bookkeeping out of the count.
      deleteSheet: (s: FakeSheet) => {
        world.sheets = world.sheets.filter((x) => x.id !== s.id);
        if (world.active.id === s.id && world.sheets[0]) world.active = world.sheets[0];
      },
      setActiveSheet: (s: FakeSheet) => {
        world.active = world.sheets.find((x) => x.id === s.id) as FakeSheet;
        return s;
      },
      getSpreadsheetTimeZone: () => world.timeZone,
      getSpreadsheetLocale: () => world.locale,
      toast: (msg: string, title?: string) => void world.toasts.push(`${title ?? ''}: ${msg}`),
      createDeveloperMetadataFinder: () => {
        let key = '';
        const finder = {
          withKey: (k: string) => ((key = k), finder),
          find: () =>
            world.sheets.flatMap((s) =>
              s.metadata
                .filter((m) => m.key === key)
                .map((m) => ({
                  getKey: () => m.key,
                  getValue: () => m.value,
                  getLocation: () => ({ getSheet: () => s.proxy }),
                })),
            ),
        };
        return finder;
      },
    });
    return this.cachedApi;
  }

  /** The globals Apps Script provides, bound to this world and its user. */
  globals(): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the fakes close over the world they belong to
    const world = this;
    const log = this.log;
    const drive = this.drive;
    const spreadsheet = this.api();
    const ui = counted(log, 'Ui', {
      ButtonSet: { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' },
      Button: { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' },
      alert: (title: string, message?: string) => {
        world.alerts.push(message === undefined ? title : `${title}: ${message}`);
        return 'OK';
      },
      createAddonMenu: () => {
        const menu = {
          addItem: (label: string, fn: string) => (world.menu.push(`${label}→${fn}`), menu),
          addSeparator: () => (world.menu.push('---'), menu),
          addToUi: () => undefined,
        };
        return menu;
      },
      showSidebar: (html: FakeHtml) =>
        void world.shown.push({ kind: 'sidebar', title: html.title, html: html.content }),
      showModalDialog: (html: FakeHtml, title: string) =>
        void world.shown.push({ kind: 'dialog', title, html: html.content }),
      showModelessDialog: (html: FakeHtml, title: string) =>
        void world.shown.push({ kind: 'dialog', title, html: html.content }),
    });
    const conditionalRule = () => {
      let formula = '';
      let background = '';
      let ranges: FakeRange[] = [];
      const b = {
        whenFormulaSatisfied: (f: string) => ((formula = f), b),
        setBackground: (c: string) => ((background = c), b),
        setRanges: (r: FakeRange[]) => ((ranges = r), b),
        build: () => new FakeRule(formula, background, ranges),
      };
      return counted(log, 'ConditionalFormatRuleBuilder', b);
    };
    const validation = () => {
      const v: Validation = { kind: 'list', allowInvalid: true };
      const b = {
        requireValueInList: (list: string[]) => ((v.kind = 'list'), (v.list = list), b),
        requireDate: () => ((v.kind = 'date'), b),
        setAllowInvalid: (a: boolean) => ((v.allowInvalid = a), b),
        setHelpText: () => b,
        build: () => v,
      };
      return counted(log, 'DataValidationBuilder', b);
    };
    const props = counted(log, 'Properties', {
      getProperty: (k: string) => world.store.map.get(k) ?? null,
      setProperty: (k: string, v: string) => (world.store.set({ [k]: v }), props),
      getProperties: () => Object.fromEntries(world.store.map),
      setProperties: (values: Record<string, string>, deleteAllOthers?: boolean) => {
        world.store.set(values, deleteAllOthers);
        return props;
      },
      deleteProperty: (k: string) => {
        world.store.map.delete(k);
        return props;
      },
    });
    const authModes = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL' };
    const missing = (scopes: readonly string[]) => scopes.filter((s) => !log.grants.granted.has(s));
    return {
      SpreadsheetApp: counted(log, 'SpreadsheetApp', {
        getUi: () => ui,
        getActiveSpreadsheet: () => spreadsheet,
        getActive: () => spreadsheet,
        openById: (id: string) => drive.openAs(id, world.user).api(),
        create: (name: string) => {
          const book = new FakeWorld(world.htmlDir, drive, world.user);
          book.log = log;
          book.name = name;
          book.addSheet('Trang tính1');
          return book.api();
        },
        newConditionalFormatRule: conditionalRule,
        newDataValidation: validation,
      }),
      Charts: { ChartType: { BAR: 'BAR', COLUMN: 'COLUMN' } },
      Sheets: sheetsService(world),
      Drive: driveService(world),
      DriveApp: counted(log, 'DriveApp', {
        getFileById: (id: string) => {
          const file = drive.fileOf(id, world.user);
          const user = (email: string) => ({ getEmail: () => email });
          return counted(log, 'File', {
            getViewers: () => [...file.readers].map(user),
            getEditors: () => [...file.writers].map(user),
            addViewers: (emails: string[]) => {
              for (const e of emails) file.readers.add(e);
            },
          });
        },
      }),
      MailApp: counted(log, 'MailApp', {
        getRemainingDailyQuota: () => Math.max(0, drive.mailQuota - drive.mailsToday(world.user)),
        sendEmail: (a: unknown, subject?: string, body?: string, options?: Record<string, unknown>) => {
          const msg =
            typeof a === 'object' && a !== null
              ? (a as Record<string, unknown>)
              : { ...(options ?? {}), to: a, subject, body };
          const to = String(msg.to ?? '');
          const n = to.split(',').filter((s) => s.trim() !== '').length;
          if (drive.mailsToday(world.user) + n > drive.mailQuota)
            throw new Error('Service invoked too many times for one day: email.');
          drive.mails.push({ from: world.user, at: drive.clock.now, ...msg, to } as Mail);
        },
      }),
      Session: counted(log, 'Session', {
        getActiveUser: () => ({ getEmail: () => world.user }),
        getEffectiveUser: () => ({ getEmail: () => world.user }),
      }),
      ScriptApp: counted(log, 'ScriptApp', {
        AuthMode: authModes,
        AuthorizationStatus: { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' },
        getAuthorizationInfo: (_mode: string, scopes?: string[]) => {
          const asked = scopes ?? [...log.grants.manifest];
          for (const s of asked)
            if (!log.grants.manifest.has(s)) throw new Error(`Invalid or unrequired scope: ${s}`);
          const lacking = missing(asked);
          return {
            getAuthorizationStatus: () => (lacking.length > 0 ? 'REQUIRED' : 'NOT_REQUIRED'),
            getAuthorizedScopes: () => asked.filter((s) => log.grants.granted.has(s)),
            getAuthorizationUrl: () =>
              lacking.length > 0 ? 'https://script.google.com/macros/d/fake/authorize' : null,
          };
        },
        requireScopes: (_mode: string, scopes: string[]) => {
          for (const s of scopes)
            if (!log.grants.manifest.has(s)) throw new Error(`Invalid or unrequired scope: ${s}`);
          const lacking = missing(scopes);
          if (lacking.length > 0) {
            world.consentPrompts.push(lacking);
            throw new Error('Authorization is required to perform that action.');
          }
        },
        newTrigger: (handler: string) => {
          const trigger = {
            id: `t${drive.triggers.length + 1}-${handler}`,
            handler,
            user: world.user,
            document: world.id,
            everyMs: 0,
            getHandlerFunction: () => handler,
            getUniqueId: () => trigger.id,
          };
          const b = {
            timeBased: () => b,
            after: (ms: number) => ((trigger.everyMs = ms), b),
            everyMinutes: (n: number) => ((trigger.everyMs = n * 60_000), b),
            everyHours: (n: number) => ((trigger.everyMs = n * 3_600_000), b),
            create: () => {
              if (trigger.everyMs < 3_600_000)
                throw new Error(
                  'Add-ons can only create time-based triggers that run at most once per hour.',
                );
              if (drive.triggers.some((t) => t.user === world.user && t.document === world.id))
                throw new Error(
                  'This add-on has created too many time-based triggers in this document for this Google user account.',
                );
              drive.triggers.push(trigger);
              return trigger;
            },
          };
          return b;
        },
        // The user's triggers of this project, in every document (not only this one).
        getProjectTriggers: () => drive.triggers.filter((t) => t.user === world.user),
        deleteTrigger: (t: { id: string }) => {
          drive.triggers = drive.triggers.filter((x) => x.id !== t.id);
        },
      }),
      PropertiesService: counted(log, 'PropertiesService', {
        getDocumentProperties: () => {
          if (log.clock.execution?.authMode === 'NONE')
            throw new PermissionError(
              'You do not have permission to call PropertiesService.getDocumentProperties',
            );
          return props;
        },
      }),
      LockService: counted(log, 'LockService', {
        getDocumentLock: () => {
          let mine = false;
          let since = 0;
          const tryLock = (timeoutMs: number) => {
            if (world.lockHeld) return false;
            // Another execution side by side may hold it at this moment: wait until it lets go.
            let t = log.clock.now;
            for (let moved = true; moved;) {
              moved = false;
              for (const i of world.lockIntervals)
                if (i.from <= t && t < i.to) {
                  t = i.to;
                  moved = true;
                }
            }
            const wait = t - log.clock.now;
            if (wait > timeoutMs) return false;
            if (wait > 0) log.clock.charge(wait);
            world.lockHeld = true;
            mine = true;
            since = log.clock.now;
            return true;
          };
          return counted(log, 'Lock', {
            tryLock,
            waitLock: (timeoutMs: number) => {
              if (!tryLock(timeoutMs))
                throw new Error('Lock timeout: another process was holding the lock for too long.');
            },
            hasLock: () => mine,
            releaseLock: () => {
              if (mine) {
                world.lockHeld = false;
                world.lockIntervals.push({ from: since, to: log.clock.now });
              }
              mine = false;
            },
          });
        },
      }),
      HtmlService: counted(log, 'HtmlService', {
        createTemplateFromFile: (name: string) => {
          const template = {
            data: '' as unknown,
            evaluate: () => {
              const source = readFileSync(join(world.htmlDir, `${name}.html`), 'utf8');
              return new FakeHtml(source.replace('<?!= data ?>', String(template.data)));
            },
          };
          return template;
        },
      }),
      Utilities: counted(log, 'Utilities', {
        formatDate: (d: Date, tz: string, fmt: string) => {
          const parts = Object.fromEntries(
            new Intl.DateTimeFormat('en-GB', {
              timeZone: tz,
              year: 'numeric',
              month: '2-digit',
              day: '2-digit',
              hour: '2-digit',
              minute: '2-digit',
              hourCycle: 'h23',
            })
              .formatToParts(d)
              .map((p) => [p.type, p.value]),
          ) as Record<string, string>;
          return fmt
            .replace('yyyy', parts.year ?? '')
            .replace('MM', parts.month ?? '')
            .replace('dd', parts.day ?? '')
            .replace('HH', parts.hour ?? '')
            .replace('mm', parts.minute ?? '');
        },
      }),
    };
  }
}

export class FakeHtml {
  title = '';
  constructor(readonly content: string) {}
  setTitle(t: string) {
    this.title = t;
    return this;
  }
  setWidth() {
    return this;
  }
  setHeight() {
    return this;
  }
}

export interface Mail {
  from: string;
  to: string;
  subject: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  at: number;
}

export interface DriveFile {
  owner: string;
  /** Created through the add-on (the only files drive.file reaches). */
  createdByApp: boolean;
  trashed: boolean;
  readers: Set<string>;
  writers: Set<string>;
}

export class ApiError extends Error {
  constructor(
    readonly api: string,
    readonly code: number,
    detail: string,
  ) {
    super(`API call to ${api} failed with error: ${detail}`);
    this.name = 'GoogleJsonResponseException';
  }
}

/** Spreadsheets by id, who owns and may open them, mail, triggers, and the clock. */
export class FakeDrive {
  books = new Map<string, FakeWorld>();
  files = new Map<string, DriveFile>();
  clock = new VirtualClock();
  triggers: {
    id: string;
    handler: string;
    user: string;
    document: string;
    everyMs: number;
    getHandlerFunction(): string;
  }[] = [];
  mails: Mail[] = [];
  mailQuota = 1500;
  /** Notifications Drive sent when sharing: address and message. */
  notifications: { to: string; message: string }[] = [];
  /** Addresses Drive refuses to share with (e.g. a domain policy), with Google's reason. */
  shareFailures = new Map<string, string>();
  private seq = 0;

  /** Milliseconds since the epoch on the virtual clock. */
  get now(): number {
    return this.clock.now;
  }
  set now(v: number) {
    this.clock.now = v;
  }

  register(world: FakeWorld, owner: string): string {
    this.seq++;
    const id = `1FakeSpreadsheet${String(this.seq).padStart(6, '0')}AbCdEfGhIjKl`;
    this.books.set(id, world);
    this.files.set(id, {
      owner,
      createdByApp: false,
      trashed: false,
      readers: new Set(),
      writers: new Set(),
    });
    return id;
  }

  mailsToday(user: string): number {
    const day = new Date(this.clock.now).toISOString().slice(0, 10);
    return this.mails
      .filter((m) => m.from === user && new Date(m.at).toISOString().slice(0, 10) === day)
      .reduce((n, m) => n + m.to.split(',').filter((s) => s.trim() !== '').length, 0);
  }

  /** A file the user may open (SpreadsheetApp), or Google's error. */
  openAs(id: string, user: string): FakeWorld {
    const file = this.files.get(id);
    const book = this.books.get(id);
    if (!file || !book || file.trashed) throw new Error('Requested entity was not found.');
    if (!this.canRead(id, user))
      throw new Error('You do not have permission to access the requested document.');
    return book;
  }

  fileOf(id: string, user: string): DriveFile {
    const file = this.files.get(id);
    if (!file)
      throw new Error(
        `No item with the given ID could be found, or you do not have permission to access it.`,
      );
    if (!this.canRead(id, user)) throw new Error('Access denied: DriveApp.');
    return file;
  }

  canRead(id: string, user: string): boolean {
    const f = this.files.get(id);
    return !!f && (f.owner === user || f.readers.has(user) || f.writers.has(user));
  }

  canWrite(id: string, user: string): boolean {
    const f = this.files.get(id);
    return !!f && (f.owner === user || f.writers.has(user));
  }

  /** Shares a file as a test would by hand. */
  share(id: string, email: string, role: 'reader' | 'writer' = 'reader'): void {
    const f = this.files.get(id);
    if (!f) throw new Error(`no file ${id}`);
    (role === 'reader' ? f.readers : f.writers).add(email);
  }

  remove(id: string): void {
    this.books.delete(id);
    this.files.delete(id);
  }

  /**
   * Checks an advanced-service call on a file: it exists, the user may use it, and a grant of
   * drive.file alone reaches only a file the add-on created.
   */
  access(call: string, id: string, user: string, allowed: readonly string[], write: boolean): FakeWorld {
    const api = API_NAMES[call] ?? call;
    const file = this.files.get(id);
    const book = this.books.get(id);
    const notFound = call.startsWith('Drive') ? `File not found: ${id}.` : 'Requested entity was not found.';
    if (!file || !book) throw new ApiError(api, 404, notFound);
    const onlyDriveFile = allowed.length > 0 && allowed.every((s) => s === SCOPE.driveFile);
    if (onlyDriveFile && !file.createdByApp)
      throw new ApiError(
        api,
        call.startsWith('Drive') ? 404 : 403,
        call.startsWith('Drive') ? notFound : 'The caller does not have permission',
      );
    if (write ? !this.canWrite(id, user) : !this.canRead(id, user))
      throw new ApiError(api, 403, 'The caller does not have permission');
    return book;
  }
}

/** The grants that allowed the call just recorded (for drive.file checks). */
function allowedFor(world: FakeWorld, name: string): string[] {
  return world.log.grants.check(name, world.log.clock.execution?.authMode ?? 'FULL');
}

/** Google's serial number of a date cell (days since 30/12/1899, wall clock in the book's zone). */
function serial(d: Date, timeZone: string): number {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return (wall - Date.UTC(1899, 11, 30)) / 86_400_000;
}

interface GridRange {
  sheetId: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

type Json = Record<string, unknown>;

/** The advanced Sheets service (Sheets API v4), for the calls the add-on makes. */
function sheetsService(world: FakeWorld): object {
  const log = world.log;
  const drive = world.drive;
  const values = counted(log, 'SheetsValues', {
    get: (id: string, range: string, opts?: Json) => {
      const book = drive.access(
        'SheetsValues.get',
        id,
        world.user,
        allowedFor(world, 'SheetsValues.get'),
        false,
      );
      return readRange(book, range, opts ?? {});
    },
    batchGet: (id: string, opts: { ranges: string[] } & Json) => {
      const book = drive.access(
        'SheetsValues.batchGet',
        id,
        world.user,
        allowedFor(world, 'SheetsValues.batchGet'),
        false,
      );
      return { spreadsheetId: id, valueRanges: opts.ranges.map((r) => readRange(book, r, opts)) };
    },
  });
  const spreadsheets = counted(log, 'Sheets', {
    Values: values,
    create: (resource: { properties?: { title?: string; locale?: string; timeZone?: string } }) => {
      const book = new FakeWorld(world.htmlDir, drive, world.user);
      book.name = resource.properties?.title ?? 'Bảng tính không có tiêu đề';
      if (resource.properties?.locale) book.locale = resource.properties.locale as Locale;
      if (resource.properties?.timeZone) book.timeZone = resource.properties.timeZone;
      book.addSheet('Trang tính1', [], [], 0);
      (drive.files.get(book.id) as DriveFile).createdByApp = true;
      return {
        spreadsheetId: book.id,
        spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${book.id}/edit`,
        properties: { title: book.name },
        sheets: book.sheets.map((s, i) => ({ properties: { sheetId: s.id, title: s.name, index: i } })),
      };
    },
    get: (id: string) => {
      const book = drive.access('Sheets.get', id, world.user, allowedFor(world, 'Sheets.get'), false);
      return {
        spreadsheetId: id,
        properties: { title: book.name, locale: book.locale, timeZone: book.timeZone },
        sheets: book.sheets.map((s, i) => ({
          properties: { sheetId: s.id, title: s.name, index: i, hidden: s.hidden },
        })),
      };
    },
    batchUpdate: (resource: { requests: Json[] }, id: string) => {
      const book = drive.access(
        'Sheets.batchUpdate',
        id,
        world.user,
        allowedFor(world, 'Sheets.batchUpdate'),
        true,
      );
      applyBatch(book, resource.requests);
      return { spreadsheetId: id, replies: resource.requests.map(() => ({})) };
    },
  });
  return { Spreadsheets: spreadsheets };
}

function parseRange(book: FakeWorld, range: string): { sheet: FakeSheet; a1: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(range);
  const name = m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string)) : range;
  const sheet = book.sheet(name);
  if (!sheet) throw new ApiError('sheets.spreadsheets.values.get', 400, `Unable to parse range: ${range}`);
  return {
    sheet,
    a1: m ? (m[3] as string) : `A1:${letters(Math.max(sheet.lastCol(), 1))}${Math.max(sheet.lastRow(), 1)}`,
  };
}

function readRange(book: FakeWorld, range: string, opts: Json) {
  const { sheet, a1 } = parseRange(book, range);
  const p = parseA1(a1);
  const rows: unknown[][] = [];
  for (let r = p.row; r < p.row + p.rows; r++) {
    const row: unknown[] = [];
    for (let c = p.col; c < p.col + p.cols; c++) {
      const v = sheet.cellValue(r, c);
      const formatted = opts.valueRenderOption === 'FORMATTED_VALUE';
      if (v instanceof Date) row.push(formatted ? v.toISOString() : serial(v, book.timeZone));
      else row.push(formatted ? String(v) : v);
    }
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    rows.push(row);
  }
  while (rows.length > 0 && (rows[rows.length - 1] as unknown[]).length === 0) rows.pop();
  return { range, majorDimension: 'ROWS', values: rows };
}

/** Applies a batchUpdate atomically: on any invalid request nothing changes. */
function applyBatch(book: FakeWorld, requests: Json[]): void {
  const api = 'sheets.spreadsheets.batchUpdate';
  const sheets = book.sheets.map((s) => s.clone(book));
  const byId = (id: unknown) => {
    const s = sheets.find((x) => x.id === id);
    if (!s) throw new ApiError(api, 400, `Invalid requests: No grid with id: ${String(id)}`);
    return s;
  };
  const grid = (g: GridRange) => {
    const s = byId(g.sheetId);
    return {
      s,
      r0: (g.startRowIndex ?? 0) + 1,
      c0: (g.startColumnIndex ?? 0) + 1,
      r1: g.endRowIndex ?? s.getMaxRows(),
      c1: g.endColumnIndex ?? s.getMaxColumns(),
    };
  };
  requests.forEach((req, i) => {
    const [kind, body] = Object.entries(req)[0] as [string, Json];
    switch (kind) {
      case 'addSheet': {
        const p = body.properties as { sheetId?: number; title: string; index?: number; hidden?: boolean };
        if (sheets.some((s) => s.name === p.title))
          throw new ApiError(
            api,
            400,
            `Invalid requests[${i}].addSheet: A sheet with the name "${p.title}" already exists.`,
          );
        if (p.sheetId !== undefined && sheets.some((s) => s.id === p.sheetId))
          throw new ApiError(
            api,
            400,
            `Invalid requests[${i}].addSheet: Sheet with id ${p.sheetId} already exists.`,
          );
        const s = new FakeSheet(book, p.title, p.sheetId ?? Math.floor(Math.random() * 1e9));
        s.proxy = counted(book.log, 'Sheet', s);
        s.hidden = p.hidden ?? false;
        sheets.splice(p.index ?? sheets.length, 0, s);
        break;
      }
      case 'deleteSheet': {
        const s = byId(body.sheetId);
        sheets.splice(sheets.indexOf(s), 1);
        if (sheets.length === 0)
          throw new ApiError(
            api,
            400,
            `Invalid requests[${i}].deleteSheet: You can't remove all the sheets in a document.`,
          );
        break;
      }
      case 'updateSheetProperties': {
        const p = body.properties as {
          sheetId: number;
          title?: string;
          hidden?: boolean;
          gridProperties?: { frozenRowCount?: number };
        };
        const s = byId(p.sheetId);
        if (p.title !== undefined) {
          if (sheets.some((x) => x !== s && x.name === p.title))
            throw new ApiError(
              api,
              400,
              `Invalid requests[${i}].updateSheetProperties: A sheet with the name "${p.title}" already exists.`,
            );
          s.name = p.title;
        }
        if (p.hidden !== undefined) s.hidden = p.hidden;
        if (p.gridProperties?.frozenRowCount !== undefined) s.frozenRows = p.gridProperties.frozenRowCount;
        break;
      }
      case 'updateCells': {
        const start = body.start as { sheetId: number; rowIndex?: number; columnIndex?: number };
        const s = byId(start.sheetId);
        (body.rows as { values?: Json[] }[]).forEach((row, ri) =>
          (row.values ?? []).forEach((cell, ci) => {
            const r = (start.rowIndex ?? 0) + ri + 1;
            const c = (start.columnIndex ?? 0) + ci + 1;
            const v = cell.userEnteredValue as Json | undefined;
            if (v) {
              if ('stringValue' in v) s.putCell(r, c, String(v.stringValue));
              else if ('numberValue' in v) {
                const n = v.numberValue as number;
                if (!Number.isFinite(n))
                  throw new ApiError(api, 400, `Invalid requests[${i}].updateCells: Invalid value`);
                const pattern = (
                  (cell.userEnteredFormat as Json | undefined)?.numberFormat as Json | undefined
                )?.type;
                s.putCell(
                  r,
                  c,
                  pattern === 'DATE' || pattern === 'DATE_TIME' ? fromSerial(n, book.timeZone) : n,
                );
              } else if ('boolValue' in v) s.putCell(r, c, Boolean(v.boolValue));
              else if ('formulaValue' in v) s.formulas.set(`${r}:${c}`, String(v.formulaValue));
            }
            const nf = (cell.userEnteredFormat as Json | undefined)?.numberFormat as Json | undefined;
            if (nf?.pattern) s.formats.set(`${r}:${c}`, String(nf.pattern));
          }),
        );
        break;
      }
      case 'mergeCells': {
        const g = grid(body.range as GridRange);
        g.s.merges.push({ row: g.r0, col: g.c0, rows: g.r1 - g.r0 + 1, cols: g.c1 - g.c0 + 1 });
        break;
      }
      case 'repeatCell': {
        const g = grid(body.range as GridRange);
        const nf = ((body.cell as Json).userEnteredFormat as Json | undefined)?.numberFormat as
          Json | undefined;
        if (nf?.pattern)
          for (let r = g.r0; r <= g.r1; r++)
            for (let c = g.c0; c <= g.c1; c++) g.s.formats.set(`${r}:${c}`, String(nf.pattern));
        break;
      }
      case 'updateDimensionProperties': {
        const range = body.range as {
          sheetId: number;
          dimension: string;
          startIndex: number;
          endIndex: number;
        };
        const s = byId(range.sheetId);
        const props = body.properties as { pixelSize?: number; hiddenByUser?: boolean };
        for (let k = range.startIndex; k < range.endIndex; k++) {
          if (range.dimension === 'COLUMNS' && props.pixelSize !== undefined)
            s.widths.set(k + 1, props.pixelSize);
          if (range.dimension === 'ROWS' && props.hiddenByUser) s.hiddenRows.add(k + 1);
        }
        break;
      }
      case 'updateBorders':
        grid(body.range as GridRange);
        break;
      case 'addChart': {
        const chart = body.chart as {
          spec: { title?: string; basicChart?: Json };
          position: { overlayPosition?: { anchorCell: { sheetId: number } } };
        };
        const anchor = chart.position.overlayPosition?.anchorCell.sheetId;
        const s = byId(anchor);
        const basic = chart.spec.basicChart ?? {};
        const sources = [
          ...((basic.domains as Json[] | undefined) ?? []).map((d) => d.domain),
          ...((basic.series as Json[] | undefined) ?? []).map((d) => d.series),
        ] as { sourceRange: { sources: GridRange[] } }[];
        s.charts.push({
          type: String(basic.chartType ?? ''),
          ranges: sources.map((x) => {
            const g = x.sourceRange.sources[0] as GridRange;
            return `${letters((g.startColumnIndex ?? 0) + 1)}${(g.startRowIndex ?? 0) + 1}:${letters(g.endColumnIndex ?? 1)}${g.endRowIndex ?? 1}`;
          }),
          options: { isStacked: basic.stackedType === 'STACKED', title: chart.spec.title },
        });
        break;
      }
      default:
        throw new ApiError(api, 400, `Invalid requests[${i}]: unknown request ${kind}`);
    }
  });
  book.sheets = sheets;
  if (!sheets.includes(book.active)) book.active = sheets[0] as FakeSheet;
}

function fromSerial(n: number, timeZone: string): Date {
  const ms = Date.UTC(1899, 11, 30) + Math.round(n * 86_400_000);
  const d = new Date(ms);
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  const shown = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
  );
  return new Date(d.getTime() + (ms - shown));
}

/** The advanced Drive service (Drive API v3), for the calls the add-on makes. */
function driveService(world: FakeWorld): object {
  const log = world.log;
  const drive = world.drive;
  const permissions = counted(log, 'DrivePermissions', {
    list: (id: string) => {
      drive.access(
        'DrivePermissions.list',
        id,
        world.user,
        allowedFor(world, 'DrivePermissions.list'),
        false,
      );
      const f = drive.files.get(id) as DriveFile;
      const perm = (email: string, role: string) => ({
        id: `p-${email}`,
        type: 'user',
        role,
        emailAddress: email,
      });
      return {
        permissions: [
          perm(f.owner, 'owner'),
          ...[...f.writers].map((e) => perm(e, 'writer')),
          ...[...f.readers].map((e) => perm(e, 'reader')),
        ],
      };
    },
    create: (
      resource: { role: string; type: string; emailAddress: string },
      id: string,
      opts?: { sendNotificationEmail?: boolean; emailMessage?: string },
    ) => {
      drive.access(
        'DrivePermissions.create',
        id,
        world.user,
        allowedFor(world, 'DrivePermissions.create'),
        true,
      );
      const f = drive.files.get(id) as DriveFile;
      const email = resource.emailAddress;
      const failure = drive.shareFailures.get(email.toLowerCase());
      if (failure) throw new ApiError('drive.permissions.create', 400, failure);
      if (resource.type !== 'user' || !['reader', 'writer', 'commenter'].includes(resource.role))
        throw new ApiError('drive.permissions.create', 400, 'Invalid permission');
      (resource.role === 'writer' ? f.writers : f.readers).add(email);
      if (opts?.sendNotificationEmail !== false)
        drive.notifications.push({ to: email, message: opts?.emailMessage ?? '' });
      return { id: `p-${email}`, type: 'user', role: resource.role, emailAddress: email };
    },
  });
  const files = counted(log, 'DriveFiles', {
    get: (id: string) => {
      drive.access('DriveFiles.get', id, world.user, allowedFor(world, 'DriveFiles.get'), false);
      const f = drive.files.get(id) as DriveFile;
      return { id, name: drive.books.get(id)?.name ?? '', trashed: f.trashed };
    },
  });
  return { Permissions: permissions, Files: files };
}
