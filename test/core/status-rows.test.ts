/**
 * The status sheet's rows as the commune sees them and the city reads them back: blank rows where
 * the eye needs them, column widths, the changes block, and a reader that takes the sheet's values
 * in whatever shape a spreadsheet hands them over.
 */
import { checkSheet } from '../../src/core/check';
import { followUpOf } from '../../src/core/history';
import { DATA_TAG, fromRows, statusReportOf, toRows } from '../../src/core/status-report';
import { sheet } from '../helpers/grid';

const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Trạng thái'];
const check = (today: string, task1 = 'Đang thực hiện') =>
  checkSheet(
    sheet(
      [
        ['I', 'Nhận thức số'],
        ['1', 'Tuyên truyền', 'Phòng VH-XH', '30/11/2026', task1],
        ['2', 'Tập huấn', 'Phòng VH-XH', '15/12/2026', 'Đang thực hiện'],
        ['II', 'Kinh tế số'],
        ['3', 'Đưa sản phẩm lên sàn', 'Phòng Kinh tế', '31/10/2026', 'Đang thực hiện'],
      ],
      HEADER,
    ),
    { today },
  );

function layout() {
  const first = followUpOf([], check('2026-11-15'));
  const result = check('2026-12-20', 'Hoàn thành');
  const second = followUpOf(first.snapshots, result);
  const report = statusReportOf(result, { commune: 'An Bình', planName: 'Kế hoạch CĐS 2026' });
  if (!second.diff) throw new Error('no diff');
  return { report, out: toRows(report, { diff: second.diff, monthly: second.monthly }) };
}
const values = (rows: unknown[][]) => rows.map((r) => r.map((c) => (c && typeof c === 'object' ? '' : c)));

describe('the status sheet’s rows', () => {
  test('every row is as wide as the table, and the separating rows are blank', () => {
    const { out } = layout();
    const blocks = out.changes;
    if (!blocks) throw new Error('no changes block');
    expect(out.rows.every((r) => r.length === out.width)).toBe(true);
    const blank = [
      out.lastMetaRow + 1,
      out.totalRow + 1,
      out.legendRow + 1,
      blocks.titleRow - 1,
      blocks.totalRow + 1,
    ];
    for (const r of blank) expect([r, out.rows[r]]).toEqual([r, new Array(out.width).fill('')]);
    // The title, meta, legend and data rows hold text in their first cells only.
    for (const r of [out.titleRow, out.legendRow, blocks.titleRow, blocks.monthTitleRow])
      expect(out.rows[r]?.slice(1).every((c) => c === '')).toBe(true);
    expect(out.rows[out.dataRow]?.slice(2).every((c) => c === '')).toBe(true);
  });

  test('the changes block: its header, its signed columns, then the months down to the last row', () => {
    const { out } = layout();
    const b = out.changes;
    if (!b) throw new Error('no changes block');
    expect(out.rows[b.headerRow]?.slice(0, 7)).toEqual([
      'Trụ cột',
      expect.any(String),
      expect.any(String),
      expect.any(String),
      expect.any(String),
      expect.any(String),
      expect.any(String),
    ]);
    expect(out.rows[b.headerRow]?.slice(1, 7).every((c) => typeof c === 'string' && c !== '')).toBe(true);
    expect(b.signedColumns).toEqual([3, 6]);
    expect(out.rows[b.monthTitleRow]?.[0]).not.toBe('');
    expect(out.rows[b.monthHeaderRow]?.slice(0, 2).every((c) => typeof c === 'string' && c !== '')).toBe(
      true,
    );
    expect(b.lastMonthRow).toBe(out.rows.length - 1);
    expect(out.rows[b.lastMonthRow]?.slice(0, 2)).toEqual(['12/2026', 2]);
    expect(b.chart.title).not.toBe('');
    expect(b.chart.series).toEqual([{ column: 1, color: '#EA4335' }]);
  });

  test('column widths: the name column wide, the rate a little wider than the counts', () => {
    const { out } = layout();
    const rateColumn = out.rateColumns[0] as number;
    expect(out.widths).toHaveLength(out.width);
    expect(out.widths[rateColumn]).toBe(11);
    expect(out.widths.filter((w, i) => i > 0 && i !== rateColumn).every((w) => w === 10)).toBe(true);
    expect(out.widths[0]).toBeGreaterThan(11);
    expect(out.chart.title).toBe('Tiến độ nhiệm vụ theo trụ cột');
  });
});

describe('fromRows reads the values as a spreadsheet hands them over', () => {
  const sheetValues = () => {
    const { report, out } = layout();
    return { report, out, rows: values(out.rows) };
  };

  test('short, empty or missing rows and numbers in the first column do not stop it', () => {
    const { report, rows } = sheetValues();
    const ragged: unknown[][] = [[], [Number.NaN], [Number.POSITIVE_INFINITY, 'x'], ...rows];
    (ragged as unknown[]).splice(1, 0, undefined);
    const r = fromRows(ragged);
    expect(r).toEqual({ ok: true, report });
  });

  test('counts shown as text (with spaces) and the rate shown as a percentage are believed', () => {
    const { report, out, rows } = sheetValues();
    for (let r = out.firstPivotRow; r <= out.totalRow; r++) {
      const row = rows[r] as unknown[];
      for (let c = 1; c < row.length; c++)
        row[c] = out.rateColumns.includes(c) ? `${Math.round(Number(row[c]) * 100)}%` : ` ${String(row[c])} `;
    }
    expect(fromRows(rows)).toEqual({ ok: true, report });
  });

  test('a count with words beside it is no count: the table was edited', () => {
    const bad = (text: (n: number) => string) => {
      const { out, rows } = sheetValues();
      const row = rows[out.totalRow] as unknown[];
      row[1] = text(Number(row[1]));
      return fromRows(rows);
    };
    for (const text of [(n: number) => `x${n}`, (n: number) => `${n} việc`]) {
      const r = bad(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/^bảng số liệu đã bị sửa tay/);
    }
  });

  test('a data cell holding null, or a version written as text, is not the format', () => {
    for (const data of ['null', JSON.stringify({ ...layout().report, version: '2' })]) {
      const { out, rows } = sheetValues();
      (rows[out.dataRow] as unknown[])[1] = data;
      expect(fromRows(rows)).toEqual({ ok: false, reason: 'dòng dữ liệu cho thành phố không đúng mẫu' });
    }
  });

  test('the old marker is recognised in any cell of a row', () => {
    const { out, rows } = sheetValues();
    rows.splice(out.dataRow, 1, ['Ghi chú', 'CDS-TRANG-THAI v1', 'khác']);
    const r = fromRows(rows);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^bảng trạng thái theo mẫu cũ/);
  });

  test('only the first 200 rows are searched for the data row', () => {
    const { rows } = sheetValues();
    const data = rows.find((r) => r[0] === DATA_TAG) as unknown[];
    const far: unknown[][] = [...rows.filter((r) => r[0] !== DATA_TAG)];
    while (far.length < 205) far.push(['']);
    far.push(data);
    const r = fromRows(far);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^không phải bảng trạng thái do tiện ích/);
  });

  test('a data row alone on the first row, without the visible table, is not believed', () => {
    const { rows } = sheetValues();
    const data = rows.find((r) => r[0] === DATA_TAG) as unknown[];
    expect(fromRows([data])).toEqual({ ok: false, reason: 'bảng trạng thái thiếu phần bảng số liệu' });
  });
});
