/**
 * A lean, bounded .xlsx reader: only what a check needs (cell values, shared strings, number
 * formats that make a number a date, merges) from the workbook part, its relationships and the
 * one sheet asked for. Values come out as Google Sheets' getValues() gives them (see grid.ts).
 *
 * Bounded: the container's limits (entry count, sizes, ratios) are checked by zip.ts before and
 * while inflating; rows, columns, cells, merged cells, cell text and shared strings have caps of
 * their own (table-limits.ts), so a hostile file is refused quickly or read within them.
 * Pure: bytes in, values out; runs in Node, in a browser and in Apps Script.
 */
import { strFromU8 } from 'fflate';
import { dayInZone, isoDay } from './dates';
import { UserError, isUserError } from './errors';
import type { CellValue, MergeRange, SheetInput } from './grid';
import {
  DEFAULT_TABLE_LIMITS,
  GridBuilder,
  TRUNCATION_MARK,
  capText,
  groupDigits,
  type TableLimits,
} from './table-limits';
import { XmlError, decodeEntities, scanXml } from './xml';
import { DEFAULT_ZIP_LIMITS, ZipError, looksLikeZip, openZip, type ZipArchive, type ZipLimits } from './zip';

export type FileFormat = 'xlsx' | 'docx' | 'zip' | 'ole2' | 'pdf' | 'image' | 'text' | 'empty' | 'unknown';

export interface XlsxLimits extends TableLimits {
  /** Most shared strings a workbook may have. */
  maxSharedStrings: number;
  zip: ZipLimits;
}

/**
 * The container's limits for a workbook: a 100,000-task plan has a 29 MB sheet part and 14 MB of
 * shared strings; a part over 64 MB, or 128 MB read in all, is no plan (and inflating one holds
 * it twice for a moment, so these bound the reader's memory too).
 */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  ...DEFAULT_TABLE_LIMITS,
  maxSharedStrings: 2_000_000,
  zip: { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024 },
};

export interface XlsxOptions {
  /** The zone in which a date cell's day starts (default Asia/Ho_Chi_Minh, like the engine). */
  timeZone?: string;
  /** The file's name, for messages ("Tệp “ke-hoach.xlsx” …"). */
  fileName?: string;
  limits?: Partial<Omit<XlsxLimits, 'zip'>> & { zip?: Partial<ZipLimits> };
}

export interface XlsxBook {
  /** Sheet names in the workbook's order (hidden sheets and chart sheets included). */
  sheetNames: string[];
  /**
   * Reads one sheet: only now is its part inflated and scanned (the last sheet read is kept).
   * All the parts read from one workbook count against its total limit. Throws UserError.
   */
  sheet(name: string): SheetInput;
}

// ---------------------------------------------------------------------------------------------
// Format detection

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What the bytes are, from their first bytes (and a ZIP's entry names). */
export function detectFormat(bytes: Uint8Array): FileFormat {
  if (bytes.length === 0) return 'empty';
  if (looksLikeZip(bytes)) {
    const names = zipNames(bytes);
    if (names.some((n) => n === 'xl/workbook.xml' || n.startsWith('xl/worksheets/'))) return 'xlsx';
    if (names.some((n) => n === 'word/document.xml' || n.startsWith('word/'))) return 'docx';
    return 'zip';
  }
  if (startsWith(bytes, OLE2)) return 'ole2';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    startsWith(bytes, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) || // GIF8
    (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) || // WEBP
    startsWith(bytes, [0x42, 0x4d, 0x00]) // BMP (a CSV may start with "BM")
  )
    return 'image';
  return looksLikeText(bytes) ? 'text' : 'unknown';
}

/** Entry names of a ZIP: its central directory, else (a truncated file) its first local headers. */
function zipNames(bytes: Uint8Array): string[] {
  try {
    return openZip(bytes).names();
  } catch {
    const names: string[] = [];
    let at = 0;
    for (let n = 0; n < 64 && at + 30 <= bytes.length; n++) {
      if (!startsWith(bytes, [0x50, 0x4b, 3, 4], at)) break;
      const compressed =
        (bytes[at + 18] as number) |
        ((bytes[at + 19] as number) << 8) |
        ((bytes[at + 20] as number) << 16) |
        ((bytes[at + 21] as number) << 24);
      const nameLength = (bytes[at + 26] as number) | ((bytes[at + 27] as number) << 8);
      const extra = (bytes[at + 28] as number) | ((bytes[at + 29] as number) << 8);
      names.push(strFromU8(bytes.subarray(at + 30, Math.min(bytes.length, at + 30 + nameLength))));
      at += 30 + nameLength + extra + (compressed >>> 0);
    }
    return names;
  }
}

/** Text: a UTF-16 byte-order mark, or a first 4 KB without NUL and with few control bytes. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return false;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control * 100 <= n;
}

// ---------------------------------------------------------------------------------------------
// Messages

function named(file: string | undefined): string {
  return file ? `Tệp “${file}”` : 'Tệp này';
}

const SAVE_AS_XLSX = 'Hãy mở bằng Excel (hoặc Google Trang tính) rồi lưu lại dạng .xlsx và thử lại.';

/** Looks inside an OLE2 container for the names of its streams (stored as UTF-16LE). */
function oleKind(bytes: Uint8Array): 'encrypted' | 'xls' | 'doc' | 'other' {
  const has = (name: string) => {
    const sig: number[] = [];
    for (const ch of name) sig.push(ch.charCodeAt(0), 0);
    const first = sig[0] as number;
    for (
      let i = bytes.indexOf(first);
      i >= 0 && i + sig.length <= bytes.length;
      i = bytes.indexOf(first, i + 1)
    ) {
      if (startsWith(bytes, sig, i)) return true;
    }
    return false;
  };
  if (has('EncryptedPackage') || has('EncryptionInfo')) return 'encrypted';
  if (has('Workbook') || has('Book')) return 'xls';
  if (has('WordDocument')) return 'doc';
  return 'other';
}

