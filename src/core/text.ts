/** Text helpers shared by the whole core. Pure functions, no platform globals. */

const COMBINING = /[\u0300-\u036f]/;
const IRREGULAR_SPACE = /\s\s|[^\S ]|^\s|\s$/;

/**
 * Characters that show nothing: zero-width spaces and joiners, word joiner, direction marks and
 * embeddings, soft hyphen, BOM, Hangul fillers. They are dropped wherever text is compared or
 * shown, so "\u200B" is an empty lead and "Cơ quan\u200B chủ trì" is the standard header.
 */
export const INVISIBLE =
  /[\u00ad\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0]/g;
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

/** Drops invisible characters (see INVISIBLE). */
export function visible(text: string): string {
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
}

/**
 * NFC text without invisible characters, every run of whitespace (line breaks included) collapsed
 * to one space, trimmed.
 */
export function collapse(text: string): string {
  const v = visible(text);
  const nfc = COMBINING.test(v) ? v.normalize('NFC') : v;
  return IRREGULAR_SPACE.test(nfc) ? nfc.replace(/\s+/g, ' ').trim() : nfc;
}

/** Per UTF-16 unit below 0x2000: its folded form (lower case, no diacritics), filled lazily. */
const FOLDED: (string | undefined)[] = new Array(0x2000);

function foldChar(code: number, ch: string): string {
  if (code >= 0x2000) return HAS_INVISIBLE.test(ch) ? '' : /\s/.test(ch) ? ' ' : ch.toLowerCase();
  let f = FOLDED[code];
  // Stryker disable next-line ConditionalExpression: a cache; folding again gives the same
  if (f === undefined) {
    f = ch
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    if (/\s/.test(ch)) f = ' ';
    if (HAS_INVISIBLE.test(ch)) f = '';
    FOLDED[code] = f;
  }
  return f;
}

/**
 * Folds Vietnamese text for matching: NFC/NFD alike, lower case, diacritics removed (đ → d),
 * whitespace collapsed. "Thời gian\nhoàn thành" → "thoi gian hoan thanh".
 */
export function fold(text: string): string {
  let out = '';
  let space = false;
  // Stryker disable next-line EqualityOperator: one step past the end reads "", which adds nothing
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ch = text.charAt(i);
    let f: string;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the ASCII fast path; the table folds ASCII the same
    if (code >= 0x80) f = foldChar(code, ch);
    else if (code >= 0x41 && code <= 0x5a) f = String.fromCharCode(code + 32);
    else f = code === 0x20 || (code >= 0x09 && code <= 0x0d) ? ' ' : ch;
    if (f === ' ') {
      space = out.length > 0;
      continue;
    }
    if (f === '') continue;
    if (space) out += ' ';
    space = false;
    out += f;
  }
  return out;
}

const LEADING_PUNCTUATION = new Set([...' -–—•*+.:;,()[]']);
const TRAILING_PUNCTUATION = new Set([...' .:;,*()[]']);

/** fold() plus removal of surrounding punctuation, for header and vocabulary matching. */
export function foldKey(text: string): string {
  const f = fold(text);
  // Trimmed by hand: an end-anchored pattern would rescan long runs of punctuation quadratically.
  let start = 0;
  let end = f.length;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end charAt gives "", which stops the loop
  while (start < end && LEADING_PUNCTUATION.has(f.charAt(start))) start++;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: crossing start only trims what the loop above trimmed
  while (end > start && TRAILING_PUNCTUATION.has(f.charAt(end - 1))) end--;
  return f
    .slice(start, end)
    .replace(/ ?\/ ?/g, '/')
    .replace(/ ?- ?/g, '-');
}

/** 0-based column index → spreadsheet letters (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Spreadsheet letters → 0-based column index (A → 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** Parses a Roman numeral (I … XXXIX); null when the text is not one. */
export function romanValue(text: string): number | null {
  const t = text.trim().toUpperCase();
  if (!/^(X{0,3})(IX|IV|V?I{0,3})$/.test(t) || t === '') return null;
  let total = 0;
  // Stryker disable next-line EqualityOperator: one step past the end adds 0
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i] as string] ?? 0;
    const next = ROMAN[t[i + 1] as string] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** An integer 1 … 3999 as a Roman numeral (1 → I, 9 → IX). */
export function romanNumeral(n: number): string {
  const parts: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = Math.max(1, Math.min(3999, Math.floor(n)));
  let out = '';
  for (const [value, numeral] of parts)
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  return out;
}
