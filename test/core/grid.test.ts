/**
 * The grid of cell values a sheet hands over, with its merges: what each cell shows, what it holds
 * on its own, and the text of any kind of value.
 */
import { runInNewContext } from 'node:vm';
import { Grid, cellText, isDate } from '../../src/core/grid';

const values = () => [
  ['STT', 'Nhiệm vụ', 'Chủ trì', 'Thời hạn'],
  ['I', 'NHẬN THỨC SỐ', '', ''],
  ['1', 'Tuyên truyền', 'UBND xã', 'Quý IV/2025'],
  ['2', 'Tập huấn', '', ''],
  ['3', 'Sơ kết', 'Công an xã'],
];
// Row 1: one merge across B:D. C3:C4: "UBND xã" for tasks 1 and 2. D3:D4 likewise.
const merges = [
  { row: 1, column: 1, numRows: 1, numColumns: 3 },
  { row: 2, column: 2, numRows: 2, numColumns: 1 },
  { row: 2, column: 3, numRows: 2, numColumns: 1 },
];

describe('Grid', () => {
  test('its size is the number of rows and the widest row', () => {
    const g = new Grid(values(), merges);
    expect([g.rows, g.columns]).toEqual([5, 4]);
  });

  test('a merged cell shows its top-left value in every cell it covers, and holds nothing of its own', () => {
    const g = new Grid(values(), merges);
    expect([g.text(3, 2), g.ownText(3, 2), g.text(3, 3)]).toEqual(['UBND xã', '', 'Quý IV/2025']);
    expect([g.text(1, 3), g.ownText(1, 3), g.ownText(1, 1)]).toEqual(['NHẬN THỨC SỐ', '', 'NHẬN THỨC SỐ']);
    expect(g.own(2, 2)).toBe('UBND xã');
  });

  test('covered from above: only the cells below a merge’s first row', () => {
    const g = new Grid(values(), merges);
    expect(g.coveredFromAbove(3, 2)).toBe(true);
    expect(g.coveredFromAbove(2, 2)).toBe(false);
    expect(g.coveredFromAbove(1, 2)).toBe(false);
    expect(g.coveredFromAbove(4, 2)).toBe(false);
  });

  test('the merges on a row are those that touch it', () => {
    const g = new Grid(values(), merges);
    expect(g.mergesOn(1)).toEqual([merges[0]]);
    expect(g.mergesOn(3)).toEqual([merges[1], merges[2]]);
    expect(g.mergesOn(0)).toEqual([]);
  });

  test('a column before the first (a column the sheet lacks) reads as empty', () => {
    const g = new Grid(values(), merges);
    expect([g.value(2, -1), g.own(2, -1), g.text(2, -1)]).toEqual(['', '', '']);
    expect(g.value(4, 3)).toBeUndefined();
    expect(g.text(9, 0)).toBe('');
    expect(g.ownText(9, 0)).toBe('');
    expect(g.own(9, 0)).toBeUndefined();
  });

  test('a title merged across the first row is a merge of that row', () => {
    const title = { row: 0, column: 0, numRows: 1, numColumns: 4 };
    const g = new Grid([['KẾ HOẠCH', '', '', ''], ...values()], [title]);
    expect(g.mergesOn(0)).toEqual([title]);
    expect(g.ownText(0, 2)).toBe('');
    expect(g.text(0, 3)).toBe('KẾ HOẠCH');
  });

  test('merges that make no sense, or reach past the sheet, are cut or left out', () => {
    const g = new Grid(values(), [
      { row: 4, column: 0, numRows: 5, numColumns: 9 },
      { row: 0, column: 0, numRows: 0, numColumns: 2 },
      { row: 0, column: 0, numRows: 2, numColumns: 0 },
      { row: -1, column: 0, numRows: 3, numColumns: 3 },
      { row: 0, column: -1, numRows: 3, numColumns: 3 },
    ]);
    expect(g.ownText(4, 1)).toBe('');
    expect(g.text(4, 3)).toBe('3');
    expect([g.ownText(0, 1), g.ownText(1, 0), g.ownText(1, 1)]).toEqual(['Nhiệm vụ', 'I', 'NHẬN THỨC SỐ']);
    expect(g.mergesOn(0)).toEqual([]);
  });

  test('a row is blank when it has no text of its own: spaces, nulls and merged cells count as nothing', () => {
    const g = new Grid(
      [
        ['a', 'b', 'c'],
        ['  ', null as unknown as string, undefined as unknown as string],
        ['', '', ''],
        [' ', '', 0 as unknown as string],
        ['', false as unknown as string, ''],
        ['', '\u00a0x', ''],
      ],
      [{ row: 0, column: 0, numRows: 3, numColumns: 3 }],
    );
    expect([0, 1, 2, 3, 4, 5].map((r) => g.isBlankRow(r))).toEqual([false, true, true, false, false, false]);
  });
});

describe('cellText', () => {
  test('text trimmed; numbers as written; nothing for empty, NaN and infinity; booleans as the sheet shows them', () => {
    expect(cellText('  UBND xã \n')).toBe('UBND xã');
    expect(cellText(15)).toBe('15');
    expect(cellText(0.5)).toBe('0.5');
    expect(cellText(Number.NaN)).toBe('');
    expect(cellText(Number.POSITIVE_INFINITY)).toBe('');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
  });

  test('a date cell is the day it shows in the sheet’s time zone, as dd/mm/yyyy', () => {
    const d = new Date(Date.UTC(2025, 9, 14, 18, 30));
    expect(cellText(d, 'Asia/Ho_Chi_Minh')).toBe('15/10/2025');
    expect(cellText(d, 'UTC')).toBe('14/10/2025');
    expect(cellText(new Date(Number.NaN), 'UTC')).toBe('');
  });

  test('without a time zone, the runtime’s (fixed for the tests)', () => {
    const d = new Date(2025, 0, 5, 12, 0);
    expect(cellText(d)).toBe('05/01/2025');
    expect(cellText(new Date(2025, 10, 30, 8))).toBe('30/11/2025');
  });
});

describe('isDate', () => {
  test('a Date from any realm is a date; other values are not', () => {
    expect(isDate(new Date())).toBe(true);
    expect(isDate(runInNewContext('new Date(0)'))).toBe(true);
    expect(isDate('2025-10-15')).toBe(false);
    expect(isDate(45000)).toBe(false);
    expect(isDate({ getTime: () => 0 })).toBe(false);
  });
});
