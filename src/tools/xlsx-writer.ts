/** Writes a sheet input (values + merges) as an .xlsx file: for samples, fixtures and benchmarks. */
import ExcelJS from 'exceljs';
import type { CellValue, SheetInput } from '../core/grid';

export function sheetWorkbook(sheets: readonly SheetInput[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row) => ws.addRow(row.map(toExcel)));
    for (const m of s.merges ?? []) {
      ws.mergeCells(m.row + 1, m.column + 1, m.row + m.numRows, m.column + m.numColumns);
    }
    s.values[0]?.forEach((_, c) => (ws.getColumn(c + 1).width = c === 1 ? 50 : 18));
  }
  return wb;
}

export async function writeSheetsXlsx(path: string, sheets: readonly SheetInput[]): Promise<void> {
  await sheetWorkbook(sheets).xlsx.writeFile(path);
}

function toExcel(v: CellValue): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) {
    // Excel stores wall-clock days; ExcelJS writes a Date's UTC parts. Keep the day as seen in Vietnam.
    const vn = new Date(v.getTime() + 7 * 3_600_000);
    return new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate()));
  }
  return v;
}
