/** The core .xlsx reader: values as Sheets gives them, dates on their day, and hostile files bounded. */
import { strToU8, zipSync } from 'fflate';
import { dayInZone } from '../../src/core/dates';
import { isUserError } from '../../src/core/errors';
import { detectFormat, openXlsx, type XlsxOptions } from '../../src/core/xlsx';
import { TRUNCATION_MARK } from '../../src/core/table-limits';
import { bookParts, cellXml, hostileXlsx, xlsx, zipParts, type BookSpec } from '../helpers/xlsx';

function refusal(fn: () => unknown): { reason: string; message: string; ms: number } {
  const t0 = Date.now();
  try {
    fn();
  } catch (e) {
    if (!isUserError(e)) throw e;
    return { reason: e.reason, message: e.message, ms: Date.now() - t0 };
  }
  throw new Error('expected a refusal');
}

const one = (spec: BookSpec, options?: XlsxOptions) => {
  const book = openXlsx(xlsx(spec), options);
  return book.sheet(book.sheetNames[0] as string);
};

describe('values as Google Sheets gives them', () => {
  it('reads shared, inline and rich strings, numbers, booleans and formula results', () => {
    const s = one({
      shared: [
        '<t>Nhiệm vụ</t>',
        // Rich text: runs joined, the phonetic run left out.
        '<r><rPr><b/></rPr><t>Tổ chức </t></r><r><t xml:space="preserve">tập huấn</t></r><rPh sb="0" eb="1"><t>x</t></rPh>',
        '<t>A &amp; B &lt;C&gt; line_x000D_\nnext</t>',
      ],
      sheets: [
        {
          name: 'Phân công',
          rows:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
            '<row r="2"><c r="A2"><v>1.5</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c>' +
            '<c r="D2" t="inlineStr"><is><t>Quý IV/2025</t></is></c></row>' +
            '<row r="3"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3" t="str"><f>"Quý "&amp;"IV"</f><v>Quý IV</v></c>' +
            '<c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D3"><f>A1</f></c></row>' +
            // Styled but empty cells, far away, size nothing.
            '<row r="9"><c r="Z9" s="0"/></row>',
        },
      ],
    });
    expect(s.name).toBe('Phân công');
    expect(s.values).toEqual([
      ['Nhiệm vụ', 'Tổ chức tập huấn', 'A & B <C> line\r\nnext', ''],
      [1.5, true, false, 'Quý IV/2025'],
      [2, 'Quý IV', '', ''],
    ]);
  });

  it('lists the sheets in the workbook’s order, finds their parts through the relationships, and reads only the one asked for', () => {
    const bytes = xlsx({
      shared: '<sst><si><t>broken',
      sheets: [
        { name: 'Bìa', rows: '<row r="1"><c r="A1"><v>7</v></c></row>', path: '/xl/worksheets/zz.xml' },
        { name: 'Hỏng', rows: '<row><c><v>1</v></row>', raw: true },
        { name: 'Số', rows: '<row><c><v>3</v></c><c><v>4</v></c></row>', path: 'other/s.xml' },
      ],
    });
    const book = openXlsx(bytes);
    expect(book.sheetNames).toEqual(['Bìa', 'Hỏng', 'Số']);
    // Cells without references follow one another; the broken shared strings are never read.
    expect(book.sheet('Số').values).toEqual([[3, 4]]);
    expect(book.sheet('Bìa').values).toEqual([[7]]);
    expect(refusal(() => book.sheet('Hỏng')).message).toMatch(/Không đọc được tệp: nội dung XML/);
    expect(refusal(() => book.sheet('Không có')).reason).toBe('no-sheet');
  });

  it('gives the merge’s hidden cells as "" and returns the merges clipped to the data', () => {
    const s = one({
      sheets: [
        {
          name: 'S',
          rows:
            `<row r="1">${cellXml('A1', 'Tiêu đề')}${cellXml('B1', 'ẩn')}</row>` +
            `<row r="2">${cellXml('A2', 'x')}${cellXml('B2', 'y')}${cellXml('C2', 'z')}</row>`,
          after: '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="C2:C9"/></mergeCells>',
        },
      ],
    });
    expect(s.values).toEqual([
      ['Tiêu đề', '', ''],
      ['x', 'y', 'z'],
    ]);
    expect(s.merges).toEqual([{ row: 0, column: 0, numRows: 1, numColumns: 3 }]);
  });
});

