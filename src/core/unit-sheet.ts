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

export const UNIT_SHEET_NAME = FOLLOW_WORDS.unitSheet;
/** Last row of the sheet in a workbook (hidden): marks it as the product's. */
export const UNIT_SHEET_TAG = '#ke-hoach-cds:don-vi';

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
  const header = [
    FOLLOW_WORDS.unitLead,
    l.total.long,
    l.done.long,
    l.onTrack.long,
    l.overdue.long,
    l.dueSoon.long,
    l.noDeadline.long,
    OLDEST_OVERDUE_LABEL.long,
  ];
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
    const row: StatusCell[] = [
      u.unit,
      u.total,
      u.done,
      u.onTrack,
      u.overdue,
      u.dueSoon,
      u.noDeadline,
      u.oldestOverdueDays ?? '',
    ];
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
