/** Small hand-made sheets for unit tests. */
import type { CellValue, SheetInput } from '../../src/core/grid';

export const STANDARD_HEADER = [
  'STT',
  'Nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian hoàn thành',
  'Trạng thái',
];

/** A sheet with a title row, the standard header and the given rows (padded to the header's width). */
export function sheet(
  rows: CellValue[][],
  header: string[] = STANDARD_HEADER,
  title = 'KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2025',
): SheetInput {
  const width = header.length;
  const pad = (r: CellValue[]) => [...r, ...new Array<CellValue>(Math.max(0, width - r.length)).fill('')];
  return { name: 'Phân công', values: [pad([title]), header, ...rows.map(pad)], merges: [] };
}

/** A header with two status-like columns: a narrative "Kết quả thực hiện" and a "Tiến độ". */
export const TWO_STATUS_HEADER = [
  'STT',
  'Nhiệm vụ',
  'Cơ quan chủ trì',
  'Thời gian hoàn thành',
  'Kết quả thực hiện',
  'Tiến độ',
];