/** The refusal for bytes that are not a workbook, naming what they are and what to do. */
export function formatError(format: FileFormat, bytes: Uint8Array, fileName?: string): UserError {
  const f = named(fileName);
  switch (format) {
    case 'empty':
      return new UserError(`${f} trống, không có dữ liệu để kiểm tra.`, 'empty');
    case 'docx':
      return new UserError(
        `${f} là văn bản Word (.docx), không phải bảng tính Excel. Hãy chép bảng phân công sang Excel (hoặc Google Trang tính), lưu dạng .xlsx rồi thử lại.`,
        'docx',
      );
    case 'ole2': {
      const kind = oleKind(bytes);
      if (kind === 'encrypted')
        return new UserError(
          `${f} được đặt mật khẩu (đã mã hóa) nên không đọc được. Hãy mở bằng Excel, vào Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu, lưu lại rồi thử lại.`,
          'encrypted',
        );
      if (kind === 'doc')
        return new UserError(
          `${f} là văn bản Word cũ (.doc), không phải bảng tính. Hãy chép bảng phân công sang Excel, lưu dạng .xlsx rồi thử lại.`,
          'doc',
        );
      if (kind === 'xls')
        return new UserError(
          `${f} là định dạng Excel cũ (.xls, Excel 97–2003). Hãy mở bằng Excel, chọn Lưu thành → “Sổ làm việc Excel (.xlsx)” rồi thử lại.`,
          'xls',
        );
      return new UserError(
        `${f} là tệp Office dạng cũ (.xls) hoặc tệp được đặt mật khẩu, không phải .xlsx. Nếu là Excel 97–2003, hãy lưu lại dạng .xlsx; nếu có mật khẩu, hãy bỏ mật khẩu, lưu lại rồi thử lại.`,
        'ole2',
      );
    }
    case 'pdf':
      return new UserError(
        `${f} là tài liệu PDF; không đọc được bảng từ PDF. Hãy dùng tệp Excel (.xlsx) hoặc CSV gốc của bảng phân công (nếu chỉ có PDF, hãy chép bảng sang Excel trước).`,
        'pdf',
      );
    case 'image':
      return new UserError(
        `${f} là ảnh (PNG, JPEG, GIF…), không phải bảng tính. Hãy dùng tệp Excel (.xlsx) hoặc CSV của bảng phân công.`,
        'image',
      );
    case 'zip':
      return new UserError(zipKindMessage(f, bytes), 'zip');
    case 'text':
      return new UserError(
        `${f} không phải .xlsx hợp lệ: nội dung là văn bản thuần (có thể là tệp CSV hoặc trang web bị đổi đuôi). Nếu là CSV, hãy đổi đuôi thành .csv; nếu không, ${SAVE_AS_XLSX.charAt(0).toLowerCase()}${SAVE_AS_XLSX.slice(1)}`,
        'text',
      );
    case 'unknown':
    case 'xlsx':
      return new UserError(`${f} không phải .xlsx hợp lệ hoặc đã bị hỏng. ${SAVE_AS_XLSX}`, 'unknown');
  }
}

function zipKindMessage(f: string, bytes: Uint8Array): string {
  const names = zipNames(bytes);
  if (names.includes('xl/workbook.bin'))
    return `${f} là sổ làm việc Excel nhị phân (.xlsb). Hãy mở bằng Excel, lưu lại dạng .xlsx rồi thử lại.`;
  if (names.includes('content.xml') && names.includes('mimetype'))
    return `${f} là bảng tính OpenDocument (.ods). Hãy mở bằng LibreOffice hoặc Excel, lưu lại dạng .xlsx rồi thử lại.`;
  if (names.some((n) => n.startsWith('ppt/')))
    return `${f} là bản trình chiếu PowerPoint, không phải bảng tính. Hãy dùng tệp Excel (.xlsx) của bảng phân công.`;
  return `${f} là tệp nén ZIP, không phải bảng tính Excel (.xlsx). Hãy giải nén rồi chọn tệp .xlsx bên trong, hoặc lưu bảng tính dạng .xlsx.`;
}

/** A ZIP or XML problem, as a sentence naming the file and what to do. */
function containerError(e: unknown, fileName: string | undefined): unknown {
  const f = fileName ? `tệp “${fileName}”` : 'tệp';
  if (e instanceof ZipError) {
    const fix =
      e.problem === 'zip-encrypted'
        ? ''
        : e.problem === 'zip-too-large'
          ? ' Nếu đây là bảng phân công thật, hãy mở bằng Excel, chép riêng bảng sang tệp mới rồi thử lại.'
          : ` ${SAVE_AS_XLSX}`;
    const msg =
      e.problem === 'zip-corrupt' ? 'tệp .xlsx bị hỏng hoặc không đầy đủ (tải về chưa xong?)' : e.message;
    return new UserError(
      `Không đọc được ${f}: ${msg}.${fix}`,
      e.problem === 'zip-encrypted' ? 'encrypted' : e.problem,
    );
  }
  if (e instanceof XmlError)
    return new UserError(`Không đọc được ${f}: ${e.message}. ${SAVE_AS_XLSX}`, 'xml');
  return e;
}

