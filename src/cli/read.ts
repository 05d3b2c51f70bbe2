/**
 * Reads a plan file for the command line: the bytes once, the format from their first bytes
 * (never from the name alone), then the core's bounded readers (.xlsx: only the sheets asked
 * for; .csv). ExcelJS is loaded only to write a checked copy (--out).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { readCsv } from '../core/csv';
import type { SheetInput } from '../core/grid';
import { DEFAULT_TIME_ZONE } from '../core/plan';
import { groupDigits } from '../core/table-limits';
import { detectFormat, formatError, openXlsx } from '../core/xlsx';
import { UserError } from '../core/errors';
import { importDocx, type DocxImport } from '../core/docx';

export interface LoadedBook {
  kind: 'xlsx' | 'csv' | 'docx';
  /** Sheet names in the file's order (a CSV has one, named after the file). */
  sheetNames: string[];
  /** Reads one sheet (for .xlsx, only now is its part inflated). Throws UserError. */
  sheet(name: string): SheetInput;
  /** The workbook as ExcelJS reads it, for writing a checked copy (.xlsx only). */
  workbook?: () => Promise<ExcelJS.Workbook>;
  /** Things the user should know about how the file was read (replaced bytes…), as sentences. */
  notes: string[];
}

/** Files above this size are refused rather than risking memory exhaustion. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

const XLSX_NAMES = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm', '.xls']);

function readBytes(path: string): Uint8Array {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory())
      throw new UserError(
        `“${path}” là một thư mục, không phải tệp. Hãy chỉ đến tệp .xlsx hoặc .csv bên trong.`,
      );
    if (!st.isFile()) throw new UserError(`“${path}” không phải một tệp thông thường.`);
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw fsError(e, path);
  }
  if (size === 0) throw new UserError(`Tệp “${path}” trống, không có dữ liệu để kiểm tra.`);
  if (size > MAX_FILE_BYTES) {
    throw new UserError(
      `Tệp “${path}” quá lớn (${Math.round(size / 1024 / 1024)} MB, tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB). Hãy xóa các trang không cần thiết rồi thử lại.`,
    );
  }
  try {
    const buf = readFileSync(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  } catch (e) {
    throw fsError(e, path);
  }
}

function fsError(e: unknown, path: string): UserError {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UserError(`Không tìm thấy tệp “${path}”.`);
  if (code === 'EACCES' || code === 'EPERM')
    return new UserError(
      `Không có quyền đọc tệp “${path}”. Hãy kiểm tra quyền truy cập của tệp (hoặc chép tệp sang thư mục của mình) rồi thử lại.`,
    );
  if (code === 'EISDIR') return new UserError(`“${path}” là một thư mục, không phải tệp.`);
  return new UserError(
    `Không đọc được tệp “${path}” (${code ?? (e instanceof Error ? e.message : String(e))}).`,
  );
}

export async function loadFile(path: string): Promise<LoadedBook> {
  const bytes = readBytes(path);
  const format = detectFormat(bytes);
  const ext = extname(path).toLowerCase();
  {
    if (format === 'xlsx') return xlsxBook(path, bytes);
    if (format === 'docx') return docxBook(path, bytes);
    if (format === 'text' && !XLSX_NAMES.has(ext)) return csvBook(path, bytes);
    if (format === 'text' && ext === '.xls')
      throw new UserError(
        `Tệp “${path}” có đuôi .xls nhưng là văn bản (có thể là trang web hoặc CSV do phần mềm xuất ra). Hãy mở bằng Excel và lưu lại dạng .xlsx (hoặc đổi đuôi thành .csv nếu là CSV).`,
      );
    if (format === 'unknown' && !XLSX_NAMES.has(ext))
      throw new UserError(
        `Tệp “${path}” không phải văn bản CSV hay bảng tính .xlsx (có thể là tệp nhị phân hoặc đã hỏng). Hãy mở bảng phân công bằng Excel và lưu dạng .xlsx hoặc “CSV UTF-8”.`,
      );
    throw formatError(format, bytes, path);
  }
}

function xlsxBook(path: string, bytes: Uint8Array): LoadedBook {
  const book = openXlsx(bytes, { fileName: path, timeZone: DEFAULT_TIME_ZONE });
  return {
    kind: 'xlsx',
    sheetNames: book.sheetNames,
    sheet: (name) => book.sheet(name),
    async workbook() {
      const { Workbook } = (await import('exceljs')).default;
      const wb = new Workbook();
      try {
        await wb.xlsx.readFile(path);
      } catch {
        throw new UserError(
          `Không mở được tệp “${path}” để ghi bản đã đánh dấu (Excel có thể sửa tệp khi mở).`,
        );
      }
      return wb;
    },
    notes: [],
  };
}

function csvBook(path: string, bytes: Uint8Array): LoadedBook {
  const name = basename(path).replace(/\.[^.]+$/, '');
  const { sheet, encoding, badBytes } = readCsv(bytes, name, { fileName: path });
  const notes: string[] = [];
  if (badBytes > 0) {
    notes.push(
      encoding === 'utf-8'
        ? `Tệp “${path}” có ${groupDigits(badBytes)} byte không hợp lệ trong mã UTF-8; các chỗ đó được thay bằng dấu “\ufffd”.`
        : `Tệp “${path}” có ${groupDigits(badBytes)} byte không thuộc bảng mã Windows-1258; các chỗ đó được thay bằng dấu “\ufffd”.`,
    );
  }
  return {
    kind: 'csv',
    sheetNames: [name],
    sheet(n) {
      if (n !== name) throw new UserError(`Tệp “${path}” không có trang “${n}”.`);
      return sheet;
    },
    notes,
  };
}

/** A Word plan: its task table (or its prose tasks) as one sheet. */
export function docxBook(path: string, bytes: Uint8Array): LoadedBook & { imported: DocxImport } {
  let imported: DocxImport;
  try {
    imported = importDocx(bytes, { timeZone: DEFAULT_TIME_ZONE });
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    throw new UserError(`Tệp “${path}” là văn bản Word (.docx). ${m.charAt(0).toUpperCase()}${m.slice(1)}`);
  }
  const name = imported.sheet.name;
  const notes = [
    ...imported.notes,
    ...imported.problems.map(
      (p) => `${p.reason} (“${p.text.length > 120 ? `${p.text.slice(0, 119)}…` : p.text}”)`,
    ),
  ];
  return {
    kind: 'docx',
    sheetNames: [name],
    sheet(n) {
      if (n !== name) throw new UserError(`Tệp “${path}” không có trang “${n}”.`);
      return imported.sheet;
    },
    notes,
    imported,
  };
}
