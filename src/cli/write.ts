/**
 * Writes the checked copy of a workbook: flagged cells filled by severity with a note saying why,
 * plus the status sheet. The input file is never written; for a CSV input the copy holds its data.
 */
import type ExcelJS from 'exceljs';
import type { CheckResult } from '../core/check';
import type { Finding, Severity } from '../core/findings';
import {
  STATUS_SHEET_NAME,
  asOfText,
  communeFromTitle,
  planNameFromTitle,
  statusSheetModel,
} from '../core/status-sheet';
import { columnIndex } from '../core/text';
import { SEVERITY_COLORS, notesByCell } from '../core/flags';
import type { LoadedBook } from './read';
import { UserError } from './errors';
import { resolve } from 'node:path';

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

export async function writeChecked(
  book: LoadedBook,
  sheetName: string,
  result: CheckResult,
  inputPath: string,
  outPath: string,
): Promise<void> {
  if (resolve(inputPath) === resolve(outPath)) {
    throw new UserError(
      `Tệp kết quả trùng với tệp đầu vào “${inputPath}”. Hãy chọn tên khác để giữ nguyên bản gốc.`,
    );
  }
  const wb = book.workbook ? await book.workbook() : await csvWorkbook(book);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new UserError(`Không tìm thấy trang “${sheetName}” để đánh dấu.`);

  for (const [cellKey, flag] of notesByCell(result.findings)) {
    const [row, col] = cellKey.split(':');
    const cell = ws.getCell(Number(row), columnIndex(col as string) + 1);
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: argb(SEVERITY_COLORS[flag.severity]) },
    };
    // A note the user wrote stays first; the reason follows it.
    const own = noteText(cell.note);
    cell.note = own ? `${own}\n\n— Kế hoạch CĐS —\n${flag.note}` : flag.note;
  }

  const existing = wb.getWorksheet(STATUS_SHEET_NAME);
  if (existing) wb.removeWorksheet(existing.id);
  renderStatusSheet(wb.addWorksheet(STATUS_SHEET_NAME), result);
  try {
    await wb.xlsx.writeFile(outPath);
  } catch (e) {
    throw new UserError(`Không ghi được tệp “${outPath}” (${e instanceof Error ? e.message : String(e)}).`);
  }
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

async function csvWorkbook(book: LoadedBook): Promise<ExcelJS.Workbook> {
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  for (const s of book.sheetNames.map((n) => book.sheet(n))) {
    const ws = wb.addWorksheet(s.name.slice(0, 31) || 'Sheet1');
    // Values go in as typed text: a cell starting with "=" stays text, never a formula.
    s.values.forEach((row) => ws.addRow(row.map((v) => (v === null || v === undefined ? '' : v))));
  }
  return wb;
}

const LEGEND: { severity: Severity; text: string }[] = [
  { severity: 'error', text: 'Lỗi: cần sửa (thiếu cơ quan chủ trì, thiếu cột bắt buộc)' },
  {
    severity: 'warning',
    text: 'Cảnh báo: quá hạn, thiếu hoặc không đọc được thời hạn, trùng số thứ tự, trạng thái ngoài danh mục',
  },
  { severity: 'info', text: 'Lưu ý: sắp đến hạn' },
];

export function renderStatusSheet(ws: ExcelJS.Worksheet, result: CheckResult): void {
  const { plan } = result;
  const model = statusSheetModel(result, {
    commune: communeFromTitle(plan.title),
    planName: planNameFromTitle(plan.title),
    planYear: plan.planYear,
    asOf: asOfText(result.today),
  });
  model.rows.forEach((r) => ws.addRow(r));
  model.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const last = model.width;
  ws.mergeCells(model.titleRow + 1, 1, model.titleRow + 1, last);
  const title = ws.getCell(model.titleRow + 1, 1);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  for (let r = 2; r <= model.headerRow; r++) ws.getCell(r, 1).font = { bold: true };
  const header = ws.getRow(model.headerRow + 1);
  header.height = 45;
  header.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
  });
  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };
  for (let r = model.headerRow + 1; r <= model.totalRow + 1; r++) {
    for (let c = 1; c <= last; c++) ws.getCell(r, c).border = border;
    ws.getCell(r, model.rateColumn + 1).numFmt = '0%';
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'middle' };
    // Long section names wrap: give their row the height of its lines.
    const name = String(ws.getCell(r, 1).value ?? '');
    const lines = Math.ceil(name.length / ((model.widths[0] ?? 36) - 2));
    if (r > model.headerRow + 1 && lines > 1) ws.getRow(r).height = 15 * lines;
  }
  for (let r = 2; r <= model.headerRow; r++) ws.getCell(r, 2).alignment = { horizontal: 'left' };
  ws.getRow(model.totalRow + 1).font = { bold: true };
  for (const r of model.legendRows) {
    ws.mergeCells(r + 1, 1, r + 1, last);
    ws.getCell(r + 1, 1).alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(r + 1).height = 32;
  }
  // Colour legend and sheet-level findings.
  let r = model.rows.length + 2;
  ws.getCell(r, 1).value = 'Chú thích màu trên bảng phân công (di chuột vào ô để xem lý do):';
  ws.getCell(r, 1).font = { bold: true };
  for (const item of LEGEND) {
    r++;
    ws.getCell(r, 1).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: argb(SEVERITY_COLORS[item.severity]) },
    };
    ws.getCell(r, 1).value = item.text;
    ws.mergeCells(r, 1, r, last);
  }
  const sheetLevel = result.findings.filter((f: Finding) => f.row === null);
  if (sheetLevel.length > 0) {
    r += 2;
    ws.getCell(r, 1).value = 'Vấn đề của cả bảng:';
    ws.getCell(r, 1).font = { bold: true };
    for (const f of sheetLevel) {
      r++;
      ws.getCell(r, 1).value = `• ${f.message}`;
      ws.mergeCells(r, 1, r, last);
    }
  }
  ws.views = [{ state: 'frozen', ySplit: model.headerRow + 1 }];
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}
