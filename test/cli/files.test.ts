/** Files as officers really have them: Windows code pages, UTF-16, formulas, errors, links, huge files. */
import { closeSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ReportSchema, type Report } from '../../src/core/report-schema';
import { STATUS_SHEET_NAME } from '../../src/core/status-report';
import { cli, tempDir } from '../helpers/cli';

const dir = tempDir();
const ROWS = [
  ['KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2025', '', '', ''],
  ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
  ['I', 'Nhận thức số', '', ''],
  ['1', 'Tổ chức tập huấn kỹ năng số cho cán bộ', 'Phòng Văn hóa - Xã hội', 'Quý IV/2025'],
  ['2', 'Tuyên truyền trên hệ thống truyền thanh', 'Đài truyền thanh xã', 'Thường xuyên'],
];
const csv = (sep = ',') => ROWS.map((r) => r.join(sep)).join('\r\n') + '\r\n';
const report = (stdout: string): Report => ReportSchema.parse(JSON.parse(stdout));
const expectPlan = (r: Report) => {
  expect(r.tasks.map((t) => [t.stt, t.pillar, t.task, t.lead, t.deadline.due])).toEqual([
    ['1', 'Nhận thức số', 'Tổ chức tập huấn kỹ năng số cho cán bộ', 'Phòng Văn hóa - Xã hội', '2025-12-31'],
    ['2', 'Nhận thức số', 'Tuyên truyền trên hệ thống truyền thanh', 'Đài truyền thanh xã', null],
  ]);
};

/**
 * Windows-1258 as Excel writes it: letters with circumflex, breve or horn are single bytes, the
 * tone is a combining mark after them.
 */
function cp1258(text: string): Buffer {
  const parts: Buffer[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = iconv.encode(ch, 'windows1258');
    if (ch === '?' || direct.toString('latin1') !== '?') {
      parts.push(direct);
      continue;
    }
    const [base = '', ...marks] = [...ch.normalize('NFD')];
    // Circumflex, breve and horn belong to the letter; the tone stays a combining mark.
    const shape = marks.filter((m) => ['\u0302', '\u0306', '\u031b'].includes(m));
    const tones = marks.filter((m) => !shape.includes(m));
    parts.push(iconv.encode((base + shape.join('')).normalize('NFC') + tones.join(''), 'windows1258'));
  }
  return Buffer.concat(parts);
}

async function check(name: string, bytes: Buffer | string) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return cli(['check', path, '--today', '2025-10-20', '--json']);
}

describe('CSV encodings and separators', () => {
  it('reads Windows-1258 (Vietnamese code page) exported by Excel', async () => {
    const bytes = cp1258(csv());
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = await check('cp1258.csv', bytes);
    expect(r.stderr).toBe('');
    expectPlan(report(r.stdout));
  });

  it('reads UTF-16 with a byte-order mark, tab-separated (Excel’s "Unicode text")', async () => {
    const r = await check(
      'utf16.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv('\t'), 'utf16le')]),
    );
    expectPlan(report(r.stdout));
  });

  it('reads semicolon-separated UTF-8 with a BOM', async () => {
    const r = await check(
      'semicolon.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(';'))]),
    );
    expectPlan(report(r.stdout));
  });
});

describe('.xlsx as it comes', () => {
  it('reads formula results, error values as empty, hyperlinks and rich text as their text', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Hướng dẫn').addRow(['Trang này chỉ có ghi chú']);
    const ws = wb.addWorksheet('Phân công');
    ROWS.slice(0, 3).forEach((r) => ws.addRow(r));
    ws.addRow([
      '1',
      { richText: [{ text: 'Tổ chức tập huấn ' }, { font: { bold: true }, text: 'kỹ năng số cho cán bộ' }] },
      { text: 'Phòng Văn hóa - Xã hội', hyperlink: 'https://example.gov.vn/vhxh' },
      { formula: 'CONCATENATE("Quý IV/","2025")', result: 'Quý IV/2025' },
    ]);
    ws.addRow(['2', 'Tuyên truyền trên hệ thống truyền thanh', 'Đài truyền thanh xã', 'Thường xuyên']);
    ws.addRow(['3', 'Lập danh sách', { error: '#REF!' }, { formula: '1/0', result: { error: '#DIV/0!' } }]);
    const path = join(dir, 'real.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await cli(['check', path, '--today', '2025-10-20', '--json']);
    const rep = report(r.stdout);
    expect(rep.sheet).toBe('Phân công');
    expect(rep.tasks.slice(0, 2).map((t) => [t.task, t.lead, t.deadline.due])).toEqual([
      ['Tổ chức tập huấn kỹ năng số cho cán bộ', 'Phòng Văn hóa - Xã hội', '2025-12-31'],
      ['Tuyên truyền trên hệ thống truyền thanh', 'Đài truyền thanh xã', null],
    ]);
    expect(rep.findings.filter((f) => f.row === 6).map((f) => f.code)).toEqual([
      'missing-lead',
      'missing-deadline',
    ]);
    expect(r.code).toBe(1);
  });

  it('writes hostile text into the checked workbook and its status sheet as text, never a formula', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phân công');
    ws.addRow(['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành']);
    ws.addRow(['I', '=HYPERLINK("http://x","bấm vào")', '', '']);
    ws.addRow(['1', '+SUM(A1:A2)', '@UBND xã', 'Quý IV/2025']);
    const path = join(dir, 'hostile.xlsx');
    const out = join(dir, 'hostile-checked.xlsx');
    await wb.xlsx.writeFile(path);
    await cli(['check', path, '--today', '2025-10-20', '--out', out]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const st = back.getWorksheet(STATUS_SHEET_NAME) as ExcelJS.Worksheet;
    const cells: ExcelJS.Cell[] = [];
    st.eachRow((row) => row.eachCell((c) => cells.push(c)));
    back.getWorksheet('Phân công')?.eachRow((row) => row.eachCell((c) => cells.push(c)));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(cells.some((c) => c.value === '=HYPERLINK("http://x","bấm vào")')).toBe(true);
  });
});

describe('files that cannot be checked', () => {
  it('refuses a 50 MB file with a clear message instead of running out of memory', async () => {
    const path = join(dir, 'rat-lon.xlsx');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const r = await cli(['check', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('quá lớn (50 MB, tối đa 40 MB)');
  });

  it('refuses a binary file named .csv', async () => {
    const r = await check(
      'anh.csv',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
