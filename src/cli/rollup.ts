/**
 * `ke-hoach-cds rollup TỆP|THƯ-MỤC… --out thanh-pho.xlsx`: the city's roll-up of the checked
 * workbooks communes sent by e-mail. Folders and patterns are expanded here (a Windows shell
 * leaves "*.xlsx" as it is); the same file given twice is counted once.
 */
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { UserError, isUserError } from '../core/errors';
import { DEFAULT_STALE_DAYS, MAX_STALE_DAYS, rollup, type Rollup, type RollupEntry } from '../core/rollup';
import { ROLLUP_SHEET_NAME, rollupLayout } from '../core/rollup-sheet';
import { DATA_TAG, STATUS_SHEET_NAME, fromRows } from '../core/status-report';
import { dayInZone, isIsoDay } from '../core/dates';
import { DEFAULT_TIME_ZONE } from '../core/plan';
import { readCsv } from '../core/csv';
import { expandInputs, guardOutput, writeAtomic } from './files';
import { intOption, parseOptions, type OptionSpec } from './args';
import { safeLine } from './format';
import type { CliIo } from './main';
import { loadFile } from './read';
import { addCharts } from '../workbook/charts';
import { readFileSync } from 'node:fs';

const OPTIONS: Record<string, OptionSpec> = {
  out: { type: 'string', value: 'TỆP.xlsx', example: 'thanh-pho.xlsx' },
  today: { type: 'string', value: 'YYYY-MM-DD', example: '2026-12-20' },
  'stale-days': { type: 'string', value: 'N', example: '45' },
  'danh-sach': { type: 'string', value: 'TỆP.csv', example: 'danh-sach-xa.csv' },
};

export const ROLLUP_HELP = `ke-hoach-cds rollup TỆP|THƯ-MỤC… --out TỔNG-HỢP.xlsx [tùy chọn]

Tổng hợp bảng trạng thái của nhiều xã (các tệp xã gửi sau khi chạy "check --out", hoặc tải từ
bảng tính tiện ích tạo) vào một tệp của thành phố: theo xã (xếp theo tỷ lệ quá hạn), theo trụ cột,
chi tiết, và các nguồn không tính kèm lý do. Mỗi xã tính một lần (bảng mới nhất); số liệu không
hợp lệ, quá cũ hoặc ghi ngày trong tương lai không được tính.

  TỆP|THƯ-MỤC…             các tệp .xlsx, một thư mục (mọi tệp .xlsx trong đó) hoặc mẫu như *.xlsx
  --out TỆP.xlsx           tệp tổng hợp sẽ ghi (bắt buộc; không ghi khi không đọc được xã nào)
  --today YYYY-MM-DD       ngày tổng hợp (mặc định: hôm nay)
  --stale-days N           số liệu cũ hơn N ngày không tính, 0 đến ${MAX_STALE_DAYS} (mặc định ${DEFAULT_STALE_DAYS})
  --danh-sach TỆP.csv      danh sách các xã phải gửi (cột đầu là tên xã): xã chưa gửi được liệt kê

Ví dụ:
  ke-hoach-cds rollup bao-cao-cac-xa --out thanh-pho.xlsx
  ke-hoach-cds rollup xa-*.xlsx --danh-sach danh-sach-xa.csv --out thanh-pho.xlsx

Mã thoát: 0 = đã tính mọi tệp, 1 = có tệp không tính hoặc xã chưa gửi, 2 = không tính được xã nào.`;

/** Commune names from a list file: the first column of each row, a header row skipped. */
export function expectedCommunes(path: string): string[] {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    throw new UserError(`Không đọc được danh sách xã “${path}”.`);
  }
  const { sheet } = readCsv(bytes, 'danh-sach', { fileName: path });
  const names = sheet.values.map((r) => String(r[0] ?? '').trim()).filter((n) => n !== '');
  if (names.length > 0 && /^(tên|xã|ten|xa|stt)/i.test(names[0] as string)) names.shift();
  return names;
}

export async function rollupCommand(argv: string[], io: CliIo): Promise<number> {
  const { options, positionals } = parseOptions('rollup', argv, OPTIONS);
  const out = options.out as string | undefined;
  if (out === undefined || !/\.xlsx$/i.test(out))
    throw new UserError('Lệnh rollup cần --out TỆP.xlsx (tệp tổng hợp sẽ ghi), ví dụ: --out thanh-pho.xlsx');
  const today = (options.today as string | undefined) ?? dayInZone(io.now(), DEFAULT_TIME_ZONE);
  if (!isIsoDay(today))
    throw new UserError(
      `Ngày “${today}” của --today không hợp lệ; ghi theo dạng YYYY-MM-DD, ví dụ 2026-12-20.`,
    );
  const staleDays = intOption(
    options['stale-days'] as string | undefined,
    'stale-days',
    0,
    MAX_STALE_DAYS,
    DEFAULT_STALE_DAYS,
  );
  if (positionals.length === 0)
    throw new UserError('Cần ít nhất một tệp hoặc thư mục các tệp đã kiểm tra của các xã.');
  const { files, notes } = expandInputs(positionals);
  for (const n of notes) io.stderr(`Chú ý: ${safeLine(n)}\n`);
  const expected = options['danh-sach'] ? expectedCommunes(options['danh-sach'] as string) : undefined;
  const { result, code } = await runRollup(files, { out, today, staleDays, expected });
  io.stdout(`${safeLine(formatRollup(result, code === 2 ? null : out))}\n`);
  return code;
}

