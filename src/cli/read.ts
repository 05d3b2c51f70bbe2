/** Reads .xlsx and .csv files into the engine's sheet input. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { CellValue, MergeRange, SheetInput } from '../core/grid';
import { columnIndex } from '../core/text';
import { UserError } from '../core/errors';

export interface LoadedBook {
  kind: 'xlsx' | 'csv';
  sheets: SheetInput[];
  /** The workbook as read, kept for writing a checked copy (xlsx only). */
  workbook?: ExcelJS.Workbook;
}

/** Files above this size are refused rather than risking memory exhaustion. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

export async function loadFile(path: string): Promise<LoadedBook> {
  if (!existsSync(path) || !statSync(path).isFile()) throw new UserError(`Không tìm thấy tệp “${path}”.`);
  const size = statSync(path).size;
  if (size === 0) throw new UserError(`Tệp “${path}” trống, không có dữ liệu để kiểm tra.`);
  if (size > MAX_FILE_BYTES) {
    throw new UserError(
      `Tệp “${path}” quá lớn (${Math.round(size / 1024 / 1024)} MB, tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB). Hãy xóa các trang không cần thiết rồi thử lại.`,
    );
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return loadXlsx(path);
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return loadCsv(path);
  if (ext === '.xls') {
    throw new UserError(
      `Tệp “${path}” là định dạng Excel cũ (.xls). Hãy mở bằng Excel và lưu lại dạng .xlsx.`,
    );
  }
  throw new UserError(`Chỉ đọc được tệp .xlsx hoặc .csv; “${path}” không phải loại tệp này.`);
}

async function loadXlsx(path: string): Promise<LoadedBook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch {
    throw new UserError(`Không đọc được tệp “${path}”: tệp không phải .xlsx hợp lệ hoặc đã bị hỏng.`);
  }
  const sheets = workbook.worksheets.map((ws) => worksheetInput(ws));
  if (sheets.every((s) => s.values.length === 0)) throw new UserError(`Tệp “${path}” không có dữ liệu.`);
  return { kind: 'xlsx', sheets, workbook };
}

/** One worksheet → values (hidden cells of merges as "") and merges. */
export function worksheetInput(ws: ExcelJS.Worksheet): SheetInput {
  const merges = mergesOf(ws);
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const covered = new Set<number>();
  for (const m of merges) {
    for (let r = m.row; r < m.row + m.numRows; r++)
      for (let c = m.column; c < m.column + m.numColumns; c++)
        if (r !== m.row || c !== m.column) covered.add(r * cols + c);
  }
  const values: CellValue[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const out: CellValue[] = new Array(cols).fill('');
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > cols) return;
      out[c - 1] = covered.size > 0 && covered.has((r - 1) * cols + c - 1) ? '' : cellValue(cell.value);
    });
    values.push(out);
  }
  // Drop trailing empty rows.
  while (values.length > 0 && (values[values.length - 1] as CellValue[]).every((v) => v === '' || v == null))
    values.pop();
  return { name: ws.name, values, merges };
}

function mergesOf(ws: ExcelJS.Worksheet): MergeRange[] {
  const list = (ws.model as { merges?: string[] }).merges ?? [];
  const out: MergeRange[] = [];
  for (const a1 of list) {
    const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(a1);
    if (!m) continue;
    const row = Number(m[2]) - 1;
    const column = columnIndex(m[1] as string);
    out.push({
      row,
      column,
      numRows: Number(m[4]) - row,
      numColumns: columnIndex(m[3] as string) - column + 1,
    });
  }
  return out;
}

/** An ExcelJS cell value → what Sheets' getValues() would give. */
export function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    // Excel dates have no zone; ExcelJS gives the wall-clock day at UTC midnight. Noon UTC keeps
    // the same calendar day in every zone from UTC-11 to UTC+11.
    return new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate(), 12));
  }
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return '';
      if (typeof result === 'object' && 'error' in (result as object)) return '';
      return cellValue(result as ExcelJS.CellValue);
    }
    if ('hyperlink' in v) return String((v as { text?: unknown }).text ?? '');
    if ('error' in v) return '';
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

async function loadCsv(path: string): Promise<LoadedBook> {
  const text = decodeText(readFileSync(path));
  const delimiter = guessDelimiter(text);
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch {
    throw new UserError(`Không đọc được tệp CSV “${path}”: dữ liệu không đúng định dạng CSV.`);
  }
  while (records.length > 0 && (records[records.length - 1] as string[]).every((v) => v.trim() === ''))
    records.pop();
  if (records.length === 0) throw new UserError(`Tệp “${path}” không có dữ liệu.`);
  const width = Math.max(...records.map((r) => r.length));
  const values = records.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
  const name = path.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return { kind: 'csv', sheets: [{ name, values, merges: [] }] };
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else the Vietnamese Windows code page 1258. */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf.subarray(2), 'utf16be');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8.decode(buf).normalize('NFC');
  } catch {
    return iconv.decode(buf, 'windows1258').normalize('NFC');
  }
}

function guessDelimiter(text: string): string {
  const sample = text.split(/\r?\n/).slice(0, 30).join('\n');
  const counts: [string, number][] = [',', ';', '\t'].map((d) => [d, sample.split(d).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return (counts[0] as [string, number])[1] > 0 ? (counts[0] as [string, number])[0] : ',';
}