// ---------------------------------------------------------------------------------------------
// Workbook

const REL_TYPE = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  sharedStrings: '/sharedStrings',
  styles: '/styles',
};

interface Rel {
  type: string;
  target: string;
}

/** A part path relative to the folder of `base` ("xl/workbook.xml" + "worksheets/s1.xml"). */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/');
  parts.pop();
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsPath(part: string): string {
  const at = part.lastIndexOf('/');
  return `${part.slice(0, at + 1)}_rels/${part.slice(at + 1)}.rels`;
}

const local = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

function readRels(zip: ZipArchive, part: string): Map<string, Rel> {
  const out = new Map<string, Rel>();
  const xml = zip.text(relsPath(part));
  if (xml === null) return out;
  scanXml(xml, {
    open(name, attrs) {
      if (local(name) === 'Relationship' && attrs.Id && attrs.Target !== undefined)
        out.set(attrs.Id, {
          type: attrs.Type ?? '',
          target: attrs.TargetMode === 'External' ? '' : resolvePart(part, attrs.Target),
        });
    },
  });
  return out;
}

interface SheetRef {
  name: string;
  part: string | null;
}

/** Opens a workbook; throws UserError for what is not one (see detectFormat) or is damaged. */
export function openXlsx(bytes: Uint8Array, options: XlsxOptions = {}): XlsxBook {
  const { fileName } = options;
  const format = detectFormat(bytes);
  if (format !== 'xlsx') {
    // A ZIP that detectFormat could not list may still be a damaged workbook: say it is damaged.
    if (format === 'zip' && zipNames(bytes).length === 0)
      throw containerError(new ZipError('zip-corrupt'), fileName);
    throw formatError(format, bytes, fileName);
  }
  const limits: XlsxLimits = {
    ...DEFAULT_XLSX_LIMITS,
    ...options.limits,
    zip: { ...DEFAULT_XLSX_LIMITS.zip, ...options.limits?.zip },
  };
  try {
    return new Workbook(openZip(bytes, limits.zip), limits, options.timeZone ?? 'Asia/Ho_Chi_Minh', fileName);
  } catch (e) {
    throw containerError(e, fileName);
  }
}

class Workbook implements XlsxBook {
  readonly sheetNames: string[];
  private readonly sheets: SheetRef[] = [];
  private readonly sharedStringsPart: string | null;
  private readonly stylesPart: string | null;
  private shared: string[] | null = null;
  private dateStyles: boolean[] | null = null;
  private readonly dates: DateMaker;
  /** The last sheet read, kept: asking for it again neither inflates nor counts against the limits. */
  private last: SheetInput | null = null;

