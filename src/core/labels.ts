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