describe('date cells: the calendar day Excel shows', () => {
  // Excel's serial for 31/12/2025 is 46022 in the 1900 system, 44560 in the 1904 system.
  const book = (date1904: boolean) => ({
    date1904,
    styles: {
      xfs: [0, 14, 164, 165, 166],
      formats: { 164: 'dd/mm/yyyy;@', 165: 'h:mm', 166: '[$-42A]d mmmm yyyy' },
    },
    sheets: [
      {
        name: 'S',
        rows:
          `<row r="1"><c r="A1" s="1"><v>${date1904 ? 44560 : 46022}</v></c><c r="B1" s="2"><v>${date1904 ? 44560.75 : 46022.75}</v></c>` +
          `<c r="C1" s="3"><v>0.5</v></c><c r="D1" s="4"><v>${date1904 ? 44560 : 46022}</v></c><c r="E1"><v>46022</v></c>` +
          `<c r="F1" t="d"><v>2025-12-31T00:00:00</v></c></row>`,
      },
    ],
  });

  it.each([
    ['Asia/Ho_Chi_Minh', false],
    ['Pacific/Auckland', false],
    ['America/Los_Angeles', false],
    ['Asia/Ho_Chi_Minh', true],
    ['Pacific/Auckland', true],
    ['America/Los_Angeles', true],
  ])('in %s (1904 system: %s)', (timeZone, date1904) => {
    const row = one(book(date1904), { timeZone }).values[0] as unknown[];
    const [a, b, c, d, e, f] = row as [Date, Date, unknown, Date, unknown, Date];
    for (const v of [a, d, f]) {
      expect(v).toBeInstanceOf(Date);
      expect(dayInZone(v, timeZone)).toBe('2025-12-31');
      // Midnight of that day: a millisecond earlier is the day before.
      expect(dayInZone(new Date(v.getTime() - 1), timeZone)).toBe('2025-12-30');
    }
    expect(dayInZone(b, timeZone)).toBe('2025-12-31');
    expect(b.getTime() - a.getTime()).toBe(18 * 3_600_000);
    expect(c).toBe(0.5); // a time-only format stays a number
    expect(e).toBe(46022); // no date format: a number
  });

  it('reads the first days of the 1900 system as Excel shows them', () => {
    const s = one({
      styles: { xfs: [14] },
      sheets: [
        { name: 'S', rows: '<row><c s="0"><v>1</v></c><c s="0"><v>59</v></c><c s="0"><v>61</v></c></row>' },
      ],
    });
    expect((s.values[0] as Date[]).map((v) => dayInZone(v, 'Asia/Ho_Chi_Minh'))).toEqual([
      '1900-01-01',
      '1900-02-28',
      '1900-03-01',
    ]);
  });
});

