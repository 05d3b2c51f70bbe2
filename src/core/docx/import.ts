/**
 * A plan's Word file → the task sheet an officer would otherwise type by hand. The appendix
 * table when the plan has one (with its merges, pages joined), else the tasks written as prose,
 * laid out in the standard columns. The result goes through the same checks as any sheet.
 */
import { UserError } from '../errors';
import type { MergeRange, SheetInput } from '../grid';
import { collapse } from '../text';
import { TEMPLATE_COLUMNS, TEMPLATE_HEADER } from '../template';
import type { ColumnKey } from '../vocabulary';
import { readDocx, type DocxBlock, type DocxDocument, type DocxParagraph } from './document';
import { formatNumber } from './numbering';
import { readProse, romanHeading } from './prose';
import { findTaskTables, isBlankParagraph, isComplete, type TaskTable } from './tables';

export interface DocxProblem {
  /** The paragraph's text as written. */
  text: string;
  /** Why it was not read, a Vietnamese sentence ("Không đọc được đoạn: …"). */
  reason: string;
}

export interface DocxImport {
  /** Where the tasks came from: the appendix table, or numbered paragraphs with labelled lines. */
  source: 'table' | 'prose';
  /** The task sheet: title rows, header row(s), rows; merges as a spreadsheet holds them. */
  sheet: SheetInput;
  /** Paragraphs of the task part that could not be read, with their text. */
  problems: DocxProblem[];
  /** The title lines above the table (or at the top of a prose plan). */
  title: string[];
  /** What the import did or ignored, in Vietnamese, for the user (macros, joined tables, …). */
  notes: string[];
}

export interface DocxImportOptions {
  /** The sheet's time zone; kept for callers that judge deadlines next (no date cells in Word text). */
  timeZone?: string;
}

/** The standard columns of a task sheet written from a prose plan: the template's. */
export const STANDARD_COLUMNS = TEMPLATE_COLUMNS;
export const STANDARD_HEADER = TEMPLATE_HEADER;

export const IMPORT_SHEET_NAME = 'Phân công nhiệm vụ';

/** Reads a .docx plan. Throws UserError when the file cannot be read or holds no tasks. */
export function importDocx(bytes: Uint8Array, options: DocxImportOptions = {}): DocxImport {
  return importDocument(readDocx(bytes), options);
}

/**
 * The same, from a document already read. The appendix table wins when it has all four required
 * columns (the signed assignment); otherwise prose tasks, when the plan has any; otherwise the best
 * table found, whose missing columns the check then reports.
 */
export function importDocument(doc: DocxDocument, _options: DocxImportOptions = {}): DocxImport {
  const notes: string[] = [];
  if (doc.embeddedParts > 0)
    notes.push(
      `Văn bản có ${doc.embeddedParts} phần nhúng từ tệp khác (altChunk); nội dung các phần đó không được đọc.`,
    );
  if (doc.hasMacros) notes.push('Tệp có chứa macro (VBA): macro không được chạy, chỉ đọc nội dung văn bản.');
  if (doc.embeddedParts > 0)
    notes.push(
      `Văn bản có ${doc.embeddedParts} phần nhúng từ tệp khác (altChunk); nội dung các phần đó không được đọc.`,
    );
  const { best, others } = findTaskTables(doc.blocks);
  let prose: ReturnType<typeof readProse> | null = null;
  const proseTasks = () => {
    prose ??= readProse(doc.blocks);
    return prose.rows.some((r) => r.kind === 'task') ? prose : null;
  };
  if (best && (isComplete(best) || proseTasks() === null)) {
    if (best.tables > 1)
      notes.push(`Đã nối ${best.tables} bảng liên tiếp (bảng bị ngắt qua trang) thành một bảng.`);
    if (others.length > 0)
      notes.push(
        `Văn bản còn ${others.length} bảng khác có cột nhiệm vụ; chỉ nhập bảng phân công đầy đủ nhất (${best.values.length} dòng).`,
      );
    return tableImport(doc.blocks, best, notes);
  }
  const p = proseTasks();
  if (p) {
    if (p.sections.length) notes.push(`Đọc nhiệm vụ từ mục: ${p.sections.map((s) => `“${s}”`).join(', ')}.`);
    return proseImport(p, notes);
  }
  throw new UserError(
    'Không tìm thấy nhiệm vụ trong văn bản Word: không có bảng phân công (cột STT, Nhiệm vụ, Cơ quan chủ trì, Thời gian hoàn thành) và không có đoạn nhiệm vụ đánh số kèm dòng “Bộ phận chủ trì:”, “Thời gian thực hiện:”.',
    'docx-no-tasks',
  );
}

