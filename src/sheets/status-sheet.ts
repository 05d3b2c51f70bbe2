/**
 * Writes the status sheet "Trạng thái theo trụ cột" (domain §6) in the open spreadsheet from the
 * core's layout (status-report.ts): values in one write, formats per block, the "as of" cell a
 * date value, the data row for the city hidden, a stacked bar chart. Built complete under a
 * temporary name, then swapped in (own-sheet.ts).
 */
import {
  STATUS_SHEET_NAME,
  STATUS_REPORT_VERSION,
  toRows,
  type ChartModel,
  type StatusChanges,
  type StatusReport,
  type StatusRows,
} from '../core/status-report';
import { columnLetter } from '../core/text';
import { dateFormat, sheetValue } from './cells';
import { findOwnSheet, fitSheet, stageOwnSheet } from './own-sheet';
import type { Transaction } from './transaction';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const STATUS_METADATA_KEY = 'keHoachCds.statusSheet';

export function findStatusSheet(ss: Spreadsheet): Sheet | null {
  return findOwnSheet(ss, STATUS_METADATA_KEY);
}

/** The status sheet built inside a caller's transaction; `commit` must be the caller's last step. */
export function stageStatusSheet(
  ss: Spreadsheet,
  report: StatusReport,
  changes: StatusChanges | null,
  tx: Transaction,
): { sheet: Sheet; commit: () => void } {
  return stageOwnSheet(ss, statusSpec(ss, report, changes), tx);
}

function statusSpec(ss: Spreadsheet, report: StatusReport, changes?: StatusChanges | null) {
  const layout = toRows(report, changes);
  const timeZone = ss.getSpreadsheetTimeZone();
  return {
    metadataKey: STATUS_METADATA_KEY,
    metadataValue: `v${STATUS_REPORT_VERSION}`,
    name: STATUS_SHEET_NAME,
    fill: (sheet: Sheet) => fill(sheet, layout, timeZone),
  };
}

function fill(sheet: Sheet, model: StatusRows, timeZone: string): void {
  const { rows, width } = model;
  fitSheet(sheet, rows.length, width);
  sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => r.map((c) => sheetValue(c, timeZone))));
  const asOf = rows[model.asOfCell.row]?.[model.asOfCell.column];
  if (asOf && typeof asOf === 'object')
    sheet.getRange(model.asOfCell.row + 1, model.asOfCell.column + 1).setNumberFormat(dateFormat(asOf));
  sheet
    .getRange(model.titleRow + 1, 1, 1, width)
    .merge()
    .setFontSize(14)
    .setFontWeight('bold')
    .setHorizontalAlignment('center');
  const metaRows = model.lastMetaRow - model.firstMetaRow + 1;
  sheet.getRange(model.firstMetaRow + 1, 1, metaRows, 1).setFontWeight('bold');
  sheet.getRange(model.firstMetaRow + 1, 2, metaRows, 1).setHorizontalAlignment('left');
  const tableRows = model.totalRow - model.headerRow + 1;
  sheet
    .getRange(model.headerRow + 1, 1, tableRows, width)
    .setBorder(true, true, true, true, true, true)
    .setVerticalAlignment('middle');
  sheet
    .getRange(model.headerRow + 1, 1, 1, width)
    .setFontWeight('bold')
    .setBackground('#D9E2F3')
    .setWrap(true)
    .setHorizontalAlignment('center');
  sheet.getRange(model.firstPivotRow + 1, 1, model.totalRow - model.firstPivotRow + 1, 1).setWrap(true);
  sheet
    .getRange(model.totalRow + 1, 1, 1, width)
    .setFontWeight('bold')
    .setBackground('#F2F2F2');
  for (const c of model.rateColumns)
    sheet
      .getRange(model.firstPivotRow + 1, c + 1, model.totalRow - model.firstPivotRow + 1, 1)
      .setNumberFormat('0%');
  sheet
    .getRange(model.legendRow + 1, 1, 1, width)
    .merge()
    .setWrap(true)
    .setVerticalAlignment('top')
    .setFontStyle('italic');
  sheet.setRowHeight(model.legendRow + 1, 64);
  model.widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w * 7));
  sheet.hideRows(model.dataRow + 1);
  sheet.setFrozenRows(model.headerRow + 1);
  insertStackedBars(sheet, model.chart, rows.length + 2, 1);
  const ch = model.changes;
  if (ch) {
    // The changes since the last check: the two titles, the two headers, signed changes, borders.
    sheet.getRangeList([`A${ch.titleRow + 1}`, `A${ch.monthTitleRow + 1}`]).setFontWeight('bold');
    sheet
      .getRangeList([
        `A${ch.headerRow + 1}:G${ch.headerRow + 1}`,
        `A${ch.monthHeaderRow + 1}:B${ch.monthHeaderRow + 1}`,
      ])
      .setFontWeight('bold')
      .setBackground('#D9E2F3')
      .setWrap(true)
      .setHorizontalAlignment('center');
    sheet
      .getRangeList([
        `A${ch.headerRow + 1}:G${ch.totalRow + 1}`,
        `A${ch.monthHeaderRow + 1}:B${ch.lastMonthRow + 1}`,
      ])
      .setBorder(true, true, true, true, true, true);
    sheet
      .getRangeList(ch.signedColumns.map((c) => rangeA1(ch.firstRow, c, ch.totalRow, c)))
      .setNumberFormat('+0;-0;0');
    insertColumns(sheet, ch.chart, rows.length + 2, 9);
  }
}

function rangeA1(r0: number, c0: number, r1: number, c1: number): string {
  return `${columnLetter(c0)}${r0 + 1}:${columnLetter(c1)}${r1 + 1}`;
}

/** A column chart of one series (overdue tasks by month). */
export function insertColumns(sheet: Sheet, chart: ChartModel, row: number, column: number): void {
  insertChartOf(sheet, chart, row, column, 'column');
}

/** The chart of a layout, drawn with SpreadsheetApp (the same classes and colours everywhere). */
export function insertStackedBars(sheet: Sheet, chart: ChartModel, row: number, column: number): void {
  insertChartOf(sheet, chart, row, column, 'stacked-bars');
}

function insertChartOf(
  sheet: Sheet,
  chart: ChartModel,
  row: number,
  column: number,
  kind: 'column' | 'stacked-bars',
): void {
  const span = chart.lastRow - chart.headerRow + 1;
  let builder = sheet
    .newChart()
    .setChartType(kind === 'column' ? Charts.ChartType.COLUMN : Charts.ChartType.BAR)
    .addRange(sheet.getRange(chart.headerRow + 1, chart.labelColumn + 1, span, 1));
  for (const s of chart.series)
    builder = builder.addRange(sheet.getRange(chart.headerRow + 1, s.column + 1, span, 1));
  builder = builder.setNumHeaders(1);
  if (kind === 'stacked-bars') builder = builder.setOption('isStacked', true);
  sheet.insertChart(
    builder
      .setOption('title', chart.title)
      .setOption(
        'colors',
        chart.series.map((s) => s.color),
      )
      .setOption('legend', { position: kind === 'column' ? 'none' : 'bottom' })
      .setPosition(row, column, 0, 0)
      .build(),
  );
}
