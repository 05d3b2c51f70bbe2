/**
 * Small typed fakes of the Apps Script services the add-on uses. Every call on a spreadsheet,
 * sheet, range, UI or service object goes through a counting proxy, so tests can assert how
 * many round trips a command makes, and can make the k-th call fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Value = string | number | boolean | Date;

export class CallLog {
  calls: string[] = [];
  /** When set, the call with this 1-based index throws. */
  failAt: number | null = null;

  record(name: string): void {
    this.calls.push(name);
    if (this.failAt !== null && this.calls.length === this.failAt) {
      throw new Error(`Lỗi giả lập ở lệnh gọi thứ ${this.failAt} (${name})`);
    }
  }
}

/** Wraps an object so that each method call is recorded as "Label.method". */
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

function letters(col: number): string {
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
  maxRows = 1000;
  proxy!: FakeSheet;

  constructor(
    readonly world: FakeWorld,
    public name: string,
    readonly id: number,
  ) {}

  // ---- state helpers (not counted: tests call them on the raw object) ----
  cellValue(row: number, col: number): Value {
    return this.values[row - 1]?.[col - 1] ?? '';
  }
  setCell(row: number, col: number, v: Value): void {
    while (this.values.length < row) this.values.push([]);
    const r = this.values[row - 1] as Value[];
    while (r.length < col) r.push('');
    const key = `${row}:${col}`;
    if (typeof v === 'string' && v.startsWith('=')) {
      this.formulas.set(key, v);
      r[col - 1] = '';
    } else {
      this.formulas.delete(key);
      r[col - 1] = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
    }
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
    };
    return list;
  }
  getConditionalFormatRules() {
    return [...this.rules];
  }
  setConditionalFormatRules(rules: FakeRule[]) {
    this.rules = [...rules];
  }
  insertColumnsAfter(col: number, n: number) {
    for (const row of this.values) if (row.length > col) row.splice(col, 0, ...new Array<Value>(n).fill(''));
    const shift = <T>(m: Map<string, T>) => {
      const out = new Map<string, T>();
      for (const [k, v] of m) {
        const [r, c] = k.split(':').map(Number) as [number, number];
        out.set(`${r}:${c > col ? c + n : c}`, v);
      }
      return out;
    };
    this.notes = shift(this.notes);
    this.backgrounds = shift(this.backgrounds);
    return this.proxy;
  }
  /** Inserts rows as Sheets does: cells, notes, backgrounds and rule ranges below move down. */
  insertRowsBefore(row: number, n: number) {
    this.values.splice(row - 1, 0, ...Array.from({ length: n }, () => [] as Value[]));
    const shift = <T>(m: Map<string, T>) => {
      const out = new Map<string, T>();
      for (const [k, v] of m) {
        const [r, c] = k.split(':').map(Number) as [number, number];
        out.set(`${r >= row ? r + n : r}:${c}`, v);
      }
      return out;
    };
    this.notes = shift(this.notes);
    this.backgrounds = shift(this.backgrounds);
    for (const rule of this.rules) {
      rule.ranges = rule.ranges.map(
        (g) => new FakeRange(this, g.row >= row ? g.row + n : g.row, g.col, g.rows, g.cols),
      );
    }
    return this.proxy;
  }
  setFrozenRows(n: number) {
    this.frozenRows = n;
  }
  setColumnWidth(col: number, w: number) {
    this.widths.set(col, w);
    return this.proxy;
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
  /** Copies values, merges and charts into another spreadsheet, as "Bản sao của …". */
  copyTo(target: { getId(): string }) {
    const book = this.world.drive.books.get(target.getId()) as FakeWorld;
    const copy = book.addSheet(`Bản sao của ${this.name}`, this.values, this.merges);
    copy.charts = this.charts.map((c) => ({ ...c }));
    copy.frozenRows = this.frozenRows;
    return copy.proxy;
  }
  addDeveloperMetadata(key: string, value: string) {
    this.metadata.push({ key, value });
    return this.proxy;
  }
  activate() {
    this.world.active = this;
    return this.proxy;
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
      throw new Error(`Kích thước dữ liệu không khớp với vùng ${this.getA1Notation()}`);
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
  setDataValidation(v: Validation) {
    this.sheet.validations.set(this.getA1Notation(), v);
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
  toasts: string[] = [];
  alerts: string[] = [];
  shown: Shown[] = [];
  menu: string[] = [];
  properties = new Map<string, string>();
  lockHeld = false;
  user = 'can.bo@xa.gov.vn';
  id: string;
  name = 'Bảng phân công';
  private nextId = 1;

  constructor(
    /** Folder holding Sidebar.html, Settings.html, Help.html. */
    readonly htmlDir = join(__dirname, '..', '..', 'src', 'sheets', 'html'),
    /** The Drive this spreadsheet lives in, shared with other worlds. */
    readonly drive: FakeDrive = new FakeDrive(),
  ) {
    this.id = drive.register(this);
  }

  addSheet(name: string, values: Value[][] = [], merges: Merge[] = []): FakeSheet {
    const sheet = new FakeSheet(this, name, this.nextId++);
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

  /** The globals Apps Script provides, bound to this world. */
  globals(): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the fakes close over the world they belong to
    const world = this;
    const log = this.log;
    const spreadsheet = this.api();
    const ui = counted(log, 'Ui', {
      ButtonSet: { OK: 'OK' },
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
      getProperty: (k: string) => world.properties.get(k) ?? null,
      setProperty: (k: string, v: string) => (world.properties.set(k, v), props),
      getProperties: () => Object.fromEntries(world.properties),
      setProperties: (values: Record<string, string>, deleteAllOthers?: boolean) => {
        if (deleteAllOthers) world.properties.clear();
        for (const [k, v] of Object.entries(values)) world.properties.set(k, v);
        return props;
      },
      deleteProperty: (k: string) => (world.properties.delete(k), props),
    });
    return {
      SpreadsheetApp: counted(log, 'SpreadsheetApp', {
        getUi: () => ui,
        getActiveSpreadsheet: () => spreadsheet,
        openById: (id: string) => world.drive.open(id, world.user).api(),
        create: (name: string) => {
          const book = new FakeWorld(world.htmlDir, world.drive);
          book.log = log;
          book.name = name;
          book.addSheet('Trang tính1');
          world.drive.owners.set(book.id, world.user);
          return book.api();
        },
        newConditionalFormatRule: conditionalRule,
        newDataValidation: validation,
      }),
      Charts: { ChartType: { BAR: 'BAR' } },
      DriveApp: counted(log, 'DriveApp', {
        getFileById: (id: string) => {
          const acl = world.drive.acl(id);
          const user = (email: string) => ({ getEmail: () => email });
          return counted(log, 'File', {
            getViewers: () => [...acl.viewers].map(user),
            getEditors: () => [...acl.editors].map(user),
            addViewers: (emails: string[]) => {
              for (const e of emails) acl.viewers.add(e);
              world.drive.shares.push(...emails);
            },
          });
        },
      }),
      Session: counted(log, 'Session', { getActiveUser: () => ({ getEmail: () => world.user }) }),
      ScriptApp: counted(log, 'ScriptApp', {
        newTrigger: (handler: string) => {
          const b = {
            timeBased: () => b,
            after: (ms: number) => ((trigger.afterMs = ms), b),
            create: () => {
              world.drive.triggers.push(trigger);
              return trigger;
            },
          };
          const trigger = {
            id: `t${world.drive.triggers.length + 1}-${handler}`,
            handler,
            afterMs: 0,
            getHandlerFunction: () => handler,
          };
          return b;
        },
        getProjectTriggers: () => [...world.drive.triggers],
        deleteTrigger: (t: { id: string }) => {
          world.drive.triggers = world.drive.triggers.filter((x) => x.id !== t.id);
        },
      }),
      PropertiesService: counted(log, 'PropertiesService', { getDocumentProperties: () => props }),
      LockService: counted(log, 'LockService', {
        getDocumentLock: () =>
          counted(log, 'Lock', {
            tryLock: () => {
              if (world.lockHeld) return false;
              world.lockHeld = true;
              return true;
            },
            releaseLock: () => void (world.lockHeld = false),
          }),
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
              hour12: false,
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

  /** Installs the globals on globalThis (for tests that import src/sheets directly). */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const entries = Object.entries(this.globals());
    const saved = entries.map(([k]) => [k, g[k]] as const);
    for (const [k, v] of entries) g[k] = v;
    return () => {
      for (const [k, v] of saved) g[k] = v;
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

/** Spreadsheets by id, who may open them, who they are shared with, the project's triggers, the clock. */
export class FakeDrive {
  books = new Map<string, FakeWorld>();
  owners = new Map<string, string>();
  /** Ids the user may not open (not shared with them). */
  denied = new Set<string>();
  private acls = new Map<string, { viewers: Set<string>; editors: Set<string> }>();
  /** Every address passed to addViewers, in order. */
  shares: string[] = [];
  triggers: { id: string; handler: string; afterMs: number; getHandlerFunction(): string }[] = [];
  /** Milliseconds since the epoch, as Date.now() sees it in the loaded add-on. */
  now = Date.parse('2026-12-20T09:00:00+07:00');
  /** Time one SpreadsheetApp.openById takes. */
  openCostMs = 0;
  private seq = 0;

  register(world: FakeWorld): string {
    this.seq++;
    const id = `1FakeSpreadsheet${String(this.seq).padStart(6, '0')}AbCdEfGhIjKl`;
    this.books.set(id, world);
    return id;
  }

  open(id: string, _user: string): FakeWorld {
    this.now += this.openCostMs;
    const book = this.books.get(id);
    if (!book || this.denied.has(id))
      throw new Error('Không tìm thấy bảng tính có mã này, hoặc bạn không có quyền truy cập.');
    return book;
  }

  acl(id: string) {
    let a = this.acls.get(id);
    if (!a) {
      a = { viewers: new Set(), editors: new Set() };
      this.acls.set(id, a);
    }
    return a;
  }
}
