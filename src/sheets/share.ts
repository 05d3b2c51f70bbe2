/**
 * "Gửi bảng trạng thái cho thành phố": the status report goes to one standalone spreadsheet that
 * the add-on creates and keeps (so the city's link never changes), written and shared through the
 * advanced Sheets and Drive services under `drive.file` — which reaches only files the add-on
 * created, never the user's other files. Each send replaces the copy's content in one atomic
 * batch update, invites only the addresses not yet sharing it, and is logged.
 *
 * What a failure leaves: the file's id is remembered as soon as it exists, so a send that fails
 * after creating it fills it next time; a share that fails is reported by address and retried on
 * the next send; the message says exactly which of these happened.
 */
import { UserError } from '../core/errors';
import { serialOf } from '../core/dates';
import {
  STATUS_SHEET_NAME,
  toRows,
  type StatusChanges,
  type StatusReport,
  type StatusRows,
} from '../core/status-report';
import { fitSheet, freeName, findOwnSheet } from './own-sheet';
import { sheetValue } from './cells';
import { transact } from './transaction';
import { APP_TITLE, page } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;

export const COPY_ID_KEY = 'keHoachCds.cityCopyId';
export const SEND_LOG_SHEET = 'Nhật ký gửi';
export const SEND_LOG_METADATA_KEY = 'keHoachCds.sendLog';
export const SEND_LOG_HEADER = ['Thời gian', 'Người nhận', 'Đường dẫn', 'Số nhiệm vụ', 'Kết quả'];
export const DEFAULT_SHARE_MESSAGE =
  'Bảng trạng thái thực hiện nhiệm vụ chuyển đổi số của xã. Đường dẫn này giữ nguyên ở các lần cập nhật sau.';

export interface SendOptions {
  /** The changes since the last check, shown below the table as at home. */
  changes?: StatusChanges | null;
  emails: string[];
  notify: boolean;
  message: string;
  timeZone: string;
  locale: string;
}

export interface SendResult {
  url: string;
  created: boolean;
  recipients: string[];
  /** Addresses invited by this send. */
  added: string[];
  /** Addresses that could not be invited, with Google's reason. */
  failed: { email: string; reason: string }[];
}

function advanced(): { sheets: GoogleAppsScript.Sheets; drive: GoogleAppsScript.Drive } {
  if (typeof Sheets === 'undefined' || !Sheets || typeof Drive === 'undefined' || !Drive)
    throw new UserError(
      'Tiện ích chưa bật dịch vụ Google Sheets API và Drive API (lỗi cài đặt tiện ích). Hãy báo cho người quản trị.',
    );
  return { sheets: Sheets, drive: Drive };
}

/** An error's message, whatever realm threw it. */
const message = (e: unknown): string => {
  const m = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined;
  return typeof m === 'string' ? m : String(e);
};

/** The remembered copy if it still exists and is not in the trash, else null. */
function rememberedCopy(drive: GoogleAppsScript.Drive, id: string | null): string | null {
  if (!id) return null;
  try {
    const file = drive.Files.get(id, { fields: 'id,trashed' }) as { trashed?: boolean };
    return file.trashed ? null : id;
  } catch {
    return null;
  }
}

