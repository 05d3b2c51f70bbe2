/**
 * A plan file's bytes → the sheets a check can read, told from the bytes (never from the name
 * alone): .xlsx through the bounded reader (only the sheets asked for), .csv, or a Word plan's
 * task table. The command line and the browser page both open files here, so a file is read,
 * refused and explained the same way wherever it is checked. Pure: no file system.
 */
import { readCsv } from './csv';
import { importDocx, type DocxImport } from './docx';
import { UserError } from './errors';
import type { SheetInput } from './grid';
import { DEFAULT_TIME_ZONE, hasTaskHeader } from './plan';
import { groupDigits } from './table-limits';
import { detectFormat, formatError, openXlsx } from './xlsx';

export interface PlanBook {
  kind: 'xlsx' | 'csv' | 'docx';
  /** Sheet names in the file's order (a CSV or a Word plan has one). */
  sheetNames: string[];
  /** Reads one sheet (for .xlsx, only now is its part inflated). Throws UserError. */
  sheet(name: string): SheetInput;
  /** Things the user should know about how the file was read (replaced bytes…), as sentences. */
  notes: string[];
  /** For a Word plan: what the import read and could not read. */
  imported?: DocxImport;
}

/** Files above this size are refused rather than risking memory exhaustion. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

const XLSX_NAMES = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm', '.xls']);

/** The extension of a file name or path, lower case with its dot ("" when it has none). */
export function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The last part of a path, whichever separator it uses. */
export function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

/** The refusal of a file over MAX_FILE_BYTES. */
export function tooLarge(fileName: string, size: number): UserError {
  return new UserError(
    `Tệp “${fileName}” quá lớn (${Math.round(size / 1024 / 1024)} MB, tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB). Hãy xóa các trang không cần thiết rồi thử lại.`,
  );
}

/** Opens a plan file from its bytes; `fileName` names it in messages. Throws UserError. */
export function openPlanFile(bytes: Uint8Array, fileName: string, timeZone = DEFAULT_TIME_ZONE): PlanBook {
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(fileName, bytes.length);
  const format = detectFormat(bytes);
  const ext = extensionOf(fileName);
  if (format === 'xlsx') return xlsxBook(fileName, bytes, timeZone);
  if (format === 'docx') return docxBook(fileName, bytes, timeZone);
  if (format === 'text' && !XLSX_NAMES.has(ext)) return csvBook(fileName, bytes);
  if (format === 'text' && ext === '.xls')
    throw new UserError(
      `Tệp “${fileName}” có đuôi .xls nhưng là văn bản (có thể là trang web hoặc CSV do phần mềm xuất ra). Hãy mở bằng Excel và lưu lại dạng .xlsx (hoặc đổi đuôi thành .csv nếu là CSV).`,
    );
  if (format === 'unknown' && !XLSX_NAMES.has(ext))
    throw new UserError(
      `Tệp “${fileName}” không phải văn bản CSV hay bảng tính .xlsx (có thể là tệp nhị phân hoặc đã hỏng). Hãy mở bảng phân công bằng Excel và lưu dạng .xlsx hoặc “CSV UTF-8”.`,
    );
  throw formatError(format, bytes, fileName);
}

function xlsxBook(fileName: string, bytes: Uint8Array, timeZone: string): PlanBook {
  const book = openXlsx(bytes, { fileName, timeZone });
  return { kind: 'xlsx', sheetNames: book.sheetNames, sheet: (name) => book.sheet(name), notes: [] };
}

function csvBook(fileName: string, bytes: Uint8Array): PlanBook {
  const name = baseName(fileName).replace(/\.[^.]+$/, '');
  const { sheet, encoding, badBytes } = readCsv(bytes, name, { fileName });
  const notes: string[] = [];
  if (badBytes > 0) {
    notes.push(
      encoding === 'utf-8'
        ? `Tệp “${fileName}” có ${groupDigits(badBytes)} byte không hợp lệ trong mã UTF-8; các chỗ đó được thay bằng dấu “\ufffd”.`
        : `Tệp “${fileName}” có ${groupDigits(badBytes)} byte không thuộc bảng mã Windows-1258; các chỗ đó được thay bằng dấu “\ufffd”.`,
    );
  }
  return {
    kind: 'csv',
    sheetNames: [name],
    sheet(n) {
      if (n !== name) throw new UserError(`Tệp “${fileName}” không có trang “${n}”.`);
      return sheet;
    },
    notes,
  };
}

/** A Word plan: its task table (or its prose tasks) as one sheet. */
export function docxBook(
  fileName: string,
  bytes: Uint8Array,
  timeZone = DEFAULT_TIME_ZONE,
): PlanBook & { imported: DocxImport } {
  let imported: DocxImport;
  try {
    imported = importDocx(bytes, { timeZone });
  } catch (e) {
    // The importer's sentence ("Tệp không phải…", "Văn bản Word quá lớn…") after the file's name.
    const m = e instanceof Error ? e.message : String(e);
    throw new UserError(
      `Không đọc được tệp “${fileName}”: ${m.charAt(0).toLowerCase()}${m.slice(1)}`,
      e instanceof UserError ? e.reason : 'docx',
    );
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
      if (n !== name) throw new UserError(`Tệp “${fileName}” không có trang “${n}”.`);
      return imported.sheet;
    },
    notes,
    imported,
  };
}

/**
 * The sheet to check: the one named (matched loosely), else the first with a task table. Sheets
 * are read one at a time, up to the first with a task table.
 */
export function pickSheet(book: PlanBook, fileName: string, name?: string): SheetInput {
  if (name !== undefined) {
    const found =
      book.sheetNames.find((s) => s === name) ??
      book.sheetNames.find((s) => s.trim().toLowerCase() === name.trim().toLowerCase());
    if (found === undefined) {
      const names = book.sheetNames.map((s) => `“${s}”`).join(', ');
      throw new UserError(`Tệp “${fileName}” không có trang “${name}”. Các trang hiện có: ${names}.`);
    }
    const sheet = book.sheet(found);
    if (!hasTaskHeader(sheet)) throw new UserError(noHeaderMessage(fileName, found));
    return sheet;
  }
  let anyData = false;
  for (const n of book.sheetNames) {
    const sheet = book.sheet(n);
    if (sheet.values.length > 0) anyData = true;
    if (hasTaskHeader(sheet)) return sheet;
  }
  if (!anyData) throw new UserError(`Tệp “${fileName}” không có dữ liệu.`);
  throw new UserError(noHeaderMessage(fileName));
}

function noHeaderMessage(fileName: string, sheet?: string): string {
  const where = sheet ? `trang “${sheet}” của tệp “${fileName}”` : `tệp “${fileName}”`;
  return `Không tìm thấy bảng phân công nhiệm vụ trong ${where}: cần một dòng tiêu đề có các cột như “STT”, “Nhiệm vụ”, “Cơ quan chủ trì”, “Thời gian hoàn thành”.`;
}
