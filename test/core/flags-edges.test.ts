/**
 * Edges of the marks: findings that point at no cell leave no mark, and a note that holds only
 * the product's reasons (after a blank line) gives the officer back an empty note.
 */
import type { Finding } from '../../src/core/findings';
import { flagsOf, NOTE_MARKER, userNote } from '../../src/core/flags';

const finding = (over: Partial<Finding>): Finding => ({
  code: 'overdue',
  severity: 'warning',
  row: 5,
  column: 'F',
  message: 'Nhiệm vụ 1 đã quá hạn',
  ...over,
});

describe('flagsOf, findings without a cell', () => {
  it('marks no cell for a finding with a column but no row, nor with a row but no column', () => {
    expect(
      flagsOf([
        finding({ row: null, column: 'F', message: 'Thiếu cột Thời hạn' }),
        finding({ row: 7, column: null, message: 'Dòng 7 không đọc được' }),
      ]),
    ).toEqual([]);
  });
});

describe('userNote', () => {
  it('gives an empty note back when the product’s block follows a blank first line', () => {
    expect(userNote(`\n\n${NOTE_MARKER}\nNhiệm vụ 1 đã quá hạn`)).toBe('');
  });
});
