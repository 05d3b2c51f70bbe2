/**
 * Writes the status sheet "Trạng thái theo trụ cột" (domain §6) from the shared layout model.
 * The sheet is built complete under a temporary name and only then swapped for the previous
 * one, so a failure leaves the old sheet as it was and no half-written sheet behind. The
 * add-on's sheet is recognised by developer metadata, never by its name.
 */
import { STATUS_LAYOUT_VERSION, STATUS_SHEET_NAME, type StatusSheetModel } from '../core/status-sheet';
import { asText } from './read';

export const STATUS_METADATA_KEY = 'keHoachCds.statusSheet';
export const TEMP_NAME = 'Kế hoạch CĐS (đang cập nhật)';

export function findStatusSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  const found = ss.createDeveloperMetadataFinder().withKey(STATUS_METADATA_KEY).find();
  for (const m of found) {
    const sheet = m.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return null;
}

export function writeStatusSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  model: StatusSheetModel,
): GoogleAppsScript.Spreadsheet.Sheet {
  return replaceOwnSheet(ss, {
    metadataKey: STATUS_METADATA_KEY,
    metadataValue: STATUS_LAYOUT_VERSION,
    name: STATUS_SHEET_NAME,
    fill: (sheet) => fill(sheet, model),
  });
}

export function findOwnSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  for (const m of ss.createDeveloperMetadataFinder().withKey(key).find()) {
    const sheet = m.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return null;
}

/**
 * Replaces the add-on's own sheet (found by its metadata key, never by name) with a new one
 * filled by `fill`. The new sheet is built complete under a temporary name and only then takes
 * the old one's name and place; on any failure the old sheet stays as it was. A user's sheet
 * that happens to have the name is left alone and the new sheet takes another name.
 */
export function replaceOwnSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  spec: {
    metadataKey: string;
    metadataValue: string;
    name: string;
    fill: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void;
  },
): GoogleAppsScript.Spreadsheet.Sheet {
  const previous = findOwnSheet(ss, spec.metadataKey);
  const leftover = ss.getSheetByName(TEMP_NAME);
  if (leftover && leftover !== previous) ss.deleteSheet(leftover);
  // The new sheet takes the old one's place among the tabs, or comes last.
  const sheet = ss.insertSheet(TEMP_NAME, previous ? previous.getIndex() - 1 : ss.getNumSheets());
  let oldName: string | null = null;
  try {
    spec.fill(sheet);
    sheet.addDeveloperMetadata(spec.metadataKey, spec.metadataValue);
    oldName = previous ? previous.getName() : null;
    let name = oldName ?? spec.name;
    if (!previous && ss.getSheetByName(name)) name = `${spec.name} (Kế hoạch CĐS)`;
    if (previous) previous.setName(`${TEMP_NAME} (cũ)`);
    sheet.setName(name);
    if (previous) ss.deleteSheet(previous);
  } catch (e) {
    // Put things back as they were: the previous sheet under its name, no new sheet.
    attempt(() => ss.deleteSheet(sheet));
    const restore = oldName;
    if (previous && restore) attempt(() => previous.setName(restore));
    throw e;
  }
  return sheet;
}

function attempt(fn: () => unknown): void {
  try {
    fn();
  } catch {
    // Best effort while rolling back; the original error is what the user is told.
  }
}

function fill(sheet: GoogleAppsScript.Spreadsheet.Sheet, model: StatusSheetModel): void {
  const rows = model.rows.length;
  const width = model.width;
  sheet.getRange(1, 1, rows, width).setValues(model.rows.map((r) => r.map(asText)));
  sheet
    .getRange(model.titleRow + 1, 1, 1, width)
    .merge()
    .setFontSize(14)
    .setFontWeight('bold')
    .setHorizontalAlignment('center');
  sheet.getRange(2, 1, model.headerRow - 1, 1).setFontWeight('bold');
  sheet.getRange(2, 2, model.headerRow - 1, 1).setHorizontalAlignment('left');
  const table = sheet.getRange(model.headerRow + 1, 1, model.totalRow - model.headerRow + 1, width);
  table.setBorder(true, true, true, true, true, true).setVerticalAlignment('middle');
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
  sheet
    .getRange(model.firstPivotRow + 1, model.rateColumn + 1, model.totalRow - model.firstPivotRow + 1, 1)
    .setNumberFormat('0%');
  const first = model.legendRows[0] as number;
  sheet
    .getRange(first + 1, 1, model.legendRows.length, width)
    .mergeAcross()
    .setWrap(true)
    .setVerticalAlignment('top')
    .setFontStyle('italic');
  model.widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w * 7));
  sheet.setFrozenRows(model.headerRow + 1);

  // Stacked bars by pillar: done, on track, overdue, no deadline (the canonical rows and sections).
  const pivotRows = model.totalRow - model.headerRow;
  const columns = [0, 2, 5, 6, 7].map((i) => sheet.getRange(model.headerRow + 1, i + 1, pivotRows, 1));
  insertStackedBars(sheet, columns, 'Tiến độ nhiệm vụ theo trụ cột', rows + 2, 1);
}

/**
 * A stacked bar chart: the first range holds the labels (with its header), the others done, on
 * track, overdue and no deadline, coloured the same in every sheet the add-on writes.
 */
export function insertStackedBars(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  ranges: GoogleAppsScript.Spreadsheet.Range[],
  title: string,
  row: number,
  column: number,
): void {
  let builder = sheet.newChart().setChartType(Charts.ChartType.BAR);
  for (const r of ranges) builder = builder.addRange(r);
  sheet.insertChart(
    builder
      .setNumHeaders(1)
      .setOption('isStacked', true)
      .setOption('title', title)
      .setOption('colors', ['#34A853', '#4285F4', '#EA4335', '#BDBDBD'])
      .setOption('legend', { position: 'bottom' })
      .setPosition(row, column, 0, 0)
      .build(),
  );
}
