/** Text helpers shared by the whole core. Pure functions, no platform globals. */

/** Collapses every run of whitespace (line breaks included) to one space and trims. */
export function collapse(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Folds Vietnamese text for matching: NFC/NFD alike, lower case, diacritics removed (đ → d),
 * whitespace collapsed. "Thời gian\nhoàn thành" → "thoi gian hoan thanh".
 */
export function fold(text: string): string {
  return collapse(
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase(),
  );
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
