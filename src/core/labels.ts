/** Vietnamese labels of finding codes and severities, shared by the command line and the add-on. */
import type { FindingCode, Severity } from './findings';

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
