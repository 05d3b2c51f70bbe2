/**
 * The domain's vocabularies as data: standard columns and their accepted headers, pillars and
 * their variants, status values, lead placeholders. Matching code lives elsewhere; adding a
 * synonym here is the whole change needed to accept a new spelling.
 */

export const COLUMN_KEYS = [
  'stt',
  'task',
  'lead',
  'deadline',
  'partners',
  'status',
  'output',
  'pillar',
  'completedOn',
  'note',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export type ColumnNeed = 'required' | 'recommended' | 'optional';

export interface ColumnSpec {
  key: ColumnKey;
  /** The header the add-on writes and suggests. */
  standard: string;
  need: ColumnNeed;
  /** Accepted headers (the standard one included); compared after folding. */
  accepted: string[];
}

export const COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'stt',
    standard: 'STT',
    need: 'required',
    accepted: ['STT', 'TT', 'Số TT', 'Số thứ tự', 'S.T.T', 'No'],
  },
  {
    key: 'task',
    standard: 'Nhiệm vụ',
    need: 'required',
    accepted: [
      'Nhiệm vụ',
      'Tên nhiệm vụ',
      'Nội dung nhiệm vụ',
      'Nhiệm vụ/dự án',
      'Nhiệm vụ, dự án',
      'Nhiệm vụ, giải pháp',
      'Nhiệm vụ giải pháp',
      'Nội dung công việc',
      'Tên công việc',
      'Công việc',
      'Nhiệm vụ cụ thể',
    ],
  },
  {
    key: 'lead',
    standard: 'Cơ quan chủ trì',
    need: 'required',
    accepted: [
      'Cơ quan chủ trì',
      'Đơn vị chủ trì',
      'Đơn vị chủ trì thực hiện',
      'Cơ quan chủ trì thực hiện',
      'Bộ phận chủ trì',
      'Bộ phận chủ trì thực hiện',
      'Bộ phận thực hiện',
      'Cơ quan/Đơn vị chủ trì',
      'Cơ quan, đơn vị chủ trì',
      'Chủ trì',
      'Đơn vị thực hiện',
      'Cơ quan thực hiện',
      'Đơn vị chịu trách nhiệm',
      'Người chủ trì',
    ],
  },
  {
    key: 'deadline',
    standard: 'Thời gian hoàn thành',
    need: 'required',
    accepted: [
      'Thời gian hoàn thành',
      'Thời gian thực hiện',
      'Thời hạn',
      'Thời hạn hoàn thành',
      'Hạn hoàn thành',
      'Tiến độ hoàn thành',
      'Thời gian',
      'Thời hạn thực hiện',
      'Thời gian hoàn thành dự kiến',
      'Thời gian dự kiến hoàn thành',
      'Thời gian triển khai',
      'Thời gian thực hiện/hoàn thành',
      'Thời gian thực hiện/thời gian hoàn thành',
      'Hạn chót',
    ],
  },
  {
    key: 'partners',
    standard: 'Cơ quan phối hợp',
    need: 'recommended',
    accepted: [
      'Cơ quan phối hợp',
      'Đơn vị phối hợp',
      'Bộ phận phối hợp',
      'Phối hợp',
      'Cơ quan, đơn vị phối hợp',
      'Cơ quan/Đơn vị phối hợp',
      'Đơn vị phối hợp thực hiện',
    ],
  },
  {
    key: 'status',
    standard: 'Trạng thái',
    need: 'recommended',
    accepted: [
      'Trạng thái',
      'Tình trạng',
      'Tình hình thực hiện',
      'Kết quả thực hiện',
      'Tiến độ thực hiện',
      'Tiến độ',
      'Kết quả hiện nay',
    ],
  },
  {
    key: 'output',
    standard: 'Sản phẩm',
    need: 'optional',
    accepted: [
      'Sản phẩm',
      'Yêu cầu kết quả đạt được',
      'Kết quả đầu ra',
      'Sản phẩm đầu ra',
      'Chỉ tiêu',
      'Kết quả dự kiến',
      'Sản phẩm dự kiến',
      'Kết quả',
      'Kết quả, sản phẩm',
      'Sản phẩm đầu ra dự kiến',
    ],
  },
  {
    key: 'pillar',
    standard: 'Trụ cột',
    need: 'optional',
    accepted: ['Trụ cột', 'Lĩnh vực', 'Nhóm nhiệm vụ'],
  },
  {
    key: 'completedOn',
    standard: 'Ngày hoàn thành',
    need: 'optional',
    accepted: ['Ngày hoàn thành', 'Ngày hoàn thành thực tế', 'Thời điểm hoàn thành'],
  },
  { key: 'note', standard: 'Ghi chú', need: 'optional', accepted: ['Ghi chú'] },
];

export const PILLARS = [
  'Nhận thức số',
  'Thể chế số',
  'Hạ tầng số',
  'Nhân lực số',
  'An toàn thông tin mạng',
  'Chính quyền số',
  'Kinh tế số',
  'Xã hội số',
  'Dữ liệu số',
  'Nền tảng số',
  'Đô thị thông minh',
] as const;
export type Pillar = (typeof PILLARS)[number];

