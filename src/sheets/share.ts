/**
 * "Gửi bảng trạng thái cho thành phố": a standalone spreadsheet holding a copy of the status
 * sheet, shared as viewer with the city's addresses. The first send creates it; later sends
 * update the same file, so the city's link never changes. Each send is logged.
 */
import { STATUS_SHEET_NAME } from '../core/status-sheet';
import { loadSettings, validEmails } from './settings';
import { APP_TITLE, UserFacingError, page } from './ui';
import { findOwnSheet } from './status';

export const COPY_ID_KEY = 'keHoachCds.cityCopyId';
export const SEND_LOG_SHEET = 'Nhật ký gửi';
export const SEND_LOG_METADATA_KEY = 'keHoachCds.sendLog';
export const SEND_LOG_HEADER = ['Thời gian', 'Người gửi', 'Người nhận', 'Đường dẫn', 'Số nhiệm vụ'];

export interface SendResult {
  url: string;
  created: boolean;
  recipients: string[];
  added: string[];
}

/** Opens the remembered copy, or null when there is none or it can no longer be opened. */
function rememberedCopy(
  props: GoogleAppsScript.Properties.Properties,
): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  const id = props.getProperty(COPY_ID_KEY);
  if (!id) return null;
  try {
    return SpreadsheetApp.openById(id);
  } catch {
    return null;
  }
}

/**
 * Copies `status` (the commune's status sheet, already up to date) to the city's spreadsheet and
 * shares it. The copy replaces the previous one only once it is complete.
 */
export function sendStatus(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  status: GoogleAppsScript.Spreadsheet.Sheet,
  meta: { commune: string; planYear: number; tasks: number; timeZone: string },
): SendResult {
  const settings = loadSettings();
  const emails = validEmails(settings.cityEmails);
  if (emails.length === 0)
    throw new UserFacingError('Chưa có địa chỉ thư của thành phố. Hãy nhập trong “Cài đặt…”.');
  const props = PropertiesService.getDocumentProperties();
  let target = rememberedCopy(props);
  let created = false;
  if (!target) {
    const commune = meta.commune || 'Xã';
    target = SpreadsheetApp.create(`${commune} – Trạng thái CĐS ${meta.planYear}`);
    props.setProperty(COPY_ID_KEY, target.getId());
    created = true;
  }
  const copy = status.copyTo(target);
  const copyId = copy.getSheetId();
  for (const old of target.getSheets()) if (old.getSheetId() !== copyId) target.deleteSheet(old);
  copy.setName(STATUS_SHEET_NAME);

  const file = DriveApp.getFileById(target.getId());
  const shared = new Set(
    [...file.getViewers(), ...file.getEditors()]
      .map((u) => u.getEmail().toLowerCase())
      .filter((e) => e !== ''),
  );
  const added = emails.filter((e) => !shared.has(e.toLowerCase()));
  if (added.length > 0) file.addViewers(added);

  const url = target.getUrl();
  const when = Utilities.formatDate(new Date(), meta.timeZone, 'dd/MM/yyyy HH:mm');
  const sender = Session.getActiveUser().getEmail() || '(không rõ)';
  // The log is the add-on's own sheet (tagged); a user's sheet of the same name is left alone.
  let log = findOwnSheet(ss, SEND_LOG_METADATA_KEY);
  if (!log) {
    log = ss.insertSheet(
      ss.getSheetByName(SEND_LOG_SHEET) ? `${SEND_LOG_SHEET} (Kế hoạch CĐS)` : SEND_LOG_SHEET,
    );
    log.appendRow(SEND_LOG_HEADER);
    log.setFrozenRows(1);
    log.addDeveloperMetadata(SEND_LOG_METADATA_KEY, 'v1');
  }
  log.appendRow([when, sender, emails.join(', '), url, meta.tasks]);
  return { url, created, recipients: emails, added };
}

export function showSent(result: SendResult): void {
  SpreadsheetApp.getUi().showModalDialog(
    page('Sent', result).setWidth(480).setHeight(260),
    `${APP_TITLE}: đã gửi bảng trạng thái`,
  );
}