/** Sends the report: the copy made or refreshed, shared, the send logged. */
export function sendStatus(ss: Spreadsheet, report: StatusReport, opts: SendOptions): SendResult {
  const { sheets, drive } = advanced();
  const props = PropertiesService.getDocumentProperties();
  let id = rememberedCopy(drive, props.getProperty(COPY_ID_KEY));
  let created = false;
  if (!id) {
    try {
      const made = sheets.Spreadsheets.create({
        properties: {
          title: `${report.commune || 'Xã'} – Trạng thái CĐS ${report.planYear}`,
          locale: opts.locale,
          timeZone: opts.timeZone,
        },
      });
      id = made.spreadsheetId as string;
    } catch (e) {
      throw new UserError(
        `Đã cập nhật trang “${STATUS_SHEET_NAME}” trong bảng tính này, nhưng chưa tạo được bảng tính gửi thành phố (${message(e)}). Chưa gửi gì; hãy thử lại sau.`,
      );
    }
    props.setProperty(COPY_ID_KEY, id);
    created = true;
  }
  const url = `https://docs.google.com/spreadsheets/d/${id}/edit`;
  try {
    const current = sheets.Spreadsheets.get(id, { fields: 'sheets.properties(sheetId,title)' });
    const old = (current.sheets ?? []).map((s) => s.properties?.sheetId as number);
    let fresh = 1 + Math.floor(Math.random() * 1_000_000_000);
    while (old.includes(fresh)) fresh++;
    const requests = [
      ...copyRequests(toRows(report, opts.changes), fresh, `${STATUS_SHEET_NAME} (mới)`, opts.timeZone),
      ...old.map((sheetId) => ({ deleteSheet: { sheetId } })),
      {
        updateSheetProperties: { properties: { sheetId: fresh, title: STATUS_SHEET_NAME }, fields: 'title' },
      },
    ];
    sheets.Spreadsheets.batchUpdate({ requests }, id);
  } catch (e) {
    throw new UserError(
      created
        ? `Đã tạo bảng tính gửi thành phố nhưng chưa ghi được số liệu vào đó (${message(e)}). Hãy gửi lại: lần sau sẽ ghi vào chính bảng tính này, đường dẫn không đổi.`
        : `Chưa cập nhật được bảng tính gửi thành phố (${message(e)}); thành phố vẫn thấy số liệu lần gửi trước. Hãy thử lại sau.`,
    );
  }

  const added: string[] = [];
  const failed: { email: string; reason: string }[] = [];
  let shared: Set<string>;
  try {
    const list = drive.Permissions.list(id, { fields: 'permissions(emailAddress,role)' });
    shared = new Set((list.permissions ?? []).map((p) => String(p.emailAddress ?? '').toLowerCase()));
  } catch (e) {
    shared = new Set();
    failed.push(...opts.emails.map((email) => ({ email, reason: message(e) })));
  }
  if (failed.length === 0) {
    for (const email of opts.emails) {
      if (shared.has(email.toLowerCase())) continue;
      try {
        drive.Permissions.create({ role: 'reader', type: 'user', emailAddress: email }, id, {
          sendNotificationEmail: opts.notify,
          ...(opts.notify && opts.message ? { emailMessage: opts.message } : {}),
        });
        added.push(email);
        shared.add(email.toLowerCase());
      } catch (e) {
        failed.push({ email, reason: message(e) });
      }
    }
  }
  const result: SendResult = { url, created, recipients: opts.emails, added, failed };
  logSend(ss, result, report.tasks, opts.timeZone);
  return result;
}

/** One row in the add-on's own log sheet (created, header and all, on the first send). */
function logSend(ss: Spreadsheet, r: SendResult, tasks: number, timeZone: string): void {
  const outcome =
    r.failed.length === 0
      ? r.added.length > 0
        ? `Đã gửi; mới chia sẻ cho ${r.added.join(', ')}`
        : 'Đã gửi'
      : `Đã cập nhật; chưa chia sẻ được cho ${r.failed.map((f) => f.email).join(', ')}`;
  const now = new Date();
  transact((tx) => {
    let log = findOwnSheet(ss, SEND_LOG_METADATA_KEY);
    if (!log) {
      const sheet = tx.step(
        () => ss.insertSheet(freeName(ss, SEND_LOG_SHEET)),
        (s) => ss.deleteSheet(s),
      );
      sheet.getRange(1, 1, 1, SEND_LOG_HEADER.length).setValues([SEND_LOG_HEADER]).setFontWeight('bold');
      sheet.setFrozenRows(1);
      sheet.addDeveloperMetadata(SEND_LOG_METADATA_KEY, 'v2');
      log = sheet;
    }
    const row = log.getLastRow() + 1;
    fitSheet(log, row, 5, tx);
    log
      .getRange(row, 1, 1, 5)
      .setValues([
        [now, sheetValue(r.recipients.join(', '), timeZone), r.url, tasks, sheetValue(outcome, timeZone)],
      ]);
    log.getRange(row, 1).setNumberFormat('dd/MM/yyyy HH:mm');
  });
}

const text = (s: string): CellData => ({ userEnteredValue: { stringValue: s } });

