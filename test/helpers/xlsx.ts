/**
 * Builds small .xlsx files part by part (fflate's zipSync), and hostile ones whose parts inflate
 * to hundreds of megabytes without the test ever holding them: a periodic text is written as
 * DEFLATE back-references by hand, so a 400 MB part costs a few megabytes and milliseconds.
 */
import { deflateSync, strToU8, zipSync } from 'fflate';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The <sheetData> content (rows), or the whole part when `raw`. */
  rows: string;
  after?: string;
  raw?: boolean;
  path?: string;
}

export interface BookSpec {
  sheets: SheetSpec[];
  /** Shared strings as <si> contents ("<t>a</t>"), or a whole part. */
  shared?: string[] | string;
  /** Number formats: cellXfs entries as numFmtId, with custom formats. */
  styles?: { xfs: number[]; formats?: Record<number, string> };
  date1904?: boolean;
}

export function cellXml(ref: string, value: string | number | boolean, style?: number): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t>${esc(value)}</t></is></c>`;
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The parts of a workbook (path → text). */
export function bookParts(spec: BookSpec): Record<string, string> {
  const parts: Record<string, string> = {};
  parts['[Content_Types].xml'] =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  parts['_rels/.rels'] =
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const rels: string[] = [];
  const sheets = spec.sheets.map((s, k) => {
    const path = s.path ?? `worksheets/sheet${k + 1}.xml`;
    rels.push(`<Relationship Id="rId${k + 1}" Type="${REL}/worksheet" Target="${path}"/>`);
    parts[path.startsWith('/') ? path.slice(1) : `xl/${path}`] = s.raw
      ? s.rows
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>${s.rows}</sheetData>${s.after ?? ''}</worksheet>`;
    return `<sheet name="${esc(s.name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`;
  });
  if (spec.shared !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts['xl/sharedStrings.xml'] =
      typeof spec.shared === 'string'
        ? spec.shared
        : `<?xml version="1.0"?><sst xmlns="${NS}" count="${spec.shared.length}" uniqueCount="${spec.shared.length}">${spec.shared.map((s) => `<si>${s}</si>`).join('')}</sst>`;
  }
  if (spec.styles) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
    const formats = Object.entries(spec.styles.formats ?? {})
      .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code).replace(/"/g, '&quot;')}"/>`)
      .join('');
    parts['xl/styles.xml'] =
      `<?xml version="1.0"?><styleSheet xmlns="${NS}"><numFmts>${formats}</numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs>${spec.styles.xfs.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"><alignment wrapText="1"/></xf>`).join('')}</cellXfs></styleSheet>`;
  }
  parts['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  parts['xl/workbook.xml'] =
    `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets.join('')}</sheets></workbook>`;
  return parts;
}

export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) files[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(files);
}

export function xlsx(spec: BookSpec): Uint8Array {
  return zipParts(bookParts(spec));
}

// ---------------------------------------------------------------------------------------------
// Hand-made DEFLATE for periodic text

class Bits {
  private out = new Uint8Array(1 << 16);
  private len = 0;
  private acc = 0;
  private n = 0;
  /** Writes `len` (≤ 30) bits of `value`, least significant first. */
  put(value: number, len: number): void {
    if (len > 16) {
      this.put(value & 0xffff, 16);
      this.put(value >>> 16, len - 16);
      return;
    }
    this.acc |= (value & ((1 << len) - 1)) << this.n;
    this.n += len;
    while (this.n >= 8) {
      if (this.len === this.out.length) {
        const grown = new Uint8Array(this.out.length * 2);
        grown.set(this.out);
        this.out = grown;
      }
      this.out[this.len++] = this.acc & 0xff;
      this.acc >>>= 8;
      this.n -= 8;
    }
  }
  /** Writes a Huffman code (most significant bit first). */
  code(value: number, len: number): void {
    let r = 0;
    for (let k = 0; k < len; k++) r |= ((value >>> k) & 1) << (len - 1 - k);
    this.put(r, len);
  }
  /** The bits written so far (at most 30), to replay them with put(). */
  pending(): { value: number; len: number } {
    let value = 0;
    for (let k = 0; k < this.len; k++) value |= (this.out[k] as number) << (8 * k);
    value |= this.acc << (8 * this.len);
    return { value, len: this.len * 8 + this.n };
  }
  bytes(): Uint8Array {
    if (this.n > 0) this.put(0, 8 - this.n);
    return this.out.slice(0, this.len);
  }
}

function literal(b: Bits, v: number): void {
  if (v < 144) b.code(0x30 + v, 8);
  else b.code(0x190 + v - 144, 9);
}

function distance(b: Bits, d: number): void {
  if (d <= 4) return b.code(d - 1, 5);
  let code = 4;
  for (;;) {
    const extra = (code >> 1) - 1;
    const base = 1 + ((2 | (code & 1)) << extra);
    if (d < base + (1 << extra)) {
      b.code(code, 5);
      b.put(d - base, extra);
      return;
    }
    code++;
  }
}

/**
 * Raw DEFLATE (one fixed-Huffman block) for head + unit × times + tail: the unit once as
 * literals, then copies of 258 bytes from `unit.length` back. Returns the data and its size.
 */
export function deflatePeriodic(
  head: string,
  unit: string,
  times: number,
  tail: string,
): { data: Uint8Array; size: number } {
  const h = strToU8(head);
  const u = strToU8(unit);
  const t = strToU8(tail);
  if (u.length > 32768 || u.length === 0) throw new Error('unit must be 1–32768 bytes');
  const b = new Bits();
  b.put(1, 1); // final block
  b.put(1, 2); // fixed Huffman
  h.forEach((v) => literal(b, v));
  u.forEach((v) => literal(b, v));
  let left = u.length * (times - 1);
  // One copy: length code 285 (258 bytes), then the distance; its bits are the same each time.
  const copy = new Bits();
  copy.code(0xc0 + 5, 8);
  distance(copy, u.length);
  const copyBits = copy.pending();
  while (left >= 258) {
    b.put(copyBits.value, copyBits.len);
    left -= 258;
  }
  // The rest of the repeats as literals, continuing the period.
  const done = u.length * times - left;
  for (let k = 0; k < left; k++) literal(b, u[(done + k) % u.length] as number);
  t.forEach((v) => literal(b, v));
  b.code(0, 7); // end of block
  return { data: b.bytes(), size: h.length + u.length * times + t.length };
}

/** A ZIP whose entries are given already deflated (CRC left 0: the reader under test does not check it). */
export function rawZip(
  entries: { name: string; data: Uint8Array; size: number; method?: number; declaredSize?: number }[],
): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const method = e.method ?? 8;
    const size = e.declaredSize ?? e.size;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, method, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    chunks.push(local, e.data);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((a, c) => a + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((a, c) => a + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * A workbook whose one part (`part`, e.g. the sheet or the shared strings) is head + unit ×
 * times + tail, written by hand; the other parts are ordinary.
 */
export function hostileXlsx(
  spec: BookSpec,
  part: string,
  body: { head: string; unit: string; times: number; tail: string },
  declaredSize?: number,
): Uint8Array {
  const parts = bookParts(spec);
  const entries = Object.entries(parts)
    .filter(([name]) => name !== part)
    .map(([name, text]): { name: string; data: Uint8Array; size: number; declaredSize?: number } => {
      const raw = strToU8(text);
      return { name, data: deflateSync(raw), size: raw.length };
    });
  const big = deflatePeriodic(body.head, body.unit, body.times, body.tail);
  entries.push({ name: part, data: big.data, size: big.size, declaredSize });
  return rawZip(entries);
}
