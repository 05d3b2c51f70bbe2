/**
 * The status sheet sent to the city (domain §6) as a plain table of values with layout hints.
 * Both the .xlsx writer and the Sheets adapter render this one model, so every commune's sheet
 * has the same layout.
 */
import type { CheckResult } from './check';
import { viDay } from './dates';
import type { PivotRow } from './pivot';
import { collapse } from './text';

export const STATUS_SHEET_NAME = 'Trạng thái theo trụ cột';
/** Marker the city's roll-up checks before reading a status sheet. */
export const STATUS_LAYOUT_VERSION = 'CDS-TRANG-THAI v1';

export const STATUS_COLUMNS: { key: keyof PivotRow; header: string; width: number }[] = [
  { key: 'pillar', header: 'Trụ cột', width: 36 },
  { key: 'total', header: 'Tổng số nhiệm vụ', width: 11 },
  { key: 'done', header: 'Đã hoàn thành', width: 11 },
  { key: 'doneOnTime', header: 'Trong đó: đúng hạn', width: 11 },
  { key: 'doneLate', header: 'Trong đó: trễ hạn', width: 11 },
  { key: 'onTrack', header: 'Chưa xong, còn hạn', width: 11 },
  { key: 'overdue', header: 'Quá hạn', width: 10 },
  { key: 'noDeadline', header: 'Không có hạn cụ thể', width: 12 },
  { key: 'dueSoon', header: 'Sắp đến hạn', width: 10 },
  { key: 'missingLead', header: 'Thiếu cơ quan chủ trì', width: 12 },
  { key: 'doneRate', header: 'Tỷ lệ hoàn thành', width: 11 },
];

export interface StatusMeta {
  commune: string;
  planName: string;
  planYear: number;
  /** "dd/mm/yyyy" or "dd/mm/yyyy hh:mm". */
  asOf: string;
}

export interface StatusSheetModel {
  rows: (string | number)[][];
  width: number;
  /** 0-based indexes. */
  titleRow: number;
  headerRow: number;
  firstPivotRow: number;
  totalRow: number;
  legendRows: number[];
  /** 0-based column of the share done (formatted as a percentage). */
  rateColumn: number;
  widths: number[];
}

export function statusSheetModel(result: CheckResult, meta: StatusMeta): StatusSheetModel {
  const width = STATUS_COLUMNS.length;
  const pad = (cells: (string | number)[]) => [...cells, ...new Array<string>(width - cells.length).fill('')];
  const rows: (string | number)[][] = [];
  rows.push(pad(['BẢNG TRẠNG THÁI THỰC HIỆN NHIỆM VỤ CHUYỂN ĐỔI SỐ']));
  rows.push(pad(['Xã/phường:', meta.commune || '(chưa ghi tên xã)']));
  rows.push(pad(['Kế hoạch:', meta.planName || '(không rõ tên kế hoạch)']));
  rows.push(pad(['Năm kế hoạch:', meta.planYear]));
  rows.push(pad(['Tính đến:', meta.asOf]));
  rows.push(pad(['Mẫu báo cáo:', STATUS_LAYOUT_VERSION]));
  rows.push(pad([]));
  const headerRow = rows.length;
  rows.push(STATUS_COLUMNS.map((c) => c.header));
  const firstPivotRow = rows.length;
  for (const p of result.pivot) rows.push(STATUS_COLUMNS.map((c) => p[c.key]));
  const totalRow = rows.length - 1;
  rows.push(pad([]));
  const legendRows: number[] = [];
  const legend = [
    'Cách tính: “Quá hạn” = đã qua thời hạn mà chưa báo hoàn thành; “Không có hạn cụ thể” = thường xuyên, theo kế hoạch cấp trên, chưa ghi hoặc không đọc được thời hạn; “Sắp đến hạn” = đến hạn trong 14 ngày tới.',
    `Trang tính: “${result.plan.sheet}”, ${result.plan.tasks.length} nhiệm vụ. Số liệu do tiện ích Kế hoạch CĐS tổng hợp từ bảng phân công.`,
  ];
  for (const text of legend) {
    legendRows.push(rows.length);
    rows.push(pad([text]));
  }
  return {
    rows,
    width,
    titleRow: 0,
    headerRow,
    firstPivotRow,
    totalRow,
    legendRows,
    rateColumn: STATUS_COLUMNS.findIndex((c) => c.key === 'doneRate'),
    widths: STATUS_COLUMNS.map((c) => c.width),
  };
}

/** The commune named in title rows ("… XÃ MỸ HÒA HƯNG NĂM 2024", "của UBND xã Mỏ Cày)"), else "". */
export function communeFromTitle(lines: readonly string[]): string {
  const stop =
    /^(năm|giai|về|trên|tỉnh|huyện|thành|thị|quận|kèm|ban|của|ngày|số|theo|và|để|nhằm|cds|chuyển)$/iu;
  for (const line of lines) {
    const m = /(?:^|[\s(])(xã|phường|thị trấn)\s+(.+)$/iu.exec(collapse(line));
    if (!m) continue;
    const words: string[] = [];
    for (const w of (m[2] as string).split(' ')) {
      const clean = w.replace(/[),.;:]+$/, '');
      if (stop.test(clean) || !/^\p{Lu}/u.test(clean)) break;
      words.push(clean);
      if (clean !== w) break;
    }
    if (words.length > 0 && words.length <= 5) return words.map(titleCase).join(' ');
  }
  return '';
}

function titleCase(word: string): string {
  if (word !== word.toUpperCase()) return word;
  const lower = word.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** The plan's name from title rows: "Kế hoạch số 51/KH-UBND ngày 08/10/2025", else the table's title. */
export function planNameFromTitle(lines: readonly string[]): string {
  for (const line of lines) {
    const m = /(kế hoạch\s+số\s*:?\s*\d[^()]*?)(?:\s+(?:của|về)\b|\)|$)/iu.exec(collapse(line));
    if (m) return collapse((m[1] as string).replace(/số\s*:\s*/iu, 'số '));
  }
  const title = lines.find((l) => l.length > 12 && !/^\(/.test(l)) ?? lines[0] ?? '';
  return collapse(title);
}

export function asOfText(day: string, time?: string): string {
  return time ? `${viDay(day)} ${time}` : viDay(day);
}