  constructor(
    private readonly zip: ZipArchive,
    private readonly limits: XlsxLimits,
    timeZone: string,
    private readonly fileName: string | undefined,
  ) {
    const root = readRels(zip, '');
    let workbookPart = 'xl/workbook.xml';
    for (const rel of root.values())
      if (rel.type.endsWith(REL_TYPE.officeDocument) && zip.has(rel.target)) workbookPart = rel.target;
    const xml = zip.text(workbookPart);
    if (xml === null) throw new ZipError('zip-corrupt');
    const rels = readRels(zip, workbookPart);
    let date1904 = false;
    const sheets = this.sheets;
    scanXml(xml, {
      open(name, attrs) {
        const tag = local(name);
        if (tag === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
        else if (tag === 'sheet' && attrs.name !== undefined) {
          const id = attrs['r:id'] ?? Object.entries(attrs).find(([k]) => local(k) === 'id')?.[1];
          const rel = id === undefined ? undefined : rels.get(id);
          sheets.push({ name: attrs.name, part: rel && rel.target ? rel.target : null });
        }
      },
    });
    if (sheets.length === 0) throw new ZipError('zip-corrupt');
    this.sheetNames = sheets.map((s) => s.name);
    let ss: string | null = null;
    let st: string | null = null;
    for (const rel of rels.values()) {
      if (rel.type.endsWith(REL_TYPE.sharedStrings)) ss = rel.target;
      else if (rel.type.endsWith(REL_TYPE.styles)) st = rel.target;
    }
    this.sharedStringsPart = ss ?? (zip.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null);
    this.stylesPart = st ?? (zip.has('xl/styles.xml') ? 'xl/styles.xml' : null);
    this.dates = new DateMaker(timeZone, date1904);
  }

  sheet(name: string): SheetInput {
    const ref = this.sheets.find((s) => s.name === name);
    if (!ref) throw new UserError(`${named(this.fileName)} không có trang “${name}”.`, 'no-sheet');
    if (this.last?.name === name) return this.last;
    try {
      if (ref.part === null || !this.zip.has(ref.part)) return { name, values: [], merges: [] };
      this.last = null;
      this.last = this.readSheet(name, this.zip.read(ref.part) as Uint8Array);
      return this.last;
    } catch (e) {
      if (isUserError(e) && !(e instanceof ZipError) && !(e instanceof XmlError)) throw e;
      throw containerError(e, this.fileName);
    }
  }

  private sharedStrings(): string[] {
    if (this.shared) return this.shared;
    const xml = this.sharedStringsPart === null ? null : this.zip.text(this.sharedStringsPart);
    this.shared = xml === null ? [] : readSharedStrings(xml, this.limits, this.fileName);
    return this.shared;
  }

  private styles(): boolean[] {
    if (this.dateStyles) return this.dateStyles;
    const xml = this.stylesPart === null ? null : this.zip.text(this.stylesPart);
    this.dateStyles = xml === null ? [] : readDateStyles(xml);
    return this.dateStyles;
  }

  /**
   * One pass over the sheet part's bytes (markup is ASCII; only string values are decoded):
   * rows, cells and their values, merges. Cells without a reference follow the previous one.
   */
  private readSheet(name: string, x: Uint8Array): SheetInput {
    const builder = new GridBuilder({ file: this.fileName, sheet: name }, this.limits);
    const merges: MergeRange[] = [];
    const cap = this.limits.maxCellChars;
    const styles = this.styles();
    let shared: string[] | null = null;
    const n = x.length;
    if (x[0] === 0xfe || x[0] === 0xff) throw new XmlError('mã hóa UTF-16 không được hỗ trợ');
    let row = -1;
    let col = -1;
    // The cell being read: its type, whether its style is a date, where its <v> text lies.
    let inCell = false;
    let type = T_NUMBER;
    let dateStyle = false;
    let rawFrom = -1;
    let rawTo = -1;
    let inline = '';
    let i = 0;
    while (i < n) {
      const lt = x.indexOf(60 /* < */, i);
      if (lt < 0) break;
      const c1 = x[lt + 1];
      if (c1 === 47 /* / */) {
        const gt = x.indexOf(62, lt);
        if (gt < 0) throw new XmlError('thẻ không đóng');
        if (inCell && isLocalName(x, lt + 2, gt, 'c')) {
          inCell = false;
          let v: CellValue = '';
          if (type === T_INLINE) v = inline;
          else if (rawFrom >= 0) {
            if (type === T_SHARED) v = (shared ??= this.sharedStrings())[intIn(x, rawFrom, rawTo)] ?? '';
            else if (type === T_NUMBER) {
              const num = numberIn(x, rawFrom, rawTo);
              v = Number.isFinite(num) ? (dateStyle ? this.dates.fromSerial(num) : num) : '';
            } else v = this.otherValue(type, x, rawFrom, rawTo, cap);
          }
          builder.set(row, col, v);
        }
        i = gt + 1;
        continue;
      }
      if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
        i = skipSpecialBytes(x, lt);
        continue;
      }
      // A start tag: its name, then its end (quotes respected).
      let q = lt + 1;
      while (q < n) {
        const ch = x[q] as number;
        if (ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13) break;
        q++;
      }
      const gt = tagEndBytes(x, q);
      const selfClosing = x[gt - 1] === 47;
      const nameStart = prefixEndBytes(x, lt + 1, q);
      const len = q - nameStart;
      const t0 = x[nameStart];
      if (len === 1 && t0 === 99 /* c */) {
        // Attributes read in place: r (reference), t (type), s (style).
        type = T_NUMBER;
        let style = 0;
        let hasRef = false;
        let k = q;
        while (k < gt) {
          const eq = x.indexOf(61 /* = */, k);
          if (eq < 0 || eq >= gt) break;
          let a = k;
          while ((x[a] as number) <= 32) a++;
          const quote = x[eq + 1] as number;
          if (quote !== 34 && quote !== 39) break;
          const vs = eq + 2;
          const ve = x.indexOf(quote, vs);
          if (ve < 0 || ve > gt) break;
          if (eq - a === 1) {
            const an = x[a];
            if (an === 114 /* r */) {
              hasRef = true;
              const at = parseRefAt(x, vs, ve);
              col = at.col;
              if (at.row >= 0) row = at.row;
            } else if (an === 116 /* t */) type = typeCode(x, vs, ve);
            else if (an === 115 /* s */) style = intIn(x, vs, ve);
          }
          k = ve + 1;
        }
        if (!hasRef) col++;
        dateStyle = styles[style] === true;
        rawFrom = -1;
        inCell = !selfClosing;
        i = gt + 1;
        continue;
      }
      if (len === 1 && t0 === 118 /* v */ && inCell) {
        if (selfClosing) rawFrom = rawTo = gt;
        else {
          const end = x.indexOf(60, gt + 1);
          if (end < 0) throw new XmlError('thẻ không đóng');
          rawFrom = gt + 1;
          rawTo = end;
          i = end;
          continue;
        }
      } else if (len === 2 && t0 === 105 /* is */ && x[nameStart + 1] === 115 && inCell) {
        type = T_INLINE;
        inline = '';
        if (!selfClosing) {
          const end = closeTagBytes(x, gt + 1, 'is');
          // The common case, <is><t>text</t></is>, decoded from its own bytes only.
          const t = x.indexOf(60, gt + 4);
          inline =
            x[gt + 1] === 60 && x[gt + 2] === 116 && x[gt + 3] === 62 && t === end - 4 && x[t + 1] === 47
              ? unescapeX(bytesText(x, gt + 4, t, cap))
              : collectText(strFromU8(x.subarray(gt + 1, end)), 0, '', cap).text;
          i = end;
          continue;
        }
      } else if (len === 1 && t0 === 102 /* f */ && !selfClosing) {
        i = closeTagBytes(x, gt + 1, 'f');
        continue;
      } else if (len === 3 && t0 === 114 /* row */ && x[nameStart + 1] === 111 && x[nameStart + 2] === 119) {
        const r = attrBytes(x, q, gt, 'r');
        row = r ? intIn(x, r[0], r[1]) - 1 : row + 1;
        col = -1;
      } else if (len === 9 && asciiAt(x, nameStart, 9) === 'mergeCell') {
        const r = attrBytes(x, q, gt, 'ref');
        const m = r ? parseRange(asciiAt(x, r[0], Math.min(r[1] - r[0], 64))) : null;
        if (m) merges.push(m);
        if (merges.length > this.limits.maxMerges)
          throw new UserError(
            `${named(this.fileName)} có quá nhiều vùng gộp ô (trang “${name}”), vượt xa mọi bảng kế hoạch thực tế.`,
            'too-many-merged',
          );
      }
      i = gt + 1;
    }
    if (inCell) throw new XmlError('ô không đóng');
    const built = builder.build(merges);
    return { name, values: built.values, merges: built.merges };
  }

