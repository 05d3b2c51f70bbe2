/** Writes the checked copy of a workbook to disk: never over the input, all or nothing. */
import type ExcelJS from 'exceljs';
import type { CheckResult } from '../core/check';
import type { SheetInput } from '../core/grid';
import type { StatusReport } from '../core/status-report';
import { checkedCopy, type FollowUpSheets } from '../workbook/checked';
import { guardOutput, writeAtomic } from './files';

/** Writes the checked copy (see checkedCopy: the .xlsx's own workbook, or null for a CSV or Word plan). */
export async function writeChecked(
  wb: ExcelJS.Workbook | null,
  sheet: SheetInput,
  result: CheckResult,
  report: StatusReport,
  inputPath: string,
  outPath: string,
  follow?: FollowUpSheets,
): Promise<void> {
  guardOutput(outPath, [inputPath]);
  writeAtomic(outPath, await checkedCopy(wb, sheet, result, report, follow));
}
