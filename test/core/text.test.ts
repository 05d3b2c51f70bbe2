/** The text helpers every comparison goes through: what looks the same to an officer is the same. */
import {
  collapse,
  columnIndex,
  columnLetter,
  fold,
  foldKey,
  romanNumeral,
  romanValue,
  visible,
} from '../../src/core/text';

describe('visible', () => {
  test('drops characters that show nothing, keeps everything else as it is', () => {
    const hidden = [
      '\u00ad',
      '\u115f',
      '\u1160',
      '\u180e',
      '\u200b',
      '\u200f',
      '\u202a',
      '\u202e',
      '\u2060',
      '\u2064',
      '\u2066',
      '\u206f',
      '\u3164',
      '\ufeff',
      '\uffa0',
    ];
    for (const h of hidden)
      expect([h.codePointAt(0), visible(`Công${h} an`)]).toEqual([h.codePointAt(0), 'Công an']);
    const plain = 'Cơ quan chủ trì';
    expect(visible(plain)).toBe(plain);
    expect(visible('a\u2065b')).toBe('a\u2065b');
  });
});

describe('collapse', () => {
  test('one space between words, none around, line breaks and tabs included', () => {
    expect(collapse('  Cơ quan\n\tchủ   trì \u00a0')).toBe('Cơ quan chủ trì');
    expect(collapse('\nUBND')).toBe('UBND');
    expect(collapse('UBND xã')).toBe('UBND xã');
  });

  test('decomposed Vietnamese (typed on a Mac or pasted from a PDF) becomes the composed form', () => {
    const nfd = 'Thời gian'.normalize('NFD');
    expect(nfd).not.toBe('Thời gian');
    expect(collapse(nfd)).toBe('Thời gian');
  });

  test('invisible characters go before spaces are counted', () => {
    expect(collapse('Cơ quan\u200b chủ trì')).toBe('Cơ quan chủ trì');
  });
});

describe('fold', () => {
  test('lower case, no diacritics, đ as d, one space', () => {
    expect(fold('Thời gian\nhoàn thành')).toBe('thoi gian hoan thanh');
    expect(fold('ĐỒNG ĐỘI')).toBe('dong doi');
    expect(fold('  Cơ   quan  ')).toBe('co quan');
    expect(fold('Tổ\tcông\rtác\fsố\vhóa')).toBe('to cong tac so hoa');
  });

  test('composed and decomposed text fold alike', () => {
    expect(fold('Nhận thức số'.normalize('NFD'))).toBe(fold('Nhận thức số'));
  });

  test('no-break and wide spaces are spaces; invisible characters are nothing', () => {
    expect(fold('a\u00a0b\u3000c\u2003d')).toBe('a b c d');
    expect(fold('Công\u200b an\ufeff')).toBe('cong an');
  });

  test('other characters stay, lower-cased', () => {
    expect(fold('Quý IV/2025 – Ω…')).toBe('quy iv/2025 – ω…');
    expect(fold('@[x]_{y}')).toBe('@[x]_{y}');
  });
});

describe('foldKey', () => {
  test('drops bullets and punctuation around, tightens slashes and dashes', () => {
    expect(foldKey('• Cơ quan chủ trì:')).toBe('co quan chu tri');
    expect(foldKey('- (Tiến độ).')).toBe('tien do');
    expect(foldKey('Thời gian / thời hạn')).toBe('thoi gian/thoi han');
    expect(foldKey('VH - XH')).toBe('vh-xh');
    expect(foldKey('---')).toBe('');
  });

  test('a dash or bullet at the end is part of the text', () => {
    expect(foldKey('Phòng VH-')).toBe('phong vh-');
  });
});

describe('column letters', () => {
  test.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i ↔ %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });
});

describe('Roman numerals', () => {
  test.each([
    ['I', 1],
    ['IV', 4],
    ['V', 5],
    ['IX', 9],
    ['XIV', 14],
    ['XIX', 19],
    ['XXXIX', 39],
    [' iv ', 4],
  ])('%s is %i', (text, n) => {
    expect(romanValue(text)).toBe(n);
  });

  test('what is not a numeral of a plan’s sections is none', () => {
    for (const t of ['', 'IIII', 'VV', 'IC', 'L', 'XL', 'A', 'II.', '1'])
      expect([t, romanValue(t)]).toEqual([t, null]);
  });

  test.each([
    [1, 'I'],
    [4, 'IV'],
    [9, 'IX'],
    [14, 'XIV'],
    [40, 'XL'],
    [90, 'XC'],
    [400, 'CD'],
    [900, 'CM'],
    [1994, 'MCMXCIV'],
    [3999, 'MMMCMXCIX'],
  ])('%i is %s', (n, numeral) => {
    expect(romanNumeral(n)).toBe(numeral);
  });

  test('numbers outside 1 … 3999 are held to the range, fractions cut', () => {
    expect(romanNumeral(0)).toBe('I');
    expect(romanNumeral(5000)).toBe('MMMCMXCIX');
    expect(romanNumeral(2.7)).toBe('II');
  });
});
