import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { checkSheet } from '../../src/core/check';
import {
  Numbering,
  importDocx,
  readBody,
  readDocx,
  tableGrid,
  type DocxImport,
  type DocxParagraph,
  type DocxTable,
} from '../../src/core/docx';
import { labelLine } from '../../src/core/docx/prose';
import { isUserError } from '../../src/core/errors';
import { ZipError } from '../../src/core/zip';
import { docxFixture, docxKeys, docxTaskShape, type DocxKey } from '../helpers/fixtures';

const TODAY = '2026-11-22';
const keys = docxKeys();
const fixture = docxFixture;

/** The error a call throws, as its reason (UserError) or class name. */
function refusal(fn: () => unknown): { reason: string; message: string } | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof ZipError) return { reason: e.problem, message: e.message };
    if (isUserError(e)) return { reason: e.reason, message: e.message };
    return { reason: `not a user error: ${String(e)}`, message: String(e) };
  }
}

// ---- a minimal .docx written by hand --------------------------------------------------------

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

interface Parts {
  body: string;
  numbering?: string;
  styles?: string;
  extra?: Zippable;
  prolog?: string;
}

function docx(parts: Parts): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${parts.prolog ?? ''}<w:document ${W}><w:body>${parts.body}<w:sectPr/></w:body></w:document>`,
    ),
    ...(parts.numbering
      ? { 'word/numbering.xml': strToU8(`<w:numbering ${W}>${parts.numbering}</w:numbering>`) }
      : {}),
    ...(parts.styles ? { 'word/styles.xml': strToU8(`<w:styles ${W}>${parts.styles}</w:styles>`) } : {}),
    ...(parts.extra ?? {}),
  };
  return zipSync(files);
}

const p = (text: string, props = '') =>
  `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numPr = (numId: number | string, ilvl = 0) =>
  `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const lvl = (ilvl: number, fmt: string, text: string, start = 1, more = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${more}</w:lvl>`;
const abstractNum = (id: number, levels: string) =>
  `<w:abstractNum w:abstractNumId="${id}">${levels}</w:abstractNum>`;
const num = (id: number, abstractId: number, override = '') =>
  `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${override}</w:num>`;
const restart = (ilvl: number, start: number) =>
  `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`;

const paragraphs = (bytes: Uint8Array) =>
  readDocx(bytes).blocks.filter((b): b is DocxParagraph => b.kind === 'paragraph');
const labels = (bytes: Uint8Array) => paragraphs(bytes).map((x) => x.label);
const texts = (bytes: Uint8Array) => paragraphs(bytes).map((x) => x.display);
const firstTable = (bytes: Uint8Array) =>
  readDocx(bytes).blocks.find((b): b is DocxTable => b.kind === 'table') as DocxTable;

const cell = (text: string, props = '') =>
  `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${p(text)}</w:tc>`;
const row = (cells: string, props = '') => `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}${cells}</w:tr>`;
const table = (rows: string, grid: number) =>
  `<w:tbl><w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(grid)}</w:tblGrid>${rows}</w:tbl>`;

// ---- the fixtures against their answer keys -------------------------------------------------

describe.each(keys.flatMap((k) => k.files.map((f) => [f, k] as const)))('%s', (file, key) => {
  const started = Date.now();
  const imported: DocxImport = importDocx(fixture(file));
  const elapsed = Date.now() - started;
  const result = checkSheet(imported.sheet, { today: TODAY });

  it('reads the tasks from the right place, with the title above them', () => {
    expect(imported.source).toBe(key.source);
    expect(imported.title).toEqual(key.title);
    expect(result.plan.planYear).toBe(key.planYear);
    expect(elapsed).toBeLessThan(2000);
  });

  it('gives every task its number, pillar, text, leads and deadlines as the key says', () => {
    expect(result.plan.tasks).toHaveLength(key.tasks.length);
    expect(docxTaskShape(result.plan)).toEqual(key.tasks);
  });

  it('reports the paragraphs it could not read, with their text, and nothing else', () => {
    expect(imported.problems.map((x) => x.text)).toEqual(key.problems.map((x) => x.text));
    imported.problems.forEach((x, i) =>
      expect(x.reason.startsWith(key.problems[i]?.reason ?? '?')).toBe(true),
    );
  });

  it('writes the sheet an officer would paste: a header the checker recognises, hidden merge cells empty', () => {
    expect(result.plan.missingColumns.filter((c) => c !== 'status')).toEqual([]);
    for (const m of imported.sheet.merges ?? []) {
      for (let r = m.row; r < m.row + m.numRows; r++)
        for (let c = m.column; c < m.column + m.numColumns; c++)
          if (r !== m.row || c !== m.column) expect(imported.sheet.values[r]?.[c]).toBe('');
    }
  });
});

