/**
 * The rules Google applies to an Apps Script add-on, as the fakes enforce them (each from
 * Google's reference; the notes name the page):
 * - every service method needs one of the OAuth scopes its reference page lists, granted by the
 *   manifest's oauthScopes and by the user (who may untick boxes on the consent screen);
 *   `drive.file` reaches only files the app created (Drive API scope guide);
 * - `currentonly` covers Apps Script services only, never advanced services (editor-scopes page);
 * - property stores hold 9 KB a value and 500 KB in all (quotas page);
 * - an add-on's time-driven triggers run at most hourly, one of each type per document and user;
 * - strings written with setValues are parsed like typed input, by the spreadsheet's locale;
 *   a cell holds at most 50,000 characters (Sheets refuses the write);
 * - an execution stops at 6 minutes (a simple trigger such as onOpen at 30 s), on a virtual clock
 *   where each call costs time (openById and a foreign spreadsheet's values about 1 s).
 */

export const SCOPE = {
  currentonly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  spreadsheetsReadonly: 'https://www.googleapis.com/auth/spreadsheets.readonly',
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  drive: 'https://www.googleapis.com/auth/drive',
  driveReadonly: 'https://www.googleapis.com/auth/drive.readonly',
  driveMetadataReadonly: 'https://www.googleapis.com/auth/drive.metadata.readonly',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  scriptapp: 'https://www.googleapis.com/auth/script.scriptapp',
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

const SHEET = [SCOPE.currentonly, SCOPE.spreadsheets];
const SHEETS_API_WRITE = [SCOPE.driveFile, SCOPE.spreadsheets, SCOPE.drive];
const SHEETS_API_READ = [
  SCOPE.driveFile,
  SCOPE.spreadsheetsReadonly,
  SCOPE.spreadsheets,
  SCOPE.driveReadonly,
  SCOPE.drive,
];
const DRIVE_API_WRITE = [SCOPE.driveFile, SCOPE.drive];
const DRIVE_API_READ = [SCOPE.driveFile, SCOPE.driveMetadataReadonly, SCOPE.driveReadonly, SCOPE.drive];

/** Scopes a call needs (any one of them), by "Label.method"; an empty list needs none. */
export function requiredScopes(name: string): readonly string[] {
  const [label, method] = name.split('.') as [string, string];
  const exact = EXACT[name];
  if (exact) return exact;
  switch (label) {
    case 'Spreadsheet':
    case 'Sheet':
    case 'Range':
    case 'RangeList':
      return SHEET;
    case 'Ui':
      return ['showSidebar', 'showModalDialog', 'showModelessDialog'].includes(method)
        ? [SCOPE.containerUi]
        : [];
    case 'SpreadsheetApp':
      return ['getActiveSpreadsheet', 'getActive', 'getActiveSheet', 'getActiveRange'].includes(method)
        ? SHEET
        : [];
    case 'Session':
      return [SCOPE.email];
    case 'DriveApp':
      return [SCOPE.driveReadonly, SCOPE.drive];
    case 'File':
      return method.startsWith('get') ? [SCOPE.driveReadonly, SCOPE.drive] : [SCOPE.drive];
    case 'ScriptApp':
      return ['getAuthorizationInfo', 'requireScopes', 'requireAllScopes', 'getOAuthToken'].includes(method)
        ? []
        : [SCOPE.scriptapp];
    case 'MailApp':
      return [SCOPE.sendMail];
    default:
      return [];
  }
}

const EXACT: Record<string, readonly string[]> = {
  'SpreadsheetApp.openById': [SCOPE.spreadsheets],
  'SpreadsheetApp.openByUrl': [SCOPE.spreadsheets],
  'SpreadsheetApp.create': [SCOPE.spreadsheets],
  'Sheets.create': SHEETS_API_WRITE,
  'Sheets.batchUpdate': SHEETS_API_WRITE,
  'Sheets.get': SHEETS_API_READ,
  'SheetsValues.get': SHEETS_API_READ,
  'SheetsValues.batchGet': SHEETS_API_READ,
  'DrivePermissions.create': DRIVE_API_WRITE,
  'DrivePermissions.list': DRIVE_API_READ,
  'DriveFiles.get': DRIVE_API_READ,
};

/** The REST method an advanced-service call is, for Google's error messages. */
export const API_NAMES: Record<string, string> = {
  'Sheets.create': 'sheets.spreadsheets.create',
  'Sheets.batchUpdate': 'sheets.spreadsheets.batchUpdate',
  'Sheets.get': 'sheets.spreadsheets.get',
  'SheetsValues.get': 'sheets.spreadsheets.values.get',
  'SheetsValues.batchGet': 'sheets.spreadsheets.values.batchGet',
  'DrivePermissions.create': 'drive.permissions.create',
  'DrivePermissions.list': 'drive.permissions.list',
  'DriveFiles.get': 'drive.files.get',
};

/** Time a call takes on the virtual clock, in milliseconds. */
export function callCost(name: string): number {
  if (name === 'SpreadsheetApp.openById' || name === 'SpreadsheetApp.openByUrl') return 1000;
  if (name.startsWith('SheetsValues.') || name === 'Sheets.get') return 1000;
  if (name.startsWith('Sheets.')) return 1200;
  if (name.startsWith('Drive')) return 400;
  if (name === 'MailApp.sendEmail') return 300;
  if (name.startsWith('Ui.show') || name === 'Ui.alert') return 200;
  if (name.endsWith('Builder.build') || name.includes('Builder.')) return 1;
  return 25;
}

export class ExecutionTimeout extends Error {
  constructor() {
    super('Exceeded maximum execution time');
  }
}

/** Google's error for a call the token may not make. */
export class PermissionError extends Error {}

export interface Execution {
  name: string;
  start: number;
  limitMs: number;
  authMode: 'NONE' | 'LIMITED' | 'FULL';
}

/** The virtual clock all executions share, and the execution under way. */
export class VirtualClock {
  now = Date.parse('2026-12-20T09:00:00+07:00');
  execution: Execution | null = null;
  /** Longest execution seen, for tests that bound it. */
  longest = 0;

  charge(ms: number): void {
    this.now += ms;
    const e = this.execution;
    if (e && this.now - e.start > e.limitMs) throw new ExecutionTimeout();
  }

  /** Runs fn as one execution (a menu command, a trigger, a google.script.run call). */
  run<T>(name: string, fn: () => T, authMode: Execution['authMode'] = 'FULL'): T {
    const simple = name === 'onOpen' || name === 'onInstall' || name === 'onEdit';
    const outer = this.execution;
    this.execution = { name, start: this.now, limitMs: simple ? 30_000 : 360_000, authMode };
    const start = this.now;
    try {
      return fn();
    } finally {
      this.longest = Math.max(this.longest, this.now - start);
      this.execution = outer;
    }
  }
}

/** What the user granted: the manifest's scopes, less the boxes they unticked. */
export class Grants {
  constructor(
    readonly manifest: ReadonlySet<string>,
    public granted: Set<string> = new Set(manifest),
  ) {}

  /** Throws Google's message when neither the manifest nor the user allows the call. Returns the scopes that allow it. */
  check(name: string, authMode: Execution['authMode']): string[] {
    const required = requiredScopes(name);
    if (required.length === 0) return [];
    const api = API_NAMES[name];
    if (authMode === 'NONE')
      throw new PermissionError(
        `You do not have permission to call ${name}. Required permissions: ${required[0]}`,
      );
    const inManifest = required.filter((s) => this.manifest.has(s));
    const allowed = inManifest.filter((s) => this.granted.has(s));
    if (allowed.length > 0) return allowed;
    if (api)
      throw new PermissionError(
        `GoogleJsonResponseException: API call to ${api} failed with error: Request had insufficient authentication scopes.`,
      );
    if (inManifest.length === 0)
      throw new PermissionError(
        `Specified permissions are not sufficient to call ${name}. Required permissions: ${required[0]}`,
      );
    throw new PermissionError(
      `You do not have permission to call ${name}. Required permissions: ${required[0]}`,
    );
  }
}

/** Bytes of a string in UTF-8. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

/** A property store that refuses what Google refuses. */
export class PropertyStore {
  readonly map = new Map<string, string>();

  private total(map: Map<string, string>): number {
    let n = 0;
    for (const [k, v] of map) n += utf8Bytes(k) + utf8Bytes(v);
    return n;
  }

  set(values: Record<string, string>, deleteOthers = false): void {
    const next = deleteOthers ? new Map<string, string>() : new Map(this.map);
    for (const [k, v] of Object.entries(values)) {
      const value = String(v);
      if (utf8Bytes(value) > PROPERTY_VALUE_LIMIT) throw new Error('Argument too large: value');
      next.set(k, value);
    }
    if (this.total(next) > PROPERTY_STORE_LIMIT)
      throw new Error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    this.map.clear();
    for (const [k, v] of next) this.map.set(k, v);
  }
}

export type Locale = 'vi_VN' | 'en_US';

/**
 * A string typed into (or written with setValues to) a cell, as the spreadsheet's locale reads
 * it: numbers with the locale's separators, percentages, dates in the locale's order (day first
 * in vi_VN, month first in en_US; ISO in both), booleans; anything else stays text. A leading
 * apostrophe keeps the rest as text.
 */
export function parseEntered(
  s: string,
  locale: Locale,
  timeZone: string,
): { kind: 'text'; value: string } | { kind: 'number' | 'boolean' | 'date'; value: number | boolean | Date } {
  if (s.startsWith("'")) return { kind: 'text', value: s.slice(1) };
  const t = s.trim();
  if (/^(true|false)$/i.test(t)) return { kind: 'boolean', value: /^true$/i.test(t) };
  const [dec, group] = locale === 'vi_VN' ? [',', '.'] : ['.', ','];
  const esc = (c: string) => (c === '.' ? '\\.' : c);
  const num = new RegExp(`^[-+]?(?:\\d{1,3}(?:${esc(group)}\\d{3})+|\\d+)(?:${esc(dec)}\\d+)?(%?)$`);
  const m = num.exec(t);
  if (m) {
    const n = Number(t.replace('%', '').split(group).join('').replace(dec, '.'));
    return { kind: 'number', value: m[1] ? n / 100 : n };
  }
  let d = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(t);
  let y: number, mo: number, day: number, h: number, mi: number;
  if (d) {
    const a = Number(d[1]);
    const b = Number(d[2]);
    [day, mo] = locale === 'vi_VN' ? [a, b] : [b, a];
    y = Number(d[3]);
    h = Number(d[4] ?? 0);
    mi = Number(d[5] ?? 0);
  } else {
    d = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(t);
    if (!d) return { kind: 'text', value: s };
    [y, mo, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    h = Number(d[4] ?? 0);
    mi = Number(d[5] ?? 0);
  }
  const probe = new Date(Date.UTC(y, mo - 1, day));
  if (mo < 1 || mo > 12 || probe.getUTCDate() !== day || h > 23 || mi > 59) return { kind: 'text', value: s };
  return { kind: 'date', value: zonedDate(y, mo, day, h, mi, timeZone) };
}

/** The instant a clock in `timeZone` shows y-mo-d h:mi. */
export function zonedDate(y: number, mo: number, d: number, h: number, mi: number, timeZone: string): Date {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  let at = guess;
  for (let i = 0; i < 2; i++) {
    const p = Object.fromEntries(fmt.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
    const shown = Date.UTC(
      Number(p.year),
      Number(p.month) - 1,
      Number(p.day),
      Number(p.hour),
      Number(p.minute),
    );
    at += guess - shown;
  }
  return new Date(at);
}

/** A date cell of a spreadsheet in `timeZone` showing that ISO day. */
export function cellDate(iso: string, timeZone: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return zonedDate(y, m, d, 0, 0, timeZone);
}