describe('hostile and huge workbooks: bounded time and memory', () => {
  const rows2 = `<row r="1">${cellXml('A1', 'STT')}${cellXml('B1', 'Nhiệm vụ')}</row>`;

  it('sizes the grid from the cells that hold something, not from a dimension at XFD1048576', () => {
    const t0 = Date.now();
    const s = one({
      sheets: [
        {
          name: 'S',
          raw: true,
          rows: `<worksheet><dimension ref="A1:XFD1048576"/><sheetData>${rows2}<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData></worksheet>`,
        },
      ],
    });
    expect(s.values).toEqual([['STT', 'Nhiệm vụ']]);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('drops a value past the 200th column and refuses one at row 1,048,576 with the limit', () => {
    expect(
      one({ sheets: [{ name: 'S', rows: `${rows2}<row r="2">${cellXml('XFD2', 'xa')}</row>` }] }).values,
    ).toEqual([['STT', 'Nhiệm vụ']]);
    const r = refusal(() =>
      one({ sheets: [{ name: 'S', rows: `${rows2}<row r="1048576">${cellXml('A1048576', 'x')}</row>` }] }),
    );
    expect(r.reason).toBe('too-many-rows');
    expect(r.message).toContain('dòng 1.048.576');
    expect(r.message).toContain('giới hạn 250.000 dòng');
    expect(r.ms).toBeLessThan(1000);
  });

  it('clips a merge A20:XFD1048576 (and A1:XFD1048576) to the data at once', () => {
    const t0 = Date.now();
    const s = one({
      sheets: [
        {
          name: 'S',
          rows: `${rows2}<row r="2">${cellXml('A2', 'a')}${cellXml('B2', 'b')}</row>`,
          after: '<mergeCells><mergeCell ref="A20:XFD1048576"/><mergeCell ref="A2:XFD1048576"/></mergeCells>',
        },
      ],
    });
    expect(s.values).toEqual([
      ['STT', 'Nhiệm vụ'],
      ['a', ''],
    ]);
    expect(s.merges).toEqual([{ row: 1, column: 0, numRows: 1, numColumns: 2 }]);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  const sheetPart = 'xl/worksheets/sheet1.xml';
  const sstPart = 'xl/sharedStrings.xml';
  const base: BookSpec = { sheets: [{ name: 'S', rows: '' }], shared: [] };
  const head = '<worksheet><sheetData>';
  const tail = '</sheetData></worksheet>';

  it.each([
    [
      'one 400 MB shared string',
      sstPart,
      { head: '<sst><si><t>', unit: 'a', times: 400 << 20, tail: '</t></si></sst>' },
    ],
    [
      'a row repeated to 200 MB',
      sheetPart,
      { head, unit: '<row><c t="inlineStr"><is><t>Triển khai</t></is></c></row>', times: 3_500_000, tail },
    ],
    ['empty rows to 400 MB', sheetPart, { head, unit: '<row/>', times: 70_000_000, tail }],
    [
      '20 million shared strings',
      sstPart,
      { head: '<sst>', unit: '<si><t>a</t></si>', times: 20_000_000, tail: '</sst>' },
    ],
  ])('refuses %s before inflating it', (_name, part, body) => {
    const bytes = hostileXlsx(base, part, body);
    expect(bytes.length).toBeLessThan(5 << 20);
    const book = openXlsxOrRefusal(bytes);
    const r = refusal(() => book());
    expect(r.reason).toBe('zip-too-large');
    expect(r.message).toMatch(/^Không đọc được tệp: tệp chứa dữ liệu giải nén quá lớn/);
    expect(r.ms).toBeLessThan(500);
  });

  it('stops a part that inflates past the size its directory declares', () => {
    const bytes = hostileXlsx(
      { sheets: [{ name: 'S', rows: '<row><c t="s"><v>0</v></c></row>' }], shared: [] },
      sstPart,
      { head: '<sst><si><t>', unit: 'a', times: 400 << 20, tail: '</t></si></sst>' },
      1000,
    );
    const book = openXlsx(bytes);
    expect(book.sheetNames).toEqual(['S']);
    const r = refusal(() => book.sheet('S'));
    expect(r.reason).toBe('zip-too-large');
    expect(r.ms).toBeLessThan(500);
  });

  it('refuses more than 2,000,000 shared strings, quickly', () => {
    const bytes = hostileXlsx(
      { sheets: [{ name: 'S', rows: '<row><c t="s"><v>0</v></c></row>' }], shared: [] },
      sstPart,
      { head: '<sst>', unit: '<si/>', times: 2_000_001, tail: '</sst>' },
    );
    const r = refusal(() => openXlsx(bytes).sheet('S'));
    expect(r.reason).toBe('too-many-strings');
    expect(r.message).toContain('2.000.000 chuỗi');
    expect(r.ms).toBeLessThan(3000);
  });

  it('cuts a 10 MB text cell at 50,000 characters, marked, and reads it fast', () => {
    for (const where of ['shared', 'inline'] as const) {
      const bytes =
        where === 'shared'
          ? hostileXlsx(
              { sheets: [{ name: 'S', rows: '<row><c t="s"><v>0</v></c></row>' }], shared: [] },
              sstPart,
              {
                head: '<sst><si><t>',
                unit: 'Nhiệm vụ ',
                times: 1_000_000,
                tail: '</t></si></sst>',
              },
            )
          : hostileXlsx(base, sheetPart, {
              head: `${head}<row><c t="inlineStr"><is><t>`,
              unit: 'Nhiệm vụ ',
              times: 1_000_000,
              tail: `</t></is></c></row>${tail}`,
            });
      const t0 = Date.now();
      const v = openXlsx(bytes).sheet('S').values[0]?.[0] as string;
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(v.length).toBe(50_000 + TRUNCATION_MARK.length);
      expect(v.startsWith('Nhiệm vụ Nhiệm vụ')).toBe(true);
      expect(v.endsWith(TRUNCATION_MARK)).toBe(true);
    }
  });

  it('refuses a 1,000,000-row sheet at the row limit, saying so', () => {
    const bytes = hostileXlsx(base, sheetPart, {
      head,
      unit: '<row><c><v>1</v></c></row>',
      times: 1_000_000,
      tail,
    });
    const r = refusal(() => openXlsx(bytes).sheet('S'));
    expect(r.reason).toBe('too-many-rows');
    expect(r.message).toBe(
      'Trang “S” có dữ liệu đến dòng 250.001, vượt giới hạn 250.000 dòng mà công cụ đọc được. Hãy xóa các dòng thừa ở cuối trang (hoặc tách bảng thành nhiều tệp) rồi thử lại.',
    );
    expect(r.ms).toBeLessThan(3000);
  });

  it('refuses an entity declaration in a part', () => {
    const r = refusal(() =>
      one({
        sheets: [
          {
            name: 'S',
            raw: true,
            rows: '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>',
          },
        ],
      }),
    );
    expect(r.message).toContain('DOCTYPE');
  });
});

/** openXlsx, deferred: a refusal may come from opening or from reading. */
function openXlsxOrRefusal(bytes: Uint8Array): () => unknown {
  return () => openXlsx(bytes).sheet('S');
}

describe('files that are not workbooks', () => {
  const ole2 = (stream: string) => {
    const b = new Uint8Array(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [...stream].forEach((ch, k) => (b[1024 + 2 * k] = ch.charCodeAt(0)));
    return b;
  };
  const docx = zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8('<w:document/>'),
  });
  const cases: [string, Uint8Array, string, RegExp][] = [
    ['a Word document renamed .xlsx', docx, 'docx', /là văn bản Word \(\.docx\).*lưu dạng \.xlsx/],
    ['a PDF', strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf', /là tài liệu PDF/],
    [
      'a PNG',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'image',
      /là ảnh/,
    ],
    ['a JPEG', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image', /là ảnh/],
    ['a GIF', strToU8('GIF89a....'), 'image', /là ảnh/],
    [
      'a plain zip',
      zipSync({ 'ke-hoach.xlsx': new Uint8Array(10), 'doc.txt': strToU8('x') }),
      'zip',
      /là tệp nén ZIP.*giải nén/,
    ],
    ['an old .xls', ole2('Workbook'), 'ole2', /định dạng Excel cũ \(\.xls, Excel 97–2003\).*Lưu thành/],
    ['a password-protected workbook', ole2('EncryptedPackage'), 'ole2', /được đặt mật khẩu.*xóa mật khẩu/],
    [
      'a CSV renamed .xlsx',
      strToU8('STT,Nhiệm vụ\n1,a\n'),
      'text',
      /không phải \.xlsx hợp lệ: nội dung là văn bản thuần/,
    ],
    ['an empty file', new Uint8Array(0), 'empty', /trống/],
    [
      'random bytes',
      Uint8Array.from([1, 2, 3, 0, 5, 6, 7, 8]),
      'unknown',
      /không phải \.xlsx hợp lệ hoặc đã bị hỏng/,
    ],
  ];
  it.each(cases)('%s: named, with what to do', (_name, bytes, format, message) => {
    expect(detectFormat(bytes)).toBe(format);
    const r = refusal(() => openXlsx(bytes, { fileName: 'ke-hoach.xlsx' }));
    expect(r.message).toMatch(/^Tệp “ke-hoach\.xlsx” /);
    expect(r.message).toMatch(message);
  });

  it('says a truncated workbook is damaged, not that it is some other kind of file', () => {
    const bytes = zipParts(bookParts({ sheets: [{ name: 'S', rows: '<row><c><v>1</v></c></row>' }] }));
    const cut = bytes.subarray(0, bytes.length - 40);
    expect(detectFormat(cut)).toBe('xlsx');
    expect(refusal(() => openXlsx(cut, { fileName: 'a.xlsx' })).message).toBe(
      'Không đọc được tệp “a.xlsx”: tệp .xlsx bị hỏng hoặc không đầy đủ (tải về chưa xong?). Hãy mở bằng Excel (hoặc Google Trang tính) rồi lưu lại dạng .xlsx và thử lại.',
    );
  });
});