describe('what the fixtures carry besides the tasks', () => {
  it('seed 000: the two-row header and the task cells merged down over their lines stay merged', () => {
    const { sheet } = importDocx(fixture('000-my-hoa-hung.docx'));
    // Sheet rows 4–5 are the header: "TT" merged down, "Trách nhiệm" across two columns.
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        { row: 3, column: 0, numRows: 2, numColumns: 1 },
        { row: 3, column: 4, numRows: 1, numColumns: 2 },
        // Task 2 of "Nhận thức số": number and text merged over its four lines.
        { row: 8, column: 0, numRows: 4, numColumns: 1 },
        { row: 8, column: 1, numRows: 4, numColumns: 1 },
        // A section row across the table.
        { row: 5, column: 1, numRows: 1, numColumns: 7 },
      ]),
    );
    expect(sheet.values[3]?.slice(0, 5)).toEqual([
      'TT',
      'Nhiệm vụ',
      'Chỉ tiêu',
      'Nội dung thực hiện',
      'Trách nhiệm',
    ]);
  });

  it('seed 004: the two tables of the split appendix become one, the repeated header left out', () => {
    const imported = importDocx(fixture('004-dai-hai.docx'));
    expect(imported.notes.join(' ')).toMatch(/nối 2 bảng/);
    const headers = imported.sheet.values.filter((r) => r[0] === 'STT');
    expect(headers).toHaveLength(1);
  });

  it('seed 002: the deleted unit of a tracked change is gone, footnote marks are not in the text', () => {
    const { sheet } = importDocx(fixture('002-tinh-long.docx'));
    const flat = sheet.values.flat().join('\n');
    expect(flat).not.toContain('Bộ phận Văn phòngBộ phận Văn hoá');
    expect(flat).toContain('đạt 80%; hoàn thành');
    expect(sheet.values[2]).toEqual([
      'STT',
      'Nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Sản phẩm',
      'Thời gian hoàn thành',
      'Trạng thái',
      'Ngày hoàn thành',
      'Trụ cột',
      'Ghi chú',
    ]);
    expect(sheet.values[3]?.slice(0, 2)).toEqual(['I', 'Thể chế số']);
  });
});

// ---- numbering ------------------------------------------------------------------------------

