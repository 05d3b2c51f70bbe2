/**
 * The bundled sample: the Đại Hải 2026 appendix (test/fixtures/seeds/004-dai-hai.json) as an
 * officer keeps it during the year, with a status column and a completion-date column filled in,
 * and the slips real sheets have (a lead left as a placeholder, a deadline not written yet, a
 * status typed outside the list).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue, SheetInput } from '../core/grid';
import { columnIndex } from '../core/text';

interface Fixture {
  sheetName: string;
  values: (string | number | { date: string })[][];
  merges: string[];
}

/** Status and completion date written against some task numbers. */
const PROGRESS: Record<string, [string, string?]> = {
  '1': ['Đang thực hiện'],
  '3': ['Đang thực hiện'],
  '5': ['Hoàn thành', '2026-12-05'],
  '9': ['Hoàn thành', '2026-03-20'],
  '10': ['Đang thực hiện'],
  '11': ['Chưa thực hiện'],
  '20': ['Đang triển khai'],
  '21': ['Hoàn thành', '2026-10-15'],
  '34': ['Hoàn thành', '2026-04-10'],
  '35': ['Đang thực hiện'],
  '40': ['Chưa thực hiện'],
  '41': ['Gần xong'],
  '42': ['Đang thực hiện'],
  '44': ['Hoàn thành', '2026-09-30'],
};

export function samplePlan(root: string): SheetInput {
  const f = JSON.parse(
    readFileSync(join(root, 'test', 'fixtures', 'seeds', '004-dai-hai.json'), 'utf8'),
  ) as Fixture;
  const headerRow = f.values.findIndex((r) => r[0] === 'STT');
  const values: CellValue[][] = f.values.map((row, r) => {
    const cells: CellValue[] = row.map((v) =>
      typeof v === 'object' ? new Date(`${v.date}T00:00:00+07:00`) : v,
    );
    if (r < headerRow) return [...cells, '', ''];
    if (r === headerRow) return [...cells, 'Trạng thái', 'Ngày hoàn thành'];
    const stt = String(row[0]);
    const [status, done] = PROGRESS[stt] ?? ['', undefined];
    return [...cells, status, done ? done.split('-').reverse().join('/') : ''];
  });
  const lead = 2;
  const deadline = 5;
  for (const row of values) {
    if (row[0] === 19) row[lead] = 'Chưa phân công';
    if (row[0] === 50) row[deadline] = '';
  }
  const merges = f.merges.map((a1) => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
    const row = Number(m[2]) - 1;
    const column = columnIndex(m[1] as string);
    // Title and section rows span the two new columns too.
    const lastCol = columnIndex(m[3] as string) === 5 ? 7 : columnIndex(m[3] as string);
    return { row, column, numRows: Number(m[4]) - row, numColumns: lastCol - column + 1 };
  });
  return { name: f.sheetName, values, merges };
}
