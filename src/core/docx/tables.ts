/**
 * Finds the task table of a Word plan: every body table whose header the sheet reader recognises
 * (columns.ts, the same recognition as for sheets), tables that continue each other across pages
 * joined, and the best of them laid out as the sheet an officer would paste.
 */
import { findHeader, type ColumnMap, type HeaderMatch } from '../columns';
import { Grid, type MergeRange } from '../grid';
import { fold } from '../text';
import { COLUMNS } from '../vocabulary';
import type { DocxBlock, DocxParagraph, DocxTable } from './document';
import { tableGrid, type TableGrid } from './table-grid';

/** Rows findHeader looks at (it scans the first 40). */
const HEADER_ROWS = 41;

export interface TaskTable {
  /** Index in the document's blocks of the first table of the group. */
  firstBlock: number;
  header: HeaderMatch;
  values: string[][];
  merges: MergeRange[];
  width: number;
  /** How many Word tables were joined. */
  tables: number;
}

interface Detected {
  block: number;
  table: DocxTable;
  grid: TableGrid;
  header: HeaderMatch | null;
}

function detect(block: number, table: DocxTable): Detected {
  const grid = tableGrid(table);
  const top = grid.values.slice(0, HEADER_ROWS);
  const merges = grid.merges.filter((m) => m.row < HEADER_ROWS);
  return { block, table, grid, header: findHeader(new Grid(top, merges)) };
}

/** A paragraph that may sit between two parts of one table: empty, a page break, "(tiếp theo)". */
export function isBlankParagraph(p: DocxParagraph): boolean {
  const t = fold(p.display);
  return t === '' || /^\(?\s*tiep theo\b.{0,80}$/.test(t);
}

function sameColumns(a: ColumnMap, b: ColumnMap): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ColumnMap>;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/** A row of column numbers ("1 2 3 …" or "(1) (2) …") as plans put below the header. */
function isColumnNumberRow(row: readonly string[]): boolean {
  const nums: number[] = [];
  for (const v of row) {
    const t = v.trim();
    if (t === '') continue;
    const m = /^\(?(\d{1,2})\)?$/.exec(t);
    if (!m) return false;
    nums.push(Number(m[1]));
  }
  return nums.length >= 3 && nums.every((n, i) => i === 0 || n > (nums[i - 1] as number));
}

class Group {
  values: string[][];
  merges: MergeRange[];
  width: number;
  tables = 1;

  constructor(
    readonly first: Detected,
    readonly header: HeaderMatch,
  ) {
    this.values = first.grid.values.map((r) => [...r]);
    this.merges = [...first.grid.merges];
    this.width = first.grid.width;
  }

  /** Appends a table's rows from `from` on (its own header rows left out). */
  append(d: Detected, from: number): void {
    let start = from;
    if (start > 0 && start < d.grid.values.length && isColumnNumberRow(d.grid.values[start] as string[]))
      start++;
    const offset = this.values.length - start;
    const width = Math.max(this.width, d.grid.width);
    if (width > this.width) {
      for (const r of this.values) while (r.length < width) r.push('');
      this.width = width;
    }
    for (let r = start; r < d.grid.values.length; r++) {
      const row = [...(d.grid.values[r] as string[])];
      while (row.length < width) row.push('');
      this.values.push(row);
    }
    for (const m of d.grid.merges) {
      if (m.row + m.numRows <= start) continue;
      const row = Math.max(m.row, start);
      this.merges.push({ ...m, row: row + offset, numRows: m.row + m.numRows - row });
    }
    this.tables++;
  }

  score(): number[] {
    const cols = this.header.columns;
    const count = (need: string) =>
      COLUMNS.filter((c) => c.need === need && cols[c.key] !== undefined).length;
    return [count('required'), count('recommended'), this.values.length];
  }
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++)
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) > (b[i] as number);
  return false;
}

export interface TableSearch {
  best: TaskTable | null;
  /** Task tables found besides the best one (their first block index and row count). */
  others: { firstBlock: number; rows: number }[];
}

/**
 * The task tables of a document. Tables are joined when only blank paragraphs lie between them
 * and the later one either repeats the same header (same columns) or has no header and the same
 * grid width.
 */
export function findTaskTables(blocks: readonly DocxBlock[]): TableSearch {
  const groups: Group[] = [];
  let current: Group | null = null;
  let textBetween = false;
  blocks.forEach((b, i) => {
    if (b.kind === 'paragraph') {
      if (!isBlankParagraph(b)) textBetween = true;
      return;
    }
    const d = detect(i, b);
    if (d.header) {
      if (current && !textBetween && sameColumns(current.header.columns, d.header.columns)) {
        current.append(d, d.header.lastRow + 1);
      } else {
        current = new Group(d, d.header);
        groups.push(current);
      }
    } else if (current && !textBetween && d.grid.width === current.width && d.grid.values.length > 0) {
      current.append(d, 0);
    } else {
      current = null;
    }
    textBetween = false;
  });
  let best: Group | null = null;
  for (const g of groups) if (!best || better(g.score(), best.score())) best = g;
  if (!best) return { best: null, others: [] };
  const chosen = best;
  return {
    best: {
      firstBlock: chosen.first.block,
      header: chosen.header,
      values: chosen.values,
      merges: chosen.merges,
      width: chosen.width,
      tables: chosen.tables,
    },
    others: groups
      .filter((g) => g !== chosen)
      .map((g) => ({ firstBlock: g.first.block, rows: g.values.length })),
  };
}

/** True when the table maps all four required columns (task, number, lead, deadline). */
export function isComplete(t: TaskTable): boolean {
  return COLUMNS.every((c) => c.need !== 'required' || t.header.columns[c.key] !== undefined);
}