export async function readCommuneFile(path: string): Promise<RollupEntry> {
  const name = basename(path).replace(/\.[^.]+$/, '');
  try {
    const book = await loadFile(path);
    // The product's status sheet is known by its data row, whatever the sheet is called; the
    // sheets named like it are looked at first, so a large task sheet is seldom read at all.
    const named = (n: string) => n === STATUS_SHEET_NAME || n.startsWith(`${STATUS_SHEET_NAME} (`);
    const order = [...book.sheetNames.filter(named), ...book.sheetNames.filter((n) => !named(n))];
    const sheet = order.map((n) => book.sheet(n)).find((s) => s.values.some((r) => r[0] === DATA_TAG));
    if (!sheet)
      return {
        name,
        source: path,
        outcome: {
          ok: false,
          reason: `không có trang “${STATUS_SHEET_NAME}” (hãy gửi tệp đã kiểm tra bằng lệnh check --out)`,
        },
      };
    const outcome = fromRows(sheet.values);
    return {
      name: outcome.ok && outcome.report.commune ? outcome.report.commune : name,
      source: path,
      outcome,
    };
  } catch (e) {
    return {
      name,
      source: path,
      outcome: { ok: false, reason: isUserError(e) ? (e as Error).message : 'không đọc được tệp' },
    };
  }
}

export async function runRollup(
  files: string[],
  opts: { out: string; today: string; staleDays?: number; expected?: string[] },
): Promise<{ result: Rollup; code: number }> {
  if (files.length === 0) throw new UserError('Không có tệp .xlsx nào để tổng hợp.');
  guardOutput(opts.out, files);
  const entries: RollupEntry[] = [];
  for (const f of files) entries.push(await readCommuneFile(f));
  const result = rollup(entries, {
    today: opts.today,
    staleDays: opts.staleDays ?? DEFAULT_STALE_DAYS,
    expected: opts.expected,
  });
  if (result.communes.length === 0) return { result, code: 2 };
  await writeRollup(result, opts.out);
  return { result, code: result.failures.length > 0 ? 1 : 0 };
}

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const fill = (hex: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: `FF${hex}` },
});

export async function writeRollup(result: Rollup, out: string): Promise<void> {
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  const ws = wb.addWorksheet(ROLLUP_SHEET_NAME);
  const layout = rollupLayout(result);
  const { rows, tables, width } = layout;
  rows.forEach((r) => ws.addRow(r));
  ws.mergeCells(1, 1, 1, width);
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getRow(1).height = 22;
  ws.getCell(2, 1).alignment = { wrapText: true };
  for (const [i, t] of tables.entries()) {
    ws.getCell(t.title + 1, 1).font = { bold: true };
    const header = ws.getRow(t.header + 1);
    header.height = 42;
    for (let c = 1; c <= width; c++) {
      if (String(rows[t.header]?.[c - 1] ?? '') === '' && c > 3) continue;
      const cell = header.getCell(c);
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      cell.fill = fill('D9E2F3');
      cell.border = BORDER;
    }
    for (let r = t.first + 1; r <= t.last + 1; r++) {
      const used = (rows[t.header] ?? []).filter((h) => h !== '').length;
      for (let c = 1; c <= Math.max(used, 3); c++) ws.getCell(r, c).border = BORDER;
      if (i < 3) {
        for (const c of layout.rateColumns) ws.getCell(r, c + 1).numFmt = '0%';
        ws.getCell(r, layout.classColumns.done + 1).fill = fill('E6F4EA');
        ws.getCell(r, layout.classColumns.overdue + 1).fill = fill('FCE8E6');
      } else ws.getRow(r).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  const buffer = await wb.xlsx.writeBuffer();
  const charts = layout.chart
    ? [
        {
          sheet: ROLLUP_SHEET_NAME,
          chart: layout.chart,
          at: { row: 3, column: width + 1 },
          size: { columns: 8, rows: 22 },
        },
      ]
    : [];
  writeAtomic(out, addCharts(new Uint8Array(buffer as ArrayBuffer), charts));
}

export function formatRollup(result: Rollup, out: string | null): string {
  const lines = [
    `Tổng hợp ${result.communes.length} xã, tính đến ${result.today.split('-').reverse().join('/')}.`,
  ];
  for (const c of result.communes) {
    lines.push(
      `  ${c.commune.padEnd(24)} ${String(c.total).padStart(4)} nhiệm vụ  ${String(c.overdue).padStart(3)} quá hạn (${Math.round(c.overdueRate * 100)}%)  ${Math.round(c.doneRate * 100)}% hoàn thành`,
    );
  }
  if (result.failures.length > 0) {
    lines.push(`Không tính ${result.failures.length} nguồn:`);
    for (const f of result.failures) lines.push(`  ${f.name}: ${f.reason}`);
  }
  lines.push(out ? `Đã ghi: ${out}` : 'Không có xã nào đọc được: không ghi tệp tổng hợp.');
  return lines.join('\n');
}