/**
 * Title paragraphs right above the table ("PHỤ LỤC", the table's name, "(Kèm theo Kế hoạch số …)"):
 * walking up from the table over blank paragraphs, up to six lines, stopping at a page or section
 * break (the appendix starts a page), a table, a heading "I. …", a long paragraph, or a gap of two
 * blank paragraphs between lines.
 */
function titleAbove(blocks: readonly DocxBlock[], index: number): string[] {
  const lines: string[] = [];
  let blanks = 0;
  for (let i = index - 1; i >= 0 && lines.length < 6; i--) {
    const b = blocks[i] as DocxBlock;
    if (b.kind === 'table') break;
    const p: DocxParagraph = b;
    if (p.sectionEnd) break;
    const visible = collapse(p.display.slice(p.afterBreak));
    if (visible === '' || isBlankParagraph(p)) {
      if (p.pageBreak) break;
      blanks++;
      if ((lines.length > 0 && blanks >= 2) || blanks > 10) break;
      continue;
    }
    if (visible.length > 300 || romanHeading(visible) !== null) break;
    blanks = 0;
    lines.unshift(visible);
    if (p.pageBreak) break;
  }
  return lines;
}

function tableImport(blocks: readonly DocxBlock[], t: TaskTable, notes: string[]): DocxImport {
  const title = titleAbove(blocks, t.firstBlock);
  const width = t.width;
  const values: string[][] = title.map((line) => [line, ...new Array<string>(width - 1).fill('')]);
  const merges: MergeRange[] =
    width > 1 ? title.map((_l, row) => ({ row, column: 0, numRows: 1, numColumns: width })) : [];
  const offset = values.length;
  for (const r of t.values) values.push(r);
  for (const m of t.merges) merges.push({ ...m, row: m.row + offset });
  return { source: 'table', sheet: { name: IMPORT_SHEET_NAME, values, merges }, problems: [], title, notes };
}

function proseImport(p: ReturnType<typeof readProse>, notes: string[]): DocxImport {
  const width = STANDARD_COLUMNS.length;
  const col = (k: ColumnKey) => STANDARD_COLUMNS.indexOf(k);
  const values: string[][] = p.title.map((line) => [line, ...new Array<string>(width - 1).fill('')]);
  const merges: MergeRange[] = p.title.map((_l, row) => ({ row, column: 0, numRows: 1, numColumns: width }));
  values.push([...STANDARD_HEADER]);
  let sectionNo = 0;
  for (const r of p.rows) {
    const row = new Array<string>(width).fill('');
    if (r.kind === 'section') {
      row[col('stt')] = formatNumber(++sectionNo, 'upperRoman');
      row[col('task')] = r.text;
      values.push(row);
      continue;
    }
    r.lines.forEach((l, i) => {
      const line = i === 0 ? row : new Array<string>(width).fill('');
      if (i === 0) {
        line[col('stt')] = r.stt;
        line[col('task')] = r.text;
        line[col('pillar')] = r.pillar;
      }
      line[col('lead')] = l.lead;
      line[col('partners')] = l.partners;
      line[col('output')] = l.output;
      line[col('deadline')] = l.deadline;
      line[col('note')] = l.note;
      values.push(line);
    });
  }
  return {
    source: 'prose',
    sheet: { name: IMPORT_SHEET_NAME, values, merges },
    problems: p.problems,
    title: p.title,
    notes,
  };
}
