/**
 * Folding at its edges: the last capital letter, full-width letters, an invisible character
 * between two spaces, slashes and dashes spaced on one side only; Roman numerals that need every
 * symbol.
 */
import { fold, foldKey, romanNumeral } from '../../src/core/text';

describe('fold', () => {
  it('lowers every capital, Z included', () => {
    expect(fold('XYZ ABC')).toBe('xyz abc');
  });

  it('lowers full-width letters typed with an East Asian keyboard', () => {
    expect(fold('ＳＴＴ')).toBe('ｓｔｔ');
  });

  it('drops an invisible character standing between two spaces without doubling the space', () => {
    expect(fold('Cơ quan \u200b chủ trì')).toBe('co quan chu tri');
  });
});

describe('foldKey', () => {
  it('closes a slash or a dash spaced on one side only', () => {
    expect(foldKey('Thời gian/ thời hạn')).toBe('thoi gian/thoi han');
    expect(foldKey('Thời gian /thời hạn')).toBe('thoi gian/thoi han');
    expect(foldKey('VH- XH')).toBe('vh-xh');
    expect(foldKey('VH -XH')).toBe('vh-xh');
  });
});

describe('romanNumeral with every symbol', () => {
  test.each([
    [5, 'V'],
    [8, 'VIII'],
    [50, 'L'],
    [100, 'C'],
    [500, 'D'],
    [2026, 'MMXXVI'],
    [3888, 'MMMDCCCLXXXVIII'],
  ])('%i is %s', (n, numeral) => {
    expect(romanNumeral(n)).toBe(numeral);
  });
});
