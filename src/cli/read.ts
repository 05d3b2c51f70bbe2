/**
 * Reads a plan file for the command line: the bytes once, then the core's openPlanFile (the
 * format from the bytes, the bounded readers). ExcelJS is loaded only to write a checked copy
 * (--out).
 */
import { readFileSync, statSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import {
  MAX_FILE_BYTES,
  docxBook as coreDocxBook,
  openPlanFile,
  tooLarge,
  type PlanBook,
} from '../core/book';
import type { DocxImport } from '../core/docx';
import { UserError } from '../core/errors';
import { DEFAULT_TIME_ZONE } from '../core/plan';
import { loadWorkbook } from '../workbook/checked';

export { MAX_FILE_BYTES } from '../core/book';

export interface LoadedBook extends PlanBook {
  /** The workbook as ExcelJS reads it, for writing a checked copy (.xlsx only). */
  workbook?: () => Promise<ExcelJS.Workbook>;
}

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
  if (size > MAX_FILE_BYTES) throw tooLarge(path, size);
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
  const book = openPlanFile(bytes, path, DEFAULT_TIME_ZONE);
  if (book.kind !== 'xlsx') return book;
  return { ...book, workbook: () => loadWorkbook(bytes, path) };
}

/** A Word plan: its task table (or its prose tasks) as one sheet. */
export function docxBook(path: string, bytes: Uint8Array): LoadedBook & { imported: DocxImport } {
  return coreDocxBook(path, bytes, DEFAULT_TIME_ZONE);
}