describe('Word list numbering', () => {
  it('computes decimal, upper-Roman and lettered labels in document order', () => {
    const bytes = docx({
      numbering:
        abstractNum(1, lvl(0, 'decimal', '%1.')) +
        abstractNum(2, lvl(0, 'upperRoman', '%1.')) +
        abstractNum(3, lvl(0, 'lowerLetter', '%1)')) +
        num(1, 1) +
        num(2, 2) +
        num(3, 3),
      body: [1, 2, 1, 3, 3, 2, 2, 1].map((n, i) => p(`t${i}`, numPr(n))).join(''),
    });
    expect(labels(bytes)).toEqual(['1.', 'I.', '2.', 'a)', 'b)', 'II.', 'III.', '3.']);
    expect(texts(bytes)[1]).toBe('I. t1');
  });

  it('fills "%1.%2." from every level and resets the deeper level under a new parent', () => {
    const bytes = docx({
      numbering: abstractNum(1, lvl(0, 'decimal', '%1.', 4) + lvl(1, 'decimal', '%1.%2.')) + num(1, 1),
      body: [0, 1, 1, 0, 1].map((l) => p('x', numPr(1, l))).join(''),
    });
    expect(labels(bytes)).toEqual(['4.', '4.1.', '4.2.', '5.', '5.1.']);
  });

  it('restarts where a list instance overrides the start, and continues across instances of one list', () => {
    const bytes = docx({
      numbering:
        abstractNum(1, lvl(0, 'decimal', '%1.')) +
        num(1, 1, restart(0, 1)) +
        num(2, 1) +
        num(3, 1, restart(0, 1)) +
        num(4, 1, restart(0, 7)),
      // LibreOffice writes a list as a restarting instance, then plain instances of the same list.
      body: [1, 2, 2, 3, 2, 4, 2].map((n) => p('x', numPr(n))).join(''),
    });
    expect(labels(bytes)).toEqual(['1.', '2.', '3.', '1.', '2.', '7.', '8.']);
  });

  it('honours w:lvlRestart 0 (a level that never restarts) and w:isLgl (decimals everywhere)', () => {
    const bytes = docx({
      numbering:
        abstractNum(
          1,
          lvl(0, 'upperRoman', '%1.') + lvl(1, 'decimal', '%1.%2.', 1, '<w:lvlRestart w:val="0"/><w:isLgl/>'),
        ) + num(1, 1),
      body: [0, 1, 1, 0, 1].map((l) => p('x', numPr(1, l))).join(''),
    });
    expect(labels(bytes)).toEqual(['I.', '1.1.', '1.2.', 'II.', '2.3.']);
  });

  it('reads bullets as "-", numbering through a paragraph style, and numId 0 as no numbering', () => {
    const bytes = docx({
      numbering:
        abstractNum(1, lvl(0, 'bullet', '')) +
        abstractNum(
          2,
          lvl(0, 'decimal', 'Điều %1.') + lvl(1, 'lowerRoman', '%2)', 1, '<w:pStyle w:val="Muc2"/>'),
        ) +
        num(1, 1) +
        num(2, 2),
      styles:
        `<w:style w:type="paragraph" w:styleId="Dieu"><w:pPr>${numPr(2)}</w:pPr></w:style>` +
        `<w:style w:type="paragraph" w:styleId="DieuDam"><w:basedOn w:val="Dieu"/></w:style>` +
        `<w:style w:type="paragraph" w:styleId="Muc2"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>`,
      body:
        p('a', numPr(1)) +
        p('b', '<w:pStyle w:val="Dieu"/>') +
        p('c', '<w:pStyle w:val="Muc2"/>') +
        p('d', '<w:pStyle w:val="Muc2"/>') +
        p('e', '<w:pStyle w:val="DieuDam"/>') +
        p('f', `<w:pStyle w:val="Dieu"/>${numPr(0)}`),
    });
    expect(texts(bytes)).toEqual(['- a', 'Điều 1. b', 'i) c', 'ii) d', 'Điều 2. e', 'f']);
    expect(paragraphs(bytes)[0]?.bullet).toBe(true);
  });
});

// ---- text and tables ------------------------------------------------------------------------

