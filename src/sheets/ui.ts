/** Command plumbing: the document lock, Vietnamese messages for every failure, HTML pages. */
import { isUserError } from '../core/errors';
import { isPermissionError } from './scopes';

export const APP_TITLE = 'Kế hoạch CĐS';

const BUSY =
  'Một lệnh khác của Kế hoạch CĐS đang chạy trên bảng tính này. Vui lòng đợi vài giây rồi thử lại.';

/**
 * Runs a menu command under the document lock. A second click while one runs gets a message,
 * not a wait; any failure ends with a clear alert. Every writing command is a transaction, so
 * a failure leaves the spreadsheet as it was.
 */
export function runCommand<T>(fn: () => T): T | undefined {
  const ui = SpreadsheetApp.getUi();
  const lock = LockService.getDocumentLock();
  if (lock && !lock.tryLock(1000)) {
    ui.alert(APP_TITLE, BUSY, ui.ButtonSet.OK);
    return undefined;
  }
  try {
    return fn();
  } catch (e) {
    ui.alert(APP_TITLE, failureMessage(e), ui.ButtonSet.OK);
    return undefined;
  } finally {
    if (lock) lock.releaseLock();
  }
}

export type Served<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A function the add-on's pages call with google.script.run: its result, or the failure as a
 * Vietnamese message for the page to show (never Google's English, never a stack trace).
 */
export function serve<T>(fn: () => T): Served<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    return { ok: false, error: failureMessage(e) };
  }
}

function detailOf(e: unknown): string {
  // Errors thrown by Apps Script services may come from another realm: read the message, not the class.
  const message = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(e);
}

export function failureMessage(e: unknown): string {
  if (isUserError(e)) return (e as Error).message;
  const detail = detailOf(e);
  if (isPermissionError(detail))
    return `Tiện ích chưa được cấp đủ quyền để làm việc này (${detail}). Hãy chạy lại lệnh và, khi Google hỏi quyền, đánh dấu tất cả các ô rồi bấm “Tiếp tục”. Bảng tính không bị thay đổi.`;
  if (/Exceeded maximum execution time/i.test(detail))
    return 'Lệnh chạy quá thời gian Google cho phép (6 phút). Bảng tính không bị thay đổi dở dang; hãy thử lại, hoặc chia bảng thành các trang nhỏ hơn.';
  return `Không thực hiện được lệnh (${detail}). Bảng tính không bị thay đổi dở dang; vui lòng thử lại sau ít phút.`;
}

/** JSON safe to place inside a <script> element: no "<", ">", "&" or line separators survive raw. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** An HTML page from dist/<name>.html with `data` available to its script as DATA. */
export function page(name: string, data: unknown): GoogleAppsScript.HTML.HtmlOutput {
  const template = HtmlService.createTemplateFromFile(name);
  template.data = jsonForScript(data);
  return template.evaluate();
}

/** Takes the document lock for a page's call; false when another command holds it too long. */
export function withLock<T>(timeoutMs: number, fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (lock && !lock.tryLock(timeoutMs)) throw new BusyError();
  try {
    return fn();
  } finally {
    if (lock) lock.releaseLock();
  }
}

export class BusyError extends Error {
  constructor() {
    super(BUSY);
    this.name = 'UserError';
  }
}
