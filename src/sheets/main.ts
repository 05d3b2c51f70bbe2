/**
 * Apps Script entry. Every export becomes a top-level function of dist/Code.js (see
 * src/tools/build.ts): the menu items, the triggers, and what the HTML pages call through
 * google.script.run. This folder is the only code that touches SpreadsheetApp and its kin.
 */
import {
  addMissingColumnsCommand,
  checkTaskSheetCommand,
  clearFlagsCommand,
  createTemplateCommand,
  saveSettingsCommand,
  selectCellCommand,
  showHelpCommand,
  showSettingsCommand,
  updateStatusSheetCommand,
  sendToCityCommand,
  rollupCommand,
  createCommuneListCommand,
} from './commands';
import { continueRollupRun } from './city';
import type { SettingsForm } from './settings';
import { failureMessage, runCommand } from './ui';

export const MENU_TITLE = 'Kế hoạch CĐS';

/** Builds the menu only: under AuthMode.NONE nothing else may be touched. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Kiểm tra bảng phân công', 'checkTaskSheet')
    .addItem('Cập nhật bảng trạng thái', 'updateStatusSheet')
    .addItem('Gửi bảng trạng thái cho thành phố', 'sendToCity')
    .addSeparator()
    .addItem('Thêm cột chuẩn còn thiếu', 'addMissingColumns')
    .addItem('Tạo bảng mẫu', 'createTemplate')
    .addItem('Xóa đánh dấu', 'clearFlags')
    .addSeparator()
    .addItem('Cài đặt…', 'showSettings')
    .addItem('Hướng dẫn', 'showHelp')
    .addSeparator()
    .addItem('Thành phố: tạo trang Danh sách xã', 'createCommuneList')
    .addItem('Thành phố: tổng hợp các xã', 'rollupCommunes')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function checkTaskSheet(): void {
  runCommand(checkTaskSheetCommand);
}

export function updateStatusSheet(): void {
  runCommand(updateStatusSheetCommand);
}

export function sendToCity(): void {
  runCommand(sendToCityCommand);
}

export function addMissingColumns(): void {
  runCommand(addMissingColumnsCommand);
}

export function createTemplate(): void {
  runCommand(createTemplateCommand);
}

export function clearFlags(): void {
  runCommand(clearFlagsCommand);
}

export function showSettings(): void {
  runCommand(showSettingsCommand);
}

export function showHelp(): void {
  runCommand(showHelpCommand);
}

export function createCommuneList(): void {
  runCommand(createCommuneListCommand);
}

export function rollupCommunes(): void {
  runCommand(rollupCommand);
}

/** Time-driven trigger: the next chunk of the city's roll-up (no user interface here). */
export function continueRollup(): void {
  continueRollupRun();
}

/** google.script.run from the settings dialog. */
export function saveSettings(form: SettingsForm): { ok: boolean; errors: string[] } {
  const lock = LockService.getDocumentLock();
  if (lock && !lock.tryLock(1000)) {
    return { ok: false, errors: ['Một lệnh khác đang chạy. Vui lòng đợi vài giây rồi lưu lại.'] };
  }
  try {
    return saveSettingsCommand(form);
  } catch (e) {
    return { ok: false, errors: [failureMessage(e)] };
  } finally {
    if (lock) lock.releaseLock();
  }
}

/** google.script.run from the sidebar: select the cell of a finding. */
export function selectCell(sheetName: string, row: number, column: string): void {
  selectCellCommand(sheetName, row, column);
}