describe('Word text and tables', () => {
  it('keeps what a reader sees: breaks, tabs, links, content controls, insertions, field results', () => {
    const bytes = docx({
      body:
        '<w:p><w:r><w:t>Quý I/2026</w:t><w:br/><w:t>Tháng 12/2026</w:t><w:tab/><w:t>x</w:t></w:r></w:p>' +
        '<w:p><w:hyperlink r:id="rId9" xmlns:r="r"><w:r><w:t>Cổng TTĐT</w:t></w:r></w:hyperlink>' +
        '<w:sdt><w:sdtPr><w:alias w:val="Đơn vị"/><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve"> UBND xã</w:t></w:r></w:sdtContent></w:sdt></w:p>' +
        '<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>Văn phòng</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>Văn hóa</w:t></w:r></w:ins></w:p>' +
        '<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>/9</w:t></w:r></w:fldSimple></w:p>' +
        '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r><w:r><w:t>hiện</w:t></w:r><w:r><w:drawing><w:t>hình</w:t></w:drawing></w:r></w:p>',
    });
    expect(texts(bytes)).toEqual([
      'Quý I/2026\nTháng 12/2026 x',
      'Cổng TTĐT UBND xã',
      'Văn hóa',
      'Trang 3/9',
      'hiện',
    ]);
  });

  it('lays a table on its grid: spans as horizontal merges, vMerge chains as one merge, hidden cells ""', () => {
    const bytes = docx({
      body: table(
        row(
          cell('TT', '<w:vMerge w:val="restart"/>') +
            cell('Nhiệm vụ', '<w:vMerge w:val="restart"/>') +
            cell('Trách nhiệm', '<w:gridSpan w:val="2"/>'),
          '<w:tblHeader/>',
        ) +
          row(
            cell('', '<w:vMerge/>') + cell('', '<w:vMerge/>') + cell('Chủ trì') + cell('Phối hợp'),
            '<w:tblHeader/>',
          ) +
          row(
            cell('1', '<w:vMerge w:val="restart"/>') +
              cell('Việc A', '<w:vMerge w:val="restart"/>') +
              cell('UBND xã') +
              cell('Công an'),
          ) +
          row(
            cell('', '<w:vMerge w:val="continue"/>') + cell('', '<w:vMerge/>') + cell('Trạm y tế') + cell(''),
          ) +
          row(cell('', '<w:vMerge/>') + cell('', '<w:vMerge/>') + cell('Đoàn xã') + cell('')) +
          row(
            '<w:tc><w:tcPr><w:gridSpan w:val="4"/></w:tcPr><w:p><w:r><w:t>II. Hạ tầng số</w:t></w:r></w:p></w:tc>',
          ) +
          row(cell('2', '') + cell('Việc B') + cell('Phòng VH-XH'), '<w:gridAfter w:val="1"/>') +
          row(cell('Chủ trì') + cell('x'), '<w:gridBefore w:val="2"/>'),
        4,
      ),
    });
    const t = firstTable(bytes);
    const g = tableGrid(t);
    expect(g.headerRows).toEqual([0, 1]);
    expect(g.values).toEqual([
      ['TT', 'Nhiệm vụ', 'Trách nhiệm', ''],
      ['', '', 'Chủ trì', 'Phối hợp'],
      ['1', 'Việc A', 'UBND xã', 'Công an'],
      ['', '', 'Trạm y tế', ''],
      ['', '', 'Đoàn xã', ''],
      ['II. Hạ tầng số', '', '', ''],
      ['2', 'Việc B', 'Phòng VH-XH', ''],
      ['', '', 'Chủ trì', 'x'],
    ]);
    expect(g.merges).toEqual([
      { row: 0, column: 0, numRows: 2, numColumns: 1 },
      { row: 0, column: 1, numRows: 2, numColumns: 1 },
      { row: 0, column: 2, numRows: 1, numColumns: 2 },
      { row: 2, column: 0, numRows: 3, numColumns: 1 },
      { row: 2, column: 1, numRows: 3, numColumns: 1 },
      { row: 5, column: 0, numRows: 1, numColumns: 4 },
    ]);
  });

  it("flattens a table nested in a cell into the cell text and joins a cell's paragraphs with line breaks", () => {
    const nested = table(row(cell('Quý I') + cell('Quý II')) + row(cell('Tháng 12')), 2);
    const bytes = docx({
      body: table(
        row(`<w:tc>${p('- Kế hoạch')}${p('- Báo cáo')}</w:tc><w:tc>${p('Thời hạn:')}${nested}</w:tc>`),
        2,
      ),
    });
    const t = firstTable(bytes);
    expect(t.rows[0]?.cells.map((c) => c.text)).toEqual([
      '- Kế hoạch\n- Báo cáo',
      'Thời hạn:\nQuý I Quý II\nTháng 12',
    ]);
  });

  it("reads automatic numbering in a table's STT column as the number a reader sees", () => {
    const header = row(
      cell('STT') + cell('Nhiệm vụ') + cell('Cơ quan chủ trì') + cell('Thời gian hoàn thành'),
    );
    const task = (name: string) =>
      row(`<w:tc>${p('', numPr(1))}</w:tc>` + cell(name) + cell('UBND xã') + cell('Quý IV/2026'));
    const bytes = docx({
      numbering: abstractNum(1, lvl(0, 'decimal', '%1.')) + num(1, 1),
      body:
        p('PHỤ LỤC') +
        p('PHÂN CÔNG NHIỆM VỤ NĂM 2026') +
        table(header + task('A') + task('B') + task('C'), 4),
    });
    const imported = importDocx(bytes);
    const plan = checkSheet(imported.sheet, { today: TODAY }).plan;
    expect(plan.tasks.map((x) => [x.stt, x.task, x.deadline.due])).toEqual([
      ['1', 'A', '2026-12-31'],
      ['2', 'B', '2026-12-31'],
      ['3', 'C', '2026-12-31'],
    ]);
    expect(imported.title).toEqual(['PHỤ LỤC', 'PHÂN CÔNG NHIỆM VỤ NĂM 2026']);
  });
});