/** Accepted names per pillar (the canonical one included), compared after folding. */
export const PILLAR_VARIANTS: Record<Pillar, string[]> = {
  'Nhận thức số': ['Nhận thức số', 'Chuyển đổi nhận thức', 'Nâng cao nhận thức', 'Nhận thức'],
  'Thể chế số': ['Thể chế số', 'Thể chế', 'Kiến tạo thể chế', 'Hoàn thiện thể chế'],
  'Hạ tầng số': ['Hạ tầng số', 'Phát triển hạ tầng số', 'Hạ tầng và nền tảng số', 'Hạ tầng'],
  'Nhân lực số': [
    'Nhân lực số',
    'Đào tạo và phát triển nhân lực',
    'Phát triển nhân lực số',
    'Đào tạo, phát triển nhân lực',
    'Nguồn nhân lực số',
    'Nhân lực',
  ],
  'An toàn thông tin mạng': [
    'An toàn thông tin mạng',
    'An toàn thông tin',
    'An toàn, an ninh mạng',
    'An toàn an ninh mạng',
    'Đảm bảo an toàn thông tin mạng',
    'Bảo đảm an toàn thông tin mạng',
    'Đảm bảo an toàn thông tin',
    'An ninh mạng',
  ],
  'Chính quyền số': [
    'Chính quyền số',
    'Hoạt động chính quyền số',
    'Chính phủ số',
    'Chính quyền điện tử',
    'Xây dựng chính quyền số',
    'Phát triển chính quyền số',
    'Chính phủ điện tử',
  ],
  'Kinh tế số': ['Kinh tế số', 'Hoạt động kinh tế số', 'Phát triển kinh tế số'],
  'Xã hội số': ['Xã hội số', 'Hoạt động xã hội số', 'Phát triển xã hội số'],
  'Dữ liệu số': ['Dữ liệu số', 'Thông tin và dữ liệu số', 'Phát triển dữ liệu số', 'Dữ liệu'],
  'Nền tảng số': ['Nền tảng số', 'Phát triển nền tảng số'],
  'Đô thị thông minh': ['Đô thị thông minh', 'Xây dựng đô thị thông minh'],
};

/** The pivot row for tasks outside any section. */
export const OTHER_PILLAR = 'Khác';

export const STATUSES = ['done', 'in-progress', 'not-started', 'unknown'] as const;
export type Status = (typeof STATUSES)[number];

/** Status values as officers type them; the first of each is what the dropdown offers. */
export const STATUS_VALUES: Record<Exclude<Status, 'unknown'>, string[]> = {
  done: [
    'Hoàn thành',
    'Đã hoàn thành',
    'Hoàn thành đúng hạn',
    'Hoàn thành trước hạn',
    'Đã xong',
    'Xong',
    'Đã hoàn thành đúng hạn',
    'Đã hoàn thành trước hạn',
    'Hoàn thành trong hạn',
    'Đã hoàn thành trong hạn',
    'Đã hoàn thành quá hạn',
    'Hoàn thành quá hạn',
    'Hoàn thành chậm',
    'Đã hoàn thành chậm',
    'Hoàn thành trễ hạn',
    'Đã hoàn thành trễ hạn',
  ],
  // Not done yet: whether it is within its deadline or overdue follows from the deadline.
  'in-progress': [
    'Đang thực hiện',
    'Đang triển khai',
    'Đang hoàn thành',
    'Đang triển khai thực hiện',
    'Đang thực hiện trong hạn',
    'Đang thực hiện đúng hạn',
    'Đang thực hiện quá hạn',
    'Chưa hoàn thành',
    'Chưa hoàn thành quá hạn',
    'Chưa hoàn thành trong hạn',
    // Reports count these as "đang thực hiện quá hạn": not done, past the deadline.
    'Quá hạn',
    'Đã quá hạn',
  ],
  'not-started': ['Chưa thực hiện', 'Chưa triển khai', 'Chưa triển khai thực hiện', 'Chưa bắt đầu'],
};

/** Done words that say the task was finished late ("done late" in official reports). */
export const STATUS_LATE_VALUES = [
  'Đã hoàn thành quá hạn',
  'Hoàn thành quá hạn',
  'Hoàn thành chậm',
  'Đã hoàn thành chậm',
  'Hoàn thành trễ hạn',
  'Đã hoàn thành trễ hạn',
];

/** Done words that say the task was finished on time, whatever the completion date column says. */
export const STATUS_ON_TIME_VALUES = [
  'Hoàn thành đúng hạn',
  'Hoàn thành trước hạn',
  'Đã hoàn thành đúng hạn',
  'Đã hoàn thành trước hạn',
  'Hoàn thành trong hạn',
  'Đã hoàn thành trong hạn',
];

/** Lead cells that mean "nobody assigned" (besides empty/whitespace). */
export const LEAD_PLACEHOLDERS = [
  '-',
  '–',
  '—',
  'x',
  '…',
  '...',
  '?',
  'N/A',
  'NA',
  'chưa có',
  'chưa xác định',
  'chưa phân công',
  'không có',
  'không',
];
