/**
 * Apps Script entry. Every export becomes a top-level function of dist/Code.js (see
 * src/tools/build.ts): the menu items, and what the HTML pages call through google.script.run.
 * This folder is the only code that touches SpreadsheetApp and its kin.
 */
import {
  addMissingColumnsCommand,
  checkTaskSheetCommand,
  clearFlagsCommand,
  createTemplateCommand,
  saveSettingsCommand,
  selectCellCommand,
  sendToCityCommand,
  showHelpCommand,
  showSettingsCommand,
  updateStatusSheetCommand,
} from './commands';
import { createCommuneListCommand, openRollupCommand, rollupFinish, rollupStart, rollupStep } from './city';
import { createUnitListCommand, remindUnitsCommand, sendReminders, type SendRequest } from './follow';
import { importPlanCommand, showImportCommand, type ImportResult } from './import';
import type { SettingsForm } from './settings';
import { failureMessage, runCommand, serve, withLock, type Served } from './ui';

export const MENU_TITLE = 'Kế hoạch CĐS';

/** Builds the menu only: under AuthMode.NONE nothing else may be touched. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Kiểm tra bảng phân công', 'checkTaskSheet')
    .addItem('Cập nhật bảng trạng thái', 'updateStatusSheet')
    .addItem('Gửi bảng trạng thái cho thành phố', 'sendToCity')
    .addItem('Lập danh sách đơn vị', 'createUnitList')
    .addItem('Gửi nhắc việc cho các đơn vị…', 'remindUnits')
    .addSeparator()
    .addItem('Thêm cột chuẩn còn thiếu', 'addMissingColumns')
    .addItem('Tạo bảng mẫu', 'createTemplate')
    .addItem('Nhập kế hoạch từ tệp Word…', 'importWordPlan')
    .addItem('Xóa đánh dấu', 'clearFlags')
    .addSeparator()
    .addItem('Cài đặt…', 'showSettings')
    .addItem('Hướng dẫn', 'showHelp')
    .addSeparator()
    .addItem('Thành phố: tạo trang Danh sách xã', 'createCommuneList')
    .addItem('Thành phố: tổng hợp các xã…', 'rollupCommunes')
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

export function createUnitList(): void {
  runCommand(createUnitListCommand);
}

export function remindUnits(): void {
  runCommand(remindUnitsCommand);
}

/** google.script.run from the reminder dialog: send to the units ticked. */
export function remindSend(request: SendRequest): Served<ReturnType<typeof sendReminders>> {
  return serve(() => sendReminders(request));
}

export function addMissingColumns(): void {
  runCommand(addMissingColumnsCommand);
}

export function createTemplate(): void {
  runCommand(createTemplateCommand);
}

export function importWordPlan(): void {
  runCommand(showImportCommand);
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
  runCommand(openRollupCommand);
}

/** google.script.run from the roll-up dialog: start or join a run. */
export function rollupStartRun(restart: boolean): Served<ReturnType<typeof rollupStart>> {
  return serve(() => rollupStart(Boolean(restart)));
}

/** google.script.run from the roll-up dialog: read the next chunk of communes. */
export function rollupReadChunk(runId: string, n: number): Served<ReturnType<typeof rollupStep>> {
  return serve(() => rollupStep(String(runId), Number(n)));
}

/** google.script.run from the roll-up dialog: write "Tổng hợp" once every commune is read. */
export function rollupFinishRun(runId: string): Served<ReturnType<typeof rollupFinish>> {
  return serve(() => rollupFinish(String(runId)));
}

/**
 * google.script.run from the import dialog: the rows it read from the Word file become a new
 * sheet, which is then checked. Validated here: it is input from a page.
 */
export function importPlanRows(payload: unknown): Served<ImportResult> {
  return serve(() => withLock(1000, () => importPlanCommand(payload)));
}

/** google.script.run from the settings dialog. */
export function saveSettings(form: SettingsForm): { ok: boolean; errors: string[] } {
  try {
    return withLock(1000, () => saveSettingsCommand(form));
  } catch (e) {
    return { ok: false, errors: [failureMessage(e)] };
  }
}

/** google.script.run from the sidebar: select the cell of a finding. */
export function selectCell(sheetName: string, row: number, column: string): void {
  selectCellCommand(sheetName, row, column);
}
