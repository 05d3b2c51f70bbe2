/**
 * `ke-hoach-cds import KẾ-HOẠCH.docx --out BẢNG.xlsx`: the plan's task table, or its tasks written
 * as prose, into a task sheet in the standard columns with the template's dropdowns, ready to
 * check and to paste into Google Sheets. What could not be read is listed, never dropped.
 */
import type ExcelJS from 'exceljs';
import { DEFAULT_TIME_ZONE, parsePlan } from '../core/plan';
import { UserError } from '../core/errors';
import { dayInZone } from '../core/dates';
import { standardSheet, templateColumn, TEMPLATE_VALIDATIONS } from '../core/template';
import { columnLetter } from '../core/text';
import { parseOptions, type OptionSpec } from './args';
import { guardOutput, writeAtomic } from './files';
import { safeLine } from './format';
import type { CliIo } from './main';
import { docxBook } from './read';
import { readFileSync } from 'node:fs';
import { detectFormat, formatError } from '../core/xlsx';

const OPTIONS: Record<string, OptionSpec> = {
  out: { type: 'string', value: 'TỆP.xlsx', example: 'phan-cong.xlsx' },
};

export const IMPORT_HELP = `ke-hoach-cds import KẾ-HOẠCH.docx --out BẢNG.xlsx

Lấy bảng phân công nhiệm vụ từ tệp Word của kế hoạch: bảng phụ lục (kể cả bảng tách qua nhiều
trang, ô gộp) hoặc các nhiệm vụ viết thành đoạn văn có dòng "Bộ phận chủ trì:", "Thời gian thực
hiện:". Ghi ra trang bảng phân công theo các cột chuẩn, có danh sách chọn Trạng thái và Trụ cột.
Đoạn văn không đọc được được liệt kê để anh/chị nhập tay.

Ví dụ:
  ke-hoach-cds import "Ke hoach CDS 2026.docx" --out phan-cong-2026.xlsx
  ke-hoach-cds check phan-cong-2026.xlsx

Mã thoát: 0 = đã lấy hết, 1 = đã lấy nhưng có đoạn không đọc được, 2 = không lấy được.`;

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { options, positionals } = parseOptions('import', argv, OPTIONS);
  const [file, ...extra] = positionals;
  if (file === undefined)
    throw new UserError(
      'Thiếu tệp Word cần lấy bảng. Cách dùng: ke-hoach-cds import KẾ-HOẠCH.docx --out BẢNG.xlsx',
    );
  if (extra.length > 0)
    throw new UserError(`Lệnh import nhận một tệp; thừa: ${extra.map((e) => `“${e}”`).join(', ')}.`);
  const out = options.out as string | undefined;
  if (out === undefined || !/\.xlsx$/i.test(out))
    throw new UserError(
      'Lệnh import cần --out TỆP.xlsx (tệp bảng phân công sẽ ghi), ví dụ: --out phan-cong.xlsx',
    );
  guardOutput(out, [file]);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch {
    throw new UserError(`Không đọc được tệp “${file}”.`);
  }
  const format = detectFormat(bytes);
  if (format !== 'docx') {
    if (format === 'xlsx' || format === 'text')
      throw new UserError(`Tệp “${file}” đã là bảng tính; dùng trực tiếp: ke-hoach-cds check "${file}"`);
    throw formatError(format, bytes, file);
  }
  const book = docxBook(file, bytes);
  const imported = book.imported;
  const today = dayInZone(io.now(), DEFAULT_TIME_ZONE);
  const plan = parsePlan(imported.sheet, { today, timeZone: DEFAULT_TIME_ZONE });
  const { sheet, headerRow } = standardSheet(plan, imported.sheet.name, imported.title);
  await writeTaskWorkbook(sheet.values as (string | number)[][], headerRow, sheet.name, out);

  io.stdout(
    `Đã lấy ${plan.tasks.length} nhiệm vụ (${plan.sections.length} mục) từ ${imported.source === 'table' ? 'bảng phụ lục' : 'các đoạn văn'} của “${safeLine(file)}”.\n`,
  );
  for (const note of imported.notes) io.stdout(`  ${safeLine(note)}\n`);
  if (imported.problems.length > 0) {
    io.stdout(`Không đọc được ${imported.problems.length} đoạn (cần nhập tay):\n`);
    for (const p of imported.problems) io.stdout(`  • ${safeLine(p.text)}\n`);
  }
  io.stdout(`Đã ghi: ${safeLine(out)}\nKiểm tra tiếp: ke-hoach-cds check "${safeLine(out)}"\n`);
  return imported.problems.length > 0 ? 1 : 0;
}

/** The standard task sheet as an .xlsx: header bold and frozen, widths, wrapping, the template's dropdowns. */
export async function writeTaskWorkbook(
  values: (string | number)[][],
  headerRow: number,
  name: string,
  out: string,
): Promise<void> {
  const { Workbook } = (await import('exceljs')).default;
  const wb: ExcelJS.Workbook = new Workbook();
  const ws = wb.addWorksheet(name.slice(0, 31));
  values.forEach((r) => ws.addRow(r));
  const widths = [6, 50, 24, 24, 24, 18, 16, 14, 20, 20];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
    ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  for (let r = 1; r < headerRow; r++) ws.mergeCells(r, 1, r, widths.length);
  const header = ws.getRow(headerRow);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  const last = Math.max(values.length + 200, 500);
  for (const v of TEMPLATE_VALIDATIONS) {
    const col = columnLetter(templateColumn(v.key));
    const ref = `${col}${headerRow + 1}:${col}${last}`;
    (ws as unknown as { dataValidations: { add(ref: string, v: object): void } }).dataValidations.add(
      ref,
      v.kind === 'list'
        ? {
            type: 'list',
            allowBlank: true,
            formulae: [`"${v.values.join(',')}"`],
            showErrorMessage: false,
            showInputMessage: true,
            prompt: v.help,
          }
        : {
            type: 'date',
            operator: 'greaterThan',
            allowBlank: true,
            formulae: [new Date(Date.UTC(2000, 0, 1))],
            showErrorMessage: true,
            error: v.help,
          },
    );
  }
  const buffer = await wb.xlsx.writeBuffer();
  writeAtomic(out, new Uint8Array(buffer as ArrayBuffer));
}
