/**
 * Reads a Word document (.docx) into its body blocks, in order: paragraphs (with the numbers of
 * automatic lists computed) and tables (rows × cells on the table grid, with horizontal spans and
 * vertical merge chains). What a reader sees is kept, what Word hides or records as history is
 * not:
 * - kept: runs in hyperlinks, content controls (w:sdt), inserted text (w:ins, w:moveTo), smart
 *   tags, a field's result; <w:br/> as "\n", <w:tab/> as a space;
 * - dropped: deleted text (w:del, w:moveFrom), field instructions, hidden runs (w:vanish),
 *   drawings and text boxes, revision records of properties (w:pPrChange …), footnote marks.
 * Pure: bytes in, a model out; nothing in the file is run (macros are only noticed).
 */
import { UserError } from '../errors';
import { scanXml } from '../xml';
import { openZip, type ZipArchive } from '../zip';
import { Numbering } from './numbering';
import { attr, intAttr, isOn, localName } from './xml-names';

export interface DocxParagraph {
  kind: 'paragraph';
  /** The paragraph's text, its list label not included. */
  text: string;
  /** The automatic list label ("1.2.", "a)", "-" for a bullet), "" when not in a list. */
  label: string;
  /** Label and text as a reader sees them: "1.2. Xây dựng …". */
  display: string;
  /** List level (0-based) when the paragraph is in an automatic list, else null. */
  level: number | null;
  bullet: boolean;
  style: string;
  /** The paragraph starts a page (w:pageBreakBefore) or holds a page break. */
  pageBreak: boolean;
  /** Index in `display` where the text after the paragraph's last page break starts (0 when none). */
  afterBreak: number;
  /** The paragraph ends a document section (its properties hold w:sectPr). */
  sectionEnd: boolean;
}

export interface DocxCell {
  /** The cell's paragraphs joined with "\n" (nested tables flattened), trimmed. */
  text: string;
  paragraphs: DocxParagraph[];
  /** First grid column (0-based) and number of grid columns covered (w:gridSpan). */
  column: number;
  span: number;
  /** w:vMerge: "restart" starts a vertical merge, "continue" extends the one above. */
  vMerge: 'restart' | 'continue' | null;
}

export interface DocxRow {
  cells: DocxCell[];
  /** w:tblHeader: the row repeats at the top of each page. */
  header: boolean;
}

export interface DocxTable {
  kind: 'table';
  rows: DocxRow[];
  /** Grid width: the widest of the declared grid and the rows' cells. */
  columns: number;
}

export type DocxBlock = DocxParagraph | DocxTable;

export interface DocxDocument {
  blocks: DocxBlock[];
  /** The file carries VBA macros (word/vbaProject.bin): never run, only reported. */
  hasMacros: boolean;
  /** Parts imported from other files (w:altChunk): their content is not read. */
  embeddedParts: number;
}

/** Far above any plan (Word tables have at most 63 columns), far below what exhausts memory. */
export const DOCX_LIMITS = { paragraphs: 500_000, cells: 1_000_000, columns: 256 };

/** Elements whose whole content is not part of the visible text. */
const SKIPPED = new Set([
  'del',
  'moveFrom',
  'delText',
  'instrText',
  'delInstrText',
  'drawing',
  'pict',
  'object',
  'AlternateContent',
  'txbxContent',
  'sdtPr',
  'sdtEndPr',
  'pPrChange',
  'rPrChange',
  'tblPrChange',
  'trPrChange',
  'tcPrChange',
  'sectPrChange',
  'tblGridChange',
  'numberingChange',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
  'fldData',
  'rt',
]);

interface ParagraphBuilder {
  parts: string[];
  style: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
  pageBreakBefore: boolean;
  pageBreak: boolean;
  /** Length of the text (parts joined) at the last page break. */
  breakAt: number;
  sectionEnd: boolean;
  length: number;
}

