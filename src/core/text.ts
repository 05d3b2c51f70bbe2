/** Text helpers shared by the whole core. Pure functions, no platform globals. */

const COMBINING = /[\u0300-\u036f]/;
const IRREGULAR_SPACE = /\s\s|[^\S ]|^\s|\s$/;

/** NFC text with every run of whitespace (line breaks included) collapsed to one space, trimmed. */
export function collapse(text: string): string {
  const nfc = COMBINING.test(text) ? text.normalize('NFC') : text;
  return IRREGULAR_SPACE.test(nfc) ? nfc.replace(/\s+/g, ' ').trim() : nfc;
}

/** Per UTF-16 unit below 0x2000: its folded form (lower case, no diacritics), filled lazily. */
const FOLDED: (string | undefined)[] = new Array(0x2000);

function foldChar(code: number, ch: string): string {
  if (code >= 0x2000) return ch.toLowerCase();
  let f = FOLDED[code];
  if (f === undefined) {
    f = ch
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    if (/\s/.test(ch)) f = ' ';
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
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ch = text.charAt(i);
    let f: string;
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

/** fold() plus removal of surrounding punctuation, for header and vocabulary matching. */
export function foldKey(text: string): string {
  return fold(text)
    .replace(/^[\s\-–—•*+.:;,()[\]]+/, '')
    .replace(/[\s.:;,*()[\]]+$/, '')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s*-\s*/g, '-');
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
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i] as string] ?? 0;
    const next = ROMAN[t[i + 1] as string] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
