/**
 * Reading a CSV file as officers export it: UTF-8 (with or without BOM), UTF-16 with a BOM, or
 * the Vietnamese Windows code page 1258; comma, semicolon, tab or vertical bar separated. One
 * linear pass (RFC 4180 quotes, doubled quotes, line breaks inside quotes), no recursion and no
 * spread of big arrays; the caps of table-limits.ts hold. Pure: no Buffer, no TextDecoder.
 */
import { strFromU8 } from 'fflate';
import type { SheetInput } from './grid';
import { DEFAULT_TABLE_LIMITS, GridBuilder, TRUNCATION_MARK, type TableLimits } from './table-limits';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface CsvResult {
  sheet: SheetInput;
  encoding: CsvEncoding;
  delimiter: string;
  /** Bytes that were not valid in the encoding, each read as U+FFFD. */
  badBytes: number;
}

export interface CsvOptions {
  /** The file's name, for messages. */
  fileName?: string;
  limits?: Partial<TableLimits>;
}

// ---------------------------------------------------------------------------------------------
// Decoding

/** Windows-1258, bytes 0x80–0xFF (0xFFFD where the code page defines nothing). */
const CP1258_HIGH: readonly number[] = [
  // 0x80
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0xfffd, 0x2039, 0x0152,
  0xfffd, 0xfffd, 0xfffd,
  // 0x90
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0xfffd, 0x203a, 0x0153,
  0xfffd, 0xfffd, 0x0178,
  // 0xA0–0xBF: as Latin-1
  0x00a0, 0x00a1, 0x00a2, 0x00a3, 0x00a4, 0x00a5, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x00aa, 0x00ab, 0x00ac,
  0x00ad, 0x00ae, 0x00af, 0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x00b4, 0x00b5, 0x00b6, 0x00b7, 0x00b8, 0x00b9,
  0x00ba, 0x00bb, 0x00bc, 0x00bd, 0x00be, 0x00bf,
  // 0xC0: À Á Â Ă Ä Å Æ Ç È É Ê Ë (grave) Í Î Ï
  0x00c0, 0x00c1, 0x00c2, 0x0102, 0x00c4, 0x00c5, 0x00c6, 0x00c7, 0x00c8, 0x00c9, 0x00ca, 0x00cb, 0x0300,
  0x00cd, 0x00ce, 0x00cf,
  // 0xD0: Đ Ñ (hook above) Ó Ô Ơ Ö × Ø Ù Ú Û Ü Ư (tilde) ß
  0x0110, 0x00d1, 0x0309, 0x00d3, 0x00d4, 0x01a0, 0x00d6, 0x00d7, 0x00d8, 0x00d9, 0x00da, 0x00db, 0x00dc,
  0x01af, 0x0303, 0x00df,
  // 0xE0: à á â ă ä å æ ç è é ê ë (acute) í î ï
  0x00e0, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x00e5, 0x00e6, 0x00e7, 0x00e8, 0x00e9, 0x00ea, 0x00eb, 0x0301,
  0x00ed, 0x00ee, 0x00ef,
  // 0xF0: đ ñ (dot below) ó ô ơ ö ÷ ø ù ú û ü ư ₫ ÿ
  0x0111, 0x00f1, 0x0323, 0x00f3, 0x00f4, 0x01a1, 0x00f6, 0x00f7, 0x00f8, 0x00f9, 0x00fa, 0x00fb, 0x00fc,
  0x01b0, 0x20ab, 0x00ff,
];

/** Builds a string from UTF-16 code units, a bounded chunk at a time (no spread of a big array). */
function fromUnits(units: Uint16Array): string {
  const parts: string[] = [];
  const STEP = 8192;
  for (let i = 0; i < units.length; i += STEP)
    parts.push(String.fromCharCode.apply(null, units.subarray(i, i + STEP) as unknown as number[]));
  return parts.join('');
}

export function decodeCp1258(bytes: Uint8Array): { text: string; bad: number } {
  const units = new Uint16Array(bytes.length);
  let bad = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    const u = b < 0x80 ? b : (CP1258_HIGH[b - 0x80] as number);
    if (u === 0xfffd) bad++;
    units[i] = u;
  }
  return { text: fromUnits(units).normalize('NFC'), bad };
}

