/**
 * The browser page's second script: the checked copy, made by the command line's own code
 * (src/workbook/checked.ts) with ExcelJS's browser build. The build keeps it out of the page's
 * first script and the page evaluates it only when the officer asks for the copy, so the page
 * opens without parsing ExcelJS. It hands its one function to the page through a global.
 */
import type { CheckResult } from '../core/check';
import type { SheetInput } from '../core/grid';
import { openPlanFile } from '../core/book';
import { carriedOver } from '../core/carry-over';
import { DEFAULT_TIME_ZONE } from '../core/plan';
import { checkedCopy, checkedReport, followUpSheets, loadWorkbook } from '../workbook/checked';
import { WORKBOOK_GLOBAL } from './check';

export interface PageWorkbook {
  /** The checked copy of a file the page checked: as `check FILE --out` writes it. */
  checkedFile(
    kind: 'xlsx' | 'csv' | 'docx',
    bytes: Uint8Array,
    fileName: string,
    sheet: SheetInput,
    result: CheckResult,
  ): Promise<Uint8Array>;
}

const api: PageWorkbook = {
  async checkedFile(kind, bytes, fileName, sheet, result) {
    const wb = kind === 'xlsx' ? await loadWorkbook(bytes, fileName) : null;
    const report = checkedReport(result);
    // The same follow-up sheets as `check --out`: the history the file carries, plus today.
    const { history } = carriedOver(openPlanFile(bytes, fileName, DEFAULT_TIME_ZONE));
    return checkedCopy(wb, sheet, result, report, followUpSheets(result, report, history));
  },
};

(globalThis as unknown as Record<string, PageWorkbook>)[WORKBOOK_GLOBAL] = api;
