/**
 * Apps Script entry. Every export becomes a top-level function of dist/Code.js (see
 * src/tools/build.ts). This module is the only place, with its siblings in src/sheets/, that
 * touches SpreadsheetApp and the other Apps Script services.
 */
import { checkSheet } from '../core/check';
import { dayInZone } from '../core/dates';
import type { MergeRange } from '../core/grid';
import { NoHeaderError } from '../core/plan';
import { CODE_LABELS } from '../core/labels';
import type { FindingCode } from '../core/findings';

export const MENU_TITLE = 'Kế hoạch CĐS';

/** Builds the menu only: under AuthMode.NONE nothing else may be touched. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Kiểm tra bảng phân công', 'checkActiveSheet').addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Checks the active sheet: one read of values and merges, then a summary alert. */
export function checkActiveSheet(): void {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  const range = sheet.getDataRange();
  const values = range.getValues();
  const merges: MergeRange[] = range.getMergedRanges().map((m) => ({
    row: m.getRow() - 1,
    column: m.getColumn() - 1,
    numRows: m.getNumRows(),
    numColumns: m.getNumColumns(),
  }));
  const timeZone = ss.getSpreadsheetTimeZone() || 'Asia/Ho_Chi_Minh';
  const today = dayInZone(new Date(), timeZone);
  try {
    const result = checkSheet({ name: sheet.getName(), values, merges }, { today, timeZone });
    const counts = new Map<FindingCode, number>();
    for (const f of result.findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    const lines = [...counts].map(([code, n]) => `• ${CODE_LABELS[code]}: ${n}`);
    ui.alert(
      'Kết quả kiểm tra',
      `${result.plan.tasks.length} nhiệm vụ, ${result.plan.sections.length} mục.\n` +
        (lines.length > 0 ? lines.join('\n') : 'Không phát hiện vấn đề nào.'),
      ui.ButtonSet.OK,
    );
  } catch (e) {
    if (e instanceof NoHeaderError) {
      ui.alert('Không có bảng phân công', e.message, ui.ButtonSet.OK);
      return;
    }
    throw e;
  }
}
