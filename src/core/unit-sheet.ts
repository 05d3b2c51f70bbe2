/**
 * The sheet "Theo đơn vị": status by lead unit (the check's `units`, most overdue first) as a
 * table of values with layout hints, the same for the add-on and the checked workbook. When an
 * earlier check of the sheet is known, a column says how each unit's overdue count moved since.
 */
import type { CheckResult } from './check';
import { viDay, type IsoDay } from './dates';
import type { HistoryDiff } from './history';
import {
  CHANGE_LABELS,
  COUNT_LABELS,
  FOLLOW_WORDS,
  OLDEST_OVERDUE_LABEL,
  WORDS,
  dueSoonMeaning,
} from './labels';
import type { StatusCell } from './status-report';
import type { LeadUnitRow } from './units';

export const UNIT_SHEET_NAME = FOLLOW_WORDS.unitSheet;
/** Last row of the sheet in a workbook (hidden): marks it as the product's. */
export const UNIT_SHEET_TAG = '#ke-hoach-cds:don-vi';

/** The counts of the table by unit, in column order: the sheet, the terminal and the page show these. */
export const UNIT_COUNT_KEYS = ['total', 'done', 'onTrack', 'overdue', 'dueSoon', 'noDeadline'] as const;

/** The table's header: the unit, its counts, its oldest overdue task; long words on sheets and the page. */
export function unitTableHeader(form: 'long' | 'short'): string[] {
  return [
    form === 'long' ? FOLLOW_WORDS.unitLead : FOLLOW_WORDS.unit,
    ...UNIT_COUNT_KEYS.map((k) => COUNT_LABELS[k][form]),
    OLDEST_OVERDUE_LABEL[form],
  ];
}

/** A unit's row under that header: numbers, and '' where no task is overdue. */
export function unitTableCells(u: LeadUnitRow): (number | '')[] {
  return [...UNIT_COUNT_KEYS.map((k) => u[k]), u.oldestOverdueDays ?? ''];
}

export interface UnitSheetRows {
  rows: StatusCell[][];
  width: number;
  /** 0-based rows. */
  titleRow: number;
  firstMetaRow: number;
  lastMetaRow: number;
  headerRow: number;
  firstUnitRow: number;
  lastUnitRow: number;
  noteRow: number;
  markerRow: number;
  asOfCell: { row: number; column: number };
  /** 0-based columns: overdue (highlighted), and the signed change (when there is one). */
  overdueColumn: number;
  changeColumn: number | null;
  widths: number[];
}

export interface UnitSheetMeta {
  commune: string;
  asOf: IsoDay;
  asOfTime?: string | null;
}

export function unitSheetLayout(
  result: CheckResult,
  meta: UnitSheetMeta,
  diff?: HistoryDiff | null,
): UnitSheetRows {
  const l = COUNT_LABELS;
  const header = unitTableHeader('long');
  if (diff) header.push(`${CHANGE_LABELS.overdue.long} so với ${viDay(diff.since)}`);
  const width = header.length;
  const pad = (cells: StatusCell[]): StatusCell[] => [
    ...cells,
    ...new Array<string>(Math.max(0, width - cells.length)).fill(''),
  ];
  const rows: StatusCell[][] = [pad([FOLLOW_WORDS.unitTableTitle])];
  const firstMetaRow = rows.length;
  rows.push(pad([`${WORDS.commune}:`, meta.commune || WORDS.unnamedCommune]));
  const asOfRow = rows.length;
  rows.push(pad([`${WORDS.asOf}:`, { date: meta.asOf, time: meta.asOfTime ?? null }]));
  rows.push(pad([`${l.dueSoon.long}:`, dueSoonMeaning(result.dueSoonDays)]));
  const lastMetaRow = rows.length - 1;
  rows.push(pad([]));
  const headerRow = rows.length;
  rows.push(header);
  const moved = new Map((diff?.units ?? []).map((c) => [c.name, c.overdue]));
  const firstUnitRow = rows.length;
  for (const u of result.units) {
    const row: StatusCell[] = [u.unit, ...unitTableCells(u)];
    if (diff) row.push(moved.get(u.unit) ?? u.overdue);
    rows.push(row);
  }
  const lastUnitRow = rows.length - 1;
  rows.push(pad([]));
  const noteRow = rows.length;
  rows.push(pad([FOLLOW_WORDS.unitTableNote]));
  const markerRow = rows.length;
  rows.push(pad([UNIT_SHEET_TAG]));
  return {
    rows,
    width,
    titleRow: 0,
    firstMetaRow,
    lastMetaRow,
    headerRow,
    firstUnitRow,
    lastUnitRow,
    noteRow,
    markerRow,
    asOfCell: { row: asOfRow, column: 1 },
    overdueColumn: 4,
    changeColumn: diff ? 8 : null,
    widths: [40, 10, 11, 11, 10, 10, 11, 12, ...(diff ? [16] : [])],
  };
}