export function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const n = bytes.length >> 1;
  const units = new Uint16Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 2)
    units[i] = littleEndian
      ? (bytes[j] as number) | ((bytes[j + 1] as number) << 8)
      : ((bytes[j] as number) << 8) | (bytes[j + 1] as number);
  return fromUnits(units);
}

/** Length of the valid UTF-8 sequence at i (1 for ASCII), or 0 when the byte there starts none. */
function utf8Length(b: Uint8Array, i: number): number {
  const c = b[i] as number;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const x = b[i + k];
    return x !== undefined && x >= lo && x <= hi;
  };
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Counts valid multi-byte sequences and invalid bytes. */
export function utf8Stats(bytes: Uint8Array): { multi: number; bad: number } {
  let multi = 0;
  let bad = 0;
  const n = bytes.length;
  for (let i = 0; i < n;) {
    if ((bytes[i] as number) < 0x80) {
      i++;
      continue;
    }
    const len = utf8Length(bytes, i);
    if (len === 0) {
      bad++;
      i++;
    } else {
      multi++;
      i += len;
    }
  }
  return { multi, bad };
}

/** UTF-8 with each invalid byte read as U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): { text: string; bad: number } {
  const { bad } = utf8Stats(bytes);
  if (bad === 0) return { text: strFromU8(bytes), bad };
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length;) {
    if ((bytes[i] as number) < 0x80) {
      i++;
      continue;
    }
    const len = utf8Length(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    if (i > start) parts.push(strFromU8(bytes.subarray(start, i)));
    parts.push('\ufffd');
    start = ++i;
  }
  if (start < bytes.length) parts.push(strFromU8(bytes.subarray(start)));
  return { text: parts.join(''), bad };
}

/**
 * The file's text: a BOM decides; else UTF-8 when its non-ASCII bytes form valid UTF-8 with at
 * most one invalid byte for four valid sequences (Vietnamese in Windows-1258 forms next to no
 * valid sequence, so one stray byte in a UTF-8 file, even a short one, does not flip it), else
 * Windows-1258. Results are NFC.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding; badBytes: number } {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    const { text, bad } = decodeUtf8(bytes.subarray(3));
    return { text: text.normalize('NFC'), encoding: 'utf-8', badBytes: bad };
  }
  if (b0 === 0xff && b1 === 0xfe)
    return { text: decodeUtf16(bytes.subarray(2), true).normalize('NFC'), encoding: 'utf-16le', badBytes: 0 };
  if (b0 === 0xfe && b1 === 0xff)
    return {
      text: decodeUtf16(bytes.subarray(2), false).normalize('NFC'),
      encoding: 'utf-16be',
      badBytes: 0,
    };
  const { multi, bad } = utf8Stats(bytes);
  if (bad === 0 || multi >= bad * 4) {
    const { text } = decodeUtf8(bytes);
    return { text: text.normalize('NFC'), encoding: 'utf-8', badBytes: bad };
  }
  const { text, bad: undefinedBytes } = decodeCp1258(bytes);
  return { text, encoding: 'windows-1258', badBytes: undefinedBytes };
}

// ---------------------------------------------------------------------------------------------
// Separator

const CANDIDATES = [',', ';', '\t', '|'];

/**
 * The separator: for each candidate, how many times it occurs outside quotes on each of the
 * first records; the one whose count is the same on most records wins (ties: more columns,
 * then the order above). Quotes are followed across line breaks.
 */