describe('tables continued across pages', () => {
  const header = row(cell('STT') + cell('Nhiệm vụ') + cell('Cơ quan chủ trì') + cell('Thời gian hoàn thành'));
  const task = (n: number) =>
    row(cell(String(n)) + cell(`Việc ${n}`) + cell('UBND xã') + cell('Quý IV/2026'));
  const pageBreak = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

  it('joins a table that goes on without a header right after the first, and leaves one after other text apart', () => {
    const bytes = docx({
      body:
        p('PHỤ LỤC 1') +
        table(header + task(1) + task(2), 4) +
        pageBreak +
        p('') +
        table(task(3) + task(4), 4) +
        p('PHỤ LỤC 2: các nhiệm vụ của năm sau') +
        table(header + task(9), 4),
    });
    const imported = importDocx(bytes);
    const tasks = checkSheet(imported.sheet, { today: TODAY }).plan.tasks;
    expect(tasks.map((t) => t.stt)).toEqual(['1', '2', '3', '4']);
    expect(imported.notes.join(' ')).toMatch(/nối 2 bảng.*còn 1 bảng khác/);
  });

  it('does not take a narrower table after the appendix (the signature block) for its continuation', () => {
    const bytes = docx({
      body: table(header + task(1), 4) + p('') + table(row(cell('Nơi nhận:') + cell('CHỦ TỊCH')), 2),
    });
    const imported = importDocx(bytes);
    expect(imported.sheet.values.flat()).not.toContain('CHỦ TỊCH');
    expect(imported.notes).toEqual([]);
  });
});

describe('the title above the table', () => {
  const header = row(cell('STT') + cell('Nhiệm vụ') + cell('Cơ quan chủ trì') + cell('Thời gian hoàn thành'));
  const body = row(cell('1') + cell('Việc A') + cell('UBND xã') + cell('Quý I'));
  const tasks = table(header + body, 4);

  it('takes the lines right above, over blank paragraphs, not the signature before a gap', () => {
    const bytes = docx({
      body:
        p('CHỦ TỊCH') +
        p('Nguyễn Văn A') +
        p('') +
        p('') +
        p('PHỤ LỤC') +
        p('') +
        p('PHÂN CÔNG NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026') +
        p('') +
        p('') +
        p('') +
        tasks,
    });
    const imported = importDocx(bytes);
    expect(imported.title).toEqual(['PHỤ LỤC', 'PHÂN CÔNG NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026']);
    // "Quý I" without a year takes the year of the title.
    expect(checkSheet(imported.sheet, { today: TODAY }).plan.tasks[0]?.deadline.due).toBe('2026-03-31');
  });

  it('starts at the page break or the section break before the appendix, and reads a table in a content control', () => {
    const pageBreak = docx({
      body:
        '<w:p><w:r><w:t>CHỦ TỊCH</w:t><w:br w:type="page"/><w:t>PHỤ LỤC</w:t></w:r></w:p>' +
        p('Kèm theo kế hoạch năm 2025') +
        `<w:sdt><w:sdtPr><w:tag w:val="bang"/></w:sdtPr><w:sdtContent>${tasks}</w:sdtContent></w:sdt>`,
    });
    expect(importDocx(pageBreak).title).toEqual(['PHỤ LỤC', 'Kèm theo kế hoạch năm 2025']);
    const sectionBreak = docx({
      body: p('Nơi nhận: như trên', '<w:sectPr/>') + p('PHỤ LỤC') + tasks,
    });
    expect(importDocx(sectionBreak).title).toEqual(['PHỤ LỤC']);
  });
});

// ---- prose ----------------------------------------------------------------------------------