  /** A value of type str (formula text), b, e or d from its <v> bytes. */
  private otherValue(type: number, x: Uint8Array, from: number, to: number, cap: number): CellValue {
    switch (type) {
      case T_STR:
        return unescapeX(bytesText(x, from, to, cap));
      case T_BOOL: {
        let k = from;
        while (k < to && (x[k] as number) <= 32) k++;
        return x[k] === 49 /* 1 */ || x[k] === 116; /* t */
      }
      case T_DATE: {
        const raw = asciiAt(x, from, Math.min(to - from, 40)).trim();
        const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(raw);
        if (!m) return raw;
        return this.dates.fromParts(
          Number(m[1]),
          Number(m[2]),
          Number(m[3]),
          Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0),
        );
      }
      default:
        return '';
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Scanning the sheet part's bytes

const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

/** The cell type attribute (t="s", "str", "inlineStr", "b", "e", "d", "n") as a code. */
function typeCode(x: Uint8Array, from: number, to: number): number {
  const len = to - from;
  const c = x[from];
  if (len === 1) {
    if (c === 115) return T_SHARED;
    if (c === 98) return T_BOOL;
    if (c === 101) return T_ERROR;
    if (c === 100) return T_DATE;
    return T_NUMBER;
  }
  if (len === 3 && c === 115) return T_STR;
  if (len === 9 && c === 105) return T_INLINE;
  return T_NUMBER;
}

/** Up to `len` bytes from `from` as a Latin-1 string (for ASCII markup only). */
function asciiAt(x: Uint8Array, from: number, len: number): string {
  return String.fromCharCode.apply(null, x.subarray(from, from + len) as unknown as number[]);
}

function isLocalName(x: Uint8Array, from: number, to: number, name: string): boolean {
  let end = to;
  while (end > from && (x[end - 1] as number) <= 32) end--;
  const start = prefixEndBytes(x, from, end);
  if (end - start !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (x[start + k] !== name.charCodeAt(k)) return false;
  return true;
}

function prefixEndBytes(x: Uint8Array, from: number, to: number): number {
  for (let k = from; k < to; k++) if (x[k] === 58 /* : */) return k + 1;
  return from;
}

function tagEndBytes(x: Uint8Array, from: number): number {
  const n = x.length;
  for (let j = from; j < n; j++) {
    const ch = x[j];
    if (ch === 62) return j;
    if (ch === 34 || ch === 39) {
      const close = x.indexOf(ch, j + 1);
      if (close < 0) break;
      j = close;
    }
  }
  throw new XmlError('thẻ không đóng');
}

function skipSpecialBytes(x: Uint8Array, lt: number): number {
  // Comments, CDATA, processing instructions and declarations are ASCII-delimited: decode a
  // bounded window to find their end with the text scanner's rules.
  const find = (seq: number[], from: number) => {
    for (let k = x.indexOf(seq[0] as number, from); k >= 0; k = x.indexOf(seq[0] as number, k + 1)) {
      let ok = true;
      for (let m = 1; m < seq.length; m++) if (x[k + m] !== seq[m]) ok = false;
      if (ok) return k;
    }
    return -1;
  };
  const starts = (s: string) => asciiAt(x, lt, s.length) === s;
  if (starts('<!--')) {
    const end = find([45, 45, 62], lt + 4);
    if (end < 0) throw new XmlError('chú thích không đóng');
    return end + 3;
  }
  if (starts('<![CDATA[')) {
    const end = find([93, 93, 62], lt + 9);
    if (end < 0) throw new XmlError('CDATA không đóng');
    return end + 3;
  }
  if (x[lt + 1] === 63) {
    const end = find([63, 62], lt + 2);
    if (end < 0) throw new XmlError('chỉ thị xử lý không đóng');
    return end + 2;
  }
  const end = x.indexOf(62, lt);
  if (end < 0) throw new XmlError('khai báo không đóng');
  if (x.subarray(lt, end).indexOf(91 /* [ */) >= 0)
    throw new XmlError('có khai báo DOCTYPE, không được phép');
  return end + 1;
}

/** Index of the "<" of `</…name>` after `from`, CDATA skipped. */
function closeTagBytes(x: Uint8Array, from: number, name: string): number {
  let i = from;
  for (;;) {
    const lt = x.indexOf(60, i);
    if (lt < 0) throw new XmlError('thẻ không đóng');
    if (x[lt + 1] === 33) {
      i = skipSpecialBytes(x, lt);
      continue;
    }
    if (x[lt + 1] === 47) {
      const gt = x.indexOf(62, lt);
      if (gt < 0) throw new XmlError('thẻ không đóng');
      if (isLocalName(x, lt + 2, gt, name)) return lt;
      i = gt + 1;
      continue;
    }
    i = lt + 1;
  }
}

/** The [start, end) of attribute `name`'s value within a tag's bytes [from, to), or null. */
function attrBytes(x: Uint8Array, from: number, to: number, name: string): [number, number] | null {
  let k = from;
  while (k < to) {
    const eq = x.indexOf(61, k);
    if (eq < 0 || eq >= to) return null;
    let a = k;
    while ((x[a] as number) <= 32) a++;
    let e = eq;
    while (e > a && (x[e - 1] as number) <= 32) e--;
    let j = eq + 1;
    while (j < to && (x[j] as number) <= 32) j++;
    const quote = x[j] as number;
    if (quote !== 34 && quote !== 39) return null;
    const close = x.indexOf(quote, j + 1);
    if (close < 0 || close > to) return null;
    if (e - a === name.length) {
      let same = true;
      for (let m = 0; m < name.length; m++) if (x[a + m] !== name.charCodeAt(m)) same = false;
      if (same) return [j + 1, close];
    }
    k = close + 1;
  }
  return null;
}

/** A non-negative decimal integer in x[from, to), spaces around allowed (-1 when none). */
function intIn(x: Uint8Array, from: number, to: number): number {
  let k = from;
  while (k < to && (x[k] as number) <= 32) k++;
  let v = -1;
  for (; k < to; k++) {
    const ch = x[k] as number;
    if (ch < 48 || ch > 57) break;
    v = Math.min((v < 0 ? 0 : v * 10) + (ch - 48), 1e12);
  }
  return v;
}

/** A number in x[from, to): plain integers directly, anything else through Number(). NaN when none. */
function numberIn(x: Uint8Array, from: number, to: number): number {
  const len = to - from;
  if (len > 0 && len < 16) {
    let v = 0;
    let k = from;
    for (; k < to; k++) {
      const ch = x[k] as number;
      if (ch < 48 || ch > 57) break;
      v = v * 10 + (ch - 48);
    }
    if (k === to) return v;
  }
  if (len > 64) return NaN;
  const t = asciiAt(x, from, len).trim();
  return t === '' ? NaN : Number(t);
}

/** UTF-8 text in x[from, to), entities decoded, cut at `cap` characters (the cut marked). */
function bytesText(x: Uint8Array, from: number, to: number, cap: number): string {
  if (to - from <= cap * 10) {
    const s = strFromU8(x.subarray(from, to));
    return textOf(s, 0, s.length, cap);
  }
  const s = strFromU8(x.subarray(from, from + cap * 10)).replace(/&[^;&]{0,40}$/, '');
  return (s.indexOf('&') < 0 ? s : decodeEntities(s)).slice(0, cap) + TRUNCATION_MARK;
}

// ---------------------------------------------------------------------------------------------
// Scanning helpers (linear: each moves forward through the text)

function isName(xml: string, from: number, to: number, name: string): boolean {
  let end = to;
  while (end > from && xml.charCodeAt(end - 1) <= 32) end--;
  const start = prefixEnd(xml, from, end);
  return end - start === name.length && xml.startsWith(name, start);
}

/** Index after a namespace prefix ("x:c" → index of "c") within [from, to). */
function prefixEnd(xml: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (xml.charCodeAt(k) === 58 /* : */) return k + 1;
  return from;
}

/** Index of the ">" that ends a tag, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  const n = xml.length;
  for (let j = from; j < n; j++) {
    const ch = xml.charCodeAt(j);
    if (ch === 62) return j;
    if (ch === 34 || ch === 39) {
      const close = xml.indexOf(ch === 34 ? '"' : "'", j + 1);
      if (close < 0) break;
      j = close;
    }
  }
  throw new XmlError('thẻ không đóng');
}

/** Skips a comment, CDATA section, processing instruction or declaration; refuses a DOCTYPE subset. */
function skipSpecial(xml: string, lt: number): number {
  if (xml.startsWith('<!--', lt)) {
    const end = xml.indexOf('-->', lt + 4);
    if (end < 0) throw new XmlError('chú thích không đóng');
    return end + 3;
  }
  if (xml.startsWith('<![CDATA[', lt)) {
    const end = xml.indexOf(']]>', lt + 9);
    if (end < 0) throw new XmlError('CDATA không đóng');
    return end + 3;
  }
  if (xml.charCodeAt(lt + 1) === 63) {
    const end = xml.indexOf('?>', lt + 2);
    if (end < 0) throw new XmlError('chỉ thị xử lý không đóng');
    return end + 2;
  }
  const end = xml.indexOf('>', lt);
  if (end < 0) throw new XmlError('khai báo không đóng');
  if (xml.slice(lt, end).includes('[')) throw new XmlError('có khai báo DOCTYPE, không được phép');
  return end + 1;
}

/** Text in [from, to) with entities decoded, cut at `cap` characters (the cut is marked). */
function textOf(xml: string, from: number, to: number, cap: number): string {
  // A reference is at most 10 characters for one or two UTF-16 units: 10 × cap raw characters
  // always hold more than cap decoded ones, so a longer text is cut before decoding.
  if (to - from <= cap * 10) {
    const raw = xml.slice(from, to);
    return capText(raw.indexOf('&') < 0 ? raw : decodeEntities(raw), cap);
  }
  const raw = xml.slice(from, from + cap * 10).replace(/&[^;&]{0,40}$/, '');
  return (raw.indexOf('&') < 0 ? raw : decodeEntities(raw)).slice(0, cap) + TRUNCATION_MARK;
}

/** Index of the "<" of the close tag `</…name>` after `from` (CDATA skipped). */
function closeTag(xml: string, from: number, name: string): number {
  let i = from;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) throw new XmlError('thẻ không đóng');
    if (xml.startsWith('<![CDATA[', lt)) {
      i = skipSpecial(xml, lt);
      continue;
    }
    if (xml.charCodeAt(lt + 1) === 47) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new XmlError('thẻ không đóng');
      if (isName(xml, lt + 2, gt, name)) return lt;
      i = gt + 1;
      continue;
    }
    i = lt + 1;
  }
}

