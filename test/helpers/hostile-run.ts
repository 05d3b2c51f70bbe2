/**
 * Run in a process of its own (`node --import tsx test/helpers/hostile-run.ts CASE`): builds one
 * heavy hostile workbook, reads it with the core reader and prints, as JSON, how it ended, the
 * time taken and the process's peak memory (resident set).
 */
import { strToU8 } from 'fflate';
import { isUserError } from '../../src/core/errors';
import { openXlsx } from '../../src/core/xlsx';
import { hostileXlsx } from './xlsx';

const ROW = `<row>${'<c t="inlineStr"><is><t>Triển khai nhiệm vụ chuyển đổi số</t></is></c>'.repeat(7)}</row>`;

const CASES: Record<string, () => Uint8Array> = {
  // A row of seven texts repeated to just under the part limit (64 MB): passes every check, is read.
  'row-repeated-63mb': () =>
    hostileXlsx({ sheets: [{ name: 'S', rows: '' }] }, 'xl/worksheets/sheet1.xml', {
      head: '<worksheet><sheetData>',
      unit: ROW,
      times: Math.floor((63 << 20) / strToU8(ROW).length),
      tail: '</sheetData></worksheet>',
    }),
  // Near the largest sheet accepted: 250,000 rows (the limit) of 16 numbers, a 63 MB part.
  'largest-accepted': () =>
    hostileXlsx({ sheets: [{ name: 'S', rows: '' }] }, 'xl/worksheets/sheet1.xml', {
      head: '<worksheet><sheetData>',
      unit: `<row>${'<c><v>1</v></c>'.repeat(16)}</row>`,
      times: 250_000,
      tail: '</sheetData></worksheet>',
    }),
};

const name = process.argv[2] as string;
const make = CASES[name];
if (!make) throw new Error(`unknown case ${name}`);
const bytes = make();
const t0 = Date.now();
let outcome: string;
try {
  const book = openXlsx(bytes);
  const sheet = book.sheet(book.sheetNames[0] as string);
  outcome = `read ${sheet.values.length} × ${sheet.values[0]?.length ?? 0}`;
} catch (e) {
  if (!isUserError(e)) throw e;
  outcome = `refused: ${e.reason}`;
}
const ms = Date.now() - t0;
process.stdout.write(
  `${JSON.stringify({ name, fileBytes: bytes.length, outcome, ms, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
