/** Writes the checked copy of a workbook to disk: never over the input, all or nothing. */
import type ExcelJS from 'exceljs';
import type { CheckResult } from '../core/check';
import type { StatusReport } from '../core/status-report';
import { checkedWorkbookBytes, type FollowUpSheets } from '../workbook/checked';
import { guardOutput, writeAtomic } from './files';

export { csvWorkbook } from '../workbook/checked';

export async function writeChecked(
  wb: ExcelJS.Workbook,
  sheetName: string,
  result: CheckResult,
  report: StatusReport,
  inputPath: string,
  outPath: string,
  follow?: FollowUpSheets,
): Promise<void> {
  guardOutput(outPath, [inputPath]);
  writeAtomic(outPath, await checkedWorkbookBytes(wb, sheetName, result, report, follow));
}
