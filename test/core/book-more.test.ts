/**
 * Opening files the officer picks, at the edges: a Word plan read through the same door as a
 * workbook (its notes and what it could not read), the refusal of every kind of file that is no
 * plan, a file of exactly the size limit, CSV names with dots, Windows-1258 text, and sheets
 * asked for by a name that matches two.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { MAX_FILE_BYTES, openPlanFile, pickSheet, type PlanBook } from '../../src/core/book';
import type { SheetInput } from '../../src/core/grid';
import { refusal } from '../helpers/refusal';

const DOCX = join(__dirname, '..', 'fixtures', 'docx');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DOCX, name)));
const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'];
const UNREADABLE =
  'Không đọc được đoạn: không phải nhiệm vụ đánh số, dòng ghi bộ phận chủ trì/phối hợp/thời gian hay tiêu đề mục.';

describe('a Word plan', () => {
  it('opens as one sheet, with what could not be read as notes', () => {
    const book = openPlanFile(fixture('002-tinh-long.docx'), 'tinh-long.docx');
    expect(book.kind).toBe('docx');
    expect(book.sheetNames).toHaveLength(1);
    const name = book.sheetNames[0] as string;
    expect(book.sheet(name).values.length).toBeGreaterThan(10);
    expect(book.notes).toEqual([
      'Đọc nhiệm vụ từ mục: “III. NỘI DUNG KẾ HOẠCH”.',
      `${UNREADABLE} (“(Các bộ phận căn cứ nội dung dưới đây xây dựng kế hoạch chi tiết của bộ phận mình)”)`,
    ]);
    expect(refusal(() => book.sheet('Trang khác'))).toBe('Tệp “tinh-long.docx” không có trang “Trang khác”.');
    expect(book.imported?.source).toBe('prose');
  });

  it('cuts a long unreadable paragraph in its note', () => {
    const files = unzipSync(fixture('002-tinh-long.docx'));
    const doc = new TextDecoder().decode(files['word/document.xml']);
    const long = `Các bộ phận ${'căn cứ nội dung '.repeat(12)}xây dựng kế hoạch`;
    files['word/document.xml'] = strToU8(
      doc.replace('Các bộ phận căn cứ nội dung dưới đây xây dựng kế hoạch chi tiết của bộ phận mình', long),
    );
    const book = openPlanFile(zipSync(files), 'tinh-long.docx');
    const note = book.notes.find((n) => n.startsWith('Không đọc được đoạn')) as string;
    expect(note).toBe(`${UNREADABLE} (“(${long.slice(0, 118)}…”)`);
  });

  it('that cannot be read is refused naming the file, in a sentence', () => {
    const broken = zipSync({ 'word/styles.xml': strToU8('<w:styles/>') });
    expect(refusal(() => openPlanFile(broken, 'hong.docx'))).toBe(
      'Không đọc được tệp “hong.docx”: tệp không phải văn bản Word (.docx): không có phần nội dung văn bản (word/document.xml).',
    );
  });
});

describe('files that are no plan', () => {
  const pdf = strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  const zip = zipSync({ 'ghi-chu.txt': strToU8('xin chào') });
  it.each([
    ['ke-hoach.pdf', pdf, 'là tài liệu PDF'],
    ['ke-hoach.xlsx', pdf, 'là tài liệu PDF'],
    ['anh.png', png, 'là ảnh (PNG, JPEG, GIF…)'],
    ['nen.zip', zip, 'là tệp nén ZIP'],
    ['nen.csv', zip, 'là tệp nén ZIP'],
  ])('%s is refused for what it is', (name, bytes, what) => {
    expect(refusal(() => openPlanFile(bytes, name))).toContain(`“${name}” ${what}`);
  });

  it('text named .xlsx is told apart from text named .xls', () => {
    const text = strToU8(`${HEADER.join(',')}\n1,Tập huấn,UBND xã,Quý IV/2025\n`);
    expect(refusal(() => openPlanFile(text, 'ke-hoach.xlsx'))).toMatch(
      /^Tệp “ke-hoach\.xlsx” không phải \.xlsx hợp lệ: nội dung là văn bản thuần/,
    );
    expect(refusal(() => openPlanFile(text, 'ke-hoach.xls'))).toMatch(
      /^Tệp “ke-hoach\.xls” có đuôi \.xls nhưng là văn bản/,
    );
  });

  it('an empty CSV is refused as empty', () => {
    expect(refusal(() => openPlanFile(new Uint8Array(0), 'rong.csv'))).toBe(
      'Tệp “rong.csv” trống, không có dữ liệu để kiểm tra.',
    );
  });

  it('a file of exactly the size limit is read, not refused as too large', () => {
    const bytes = new Uint8Array(MAX_FILE_BYTES);
    expect(refusal(() => openPlanFile(bytes, 'lon.dat'))).toMatch(
      /^Tệp “lon\.dat” không phải văn bản CSV hay bảng tính/,
    );
  });
});

describe('CSV files', () => {
  it('names the sheet after the file without its last extension only', () => {
    const book = openPlanFile(strToU8(`${HEADER.join(',')}\n`), 'Kế.hoạch.2026.csv');
    expect(book.sheetNames).toEqual(['Kế.hoạch.2026']);
  });

  it('says how many bytes Windows-1258 does not define, naming the code page', () => {
    // "Tập huấn" in Windows-1258 (a, combining dot below, â, combining acute) and one byte 0x81.
    const line = [0x54, 0xe2, 0xf2, 0x70, 0x20, 0x68, 0x75, 0xe2, 0xec, 0x6e];
    const bytes = new Uint8Array([
      ...strToU8('STT,Nhiem vu,Co quan chu tri\n'),
      ...[0x31, 0x2c],
      ...line,
      0x2c,
      ...line,
      0x81,
      0x0a,
    ]);
    const book = openPlanFile(bytes, 'cu.csv');
    expect(book.notes).toEqual([
      'Tệp “cu.csv” có 1 byte không thuộc bảng mã Windows-1258; các chỗ đó được thay bằng dấu “\ufffd”.',
    ]);
  });
});

describe('pickSheet by name', () => {
  const book = (sheets: SheetInput[]): PlanBook => ({
    kind: 'xlsx',
    sheetNames: sheets.map((s) => s.name),
    sheet: (n) => sheets.find((s) => s.name === n) as SheetInput,
    notes: [],
  });
  const tasks = (name: string, lead: string): SheetInput => ({
    name,
    values: [HEADER, ['1', 'Tập huấn kỹ năng số', lead, 'Quý IV/2025']],
  });

  it('prefers the sheet named exactly over one that differs in case', () => {
    const b = book([tasks('Phân công', 'UBND xã'), tasks('PHÂN CÔNG', 'Công an xã')]);
    expect(pickSheet(b, 'a.xlsx', 'PHÂN CÔNG').name).toBe('PHÂN CÔNG');
    expect(pickSheet(b, 'a.xlsx', 'Phân công').name).toBe('Phân công');
  });

  it('finds a sheet whose own name has spaces around it', () => {
    const b = book([tasks(' Phân công 2026 ', 'UBND xã')]);
    expect(pickSheet(b, 'a.xlsx', 'phân công 2026').name).toBe(' Phân công 2026 ');
  });
});
