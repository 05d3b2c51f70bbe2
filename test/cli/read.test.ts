/** What the command line says about files it cannot read: one Vietnamese line each, exit code 2. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { cli, tempDir } from '../helpers/cli';
import { hostileXlsx } from '../helpers/xlsx';

// The process runs as root in CI, where a file without read permission is still readable:
// the refusal is simulated at the one call that reads the bytes.
jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return { ...actual, readFileSync: jest.fn(actual.readFileSync) };
});

const dir = tempDir();
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

async function refused(path: string, message: RegExp) {
  const r = await cli(['check', path, '--today', '2025-10-20']);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^Lỗi: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

describe('files the command line cannot read', () => {
  it('tells a missing file, a folder and an empty file apart', async () => {
    await refused(join(dir, 'khong-co.xlsx'), /Không tìm thấy tệp “.*khong-co\.xlsx”\./);
    const folder = join(dir, 'thu-muc.xlsx');
    mkdirSync(folder);
    await refused(folder, /là một thư mục, không phải tệp/);
    await refused(file('rong.xlsx', ''), /trống, không có dữ liệu/);
  });

  it('says a file it may not read is not readable for lack of permission, not that it is corrupt', async () => {
    const path = file('khong-quyen.xlsx', 'x');
    jest.mocked(readFileSync).mockImplementationOnce(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    await refused(path, /Không có quyền đọc tệp “.*khong-quyen\.xlsx”/);
  });

  it.each([
    ['word.xlsx', zipSync({ 'word/document.xml': strToU8('<w:document/>') }), /nhiệm vụ trong văn bản Word/],
    ['bao-cao.xlsx', strToU8('%PDF-1.4\n'), /là tài liệu PDF/],
    ['anh.xlsx', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /là ảnh/],
    ['anh.csv', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), /là ảnh/],
    ['nen.xlsx', zipSync({ 'a.txt': strToU8('x') }), /là tệp nén ZIP/],
    [
      'nhi-phan.csv',
      Uint8Array.from([0x53, 0, 0x54, 0, 0x54, 0, 0x2c, 0]),
      /không phải văn bản CSV hay bảng tính \.xlsx/,
    ],
    [
      'mat-khau.xlsx',
      (() => {
        const b = new Uint8Array(1024);
        b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
        [...'EncryptedPackage'].forEach((ch, k) => (b[512 + 2 * k] = ch.charCodeAt(0)));
        return b;
      })(),
      /được đặt mật khẩu/,
    ],
  ])('names the kind of a wrong file (%s) and what to do', async (name, bytes, message) => {
    await refused(file(name, bytes), message);
  });

  it('refuses a zip bomb quickly', async () => {
    const bytes = hostileXlsx({ sheets: [{ name: 'S', rows: '' }] }, 'xl/worksheets/sheet1.xml', {
      head: '<worksheet><sheetData>',
      unit: '<row/>',
      times: 70_000_000,
      tail: '</sheetData></worksheet>',
    });
    const t0 = Date.now();
    await refused(file('bom.xlsx', bytes), /quá lớn so với mọi bảng kế hoạch thực tế/);
    if (!process.env.KE_HOACH_MUTATION) expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('reads a CSV with a stray byte, and says the byte was replaced', async () => {
    const csv = Buffer.concat([
      Buffer.from('STT,Nhiệm vụ,Cơ quan chủ trì,Thời gian hoàn thành\n1,Tập huấn'),
      Buffer.from([0xff]),
      Buffer.from(',UBND xã,Quý IV/2025\n'),
    ]);
    const r = await cli(['check', file('loi-byte.csv', csv), '--today', '2025-10-20', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Chú ý: Tệp “.*loi-byte\.csv” có 1 byte không hợp lệ trong mã UTF-8/);
    expect(JSON.parse(r.stdout).tasks[0].task).toBe('Tập huấn\ufffd');
  });
});
