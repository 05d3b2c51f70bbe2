/**
 * A Word table as the cells a spreadsheet would hold after pasting it: one value per grid cell,
 * the text in the top-left cell of each merge and "" under it, a horizontal span (w:gridSpan) as a
 * one-row merge, a vertical merge chain (w:vMerge restart + continue …) as one merged range.
 */
import type { MergeRange } from '../grid';
import type { DocxTable } from './document';

export interface TableGrid {
  values: string[][];
  merges: MergeRange[];
  /** Rows marked as repeated header rows (w:tblHeader), 0-based. */
  headerRows: number[];
  width: number;
}

interface Origin {
  row: number;
  column: number;
  span: number;
  lastRow: number;
}

/** Lays a table out on its grid. `width` pads every row (at least the table's own width). */
export function tableGrid(table: DocxTable, width = table.columns): TableGrid {
  const w = Math.max(width, table.columns);
  const values: string[][] = [];
  const origins: Origin[] = [];
  /** Per grid column: the vertical merge open in the row above, if any. */
  let open: (Origin | undefined)[] = new Array<Origin | undefined>(w);
  const headerRows: number[] = [];
  table.rows.forEach((row, r) => {
    const out = new Array<string>(w).fill('');
    const next: (Origin | undefined)[] = new Array<Origin | undefined>(w);
    if (row.header) headerRows.push(r);
    for (const cell of row.cells) {
      if (cell.column >= w) continue;
      const above = open[cell.column];
      if (cell.vMerge === 'continue' && above && above.column === cell.column) {
        above.lastRow = r;
        for (let c = cell.column; c < cell.column + above.span && c < w; c++) next[c] = above;
        // Word shows only the first cell of a merge; text typed in a hidden part is kept there.
        if (cell.text !== '') {
          const top = values[above.row] as string[];
          top[above.column] = top[above.column] === '' ? cell.text : `${top[above.column]}\n${cell.text}`;
        }
        continue;
      }
      out[cell.column] = cell.text;
      const origin: Origin = {
        row: r,
        column: cell.column,
        span: Math.min(cell.span, w - cell.column),
        lastRow: r,
      };
      origins.push(origin);
      if (cell.vMerge !== null)
        for (let c = cell.column; c < cell.column + origin.span; c++) next[c] = origin;
    }
    values.push(out);
    open = next;
  });
  const merges: MergeRange[] = [];
  for (const o of origins) {
    const numRows = o.lastRow - o.row + 1;
    if (numRows > 1 || o.span > 1) merges.push({ row: o.row, column: o.column, numRows, numColumns: o.span });
  }
  return { values, merges, headerRows, width: w };
}