interface CellBuilder {
  items: { paragraph: DocxParagraph | null; text: string }[];
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

interface RowBuilder {
  cells: CellBuilder[];
  header: boolean;
  gridBefore: number;
}

interface TableBuilder {
  grid: number;
  rows: RowBuilder[];
  row: RowBuilder | null;
  cell: CellBuilder | null;
}

const MIME_MACRO = /macroEnabled/i;

/** The main document part's path, from the package relationships (word/document.xml by default). */
function mainPart(zip: ZipArchive): string {
  const rels = zip.text('_rels/.rels');
  let target: string | null = null;
  if (rels !== null) {
    scanXml(rels, {
      open(name, attrs) {
        if (localName(name) !== 'Relationship' || target !== null) return;
        const type = attr(attrs, 'Type') ?? '';
        if (/\/officeDocument$/.test(type)) target = (attr(attrs, 'Target') ?? '').replace(/^\//, '');
      },
    });
  }
  return target ?? 'word/document.xml';
}

/** Targets of the main part's relationships by type suffix ("numbering", "styles"). */
function partTargets(zip: ZipArchive, main: string): Map<string, string> {
  const slash = main.lastIndexOf('/');
  const dir = slash < 0 ? '' : main.slice(0, slash + 1);
  const relsPath = `${dir}_rels/${main.slice(slash + 1)}.rels`;
  const out = new Map<string, string>();
  const rels = zip.text(relsPath);
  if (rels === null) return out;
  scanXml(rels, {
    open(name, attrs) {
      if (localName(name) !== 'Relationship') return;
      if (attr(attrs, 'TargetMode') === 'External') return;
      const type = (attr(attrs, 'Type') ?? '').replace(/^.*\//, '');
      const target = attr(attrs, 'Target') ?? '';
      if (type === '' || target === '' || out.has(type)) return;
      out.set(type, target.startsWith('/') ? target.slice(1) : dir + target);
    },
  });
  return out;
}

/** What a ZIP that is not a Word document most likely is, for the message. */
function notWord(zip: ZipArchive): UserError {
  const names = zip.names();
  if (names.some((n) => n.startsWith('xl/')))
    return new UserError(
      'Tệp này là bảng tính Excel (.xlsx), không phải văn bản Word (.docx): hãy dùng chức năng kiểm tra bảng tính.',
      'docx-is-xlsx',
    );
  if (names.some((n) => n.startsWith('ppt/')))
    return new UserError(
      'Tệp này là bản trình chiếu PowerPoint, không phải văn bản Word (.docx).',
      'docx-not-word',
    );
  const mime = zip.has('mimetype') ? (zip.text('mimetype') ?? '') : '';
  if (/opendocument\.text/.test(mime))
    return new UserError(
      'Tệp này là văn bản OpenDocument (.odt): hãy mở và lưu lại dưới dạng Word (.docx) rồi thử lại.',
      'docx-is-odt',
    );
  return new UserError(
    'Tệp không phải văn bản Word (.docx): không có phần nội dung văn bản (word/document.xml).',
    'docx-not-word',
  );
}

/** Magic of the old binary formats (.doc, .xls): OLE2 compound file. */
function isOle2(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && magic.every((b, i) => bytes[i] === b);
}

/** Reads a .docx. Throws UserError (ZipError, XmlError included) when it cannot be read. */
export function readDocx(bytes: Uint8Array): DocxDocument {
  if (isOle2(bytes))
    throw new UserError(
      'Tệp là văn bản Word cũ (.doc) hoặc tệp Office được đặt mật khẩu: hãy mở bằng Word, bỏ mật khẩu nếu có và lưu lại dưới dạng .docx rồi thử lại.',
      'docx-legacy',
    );
  const zip = openZip(bytes);
  const main = mainPart(zip);
  const documentXml = zip.text(main);
  if (documentXml === null) throw notWord(zip);
  const targets = partTargets(zip, main);
  const slash = main.lastIndexOf('/');
  const dir = slash < 0 ? '' : main.slice(0, slash + 1);
  const numberingXml = zip.text(targets.get('numbering') ?? `${dir}numbering.xml`);
  const stylesXml = zip.text(targets.get('styles') ?? `${dir}styles.xml`);
  const contentTypes = zip.text('[Content_Types].xml') ?? '';
  const hasMacros =
    zip.names().some((n) => /vbaProject\.bin$/i.test(n) || /vbaData\.xml$/i.test(n)) ||
    MIME_MACRO.test(contentTypes);
  const numbering = new Numbering(numberingXml, stylesXml);
  const stats = { embeddedParts: 0 };
  return { blocks: readBody(documentXml, numbering, stats), hasMacros, embeddedParts: stats.embeddedParts };
}

function tooLarge(): UserError {
  return new UserError(
    'Văn bản Word quá lớn so với mọi kế hoạch thực tế (hơn 500.000 đoạn văn hoặc 1.000.000 ô bảng); tệp có thể bị hỏng.',
    'docx-too-large',
  );
}

/** Parses document.xml into blocks. */
export function readBody(
  xml: string,
  numbering: Numbering,
  stats: { embeddedParts: number } = { embeddedParts: 0 },
): DocxBlock[] {
  const blocks: DocxBlock[] = [];
  let paragraphCount = 0;
  let cellCount = 0;
  const tables: TableBuilder[] = [];
  let para: ParagraphBuilder | null = null;
  /** Depth inside a skipped element (0: not skipping). */
  let skip = 0;
  let inText = false;
  let inRun = false;
  let runHidden = false;
  let inRunProps = false;
  let inParaProps = false;
  let inCellProps = false;
  let inRowProps = false;
  /** Complex fields: each open field is true while its instruction runs (before "separate"). */
  const fields: boolean[] = [];
  let inInstruction = false;

  const append = (s: string) => {
    if (!para || s === '') return;
    para.parts.push(s);
    para.length += s.length;
  };

  const finishParagraph = (p: ParagraphBuilder): DocxParagraph => {
    const text = p.parts.join('');
    const ref = numbering.resolve(p.style, p.numId, p.ilvl);
    const list = ref ? numbering.next(ref) : null;
    const label = list?.label ?? '';
    const display = label === '' ? text : text === '' ? label : `${label} ${text}`;
    const shift = display.length - text.length;
    return {
      kind: 'paragraph',
      text,
      label,
      display,
      level: ref && list ? ref.ilvl : null,
      bullet: list?.bullet ?? false,
      style: p.style ?? '',
      pageBreak: p.pageBreak || p.pageBreakBefore,
      afterBreak: p.breakAt > 0 ? p.breakAt + shift : 0,
      sectionEnd: p.sectionEnd,
    };
  };

  scanXml(xml, {
    open(name, attrs, selfClosing) {
      if (skip > 0) {
        if (!selfClosing) skip++;
        return;
      }
      const n = localName(name);
      if (SKIPPED.has(n)) {
        if (!selfClosing) skip = 1;
        return;
      }
      const table = tables[tables.length - 1];
      switch (n) {
        case 'p':
          para = {
            parts: [],
            style: undefined,
            numId: undefined,
            ilvl: undefined,
            pageBreakBefore: false,
            pageBreak: false,
            breakAt: 0,
            sectionEnd: false,
            length: 0,
          };
          if (selfClosing) closeParagraph();
          return;
        case 'pPr':
          inParaProps = !selfClosing;
          return;
        case 'rPr':
          if (inRun) inRunProps = !selfClosing;
          return;
        case 'r':
          inRun = !selfClosing;
          runHidden = false;
          return;
        case 't':
          if (inRun && !runHidden && !inInstruction && !selfClosing) inText = true;
          return;
        case 'tab':
        case 'ptab':
          if (inRun && !inRunProps && !runHidden && !inInstruction) append(' ');
          return;
        case 'br':
        case 'cr':
          if (!inRun || runHidden || inInstruction) return;
          if (n === 'br' && /^(page|column)$/.test(attr(attrs, 'type') ?? '')) {
            if (para && attr(attrs, 'type') === 'page') {
              para.pageBreak = true;
              para.breakAt = para.length;
            }
          } else append('\n');
          return;
        case 'noBreakHyphen':
          if (inRun && !runHidden && !inInstruction) append('-');
          return;
        case 'vanish':
        case 'specVanish':
          if (inRunProps && isOn(attrs)) runHidden = true;
          return;
        case 'fldChar': {
          const type = attr(attrs, 'fldCharType');
          if (type === 'begin') fields.push(true);
          else if (type === 'separate' && fields.length) fields[fields.length - 1] = false;
          else if (type === 'end') fields.pop();
          inInstruction = fields.some((f) => f);
          return;
        }
        case 'pStyle':
          if (para && inParaProps) para.style = attr(attrs, 'val');
          return;
        case 'numId':
          if (para && inParaProps) para.numId = attr(attrs, 'val');
          return;
        case 'ilvl':
          if (para && inParaProps) para.ilvl = intAttr(attrs, 'val');
          return;
        case 'pageBreakBefore':
          if (para && inParaProps && isOn(attrs)) para.pageBreakBefore = true;
          return;
        case 'sectPr':
          if (para && inParaProps) para.sectionEnd = true;
          if (!selfClosing) skip = 1;
          return;
        case 'tbl':
          tables.push({ grid: 0, rows: [], row: null, cell: null });
          return;
        case 'altChunk':
          stats.embeddedParts++;
          return;
        case 'gridCol':
          if (table && table.rows.length === 0 && !table.row) table.grid++;
          return;
        case 'tr':
          if (table) table.row = { cells: [], header: false, gridBefore: 0 };
          if (selfClosing && table?.row) {
            table.rows.push(table.row);
            table.row = null;
          }
          return;
        case 'trPr':
          inRowProps = !selfClosing;
          return;
        case 'tblHeader':
          if (table?.row && inRowProps) table.row.header = isOn(attrs);
          return;
        case 'gridBefore':
          if (table?.row && inRowProps)
            table.row.gridBefore = Math.max(0, Math.min(intAttr(attrs, 'val') ?? 0, 1000));
          return;
        case 'tc':
          if (table?.row) {
            table.cell = { items: [], span: 1, vMerge: null };
            if (selfClosing) {
              table.row.cells.push(table.cell);
              table.cell = null;
            }
          }
          return;
        case 'tcPr':
          inCellProps = !selfClosing;
          return;
        case 'gridSpan':
          if (table?.cell && inCellProps)
            table.cell.span = Math.max(1, Math.min(intAttr(attrs, 'val') ?? 1, 1000));
          return;
        case 'vMerge':
          if (table?.cell && inCellProps)
            table.cell.vMerge = attr(attrs, 'val') === 'restart' ? 'restart' : 'continue';
          return;
        case 'hMerge':
          // Legacy horizontal merge: a continuing cell widens the cell on its left.
          if (table?.cell && inCellProps && attr(attrs, 'val') !== 'restart') table.cell.span = 0;
          return;
        default:
          return;
      }
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      const n = localName(name);
      const table = tables[tables.length - 1];
      switch (n) {
        case 't':
          inText = false;
          return;
        case 'r':
          inRun = false;
          inRunProps = false;
          runHidden = false;
          return;
        case 'rPr':
          inRunProps = false;
          return;
        case 'pPr':
          inParaProps = false;
          return;
        case 'p':
          closeParagraph();
          return;
        case 'trPr':
          inRowProps = false;
          return;
        case 'tcPr':
          inCellProps = false;
          return;
        case 'tc':
          if (table?.row && table.cell) table.row.cells.push(table.cell);
          if (table) table.cell = null;
          if (++cellCount > DOCX_LIMITS.cells) throw tooLarge();
          return;
        case 'tr':
          if (table?.row) table.rows.push(table.row);
          if (table) table.row = null;
          return;
        case 'tbl': {
          tables.pop();
          if (!table) return;
          const done = finishTable(table);
          const parent = tables[tables.length - 1];
          if (parent?.cell) parent.cell.items.push({ paragraph: null, text: flattenTable(done) });
          else if (!parent) blocks.push(done);
          return;
        }
        default:
          return;
      }
    },
    text(t) {
      if (inText && skip === 0) append(t);
    },
  });
  if (tables.length > 0 || para !== null) {
    // An unclosed table or paragraph at the end: the XML scanner accepts it, Word would not.
    throw new UserError(
      'Nội dung văn bản Word bị cắt cụt hoặc hỏng (bảng hoặc đoạn văn không đóng).',
      'docx-corrupt',
    );
  }
  return blocks;

  function closeParagraph(): void {
    if (!para) return;
    if (++paragraphCount > DOCX_LIMITS.paragraphs) throw tooLarge();
    const p = finishParagraph(para);
    para = null;
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.items.push({ paragraph: p, text: p.display });
    else if (tables.length === 0) blocks.push(p);
    // A paragraph directly in a row or table (malformed) is dropped with its container.
  }
}

/** Places a table's cells on its grid. */
function finishTable(t: TableBuilder): DocxTable {
  const max = DOCX_LIMITS.columns;
  let width = Math.min(t.grid, max);
  const rows: DocxRow[] = [];
  for (const r of t.rows) {
    let column = Math.min(r.gridBefore, max - 1);
    const cells: DocxCell[] = [];
    for (const c of r.cells) {
      // Past the widest real table: such cells only come from broken or hostile files.
      if (column >= max) break;
      const paragraphs: DocxParagraph[] = [];
      let text = '';
      c.items.forEach((item, i) => {
        if (item.paragraph) paragraphs.push(item.paragraph);
        text = i === 0 ? item.text : `${text}\n${item.text}`;
      });
      text = text.trim();
      if (c.span === 0) {
        // hMerge continuation: widen the previous cell, keep any text it holds.
        const prev = cells[cells.length - 1];
        if (prev) {
          prev.span++;
          if (text !== '') prev.text = prev.text === '' ? text : `${prev.text}\n${text}`;
          column++;
          continue;
        }
      }
      const span = Math.min(Math.max(1, c.span), max - column);
      cells.push({ text, paragraphs, column, span, vMerge: c.vMerge });
      column += span;
    }
    if (column > width) width = column;
    rows.push({ cells, header: r.header });
  }
  return { kind: 'table', rows, columns: width };
}

/** A nested table as text in its cell: rows on their own lines, cells separated by a space. */
function flattenTable(t: DocxTable): string {
  return t.rows
    .map((r) =>
      r.cells
        .filter((c) => c.vMerge !== 'continue')
        .map((c) => c.text)
        .filter((s) => s !== '')
        .join(' '),
    )
    .filter((s) => s !== '')
    .join('\n');
}