/**
 * The text of a string item (<si> or <is>): its <t> pieces and those of its rich-text runs, in
 * order, without phonetic runs (<rPh>). Returns the text and the index of its close tag's "<"
 * (with `endName` "", the whole text is the item's content).
 */
function collectText(xml: string, from: number, endName: string, cap: number): { text: string; end: number } {
  let text = '';
  let i = from;
  let inPhonetic = false;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (endName === '') return { text: capText(text, cap), end: xml.length };
      throw new XmlError('thẻ không đóng');
    }
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 33 || c1 === 63) {
      i = skipSpecial(xml, lt);
      continue;
    }
    const gt = tagEnd(xml, lt + 1);
    if (c1 === 47) {
      if (endName !== '' && isName(xml, lt + 2, gt, endName)) return { text: capText(text, cap), end: lt };
      if (isName(xml, lt + 2, gt, 'rPh')) inPhonetic = false;
      i = gt + 1;
      continue;
    }
    let q = lt + 1;
    while (q < gt && xml.charCodeAt(q) > 32 && xml.charCodeAt(q) !== 47) q++;
    const start = prefixEnd(xml, lt + 1, q);
    const tag = xml.slice(start, q);
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    if (tag === 'rPh' && !selfClosing) inPhonetic = true;
    else if (tag === 't' && !selfClosing) {
      const end = closeTag(xml, gt + 1, 't');
      if (!inPhonetic && text.length <= cap) text += pieceText(xml, gt + 1, end, cap);
      i = end;
      continue;
    }
    i = gt + 1;
  }
}

