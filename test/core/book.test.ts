/** Opening a plan file from its bytes: the kind told from the bytes, the right sheet, refusals in Vietnamese. */
import { baseName, extensionOf, MAX_FILE_BYTES, openPlanFile, pickSheet } from '../../src/core/book';
import { carriedOver } from '../../src/core/carry-over';
import type { SheetInput } from '../../src/core/grid';
import { refusal } from '../helpers/refusal';

const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'];
const tasks = (name: string): SheetInput => ({
  name,
  values: [HEADER, ['1', 'Tập huấn kỹ năng số', 'UBND xã', 'Quý IV/2025']],
});
const notes = (name: string): SheetInput => ({ name, values: [['Ghi chú của xã'], ['Họp ngày 12/10']] });
const empty = (name: string): SheetInput => ({ name, values: [] });

/** A workbook of these sheets. The writer (and its spreadsheet library) is loaded by the tests
 * that need it only, so the others stay quick under mutation testing. */
async function xlsx(sheets: SheetInput[]): Promise<Uint8Array> {
  const { sheetWorkbook } = await import('../../src/tools/xlsx-writer');
  return new Uint8Array(await sheetWorkbook(sheets).xlsx.writeBuffer());
}
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('file names', () => {
  it('takes the extension and the last part of a path, Windows or not', () => {
    expect(extensionOf('C:\\Ke hoach\\Phan cong.XLSX')).toBe('.xlsx');
    expect(extensionOf('/home/xa/ke.hoach.csv')).toBe('.csv');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('thu-muc.cu/ke-hoach')).toBe('');
    expect(baseName('C:\\Ke hoach\\Phan cong.xlsx')).toBe('Phan cong.xlsx');
    expect(baseName('a/b/c.csv')).toBe('c.csv');
  });
});

describe('openPlanFile', () => {
  it('refuses an empty file and one over the size limit, saying so', () => {
    expect(refusal(() => openPlanFile(new Uint8Array(0), 'rong.xlsx'))).toBe(
      'Tệp “rong.xlsx” trống, không có dữ liệu để kiểm tra.',
    );
    expect(MAX_FILE_BYTES).toBe(40 * 1024 * 1024);
    expect(refusal(() => openPlanFile(new Uint8Array(MAX_FILE_BYTES + 1), 'lon.xlsx'))).toBe(
      'Tệp “lon.xlsx” quá lớn (40 MB, tối đa 40 MB). Hãy xóa các trang không cần thiết rồi thử lại.',
    );
  });

  it('reads a CSV as one sheet named after the file, and no other', () => {
    const book = openPlanFile(
      utf8(`${HEADER.join(',')}\n1,Tập huấn,UBND xã,Quý IV/2025\n`),
      'dl/phan-cong.csv',
    );
    expect(book.kind).toBe('csv');
    expect(book.sheetNames).toEqual(['phan-cong']);
    expect(book.sheet('phan-cong').values[1]?.[2]).toBe('UBND xã');
    expect(book.notes).toEqual([]);
    expect(refusal(() => book.sheet('khac'))).toBe('Tệp “dl/phan-cong.csv” không có trang “khac”.');
  });

  it('reads text under any other name as CSV, and says how many bytes were replaced', () => {
    const bytes = new Uint8Array([...utf8('STT,Nhiệm vụ,Cơ quan chủ trì\n1,Tập huấn'), 0xff, ...utf8('\n')]);
    const book = openPlanFile(bytes, 'xuat-ra.txt');
    expect(book.kind).toBe('csv');
    expect(book.notes).toEqual([
      'Tệp “xuat-ra.txt” có 1 byte không hợp lệ trong mã UTF-8; các chỗ đó được thay bằng dấu “\ufffd”.',
    ]);
  });

  it('refuses text named .xls, and binary that is no plan, with what to do', () => {
    expect(refusal(() => openPlanFile(utf8('<html><table></table></html>'), 'bao-cao.xls'))).toMatch(
      /^Tệp “bao-cao\.xls” có đuôi \.xls nhưng là văn bản .* lưu lại dạng \.xlsx/,
    );
    expect(
      refusal(() => openPlanFile(new Uint8Array([0, 1, 2, 3, 0, 0, 0, 9, 200, 201]), 'du-lieu.bin')),
    ).toMatch(/^Tệp “du-lieu\.bin” không phải văn bản CSV hay bảng tính \.xlsx/);
  });

  it('opens a workbook with its sheets in order', async () => {
    const book = openPlanFile(await xlsx([notes('Ghi chú'), tasks('Phân công')]), 'ke-hoach.xlsx');
    expect(book.kind).toBe('xlsx');
    expect(book.sheetNames).toEqual(['Ghi chú', 'Phân công']);
    expect(book.notes).toEqual([]);
  });
});