export function detectDelimiter(text: string, maxRecords = 50): string {
  const codes = CANDIDATES.map((d) => d.charCodeAt(0));
  const perRecord: number[][] = [];
  let counts = codes.map(() => 0);
  let inQuotes = false;
  let nonEmpty = false;
  const n = Math.min(text.length, 1 << 20);
  for (let i = 0; i < n && perRecord.length < maxRecords; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) {
      inQuotes = !inQuotes;
      nonEmpty = true;
    } else if (!inQuotes && (ch === 10 || ch === 13)) {
      if (nonEmpty) perRecord.push(counts);
      counts = codes.map(() => 0);
      nonEmpty = false;
    } else if (!inQuotes) {
      const k = codes.indexOf(ch);
      if (k >= 0) counts[k] = (counts[k] as number) + 1;
      if (ch > 32) nonEmpty = true;
    }
  }
  if (nonEmpty && perRecord.length < maxRecords) perRecord.push(counts);
  let best = ',';
  let bestScore = 0;
  let bestWidth = 0;
  CANDIDATES.forEach((d, k) => {
    const freq = new Map<number, number>();
    for (const c of perRecord) {
      const v = c[k] as number;
      if (v > 0) freq.set(v, (freq.get(v) ?? 0) + 1);
    }
    let mode = 0;
    let score = 0;
    for (const [v, f] of freq) if (f > score || (f === score && v > mode)) [mode, score] = [v, f];
    if (score > bestScore || (score === bestScore && score > 0 && mode > bestWidth)) {
      best = d;
      bestScore = score;
      bestWidth = mode;
    }
  });
  return best;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Reads a CSV file into one sheet named `name`. Throws UserError past the limits. */
export function readCsv(bytes: Uint8Array, name: string, options: CsvOptions = {}): CsvResult {
  const limits: TableLimits = { ...DEFAULT_TABLE_LIMITS, ...options.limits };
  const { text, encoding, badBytes } = decodeCsvBytes(bytes);
  const delimiter = detectDelimiter(text);
  const builder = new GridBuilder({ file: options.fileName, sheet: name }, limits);
  parseCsv(text, delimiter, limits, (row, col, value) => builder.set(row, col, value));
  const { values } = builder.build();
  return { sheet: { name, values, merges: [] }, encoding, delimiter, badBytes };
}

/**
 * One pass over the text, calling cell(row, column, value) for each field that is not empty.
 * Fields past the column limit are skipped without being built; a field longer than the cell
 * limit is cut and marked.
 */
export function parseCsv(
  text: string,
  delimiter: string,
  limits: Pick<TableLimits, 'maxColumns' | 'maxCellChars'>,
  cell: (row: number, column: number, value: string) => void,
): void {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const cap = limits.maxCellChars;
  let row = 0;
  let col = 0;
  let i = 0;
  const emit = (value: string) => {
    if (value !== '' && col < limits.maxColumns) cell(row, col, value);
  };
  while (i < n) {
    let ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      // A quoted field: up to the quote not followed by another; "" is one quote.
      let value = '';
      let from = i + 1;
      let closed = false;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) break;
        if (value.length <= cap) value += text.slice(from, Math.min(q, from + cap + 1));
        if (text.charCodeAt(q + 1) === 34) {
          if (value.length <= cap) value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        closed = true;
        break;
      }
      if (!closed) {
        // An unclosed quote takes the rest of the file, as spreadsheet programs do.
        if (value.length <= cap) value += text.slice(from, Math.min(n, from + cap + 1));
        i = n;
      }
      // Anything between the closing quote and the separator belongs to the field.
      let j = i;
      while (j < n) {
        ch = text.charCodeAt(j);
        if (ch === d || ch === 10 || ch === 13) break;
        j++;
      }
      if (j > i && value.length <= cap) value += text.slice(i, Math.min(j, i + cap + 1));
      i = j;
      emit(value.length > cap ? value.slice(0, cap) + TRUNCATION_MARK : value);
    } else {
      let j = i;
      while (j < n) {
        ch = text.charCodeAt(j);
        if (ch === d || ch === 10 || ch === 13) break;
        j++;
      }
      if (j > i && col < limits.maxColumns)
        emit(j - i > cap ? text.slice(i, i + cap) + TRUNCATION_MARK : text.slice(i, j));
      i = j;
    }
    // After a field: a separator, a line break, or the end.
    if (i >= n) break;
    ch = text.charCodeAt(i);
    if (ch === d) {
      col++;
      i++;
      if (i >= n) break;
    } else {
      // \r\n, \n or \r ends the record.
      i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      row++;
      col = 0;
    }
  }
}