/** Text of a <t> element's content: CDATA sections kept as is, the rest entity-decoded. */
function pieceText(xml: string, from: number, to: number, cap: number): string {
  const cdata = xml.indexOf('<![CDATA[', from);
  if (cdata < 0 || cdata >= to) return unescapeX(textOf(xml, from, to, cap));
  let out = '';
  let i = from;
  while (i < to && out.length <= cap) {
    const c = xml.indexOf('<![CDATA[', i);
    if (c < 0 || c >= to) {
      out += textOf(xml, i, to, cap);
      break;
    }
    out += textOf(xml, i, c, cap);
    const end = xml.indexOf(']]>', c + 9);
    out += xml.slice(c + 9, Math.min(end, c + 9 + cap));
    i = end + 3;
  }
  return unescapeX(out);
}

/** OOXML escapes characters as _xHHHH_ (a literal "_x" is written _x005F_x). */
function unescapeX(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** "B12" → 0-based { row: 11, col: 1 }; a huge column or row stays huge (capped, never overflows). */
function parseRef(ref: string): { row: number; col: number } {
  const codes = new Uint8Array(Math.min(ref.length, 64));
  for (let k = 0; k < codes.length; k++) codes[k] = Math.min(ref.charCodeAt(k), 255);
  return parseRefAt(codes, 0, codes.length);
}

const refOut = { row: -1, col: -1 };

/** parseRef on xml[from, to), into a shared result object (read it before the next call). */
function parseRefAt(x: Uint8Array, from: number, to: number): { row: number; col: number } {
  let col = 0;
  let k = from;
  for (; k < to; k++) {
    let ch = x[k] as number;
    if (ch === 36 /* $ */) continue;
    if (ch >= 97 && ch <= 122) ch -= 32;
    if (ch < 65 || ch > 90) break;
    col = Math.min(col * 26 + (ch - 64), 1e9);
  }
  let row = 0;
  for (; k < to; k++) {
    const ch = x[k] as number;
    if (ch === 36) continue;
    if (ch < 48 || ch > 57) break;
    row = Math.min(row * 10 + (ch - 48), 1e12);
  }
  refOut.row = row - 1;
  refOut.col = col - 1;
  return refOut;
}

function parseRange(ref: string): MergeRange | null {
  const colon = ref.indexOf(':');
  const a = { ...parseRef(colon < 0 ? ref : ref.slice(0, colon)) };
  const b = colon < 0 ? a : { ...parseRef(ref.slice(colon + 1)) };
  if (a.row < 0 || a.col < 0 || b.row < a.row || b.col < a.col) return null;
  return { row: a.row, column: a.col, numRows: b.row - a.row + 1, numColumns: b.col - a.col + 1 };
}

// ---------------------------------------------------------------------------------------------
// Shared strings and styles

function readSharedStrings(xml: string, limits: XlsxLimits, fileName: string | undefined): string[] {
  const tooMany = () =>
    new UserError(
      `${named(fileName)} có hơn ${groupDigits(limits.maxSharedStrings)} chuỗi văn bản khác nhau, vượt xa mọi bảng kế hoạch thực tế (tệp có thể hỏng hoặc được tạo bất thường). Hãy mở bằng Excel, chép riêng bảng phân công sang tệp mới rồi thử lại.`,
      'too-many-strings',
    );
  const declared = /uniqueCount\s*=\s*"(\d+)"/.exec(xml.slice(0, 2000));
  if (declared && Number(declared[1]) > limits.maxSharedStrings) throw tooMany();
  const out: string[] = [];
  const cap = limits.maxCellChars;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 33 || c1 === 63) {
      i = skipSpecial(xml, lt);
      continue;
    }
    const gt = tagEnd(xml, lt + 1);
    if (c1 !== 47) {
      let q = lt + 1;
      while (q < gt && xml.charCodeAt(q) > 32 && xml.charCodeAt(q) !== 47) q++;
      const start = prefixEnd(xml, lt + 1, q);
      if (q - start === 2 && xml.startsWith('si', start)) {
        if (out.length >= limits.maxSharedStrings) throw tooMany();
        if (xml.charCodeAt(gt - 1) === 47) {
          out.push('');
          i = gt + 1;
          continue;
        }
        // The common case first: <si><t>text</t></si>.
        if (xml.startsWith('<t>', gt + 1)) {
          const end = xml.indexOf('<', gt + 4);
          if (end > 0 && xml.startsWith('</t></si>', end)) {
            out.push(unescapeX(textOf(xml, gt + 4, end, cap)));
            i = end + 9;
            continue;
          }
        }
        const r = collectText(xml, gt + 1, 'si', cap);
        out.push(r.text);
        i = r.end;
        continue;
      }
    }
    i = gt + 1;
  }
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58,
]);