/**
 * The Sheets API requests that build the status sheet of a report as a new sheet `sheetId`
 * (values, formats, merges, widths, the hidden data row, the chart): the same layout as the
 * add-on's own status sheet, written without SpreadsheetApp.
 */
export function copyRequests(
  model: StatusRows,
  sheetId: number,
  title: string,
  _timeZone: string,
): Request[] {
  const { rows, width } = model;
  const cells: CellData[][] = rows.map((row, r) =>
    row.map((cell, c): CellData => {
      if (typeof cell === 'string') return text(cell);
      if (typeof cell === 'number') {
        const percent = model.rateColumns.includes(c) && r >= model.firstPivotRow && r <= model.totalRow;
        const ch = model.changes;
        const signed = !!ch && ch.signedColumns.includes(c) && r >= ch.firstRow && r <= ch.totalRow;
        return {
          userEnteredValue: { numberValue: cell },
          ...(percent ? { userEnteredFormat: { numberFormat: { type: 'PERCENT', pattern: '0%' } } } : {}),
          ...(signed ? { userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '+0;-0;0' } } } : {}),
        };
      }
      return {
        userEnteredValue: { numberValue: serialOf(cell.date, cell.time ?? '00:00') },
        userEnteredFormat: {
          numberFormat: cell.time
            ? { type: 'DATE_TIME', pattern: 'dd/MM/yyyy HH:mm' }
            : { type: 'DATE', pattern: 'dd/MM/yyyy' },
          horizontalAlignment: 'LEFT',
        },
      };
    }),
  );
  const range = (r0: number, r1: number, c0: number, c1: number) => ({
    sheetId,
    startRowIndex: r0,
    endRowIndex: r1,
    startColumnIndex: c0,
    endColumnIndex: c1,
  });
  const bold = (
    r0: number,
    r1: number,
    c0: number,
    c1: number,
    extra: Record<string, unknown> = {},
  ): Request => ({
    repeatCell: {
      range: range(r0, r1, c0, c1),
      cell: { userEnteredFormat: { textFormat: { bold: true }, ...extra } },
      fields: `userEnteredFormat(textFormat${Object.keys(extra).length ? `,${Object.keys(extra).join(',')}` : ''})`,
    },
  });
  const thin = { style: 'SOLID', width: 1 };
  const chart = model.chart;
  const span = (c: number) => ({
    sourceRange: { sources: [range(chart.headerRow, chart.lastRow + 1, c, c + 1)] },
  });
  const grid = (r0: number, r1: number, c0: number, c1: number): Request => ({
    updateBorders: {
      range: range(r0, r1, c0, c1),
      top: thin,
      bottom: thin,
      left: thin,
      right: thin,
      innerHorizontal: thin,
      innerVertical: thin,
    },
  });
  const head = { backgroundColor: { red: 0.851, green: 0.886, blue: 0.953 }, wrapStrategy: 'WRAP' };
  const ch = model.changes;
  const changes: Request[] = ch
    ? [
        bold(ch.titleRow, ch.titleRow + 1, 0, 1),
        bold(ch.monthTitleRow, ch.monthTitleRow + 1, 0, 1),
        bold(ch.headerRow, ch.headerRow + 1, 0, 7, head),
        bold(ch.monthHeaderRow, ch.monthHeaderRow + 1, 0, 2, head),
        grid(ch.headerRow, ch.totalRow + 1, 0, 7),
        grid(ch.monthHeaderRow, ch.lastMonthRow + 1, 0, 2),
        {
          addChart: {
            chart: {
              spec: {
                title: ch.chart.title,
                basicChart: {
                  chartType: 'COLUMN',
                  legendPosition: 'NO_LEGEND',
                  headerCount: 1,
                  axis: [{ position: 'BOTTOM_AXIS' }, { position: 'LEFT_AXIS' }],
                  domains: [
                    {
                      domain: {
                        sourceRange: {
                          sources: [range(ch.chart.headerRow, ch.chart.lastRow + 1, 0, 1)],
                        },
                      },
                    },
                  ],
                  series: ch.chart.series.map((s) => ({
                    series: {
                      sourceRange: {
                        sources: [range(ch.chart.headerRow, ch.chart.lastRow + 1, s.column, s.column + 1)],
                      },
                    },
                    targetAxis: 'LEFT_AXIS',
                    color: hexColor(s.color),
                  })),
                },
              },
              position: {
                overlayPosition: { anchorCell: { sheetId, rowIndex: rows.length + 1, columnIndex: 8 } },
              },
            },
          },
        },
      ]
    : [];
  return [
    {
      addSheet: {
        properties: {
          sheetId,
          title,
          gridProperties: {
            rowCount: rows.length + 30,
            columnCount: width + 2,
            frozenRowCount: model.headerRow + 1,
          },
        },
      },
    },
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: cells.map((values) => ({ values })),
        fields: 'userEnteredValue,userEnteredFormat',
      },
    },
    { mergeCells: { range: range(model.titleRow, model.titleRow + 1, 0, width), mergeType: 'MERGE_ALL' } },
    { mergeCells: { range: range(model.legendRow, model.legendRow + 1, 0, width), mergeType: 'MERGE_ALL' } },
    bold(model.titleRow, model.titleRow + 1, 0, width, { horizontalAlignment: 'CENTER' }),
    bold(model.firstMetaRow, model.lastMetaRow + 1, 0, 1),
    bold(model.headerRow, model.headerRow + 1, 0, width, {
      backgroundColor: { red: 0.851, green: 0.886, blue: 0.953 },
      wrapStrategy: 'WRAP',
      horizontalAlignment: 'CENTER',
      verticalAlignment: 'MIDDLE',
    }),
    bold(model.totalRow, model.totalRow + 1, 0, width, {
      backgroundColor: { red: 0.949, green: 0.949, blue: 0.949 },
    }),
    {
      repeatCell: {
        range: range(model.legendRow, model.legendRow + 1, 0, width),
        cell: {
          userEnteredFormat: { wrapStrategy: 'WRAP', verticalAlignment: 'TOP', textFormat: { italic: true } },
        },
        fields: 'userEnteredFormat(wrapStrategy,verticalAlignment,textFormat)',
      },
    },
    {
      updateBorders: {
        range: range(model.headerRow, model.totalRow + 1, 0, width),
        top: thin,
        bottom: thin,
        left: thin,
        right: thin,
        innerHorizontal: thin,
        innerVertical: thin,
      },
    },
    ...model.widths.map((w, i) => ({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize: w * 7 },
        fields: 'pixelSize',
      },
    })),
    {
      updateDimensionProperties: {
        range: { sheetId, dimension: 'ROWS', startIndex: model.legendRow, endIndex: model.legendRow + 1 },
        properties: { pixelSize: 64 },
        fields: 'pixelSize',
      },
    },
    {
      updateDimensionProperties: {
        range: { sheetId, dimension: 'ROWS', startIndex: model.dataRow, endIndex: model.dataRow + 1 },
        properties: { hiddenByUser: true },
        fields: 'hiddenByUser',
      },
    },
    {
      addChart: {
        chart: {
          spec: {
            title: chart.title,
            basicChart: {
              chartType: 'BAR',
              stackedType: 'STACKED',
              legendPosition: 'BOTTOM_LEGEND',
              headerCount: 1,
              axis: [{ position: 'BOTTOM_AXIS' }, { position: 'LEFT_AXIS' }],
              domains: [{ domain: span(chart.labelColumn) }],
              series: chart.series.map((s) => ({
                series: span(s.column),
                targetAxis: 'BOTTOM_AXIS',
                color: hexColor(s.color),
              })),
            },
          },
          position: {
            overlayPosition: { anchorCell: { sheetId, rowIndex: rows.length + 1, columnIndex: 0 } },
          },
        },
      },
    },
    ...changes,
  ] as Request[];
}

function hexColor(hex: string): { red: number; green: number; blue: number } {
  const n = parseInt(hex.replace('#', ''), 16);
  return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 };
}

export function showSent(result: SendResult): void {
  SpreadsheetApp.getUi().showModalDialog(
    page('Sent', result)
      .setWidth(500)
      .setHeight(result.failed.length > 0 ? 340 : 280),
    `${APP_TITLE}: đã gửi bảng trạng thái`,
  );
}
