/**
 * Least privilege: the OAuth scopes of the add-on, what each is for, and which each command
 * needs. A command checks its own scopes before it touches anything, so an officer who unticked
 * a box on Google's consent screen gets a Vietnamese message naming that box (and the consent is
 * asked again), never a raw exception; a commune never needs the city's scope.
 */
import { UserError } from '../core/errors';

export const SCOPES = {
  /** SpreadsheetApp on the open spreadsheet only: read the task sheet, write flags and own sheets. */
  currentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  /** Sidebar and dialogs. */
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  /** Sheets and Drive APIs on the one spreadsheet the add-on creates for the city: write it, share it. */
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  /** The city's roll-up: read the status sheets communes shared with the city (Sheets API, read only). */
  readSheets: 'https://www.googleapis.com/auth/spreadsheets.readonly',
  /** Reminders to the units: send mail as the officer (MailApp). */
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
} as const;

type Scope = (typeof SCOPES)[keyof typeof SCOPES];

/** The box on Google's consent screen for each scope, in the words Google shows in Vietnamese. */
const CONSENT_BOX: Record<Scope, string> = {
  [SCOPES.currentOnly]: 'Xem và quản lý bảng tính mà ứng dụng này đã được cài đặt',
  [SCOPES.ui]:
    'Hiển thị và chạy nội dung web của bên thứ ba trong lời nhắc và thanh bên bên trong các ứng dụng của Google',
  [SCOPES.driveFile]:
    'Xem, chỉnh sửa, tạo và xóa chỉ những tệp cụ thể trên Google Drive mà bạn dùng với ứng dụng này',
  [SCOPES.readSheets]: 'Xem tất cả bảng tính trên Google Trang tính của bạn',
  [SCOPES.sendMail]: 'Gửi email thay mặt bạn',
};

/** ScriptApp's granular-consent methods (newer than the type definitions). */
interface GranularScriptApp {
  getAuthorizationInfo(
    mode: GoogleAppsScript.Script.AuthMode,
    scopes: string[],
  ): {
    getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus;
    getAuthorizedScopes(): string[] | null;
  };
}

/** What each group of commands needs. */
export const NEEDS = {
  sheet: [SCOPES.currentOnly],
  sheetWithUi: [SCOPES.currentOnly, SCOPES.ui],
  send: [SCOPES.currentOnly, SCOPES.ui, SCOPES.driveFile],
  rollup: [SCOPES.currentOnly, SCOPES.ui, SCOPES.readSheets],
  remind: [SCOPES.currentOnly, SCOPES.ui, SCOPES.sendMail],
} as const;

/**
 * Makes sure the user granted `scopes` before a command runs. When some are missing, asks
 * Google to show the consent again (where the surface supports it) and stops the command with a
 * message naming the boxes to tick.
 */
export function ensureScopes(scopes: readonly Scope[], what: string): void {
  const app = ScriptApp as unknown as GranularScriptApp;
  const info = app.getAuthorizationInfo(ScriptApp.AuthMode.FULL, [...scopes]);
  if (info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED) return;
  const granted = new Set(info.getAuthorizedScopes() ?? []);
  const missing = scopes.filter((s) => !granted.has(s));
  const boxes = missing.map((s) => `“${CONSENT_BOX[s]}”`).join(' và ');
  const message =
    `Để ${what}, tiện ích cần quyền mà bạn chưa cấp. Hãy chạy lại lệnh; khi Google hỏi quyền, ` +
    `đánh dấu ô ${boxes} rồi bấm “Tiếp tục”.`;
  try {
    ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, missing);
  } catch {
    // requireScopes ends the execution where the surface can ask again; elsewhere it throws.
  }
  throw new UserError(message, 'scope');
}

/** True for Google's errors about a missing grant (a scope unticked, or not in the manifest). */
export function isPermissionError(message: string): boolean {
  return /do not have permission to call|not sufficient to call|insufficient authentication scopes|Authorization is required/i.test(
    message,
  );
}
