/** Command plumbing: the document lock, Vietnamese alerts for every failure, HTML pages. */

/** An error whose message is meant for the officer as it is. */
export class UserFacingError extends Error {}

export const APP_TITLE = 'Kế hoạch CĐS';

/**
 * Runs a menu command under the document lock. A second click while one runs gets a message,
 * not a wait; any failure ends with a clear alert.
 */
export function runCommand<T>(fn: () => T): T | undefined {
  const ui = SpreadsheetApp.getUi();
  const lock = LockService.getDocumentLock();
  if (lock && !lock.tryLock(1000)) {
    ui.alert(
      APP_TITLE,
      'Một lệnh khác của Kế hoạch CĐS đang chạy trên bảng tính này. Vui lòng đợi vài giây rồi thử lại.',
      ui.ButtonSet.OK,
    );
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

export function failureMessage(e: unknown): string {
  if (e instanceof UserFacingError) return e.message;
  // Errors thrown by Apps Script services may come from another realm: read the message, not the class.
  const message = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined;
  const detail = typeof message === 'string' ? message : String(e);
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
