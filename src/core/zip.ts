/**
 * Reading ZIP containers (.xlsx, .docx) safely: the central directory is read first, and every
 * limit (entry count, declared sizes, compression ratio) is checked before anything is inflated;
 * while inflating, the bytes actually produced are counted, so an entry that lies about its size
 * is stopped at the limit. Pure: bytes in, bytes out, no platform globals (runs in Node, in the
 * browser and in Apps Script).
 */
import { Inflate, strFromU8 } from 'fflate';
import { UserError } from './errors';

export interface ZipLimits {
  /** Most entries an archive may list. */
  maxEntries: number;
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all the entries read from one archive may inflate to, together. */
  maxTotalBytes: number;
  /** Highest inflated/compressed ratio accepted for an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this are not held to `maxRatio` (tiny files compress oddly). */
  ratioFloorBytes: number;
}

/** Far above any real plan (a 100,000-task workbook stays well inside), far below a zip bomb. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxEntryBytes: 160 * 1024 * 1024,
  maxTotalBytes: 320 * 1024 * 1024,
  maxRatio: 400,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  offset: number;
}

export type ZipProblem = 'not-zip' | 'zip-corrupt' | 'zip-encrypted' | 'zip-too-large' | 'zip-unsupported';

const MESSAGES: Record<ZipProblem, string> = {
  'not-zip': 'tệp không phải dạng nén ZIP của Office (.xlsx, .docx)',
  'zip-corrupt': 'tệp nén bị hỏng hoặc không đầy đủ',
  'zip-encrypted': 'tệp được đặt mật khẩu; hãy mở bằng Excel/Word, bỏ mật khẩu, lưu lại rồi thử lại',
  'zip-too-large':
    'tệp chứa dữ liệu giải nén quá lớn so với mọi bảng kế hoạch thực tế (có thể là tệp hỏng hoặc “bom nén”)',
  'zip-unsupported': 'tệp dùng kiểu nén không hỗ trợ',
};

/** A ZIP problem: its message is a clause ("tệp … bị hỏng") that callers prefix with the file name. */
export class ZipError extends UserError {
  constructor(readonly problem: ZipProblem) {
    super(MESSAGES[problem], problem);
    this.name = 'UserError';
  }
}

const u16 = (b: Uint8Array, at: number) => (b[at] as number) | ((b[at + 1] as number) << 8);
const u32 = (b: Uint8Array, at: number) =>
  ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16)) +
  (b[at + 3] as number) * 0x1000000;

/** True when the bytes start like a ZIP archive ("PK\x03\x04" or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    private readonly limits: ZipLimits,
  ) {
    for (const e of entries) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** The entry's inflated bytes, or null when the archive has no such entry. */
  read(name: string): Uint8Array | null {
    const e = this.byName.get(name);
    if (!e) return null;
    if (e.encrypted) throw new ZipError('zip-encrypted');
    const local = e.offset;
    if (local + 30 > this.bytes.length || u32(this.bytes, local) !== 0x04034b50)
      throw new ZipError('zip-corrupt');
    const start = local + 30 + u16(this.bytes, local + 26) + u16(this.bytes, local + 28);
    const end = start + e.compressedSize;
    if (end > this.bytes.length) throw new ZipError('zip-corrupt');
    const data = this.bytes.subarray(start, end);
    // An entry may not inflate past what the directory declared (checked against the limits).
    const budget = Math.min(this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.inflated, e.size);
    let out: Uint8Array;
    if (e.method === 0) {
      if (data.length > budget) throw new ZipError('zip-too-large');
      out = data;
    } else if (e.method === 8) out = rawInflater(data, budget);
    else throw new ZipError('zip-unsupported');
    this.inflated += out.length;
    return out;
  }

  /** The entry as UTF-8 text (a BOM dropped), or null when absent. */
  text(name: string): string | null {
    const b = this.read(name);
    if (b === null) return null;
    const s = strFromU8(b);
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }
}

/**
 * Inflates raw DEFLATE data into at most `limit` bytes, or throws ZipError('zip-too-large') as soon
 * as the output passes it ('zip-corrupt' for data that is not DEFLATE).
 */
export type RawInflater = (data: Uint8Array, limit: number) => Uint8Array;

let rawInflater: RawInflater = inflateLimited;

/**
 * Lets a platform with a native inflater use it (the command line: Node's zlib, several times
 * faster than inflating in JavaScript); it must keep the contract of RawInflater. The browser
 * page and the add-on keep the default.
 */
export function useRawInflater(inflater: RawInflater): void {
  rawInflater = inflater;
}

/** Inflates raw DEFLATE data, stopping as soon as the output passes `limit` bytes. */
export function inflateLimited(data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) {
      over = true;
      throw new ZipError('zip-too-large');
    }
    chunks.push(chunk);
  });
  const STEP = 64 * 1024;
  try {
    for (let at = 0; at < data.length; at += STEP) {
      const end = Math.min(at + STEP, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (over || e instanceof ZipError) throw new ZipError('zip-too-large');
    throw new ZipError('zip-corrupt');
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Opens an archive: finds the end-of-central-directory record, lists the entries and checks
 * the limits that can be checked before inflating. Throws ZipError.
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  if (!looksLikeZip(bytes)) throw new ZipError('not-zip');
  // The end record is 22 bytes plus a comment of up to 65,535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('zip-corrupt');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  // ZIP64 markers: no real plan needs a 4 GB archive or 65,535 entries.
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
    throw new ZipError('zip-too-large');
  if (count > limits.maxEntries) throw new ZipError('zip-too-large');
  if (cdOffset + cdSize > eocd) throw new ZipError('zip-corrupt');
  const entries: ZipEntry[] = [];
  let declared = 0;
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || u32(bytes, at) !== 0x02014b50) throw new ZipError('zip-corrupt');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extra = u16(bytes, at + 30);
    const comment = u16(bytes, at + 32);
    const offset = u32(bytes, at + 42);
    if (at + 46 + nameLength > eocd) throw new ZipError('zip-corrupt');
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength));
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw new ZipError('zip-too-large');
    if (size > limits.maxEntryBytes) throw new ZipError('zip-too-large');
    if (size > limits.ratioFloorBytes && size > compressedSize * limits.maxRatio)
      throw new ZipError('zip-too-large');
    declared += size;
    entries.push({ name, method, encrypted: (flags & 1) === 1, compressedSize, size, offset });
    at += 46 + nameLength + extra + comment;
  }
  if (declared > limits.maxTotalBytes * 4) throw new ZipError('zip-too-large');
  return new ZipArchive(bytes, entries, limits);
}