describe('prose plans', () => {
  it('recognises the labelled lines of a task, and only those', () => {
    expect(labelLine('- Bộ phận thực hiện: Bộ phận Văn hoá.')).toEqual({
      kind: 'lead',
      value: 'Bộ phận Văn hoá',
    });
    expect(labelLine('- Bộ phận tham mưu thực hiện: Bộ phận Văn hóa.')?.kind).toBe('lead');
    expect(labelLine('Đơn vị chủ trì: Phòng Kinh tế')?.kind).toBe('lead');
    expect(labelLine('+ Cơ quan thực hiện: Công an xã')?.kind).toBe('lead');
    expect(labelLine('- Bộ phận phối hợp thực hiện: Các cơ quan.')).toEqual({
      kind: 'partners',
      value: 'Các cơ quan',
    });
    expect(labelLine('- Thời gian thực hiện: Quý I năm 2024.')).toEqual({
      kind: 'deadline',
      value: 'Quý I năm 2024',
    });
    expect(labelLine('- Thời gian hoàn thành: 30/10/2025')?.kind).toBe('deadline');
    expect(labelLine('- Sản phẩm: Kế hoạch được ban hành')?.kind).toBe('output');
    expect(labelLine('Nơi nhận:')).toBeNull();
    expect(labelLine('9.2. Phát triển kinh tế số ngành, lĩnh vực:')).toBeNull();
    expect(
      labelLine('- Chủ trì, phối hợp với các phòng chuyên môn triển khai thực hiện Kế hoạch.'),
    ).toBeNull();
  });

  const plan = (body: string, numbering?: string) =>
    docx({
      body: p('KẾ HOẠCH') + p('Chuyển đổi số xã A năm 2026') + body,
      ...(numbering ? { numbering } : {}),
    });

  it('reads lettered tasks, several assignment lines, outputs, and reports stray paragraphs by their text', () => {
    const bytes = plan(
      p('I. MỤC TIÊU') +
        p('1. Nhận thức số') +
        p('- Nâng cao nhận thức.') +
        p('II. NHIỆM VỤ VÀ GIẢI PHÁP') +
        p('1. Chính quyền số') +
        p('a) Vận hành hệ thống một cửa điện tử.') +
        p('- Đơn vị chủ trì: Văn phòng HĐND và UBND.') +
        p('- Thời gian hoàn thành: Thường xuyên.') +
        p('- Đơn vị chủ trì: Trung tâm Phục vụ hành chính công.') +
        p('- Thời gian hoàn thành: Quý II/2026.') +
        p('Ghi chú thêm của văn phòng không có nhãn.') +
        p('b) Số hóa hồ sơ.') +
        p('- Đơn vị chủ trì: Văn phòng HĐND và UBND.') +
        p('- Sản phẩm: Kho dữ liệu số hóa.') +
        p('- Thời gian hoàn thành: Tháng 10/2026.') +
        p('2. Kinh tế số') +
        p('2.1. Hỗ trợ hộ kinh doanh bán hàng trên sàn thương mại điện tử') +
        p('+ Tập huấn kỹ năng.') +
        p('+ Hướng dẫn mở gian hàng.') +
        p('- Đơn vị thực hiện: Phòng Kinh tế.') +
        p('- Thời hạn: 30/6/2026.') +
        p('III. TỔ CHỨC THỰC HIỆN') +
        p('1. Phòng Văn hóa - Xã hội') +
        p('- Chủ trì, phối hợp với các phòng chuyên môn triển khai thực hiện Kế hoạch.'),
    );
    const imported = importDocx(bytes);
    expect(imported.source).toBe('prose');
    expect(imported.notes.join(' ')).toContain('II. NHIỆM VỤ VÀ GIẢI PHÁP');
    const { plan: parsed } = checkSheet(imported.sheet, { today: TODAY });
    expect(
      parsed.tasks.map((t) => ({
        stt: t.stt,
        pillar: t.pillar,
        task: t.task,
        lines: t.lines.map((l) => [l.lead, l.deadline.due ?? l.deadline.kind, l.output]),
      })),
    ).toEqual([
      {
        stt: 'a',
        pillar: 'Chính quyền số',
        task: 'Vận hành hệ thống một cửa điện tử.',
        lines: [
          ['Văn phòng HĐND và UBND', 'recurring', ''],
          ['Trung tâm Phục vụ hành chính công', '2026-06-30', ''],
        ],
      },
      {
        stt: 'b',
        pillar: 'Chính quyền số',
        task: 'Số hóa hồ sơ.',
        lines: [['Văn phòng HĐND và UBND', '2026-10-31', 'Kho dữ liệu số hóa']],
      },
      {
        stt: '2.1',
        pillar: 'Kinh tế số',
        task: 'Hỗ trợ hộ kinh doanh bán hàng trên sàn thương mại điện tử + Tập huấn kỹ năng. + Hướng dẫn mở gian hàng.',
        lines: [['Phòng Kinh tế', '2026-06-30', '']],
      },
    ]);
    expect(imported.problems).toEqual([
      {
        text: 'Ghi chú thêm của văn phòng không có nhãn.',
        reason: expect.stringMatching(/^Không đọc được đoạn: .* a /),
      },
    ]);
  });

  it('reads tasks numbered by Word (not in the text) under headings numbered by Word', () => {
    const numbering =
      abstractNum(1, lvl(0, 'upperRoman', '%1.')) +
      abstractNum(2, lvl(0, 'decimal', '%1.') + lvl(1, 'decimal', '%1.%2.')) +
      num(1, 1) +
      num(2, 2);
    const bytes = plan(
      p('CĂN CỨ', numPr(1)) +
        p('NỘI DUNG', numPr(1)) +
        p('Hạ tầng số', numPr(2, 0)) +
        p('Nâng cấp mạng nội bộ', numPr(2, 1)) +
        p('- Bộ phận chủ trì: Văn phòng') +
        p('- Thời gian thực hiện: Quý III/2026') +
        p('Nền tảng số', numPr(2, 0)) +
        p('Dùng nền tảng họp trực tuyến', numPr(2, 1)) +
        p('- Bộ phận chủ trì: Văn phòng') +
        p('- Thời gian thực hiện: Thường xuyên'),
      numbering,
    );
    const imported = importDocx(bytes);
    expect(imported.notes.join(' ')).toContain('“II. NỘI DUNG”');
    const tasks = checkSheet(imported.sheet, { today: TODAY }).plan.tasks;
    expect(tasks.map((t) => [t.stt, t.pillar, t.task])).toEqual([
      ['1.1', 'Hạ tầng số', 'Nâng cấp mạng nội bộ'],
      ['2.1', 'Nền tảng số', 'Dùng nền tảng họp trực tuyến'],
    ]);
  });

  it('reads lines separated by Shift+Enter, and a label whose value comes on the lines below it', () => {
    const bytes = plan(
      p('I. NỘI DUNG') +
        '<w:p><w:r><w:t>1. Xây dựng kế hoạch chuyển đổi số năm 2026.</w:t><w:br/><w:t>- Đơn vị chủ trì: Phòng Văn hóa - Xã hội.</w:t><w:br/><w:t>- Thời gian thực hiện: Quý I/2026.</w:t></w:r></w:p>' +
        p('2. Tuyên truyền về chuyển đổi số.') +
        p('- Đơn vị chủ trì:') +
        p('+ Phòng Văn hóa - Xã hội;') +
        p('+ Công an xã.') +
        p('- Thời gian thực hiện:') +
        p('+ Quý II/2026;') +
        p('+ Tháng 11/2026.'),
    );
    const imported = importDocx(bytes);
    expect(imported.problems).toEqual([]);
    const tasks = checkSheet(imported.sheet, { today: TODAY }).plan.tasks;
    expect(tasks.map((t) => [t.stt, t.task, t.lines[0]?.lead, t.deadline.text, t.deadline.due])).toEqual([
      [
        '1',
        'Xây dựng kế hoạch chuyển đổi số năm 2026.',
        'Phòng Văn hóa - Xã hội',
        'Quý I/2026',
        '2026-03-31',
      ],
      [
        '2',
        'Tuyên truyền về chuyển đổi số.',
        '+ Phòng Văn hóa - Xã hội + Công an xã',
        '+ Quý II/2026 + Tháng 11/2026',
        '2026-11-30',
      ],
    ]);
  });

  it('says in Vietnamese when a document holds neither a task table nor prose tasks', () => {
    const r = refusal(() => importDocx(plan(p('I. MỤC TIÊU') + p('Nâng cao nhận thức về chuyển đổi số.'))));
    expect(r?.reason).toBe('docx-no-tasks');
    expect(r?.message).toMatch(/^Không tìm thấy nhiệm vụ trong văn bản Word/);
  });
});

