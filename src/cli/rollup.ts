/** `rollup FILES… --out city.xlsx`: the city's roll-up of checked workbooks received by e-mail. */
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { UserError, isUserError } from '../core/errors';
import { DEFAULT_STALE_DAYS, rollup, type Rollup, type RollupEntry } from '../core/rollup';
import { ROLLUP_SHEET_NAME, rollupLayout } from '../core/rollup-sheet';
import { DATA_TAG, STATUS_SHEET_NAME, fromRows } from '../core/status-report';
import { guardOutput, writeAtomic } from './files';
import { loadFile } from './read';

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
  opts: { out: string; today: string; staleDays?: number },
): Promise<{ result: Rollup; code: number }> {
  if (files.length === 0) throw new UserError('Cần ít nhất một tệp đã kiểm tra của các xã.');
  guardOutput(opts.out, files);
  const entries: RollupEntry[] = [];
  for (const f of files) entries.push(await readCommuneFile(f));
  const result = rollup(entries, { today: opts.today, staleDays: opts.staleDays ?? DEFAULT_STALE_DAYS });
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
  writeAtomic(out, new Uint8Array(buffer as ArrayBuffer));
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
