/**
 * A small, strict-enough XML scanner for Office parts (.xlsx, .docx): start and end tags with
 * their attributes, text with the five named entities and numeric references decoded, CDATA as
 * text; comments and processing instructions skipped. A document type declaration with an
 * internal subset (where entity bombs and external entities live) is refused, never expanded.
 * Linear in the input: every step consumes input, no pattern backtracks over it.
 */
import { UserError } from './errors';

export interface XmlHandler {
  /** A start tag (`selfClosing` for `<x/>`, which gets no close call). */
  open?(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  /** Text between tags, entities decoded (may come in several pieces). */
  text?(text: string): void;
}

export class XmlError extends UserError {
  constructor(detail: string) {
    super(`nội dung XML trong tệp không hợp lệ (${detail})`, 'xml');
    this.name = 'UserError';
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes entity and character references; unknown named entities are refused. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{0,30});/g, (_m, ref: string) => {
    if (ref.charCodeAt(0) === 35) {
      const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    const named = NAMED[ref];
    if (named === undefined) throw new XmlError(`thực thể “&${ref};” không được định nghĩa`);
    return named;
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (source.indexOf('=') < 0) return out;
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(source)) !== null) out[m[1] as string] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

/** Scans `xml` once, calling the handler for each tag and piece of text. Throws XmlError. */
export function scanXml(xml: string, handler: XmlHandler): void {
  const { open, close, text } = handler;
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (text && i < n) text(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i && text) text(decodeEntities(xml.slice(i, lt)));
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlError('chú thích không đóng');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlError('CDATA không đóng');
        if (text) text(xml.slice(lt + 9, end));
        i = end + 3;
      } else {
        // <!DOCTYPE …>: refused when it declares anything (entities, external subsets).
        const end = xml.indexOf('>', lt);
        if (end < 0) throw new XmlError('khai báo không đóng');
        const decl = xml.slice(lt, end + 1);
        if (decl.includes('[') || /\b(SYSTEM|PUBLIC)\b/.test(decl))
          throw new XmlError('có khai báo DOCTYPE, không được phép');
        i = end + 1;
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('chỉ thị xử lý không đóng');
      i = end + 2;
      continue;
    }
    // A tag: find its end, skipping ">" inside quoted attribute values.
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const ch = xml.charCodeAt(j);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62 /* > */) break;
    }
    if (j >= n) throw new XmlError('thẻ không đóng');
    if (c === 47 /* / */) {
      if (close) close(xml.slice(lt + 2, j).trim());
    } else {
      const selfClosing = xml.charCodeAt(j - 1) === 47;
      const body = xml.slice(lt + 1, selfClosing ? j - 1 : j);
      let k = 0;
      while (k < body.length && !/\s/.test(body.charAt(k))) k++;
      const name = body.slice(0, k);
      if (name === '') throw new XmlError('thẻ không có tên');
      if (open) open(name, attributes(body.slice(k)), selfClosing);
    }
    i = j + 1;
  }
}
