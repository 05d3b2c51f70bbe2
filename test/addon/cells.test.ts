/** What the add-on writes stays what it means, whatever the spreadsheet's locale. */
import { asText, sheetValue } from '../../src/sheets/cells';
import { parseEntered } from '../fakes/platform';

describe('asText', () => {
  it.each([
    ['=IMPORTRANGE("x","y")'],
    ['+84 912 345 678'],
    ['-'],
    ['- Quý I/2026'],
    ['@tổ công nghệ'],
    ['05/11/2025'],
    ['2026-12-20'],
    ['40%'],
    ['1.234'],
    ['TRUE'],
    ['false'],
    ["'đã có dấu nháy"],
  ])('%s stays text in vi_VN and en_US', (text) => {
    for (const locale of ['vi_VN', 'en_US'] as const)
      expect(parseEntered(asText(text), locale, 'Asia/Ho_Chi_Minh')).toEqual({ kind: 'text', value: text });
  });

  it('leaves plain words alone (no apostrophe where none is needed)', () => {
    expect(asText('Nhận thức số')).toBe('Nhận thức số');
    expect(asText('')).toBe('');
  });

  it('writes a layout date as its instant in the spreadsheet’s zone, a non-finite number as empty', () => {
    expect(sheetValue({ date: '2026-12-20', time: '09:30' }, 'Asia/Ho_Chi_Minh')).toEqual(
      new Date('2026-12-20T09:30:00+07:00'),
    );
    expect(sheetValue({ date: '2026-12-20', time: null }, 'Pacific/Auckland')).toEqual(
      new Date('2026-12-19T11:00:00Z'),
    );
    expect(sheetValue(Number.POSITIVE_INFINITY, 'Asia/Ho_Chi_Minh')).toBe('');
  });
});
