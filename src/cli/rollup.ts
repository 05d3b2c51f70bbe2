/** `rollup FILES… --out city.xlsx`: the city's roll-up of checked workbooks received by e-mail. */
import { basename, resolve } from 'node:path';
import {
  rollup,
  rollupSheetRows,
  readStatusSheet,
  ROLLUP_SHEET_NAME,
  DEFAULT_STALE_DAYS,
  type RollupEntry,
  type Rollup,
} from '../core/rollup';
import { STATUS_SHEET_NAME } from '../core/status-sheet';
import { UserError } from './errors';
import { loadFile } from './read';

export async function readCommuneFile(path: string): Promise<RollupEntry> {
  const name = basename(path).replace(/\.[^.]+$/, '');
  try {
    const book = await loadFile(path);
    const sheetName = book.sheetNames.find(
      (s) => s === STATUS_SHEET_NAME || s.startsWith(`${STATUS_SHEET_NAME} (`),
    );
    if (sheetName === undefined)
      return {
        name,
        source: path,
        outcome: {
          ok: false,
          reason: `không có trang “${STATUS_SHEET_NAME}” (hãy gửi tệp đã kiểm tra bằng lệnh check --out)`,
        },
      };
    const outcome = readStatusSheet(book.sheet(sheetName).values);
    return {
      name: outcome.ok && outcome.status.commune ? outcome.status.commune : name,
      source: path,
      outcome,
    };
  } catch (e) {
    return {
      name,
      source: path,
      outcome: { ok: false, reason: e instanceof UserError ? e.message : 'không đọc được tệp' },
    };
  }
}

export async function runRollup(
  files: string[],
  opts: { out: string; today: string; staleDays?: number },
): Promise<{ result: Rollup; code: number }> {
  if (files.length === 0) throw new UserError('Cần ít nhất một tệp đã kiểm tra của các xã.');
  if (files.some((f) => resolve(f) === resolve(opts.out)))
    throw new UserError(`Tệp kết quả “${opts.out}” trùng với một tệp đầu vào.`);
  const entries: RollupEntry[] = [];
  for (const f of files) entries.push(await readCommuneFile(f));
  const result = rollup(entries, { today: opts.today, staleDays: opts.staleDays ?? DEFAULT_STALE_DAYS });
  await writeRollup(result, opts.out);
  const code = result.communes.length === 0 ? 2 : result.failures.length > 0 ? 1 : 0;
  return { result, code };
}

export async function writeRollup(result: Rollup, out: string): Promise<void> {
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  const ws = wb.addWorksheet(ROLLUP_SHEET_NAME);
  const { rows, tables } = rollupSheetRows(result);
  rows.forEach((r) => ws.addRow(r));
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  for (const t of tables) {
    ws.getCell(t.title + 1, 1).font = { bold: true };
    ws.getRow(t.header + 1).font = { bold: true };
    ws.getRow(t.header + 1).alignment = { wrapText: true, vertical: 'middle' };
    for (let r = t.first + 1; r <= t.last + 1; r++) {
      const header = rows[t.header] ?? [];
      header.forEach((h, c) => {
        if (String(h).startsWith('Tỷ lệ')) ws.getCell(r, c + 1).numFmt = '0%';
      });
    }
  }
  [28, 24, 10, 12, 10, 10, 12, 12, 12, 12, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  try {
    await wb.xlsx.writeFile(out);
  } catch (e) {
    throw new UserError(`Không ghi được tệp “${out}” (${e instanceof Error ? e.message : String(e)}).`);
  }
}

export function formatRollup(result: Rollup, out: string): string {
  const lines = [
    `Tổng hợp ${result.communes.length} xã, tính đến ${result.today.split('-').reverse().join('/')}.`,
  ];
  for (const c of result.communes) {
    lines.push(
      `  ${c.commune.padEnd(24)} ${String(c.total).padStart(4)} nhiệm vụ  ${String(c.overdue).padStart(3)} quá hạn (${Math.round(c.overdueRate * 100)}%)  ${Math.round(c.doneRate * 100)}% hoàn thành`,
    );
  }
  if (result.failures.length > 0) {
    lines.push(`Không đọc được ${result.failures.length} xã:`);
    for (const f of result.failures) lines.push(`  ${f.name}: ${f.reason}`);
  }
  lines.push(`Đã ghi: ${out}`);
  return lines.join('\n');
}
