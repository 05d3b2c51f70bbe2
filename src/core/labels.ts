/**
 * Every user-facing word of the product's tables, in one place: the terminal, the add-on's
 * sidebar and sheets, the checked workbook and the city's roll-up all take their words here, so a
 * class is called the same everywhere. `long` is for sheets and workbooks, `short` for the
 * terminal's narrow columns.
 */
import type { FindingCode, Severity } from './findings';
import type { PivotCount } from './pivot';

export const CODE_LABELS: Record<FindingCode, string> = {
  'missing-column': 'Thiếu cột chuẩn',
  'missing-lead': 'Chưa có cơ quan chủ trì',
  overdue: 'Quá hạn',
  'due-soon': 'Sắp đến hạn',
  'missing-deadline': 'Chưa có thời hạn',
  'unparsed-deadline': 'Thời hạn không đọc được',
  'duplicate-stt': 'Trùng số thứ tự',
  'unknown-status': 'Trạng thái ngoài danh mục',
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' };

export interface Label {
  long: string;
  short: string;
}

export type CountKey = PivotCount | 'doneRate' | 'overdueRate';

export const COUNT_LABELS: Record<CountKey, Label> = {
  total: { long: 'Tổng số nhiệm vụ', short: 'Tổng' },
  done: { long: 'Đã hoàn thành', short: 'Xong' },
  doneOnTime: { long: 'Trong đó: đúng hạn', short: 'Đúng hạn' },
  doneLate: { long: 'Trong đó: trễ hạn', short: 'Trễ hạn' },
  onTrack: { long: 'Chưa xong, còn hạn', short: 'Còn hạn' },
  overdue: { long: 'Quá hạn', short: 'Quá hạn' },
  noDeadline: { long: 'Không có hạn cụ thể', short: 'Không hạn' },
  recurring: { long: 'Thường xuyên, định kỳ', short: 'Thường xuyên' },
  conditional: { long: 'Theo kế hoạch cấp trên', short: 'Theo KH' },
  undated: { long: 'Chưa rõ thời hạn', short: 'Chưa rõ hạn' },
  dueSoon: { long: 'Sắp đến hạn', short: 'Sắp hạn' },
  missingLead: { long: 'Thiếu cơ quan chủ trì', short: 'Thiếu chủ trì' },
  doneRate: { long: 'Tỷ lệ hoàn thành', short: '% xong' },
  overdueRate: { long: 'Tỷ lệ quá hạn', short: '% quá hạn' },
};

/** The columns of every status table, in order (a no-deadline task is shown by why it has none). */
export const STATUS_TABLE_KEYS: readonly (PivotCount | 'doneRate')[] = [
  'total',
  'done',
  'doneOnTime',
  'doneLate',
  'onTrack',
  'overdue',
  'recurring',
  'conditional',
  'undated',
  'dueSoon',
  'missingLead',
  'doneRate',
];

export const WORDS = {
  pillar: 'Trụ cột',
  commune: 'Xã/phường',
  asOf: 'Tính đến',
  plan: 'Kế hoạch',
  planYear: 'Năm kế hoạch',
  /** How the sections of a plan are counted everywhere ("9 mục"). */
  sections: 'mục',
  tasks: 'nhiệm vụ',
  unnamedCommune: '(chưa ghi tên xã)',
} as const;

/** "Sắp đến hạn" explained with the window actually used. */
export function dueSoonMeaning(days: number): string {
  return days === 0 ? 'đến hạn hôm nay' : `đến hạn trong ${days} ngày tới`;
}

/** The reading guide under every status table, with the due-soon window actually used. */
export function statusLegend(dueSoonDays: number): string {
  const l = COUNT_LABELS;
  return (
    `Cách tính: “${l.overdue.long}” = đã qua thời hạn mà chưa báo hoàn thành; ` +
    `“${l.onTrack.long}” = chưa báo hoàn thành, chưa đến hạn; ` +
    `“${l.recurring.long}” = việc làm thường xuyên, không có hạn; ` +
    `“${l.conditional.long}” = chờ kế hoạch, văn bản của cấp trên; ` +
    `“${l.undated.long}” = chưa ghi hoặc không đọc được thời hạn; ` +
    `“${l.dueSoon.long}” = ${dueSoonMeaning(dueSoonDays)}.`
  );
}

// ---- follow-up by unit, reminders, history -------------------------------------------------

/** Words of the follow-up: the table by unit, the unit list, the reminders and the history. */
export const FOLLOW_WORDS = {
  unit: 'Đơn vị',
  unitLead: 'Đơn vị chủ trì',
  unitSheet: 'Theo đơn vị',
  unitTableTitle: 'TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CHUYỂN ĐỔI SỐ THEO ĐƠN VỊ CHỦ TRÌ',
  unitTableNote:
    'Đơn vị có nhiệm vụ quá hạn lên đầu. Một nhiệm vụ giao cho hai đơn vị được tính ở cả hai. Sửa cách gộp tên đơn vị ở trang “Đơn vị”.',
  unitList: 'Đơn vị',
  unitListHeader: ['Tên đơn vị (như trong bảng)', 'Là đơn vị', 'Thư điện tử nhận nhắc việc'],
  unitListNote:
    'Mỗi dòng một cách ghi tên đơn vị trong bảng phân công. Cột “Là đơn vị”: tên đơn vị mà cách ghi đó chỉ tới (các cách ghi có cùng “Là đơn vị” được gộp làm một). Cột thư: địa chỉ nhận nhắc việc, nhiều địa chỉ cách nhau bằng dấu phẩy.',
  remindTitle: 'PHIẾU ĐÔN ĐỐC THỰC HIỆN NHIỆM VỤ CHUYỂN ĐỔI SỐ',
  remindSheetPrefix: 'Nhắc việc – ',
  remindTo: 'Kính gửi',
  number: 'Số TT',
  task: 'Nhiệm vụ',
  deadline: 'Thời hạn (như trong kế hoạch)',
  due: 'Hạn',
  situation: 'Tình trạng',
  overdueGroup: 'Nhiệm vụ quá hạn',
  dueSoonGroup: 'Nhiệm vụ sắp đến hạn',
  remindAsk:
    'Đề nghị đơn vị khẩn trương thực hiện các nhiệm vụ trên và báo cáo kết quả (ngày hoàn thành, sản phẩm) để cập nhật vào bảng phân công.',
  noAddress: 'chưa có địa chỉ',
  sentToday: 'đã gửi hôm nay',
  sendLog: 'Nhật ký nhắc việc',
  sendLogHeader: ['Thời gian', 'Đơn vị', 'Địa chỉ', 'Số nhiệm vụ', 'Kết quả'],
  sent: 'Đã gửi',
  sending: 'Đang gửi',
  history: 'Lịch sử kiểm tra',
  changesTitle: 'Thay đổi so với lần kiểm tra trước',
  monthlyTitle: 'Số nhiệm vụ quá hạn theo tháng (lần kiểm tra cuối mỗi tháng)',
  month: 'Tháng',
  monthlyChart: 'Nhiệm vụ quá hạn theo tháng',
} as const;

/** Columns of the changes block, beside each pillar. */
export const CHANGE_LABELS = {
  overdueBefore: { long: 'Quá hạn lần trước', short: 'QH trước' },
  overdueNow: { long: 'Quá hạn lần này', short: 'QH nay' },
  overdue: { long: 'Quá hạn tăng (+) / giảm (−)', short: '± quá hạn' },
  doneBefore: { long: 'Hoàn thành lần trước', short: 'Xong trước' },
  doneNow: { long: 'Hoàn thành lần này', short: 'Xong nay' },
  done: { long: 'Hoàn thành thêm', short: '± xong' },
} as const satisfies Record<string, Label>;

/** The unit table's extra column. */
export const OLDEST_OVERDUE_LABEL: Label = { long: 'Quá hạn lâu nhất (ngày)', short: 'Trễ lâu nhất (ngày)' };

/** A signed change as shown: "+3", "−1" (a true minus sign), "0". */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

/** Days late or left, in words: "quá hạn 12 ngày", "còn 3 ngày", "đến hạn hôm nay". */
export function daysWords(kind: 'overdue' | 'due-soon', days: number): string {
  if (kind === 'overdue') return `quá hạn ${days} ngày`;
  return days === 0 ? 'đến hạn hôm nay' : `còn ${days} ngày`;
}
