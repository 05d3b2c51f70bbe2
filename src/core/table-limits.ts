/**
 * What the file readers (.xlsx, .csv) share: the limits no real plan reaches, the refusals that
 * name them, and a builder that sizes a sheet from the cells that hold something (never from a
 * declared dimension), drops what lies past the column limit and trims trailing empty rows and
 * columns. Pure.
 */
import type { CellValue, MergeRange } from './grid';
import { UserError } from './errors';

export interface TableLimits {
  /** Most rows with data a sheet may have (a row past it is refused, not dropped). */
  maxRows: number;
  /** Columns past this one are dropped (no plan has more than a few dozen). */
  maxColumns: number;
  /** Most cells in the rectangle rows × columns that holds the data. */
  maxCells: number;
  /** A longer cell text is cut here and marked (Google Sheets' own limit per cell). */
  maxCellChars: number;
  /** Most merged cells, all merges together, once clipped to the data. */
  maxMergedCells: number;
  /** Most merged ranges a sheet may declare. */
  maxMerges: number;
}

/** Far above any real plan (a 100,000-task plan has 700,000 cells), far below what exhausts memory. */
export const DEFAULT_TABLE_LIMITS: TableLimits = {
  maxRows: 250_000,
  maxColumns: 200,
  maxCells: 5_000_000,
  maxCellChars: 50_000,
  maxMergedCells: 2_000_000,
  maxMerges: 500_000,
};

/** Appended to a cell text cut at `maxCellChars`. */
export const TRUNCATION_MARK = ' … [đã cắt bớt: ô quá dài]';

/** 250000 → "250.000", the Vietnamese way. */
export function groupDigits(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Cuts a text longer than the limit and marks the cut. */
export function capText(text: string, maxChars: number): string {
  return text.length > maxChars ? text.slice(0, maxChars) + TRUNCATION_MARK : text;
}

/** How a sheet is named in messages: “Trang “X” của tệp “Y”” or just the sheet. */
export interface Where {
  file?: string;
  sheet: string;
}

function place(where: Where): string {
  return where.file ? `Trang “${where.sheet}” của tệp “${where.file}”` : `Trang “${where.sheet}”`;
}

export function tooManyRows(where: Where, row: number, limits: TableLimits): UserError {
  return new UserError(
    `${place(where)} có dữ liệu đến dòng ${groupDigits(row)}, vượt giới hạn ${groupDigits(limits.maxRows)} dòng mà công cụ đọc được. ` +
      'Hãy xóa các dòng thừa ở cuối trang (hoặc tách bảng thành nhiều tệp) rồi thử lại.',
    'too-many-rows',
  );
}

export function tooManyCells(where: Where, rows: number, columns: number, limits: TableLimits): UserError {
  return new UserError(
    `${place(where)} có vùng dữ liệu ${groupDigits(rows)} dòng × ${groupDigits(columns)} cột, vượt giới hạn ${groupDigits(limits.maxCells)} ô mà công cụ đọc được. ` +
      'Hãy xóa các dòng, cột thừa (kể cả ô chỉ có dấu cách ở xa bảng) rồi thử lại.',
    'too-many-cells',
  );
}

export function tooManyMerged(where: Where, limits: TableLimits): UserError {
  return new UserError(
    `${place(where)} có các vùng gộp ô phủ hơn ${groupDigits(limits.maxMergedCells)} ô, vượt xa mọi bảng kế hoạch thực tế. ` +
      'Hãy bỏ gộp các vùng lớn (chọn cả trang → Bỏ gộp ô) rồi thử lại.',
    'too-many-merged',
  );
}

const isEmpty = (v: CellValue) => v === '' || v === null || v === undefined;

/**
 * Collects cells as a reader finds them (rows in any order, each cell once) and builds the
 * rectangular values the engine reads. Empty values are not stored; a value past the last
 * allowed column is dropped; a value past the last allowed row, or a data rectangle over the
 * cell limit, is refused as soon as it is seen.
 */
export class GridBuilder {
  private readonly rows: CellValue[][] = [];
  private height = 0;
  private width = 0;
  /** Values dropped for lying past the column limit. */
  droppedCells = 0;

  constructor(
    private readonly where: Where,
    private readonly limits: TableLimits,
  ) {}

  /** Sets the 0-based cell (row, column). */
  set(row: number, column: number, value: CellValue): void {
    if (isEmpty(value)) return;
    if (column >= this.limits.maxColumns) {
      this.droppedCells++;
      return;
    }
    if (row >= this.limits.maxRows) throw tooManyRows(this.where, row + 1, this.limits);
    if (row >= this.height || column >= this.width) {
      const h = Math.max(this.height, row + 1);
      const w = Math.max(this.width, column + 1);
      if (h * w > this.limits.maxCells) throw tooManyCells(this.where, h, w, this.limits);
      this.height = h;
      this.width = w;
    }
    let r = this.rows[row];
    if (!r) {
      r = [];
      this.rows[row] = r;
    }
    r[column] = value;
  }

  /** The values, `rows × columns` with "" for empty cells, and the merges clipped to them. */
  build(merges: readonly MergeRange[] = []): { values: CellValue[][]; merges: MergeRange[] } {
    const { height, width } = this;
    const values: CellValue[][] = new Array<CellValue[]>(height);
    for (let r = 0; r < height; r++) {
      const src = this.rows[r];
      const out = new Array<CellValue>(width);
      for (let c = 0; c < width; c++) {
        const v = src?.[c];
        out[c] = v === undefined ? '' : v;
      }
      values[r] = out;
    }
    const clipped: MergeRange[] = [];
    let area = 0;
    for (const m of merges) {
      if (m.row >= height || m.column >= width || m.row < 0 || m.column < 0) continue;
      const numRows = Math.min(m.numRows, height - m.row);
      const numColumns = Math.min(m.numColumns, width - m.column);
      if (numRows < 1 || numColumns < 1 || numRows * numColumns < 2) continue;
      area += numRows * numColumns;
      if (area > this.limits.maxMergedCells) throw tooManyMerged(this.where, this.limits);
      clipped.push({ row: m.row, column: m.column, numRows, numColumns });
    }
    // Sheets' getValues(): the hidden cells of a merge are empty.
    for (const m of clipped) {
      for (let r = m.row; r < m.row + m.numRows; r++) {
        const row = values[r] as CellValue[];
        for (let c = m.column; c < m.column + m.numColumns; c++)
          if (r !== m.row || c !== m.column) row[c] = '';
      }
    }
    // Trailing rows and columns left empty by the merges.
    let h = height;
    while (h > 0 && (values[h - 1] as CellValue[]).every(isEmpty)) h--;
    values.length = h;
    let w = 0;
    for (const row of values) for (let c = row.length - 1; c >= w; c--) if (!isEmpty(row[c])) w = c + 1;
    if (w < width) for (const row of values) row.length = w;
    return {
      values,
      merges: clipped
        .filter((m) => m.row < h && m.column < w)
        .map((m) => ({
          ...m,
          numRows: Math.min(m.numRows, h - m.row),
          numColumns: Math.min(m.numColumns, w - m.column),
        })),
    };
  }
}
