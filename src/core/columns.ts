/** Header detection and mapping of header cells to standard column keys (domain §1). */
import { Grid } from './grid';
import { fold, foldKey } from './text';
import { COLUMNS, type ColumnKey, type ColumnSpec } from './vocabulary';

export type ColumnMap = Partial<Record<ColumnKey, number>>;

export interface HeaderMatch {
  /** 0-based first and last rows of the header. */
  firstRow: number;
  lastRow: number;
  columns: ColumnMap;
  /** Folded header text per column. */
  texts: string[];
  /** Header text per column as written (the lower cell of a two-row header where it names a column). */
  raw: string[];
}

interface Phrase {
  key: ColumnKey;
  folded: string;
}

const PHRASES: Phrase[] = COLUMNS.flatMap((spec: ColumnSpec) =>
  spec.accepted.map((a) => ({ key: spec.key, folded: foldKey(a) })),
);
const EXACT = new Map<string, ColumnKey>(PHRASES.map((p) => [p.folded, p.key]));
// Longest first, so "thoi gian hoan thanh" wins over "thoi gian".
const BY_LENGTH = [...PHRASES].sort((a, b) => b.folded.length - a.folded.length);

const HEADER_SCAN_ROWS = 40;

/** Normalises a header cell: folded, parentheses dropped, "Cơ quan/ Đơn vị" spacing unified. */
export function headerKeyText(text: string): string {
  return foldKey(text.replace(/\([^)]*\)/g, ' '));
}

/** Maps one header cell to a key: exact phrase, else a phrase it starts with. */
export function matchHeader(text: string): { key: ColumnKey; exact: boolean } | null {
  const t = headerKeyText(text);
  if (t === '') return null;
  const exact = EXACT.get(t) ?? EXACT.get(foldKey(text));
  if (exact) return { key: exact, exact: true };
  for (const p of BY_LENGTH) {
    if (t.startsWith(p.folded) && /^[\s,;/-]/.test(t.slice(p.folded.length)))
      return { key: p.key, exact: false };
  }
  return null;
}

/**
 * Assigns keys to columns from header texts: exact matches first (leftmost wins), then prefix
 * matches for the keys still free. Returns key → 0-based column.
 */
export function assignColumns(texts: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  const used = new Set<number>();
  const matches = texts.map((t) => matchHeader(t));
  for (const pass of [true, false]) {
    matches.forEach((m, col) => {
      if (!m || m.exact !== pass || used.has(col) || map[m.key] !== undefined) return;
      map[m.key] = col;
      used.add(col);
    });
  }
  return map;
}

function score(map: ColumnMap): number {
  let s = 0;
  for (const spec of COLUMNS) {
    if (map[spec.key] === undefined) continue;
    s += spec.need === 'required' ? 10 : spec.need === 'recommended' ? 3 : 1;
  }
  return s;
}

function requiredCount(map: ColumnMap): number {
  return COLUMNS.filter((c) => c.need === 'required' && map[c.key] !== undefined).length;
}

/**
 * Finds the header: the row, or pair of rows (a group cell above its sub-headers), within the
 * first rows of the sheet whose cells name the most standard columns. Needs the task column and
 * one more required column. null when no row qualifies.
 */
export function findHeader(grid: Grid): HeaderMatch | null {
  const limit = Math.min(grid.rows, HEADER_SCAN_ROWS);
  const rowTexts: string[][] = [];
  for (let r = 0; r < Math.min(grid.rows, limit + 1); r++) {
    const texts: string[] = [];
    for (let c = 0; c < grid.columns; c++) texts.push(grid.text(r, c));
    rowTexts.push(texts);
  }
  const singles = rowTexts.map((texts) => assignColumns(texts));
  let best: HeaderMatch | null = null;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const upper = rowTexts[r] as string[];
    const single = singles[r] as ColumnMap;
    const candidates: { first: number; last: number; map: ColumnMap; texts: string[] }[] = [
      { first: r, last: r, map: single, texts: upper },
    ];
    const lowerRow = rowTexts[r + 1];
    if (lowerRow) {
      // Per column the lower cell if it names a column, else the upper one. A pair only counts
      // when it names more columns than either of its rows alone (a group cell above sub-headers).
      const combined = upper.map((u, c) => {
        const l = lowerRow[c] ?? '';
        return l !== '' && l !== u && matchHeader(l) ? l : u;
      });
      const pair = assignColumns(combined);
      if (score(pair) > Math.max(score(single), score(singles[r + 1] as ColumnMap))) {
        candidates.push({ first: r, last: r + 1, map: pair, texts: combined });
      }
    }
    for (const cand of candidates) {
      const s = score(cand.map);
      if (cand.map.task === undefined || requiredCount(cand.map) < 2) continue;
      if (s > bestScore) {
        bestScore = s;
        best = {
          firstRow: cand.first,
          lastRow: cand.last,
          columns: cand.map,
          texts: cand.texts.map(fold),
          raw: cand.texts,
        };
      }
    }
  }
  return best;
}