// ---- hostile and odd files ------------------------------------------------------------------

describe('hostile and odd files', () => {
  it('refuses a zip bomb fast, from its directory, with the zip message', () => {
    const bomb = docx({ body: p('x'), extra: { 'word/media/a.bin': new Uint8Array(16 * 1024 * 1024) } });
    expect(bomb.length).toBeLessThan(200_000);
    const t0 = Date.now();
    const r = refusal(() => importDocx(bomb));
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(r?.reason).toBe('zip-too-large');
    expect(r?.message).toContain('bom nén');
  });

  it('refuses entity declarations (external entities, entity bombs) in document.xml', () => {
    const xxe = docx({
      prolog: '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      body: p('&xxe;'),
    });
    const r = refusal(() => importDocx(xxe));
    expect(r?.reason).toBe('xml');
    expect(r?.message).toContain('DOCTYPE');
    const laughs = docx({
      prolog: '<!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>',
      body: p('&b;'),
    });
    expect(refusal(() => importDocx(laughs))?.reason).toBe('xml');
  });

  it('reads a macro-enabled document renamed .docx for its text only, and says the macros were ignored', () => {
    const files = unzipSync(fixture('003-mo-cay.docx'));
    const types = new TextDecoder().decode(files['[Content_Types].xml']);
    files['[Content_Types].xml'] = strToU8(
      types.replace(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        'application/vnd.ms-word.document.macroEnabled.main+xml',
      ),
    );
    files['word/vbaProject.bin'] = strToU8(
      'Attribute VB_Name = "AutoOpen"\nSub AutoOpen()\nShell "calc"\nEnd Sub',
    );
    const imported = importDocx(zipSync(files));
    expect(imported.notes.join(' ')).toMatch(/macro .*không được chạy/);
    expect(checkSheet(imported.sheet, { today: TODAY }).plan.tasks).toHaveLength(27);
  });

  it('says what a file is when it is not a Word document', () => {
    const xlsx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
    });
    expect(refusal(() => importDocx(xlsx))?.reason).toBe('docx-is-xlsx');
    expect(refusal(() => importDocx(zipSync({ 'a.txt': strToU8('xin chào') })))?.reason).toBe(
      'docx-not-word',
    );
    expect(refusal(() => importDocx(strToU8('STT,Nhiệm vụ\n1,abc')))?.reason).toBe('not-zip');
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const doc = refusal(() => importDocx(ole));
    expect(doc?.reason).toBe('docx-legacy');
    expect(doc?.message).toContain('.docx');
  });

  it('refuses a document with more paragraphs than any plan, and clamps absurd table widths', () => {
    // (As a file, such a body compresses so well that the ZIP ratio limit refuses it first.)
    const flood = `<w:document ${W}><w:body>${'<w:p/>'.repeat(500_001)}</w:body></w:document>`;
    const r = refusal(() => readBody(flood, new Numbering(null, null)));
    expect(r?.reason).toBe('docx-too-large');
    expect(r?.message).toMatch(/^Văn bản Word quá lớn/);
    const wide = docx({
      body: table(
        row(cell('a'), '<w:gridBefore w:val="999999"/>') +
          row(cell('b', '<w:gridSpan w:val="999999"/>') + cell('c')),
        1,
      ),
    });
    const t = firstTable(wide);
    expect(t.columns).toBe(256);
    expect(t.rows.map((x) => x.cells.map((c) => [c.column, c.span, c.text]))).toEqual([
      [[255, 1, 'a']],
      [[0, 256, 'b']],
    ]);
  });

  it('says that parts imported from other files were not read', () => {
    const header = row(
      cell('STT') + cell('Nhiệm vụ') + cell('Cơ quan chủ trì') + cell('Thời gian hoàn thành'),
    );
    const bytes = docx({
      body:
        '<w:altChunk r:id="rId5" xmlns:r="r"/>' +
        table(header + row(cell('1') + cell('A') + cell('B') + cell('Quý I/2026')), 4),
    });
    expect(importDocx(bytes).notes.join(' ')).toContain('1 phần nhúng');
  });

  it('imports a 5,000-task appendix in well under 2 s', () => {
    const bytes = fixture('5000-nhiem-vu.docx');
    const t0 = Date.now();
    const imported = importDocx(bytes);
    const elapsed = Date.now() - t0;
    const tasks = checkSheet(imported.sheet, { today: TODAY }).plan.tasks;
    expect(elapsed).toBeLessThan(2000);
    expect(tasks).toHaveLength(5000);
    expect(tasks[4999]).toMatchObject({ stt: '5000', pillar: 'Nhân lực số' });
    expect(tasks.filter((t) => t.lines[0]?.leadMissing)).toHaveLength(52);
  });

  it('stays fast on a 10 MB document (a large embedded image) and reads it as without the image', () => {
    const files: Zippable = unzipSync(fixture('004-dai-hai.docx'));
    const image = new Uint8Array(10 * 1024 * 1024);
    let x = 12345;
    for (let i = 0; i < image.length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      image[i] = x >>> 24;
    }
    files['word/media/image1.png'] = [image, { level: 0 }];
    const big = zipSync(files);
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    const t0 = Date.now();
    const imported = importDocx(big);
    expect(Date.now() - t0).toBeLessThan(1000);
    const key = keys.find((k) => k.files.includes('004-dai-hai.docx')) as DocxKey;
    expect(docxTaskShape(checkSheet(imported.sheet, { today: TODAY }).plan)).toEqual(key.tasks);
  });
});