/** True when a number format shows a calendar day (d, y, or m that is not minutes). Time-only formats stay numbers. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase()
    .replace(/general/g, '');
  const first = bare.split(';')[0] ?? '';
  if (/[dy]/.test(first)) return true;
  return /m/.test(first) && !/[hs]/.test(first);
}

/** For each cell style (index in cellXfs): true when its number format is a date. */
function readDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, attrs, selfClosing) {
      const tag = local(name);
      if (tag === 'numFmt' && attrs.numFmtId !== undefined)
        custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (tag === 'cellXfs') inCellXfs = !selfClosing;
      else if (tag === 'xf' && inCellXfs) xfs.push(Number(attrs.numFmtId ?? 0));
    },
    close(name) {
      if (local(name) === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

// ---------------------------------------------------------------------------------------------
// Dates: a serial number → the instant the day (and time) starts in the sheet's zone

class DateMaker {
  private readonly midnights = new Map<number, number>();
  private fmt: Intl.DateTimeFormat | null | undefined;

  constructor(
    private readonly timeZone: string,
    private readonly date1904: boolean,
  ) {}

  fromSerial(serial: number): CellValue {
    if (serial < 0 || serial > 2_958_465) return serial; // Excel shows #### outside 1900–9999.
    let days = Math.floor(serial);
    let seconds = Math.round((serial - days) * 86_400);
    if (seconds >= 86_400) {
      days++;
      seconds -= 86_400;
    }
    let base: number;
    if (this.date1904) base = Date.UTC(1904, 0, 1);
    else if (days < 60) base = Date.UTC(1899, 11, 31);
    // 60 is Excel's 29/02/1900, a day that never was: the 28th stands for it.
    else if (days === 60) base = Date.UTC(1899, 11, 30) - 86_400_000;
    else base = Date.UTC(1899, 11, 30);
    const d = new Date(base + days * 86_400_000);
    return this.fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), seconds);
  }

  fromParts(year: number, month: number, day: number, seconds: number): Date {
    const key = year * 10_000 + month * 100 + day;
    let midnight = this.midnights.get(key);
    if (midnight === undefined) {
      midnight = this.midnight(year, month, day);
      this.midnights.set(key, midnight);
    }
    return new Date(midnight + seconds * 1000);
  }

  /** The first instant of the day in the zone (the day a zone skips midnight starts later). */
  private midnight(year: number, month: number, day: number): number {
    const wall = Date.UTC(year, month - 1, day);
    let t = wall - this.offset(wall);
    t = wall - this.offset(t);
    const want = isoDay(year, month, day);
    // Where midnight does not exist (a DST jump at 00:00) the day starts at the first hour that does.
    for (let k = 0; k < 4 && dayInZone(new Date(t), this.timeZone) < want; k++) t += 3_600_000;
    return t;
  }

  /** The zone's offset from UTC at an instant, in ms (UTC+7 where Intl lacks zones). */
  private offset(t: number): number {
    if (this.fmt === undefined) {
      try {
        this.fmt = new Intl.DateTimeFormat('en-US', {
          timeZone: this.timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        });
      } catch {
        this.fmt = null;
      }
    }
    if (this.fmt === null) return 7 * 3_600_000;
    const p: Record<string, number> = {};
    for (const part of this.fmt.formatToParts(new Date(t))) p[part.type] = Number(part.value);
    const asUtc = Date.UTC(
      p.year as number,
      (p.month as number) - 1,
      p.day as number,
      (p.hour as number) % 24,
      p.minute as number,
      p.second as number,
    );
    return asUtc - (t - (((t % 1000) + 1000) % 1000));
  }
}