describe('pickSheet', () => {
  it('checks the first sheet holding a task table, not the first sheet', async () => {
    const book = openPlanFile(
      await xlsx([notes('Ghi chú'), tasks('Phân công'), tasks('Năm trước')]),
      'k.xlsx',
    );
    expect(pickSheet(book, 'k.xlsx').name).toBe('Phân công');
  });

  it('finds a named sheet whatever its case and spaces', async () => {
    const book = openPlanFile(await xlsx([tasks('Phân công'), tasks('Năm trước')]), 'k.xlsx');
    expect(pickSheet(book, 'k.xlsx', 'Năm trước').name).toBe('Năm trước');
    expect(pickSheet(book, 'k.xlsx', '  năm TRƯỚC ').name).toBe('Năm trước');
  });

  it('names the sheets there are when the one asked for is missing', async () => {
    const book = openPlanFile(await xlsx([tasks('Phân công'), notes('Ghi chú')]), 'k.xlsx');
    expect(refusal(() => pickSheet(book, 'k.xlsx', 'Tổng hợp'))).toBe(
      'Tệp “k.xlsx” không có trang “Tổng hợp”. Các trang hiện có: “Phân công”, “Ghi chú”.',
    );
  });

  it('says which sheet holds no task table, and what a task table needs', async () => {
    const book = openPlanFile(await xlsx([tasks('Phân công'), notes('Ghi chú')]), 'k.xlsx');
    expect(refusal(() => pickSheet(book, 'k.xlsx', 'Ghi chú'))).toBe(
      'Không tìm thấy bảng phân công nhiệm vụ trong trang “Ghi chú” của tệp “k.xlsx”: cần một dòng tiêu đề có các cột như “STT”, “Nhiệm vụ”, “Cơ quan chủ trì”, “Thời gian hoàn thành”.',
    );
    const none = openPlanFile(await xlsx([notes('Ghi chú'), empty('Trống')]), 'n.xlsx');
    expect(refusal(() => pickSheet(none, 'n.xlsx'))).toMatch(
      /^Không tìm thấy bảng phân công nhiệm vụ trong tệp “n\.xlsx”: cần một dòng tiêu đề/,
    );
  });

  it('tells a workbook with no data at all from one without a task table', async () => {
    const book = openPlanFile(await xlsx([empty('Trang 1'), empty('Trang 2')]), 'trong.xlsx');
    expect(refusal(() => pickSheet(book, 'trong.xlsx'))).toBe('Tệp “trong.xlsx” không có dữ liệu.');
  });
});

describe('carriedOver', () => {
  it('a CSV carries no unit list and no history', () => {
    const book = openPlanFile(utf8(`${HEADER.join(',')}\n`), 'a.csv');
    expect(carriedOver(book)).toEqual({ units: null, history: { snapshots: [], notes: [] } });
  });

  it('a workbook without them carries none either, and a user’s sheet named like neither is ignored', async () => {
    const book = openPlanFile(await xlsx([tasks('Phân công'), notes('Đơn vị hành chính cũ')]), 'k.xlsx');
    const carried = carriedOver(book);
    expect(carried.units).toBeNull();
    expect(carried.history.snapshots).toEqual([]);
  });
});
