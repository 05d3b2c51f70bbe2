/**
 * The command line as a user meets it: messages in Vietnamese that say how to fix things, checked
 * copies that stay right when checked again, a roll-up that counts each commune once, and files
 * that are never overwritten or left half-written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildCli } from '../../src/tools/build';
import { writeSheetsXlsx } from '../../src/tools/xlsx-writer';
import { samplePlan } from '../../src/tools/sample';
import { openXlsx } from '../../src/core/xlsx';
import { DATA_TAG, STATUS_SHEET_NAME, fromRows } from '../../src/core/status-report';
import { ROLLUP_SHEET_NAME } from '../../src/core/rollup-sheet';
import { cli, tempDir } from '../helpers/cli';
import { xlsx } from '../helpers/xlsx';
import { loadSeed, seedInput } from '../helpers/fixtures';

const root = join(__dirname, '..', '..');
const dir = tempDir();
const sample = join(dir, 'dai-hai.xlsx');
const moCay = join(dir, 'mo-cay.xlsx');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
let bin = '';

beforeAll(async () => {
  await writeSheetsXlsx(sample, [samplePlan(root)]);
  await writeSheetsXlsx(moCay, [seedInput(loadSeed('003-mo-cay.json'))]);
  bin = await buildCli();
}, 60_000);

describe('arguments: what is wrong and how to fix it, in Vietnamese', () => {
  it.each([
    [['check', 'a.xlsx', '--jsn'], /Không có tùy chọn “--jsn” cho lệnh check\. Có phải ý là “--json”\?/],
    [
      ['check', 'a.xlsx', '--out'],
      /Tùy chọn “--out” cần một giá trị \(TỆP\.xlsx\), ví dụ: --out da-kiem-tra\.xlsx/,
    ],
    [
      ['check', 'a.xlsx', '--due-soon-days', '999'],
      /Giá trị “999” của --due-soon-days không hợp lệ: ghi một số nguyên từ 0 đến 365/,
    ],
    [['check', 'a.xlsx', '--due-soon-days', 'mười'], /Giá trị “mười” của --due-soon-days không hợp lệ/],
    [['check'], /Thiếu tệp cần kiểm tra/],
    [['check', 'a.xlsx', 'b.xlsx'], /Lệnh check nhận một tệp; thừa: “b\.xlsx”/],
    [['chek', 'a.xlsx'], /Không có lệnh “chek”\. Có phải ý là “check”\?/],
    [['rollup', 'a.xlsx'], /Lệnh rollup cần --out TỆP\.xlsx/],
    [['rollup', '--out', 'x.xlsx'], /Cần ít nhất một tệp hoặc thư mục/],
    [['import', 'a.docx'], /Lệnh import cần --out TỆP\.xlsx/],
  ])('%j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Lỗi: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('has help per command, with examples, and a version', async () => {
    for (const command of ['check', 'rollup', 'import']) {
      const r = await cli([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`ke-hoach-cds ${command}`);
      expect(r.stdout).toContain('Ví dụ:');
      expect(r.stdout).toContain('Mã thoát:');
    }
    const v = await cli(['--version']);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('runs as the built command, with no TypeScript at run time', () => {
    const out = execFileSync('node', [bin, 'check', moCay, '--today', '2025-10-20', '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out).tasks).toHaveLength(27);
    const help = spawnSync('node', [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('ke-hoach-cds check TỆP');
  });
});

describe('the checked copy', () => {
  it('checked again, it replaces its own marks: no note repeated, no rule doubled, the user’s note and fill kept', async () => {
    const input = join(dir, 'co-ghi-chu.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    const ws = wb.getWorksheet('Phụ lục') as ExcelJS.Worksheet;
    ws.getCell('C28').note = 'Chờ Chủ tịch phân công';
    ws.getCell('A6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    // One style for the whole deadline column, as exports do: flagging may not change it.
    for (let r = 1; r <= 63; r++) ws.getCell(`F${r}`).numFmt = '@';
    await wb.xlsx.writeFile(input);
    const once = join(dir, 'mot-lan.xlsx');
    const twice = join(dir, 'hai-lan.xlsx');
    expect((await cli(['check', input, '--today', '2026-12-20', '--out', once])).code).toBe(1);
    expect((await cli(['check', once, '--today', '2026-12-21', '--out', twice])).code).toBe(1);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(twice);
    const sheet = back.getWorksheet('Phụ lục') as ExcelJS.Worksheet;
    const note = String(sheet.getCell('C28').note);
    expect(note.startsWith('Chờ Chủ tịch phân công\n\n— Kế hoạch CĐS —\n')).toBe(true);
    expect(note.match(/Kế hoạch CĐS/g)).toHaveLength(1);
    expect((sheet.getCell('A6').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF00');
    const cf = (sheet as unknown as { conditionalFormattings: { rules: { formulae: string[] }[] }[] })
      .conditionalFormattings;
    expect(cf.filter((c) => c.rules[0]?.formulae[0]?.startsWith('ISTEXT("Kế hoạch CĐS'))).toHaveLength(3);
    // The header and every unflagged cell of the deadline column keep their own (shared) style, no fill.
    const pattern = (a1: string) => (sheet.getCell(a1).fill as ExcelJS.FillPattern | undefined)?.pattern;
    expect([undefined, 'none']).toContain(pattern('F4'));
    expect([undefined, 'none']).toContain(pattern('F5'));
    expect([undefined, 'none']).toContain(pattern('F46'));
    expect(sheet.getCell('F4').numFmt).toBe('@');
    // The same sheets as after the first check (none piled up), one status sheet, read back as the
    // second check's.
    const names = back.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(['Phụ lục', STATUS_SHEET_NAME]);
    expect(names.filter((n) => n.startsWith(STATUS_SHEET_NAME))).toHaveLength(1);
    expect(names).toEqual(openXlsx(readFileSync(once)).sheetNames);
    const read = fromRows(openXlsx(readFileSync(twice)).sheet(STATUS_SHEET_NAME).values);
    expect(read.ok && read.report.asOf).toBe('2026-12-21');
  });

  it('never drops or replaces a user’s sheet that has the status sheet’s name', async () => {
    const input = join(dir, 'ten-trung.xlsx');
    await writeSheetsXlsx(input, [
      { ...samplePlan(root), name: STATUS_SHEET_NAME },
      { name: 'Trạng thái theo trụ cột (2)', values: [['Bảng riêng của tôi']] },
    ]);
    const out = join(dir, 'ten-trung-da-kiem-tra.xlsx');
    expect((await cli(['check', input, '--today', '2026-12-20', '--out', out])).code).toBe(1);
    const book = openXlsx(readFileSync(out));
    expect(book.sheetNames.slice(0, 3)).toEqual([
      STATUS_SHEET_NAME,
      'Trạng thái theo trụ cột (2)',
      'Trạng thái theo trụ cột (3)',
    ]);
    expect(book.sheetNames.filter((n) => n.startsWith('Trạng thái theo trụ cột'))).toHaveLength(3);
    expect(book.sheet(STATUS_SHEET_NAME).values[0]?.[0]).toBe(samplePlan(root).values[0]?.[0]);
    expect(book.sheet(STATUS_SHEET_NAME).values).toHaveLength(samplePlan(root).values.length);
    expect(book.sheet('Trạng thái theo trụ cột (2)').values).toEqual([['Bảng riêng của tôi']]);
    expect(book.sheet('Trạng thái theo trụ cột (3)').values.some((r) => r[0] === DATA_TAG)).toBe(true);
  });

  it('a CSV whose name is long or holds [ ] : ? * still gets a valid sheet, readable widths and a frozen header', async () => {
    const csv = join(dir, 'Kế hoạch [2026]: bảng phân công nhiệm vụ chuyển đổi số? bản cuối*.csv');
    writeFileSync(
      csv,
      'STT,Nhiệm vụ,Cơ quan chủ trì,Thời gian hoàn thành\n1,Tập huấn chuyển đổi số cho cán bộ xã,UBND xã,Quý IV/2025\n',
    );
    const out = join(dir, 'csv-ten-dai.xlsx');
    expect((await cli(['check', csv, '--today', '2025-10-20', '--out', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.name.startsWith('Kế hoạch 2026 bảng phân công')).toBe(true);
    expect(ws.name).not.toMatch(/[[\]:*?/\\]/);
    expect(ws.name.length).toBeLessThanOrEqual(31);
    expect(ws.getColumn(2).width).toBeGreaterThan(20);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('files are never overwritten or left half-written', () => {
  it('refuses an --out that is the input through a symbolic or a hard link', async () => {
    const sym = join(dir, 'lien-ket.xlsx');
    const hard = join(dir, 'lien-ket-cung.xlsx');
    symlinkSync(moCay, sym);
    linkSync(moCay, hard);
    const before = sha(moCay);
    for (const [input, out] of [
      [moCay, sym],
      [moCay, hard],
      [sym, moCay],
    ] as const) {
      const r = await cli(['check', input, '--today', '2025-10-20', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('chính là tệp đầu vào');
    }
    const rollup = await cli(['rollup', moCay, '--out', hard]);
    expect(rollup.code).toBe(2);
    expect(sha(moCay)).toBe(before);
  });

  it('a write that fails (file size limit) leaves the earlier good copy and no temporary file', async () => {
    const out = join(dir, 'tot', 'da-kiem-tra.xlsx');
    mkdirSync(join(dir, 'tot'));
    expect((await cli(['check', sample, '--today', '2026-12-20', '--out', out])).code).toBe(1);
    const good = sha(out);
    const r = spawnSync(
      'bash',
      ['-c', `ulimit -f 6; exec node "${bin}" check "${sample}" --today 2026-12-21 --out "${out}"`],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: Không ghi được tệp .*Tệp cũ \(nếu có\) vẫn giữ nguyên\./);
    expect(sha(out)).toBe(good);
    expect(readdirSync(join(dir, 'tot'))).toEqual(['da-kiem-tra.xlsx']);
  });
});

describe('text from a file cannot act on the terminal', () => {
  it('shows escapes and direction overrides in cells and sheet names as visible codes', async () => {
    // Character references let a workbook carry what a terminal would obey.
    const row = (n: number, cells: string[]) =>
      `<row r="${n}">${cells.map((c, i) => `<c r="${String.fromCharCode(65 + i)}${n}" t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`;
    const bytes = xlsx({
      sheets: [
        {
          name: 'Phân công\u009b',
          rows:
            row(1, ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành']) +
            row(2, ['1', 'Tập huấn &#x1b;]0;đổi tiêu đề&#x7; &#x1b;[2J', '', 'Quý IV/2025']) +
            row(3, ['2', 'Ngược&#x202e; chiều', '', 'Không rõ &#x1b;[31m']),
        },
      ],
    });
    const input = join(dir, 'dieu-khien.xlsx');
    writeFileSync(input, bytes);
    const r = await cli(['check', input, '--today', '2025-10-20']);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(r.stdout).not.toMatch(/[\x1b\x07\u009b\u202e]/);
    expect(r.stdout).toContain('trang “Phân công\\x9b”');
    expect(r.stdout).toContain('\\x1b]0;đổi tiêu đề\\x07 \\x1b[2J');
    // A direction override in a task's text is an invisible character: dropped like the others.
    expect(r.stdout).toContain('“Ngược chiều”');
    expect(r.stdout).toContain('Không rõ \\x1b[31m');
  });
});

describe('rollup', () => {
  async function checked(file: string, out: string, args: string[] = []) {
    const r = await cli(['check', file, '--today', '2026-11-22', '--out', out, ...args]);
    expect(r.code).toBeLessThan(2);
  }

  it('takes a folder and a pattern, counts the same file once, names unnamed communes by their file, lists who did not send', async () => {
    const folder = join(dir, 'cac-xa');
    mkdirSync(folder);
    await checked(moCay, join(folder, 'mo-cay.xlsx'));
    await checked(sample, join(folder, 'dai-hai.xlsx'));
    // A plan whose title rows were not pasted: no commune name anywhere.
    const unnamed = join(dir, 'khong-ten.xlsx');
    const tinhLong = seedInput(loadSeed('002-tinh-long.json'));
    await writeSheetsXlsx(unnamed, [{ name: tinhLong.name, values: tinhLong.values.slice(2), merges: [] }]);
    await checked(unnamed, join(folder, 'xa-khong-ten-1.xlsx'));
    const list = join(dir, 'danh-sach.csv');
    writeFileSync(list, 'Tên xã\nMỏ Cày\nĐại Hải\nXã Mỹ Hòa Hưng\n');
    const out = join(dir, 'thanh-pho.xlsx');
    const r = await cli([
      'rollup',
      folder,
      join(folder, 'mo-*.xlsx'),
      join(folder, 'dai-hai.xlsx'),
      '--danh-sach',
      list,
      '--today',
      '2026-11-22',
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Tổng hợp 3 xã');
    expect(r.stdout).toMatch(/trùng nguồn với dòng \d+ của danh sách/);
    expect(r.stdout).toContain('Xã Mỹ Hòa Hưng: chưa gửi bảng trạng thái');
    const sheet = openXlsx(readFileSync(out)).sheet(ROLLUP_SHEET_NAME).values;
    const at = (title: string) => sheet.findIndex((row) => String(row[0]).startsWith(title));
    const communes = sheet.slice(at('1.') + 2, at('2.') - 1).map((c) => String(c[0]));
    expect(communes.sort()).toEqual(['Mỏ Cày', 'xa-khong-ten-1 (chưa ghi tên xã)', 'Đại Hải'].sort());
  });

  it('writes nothing when no file could be read', async () => {
    const out = join(dir, 'rong.xlsx');
    const r = await cli(['rollup', join(dir, 'khong-co-1.xlsx'), join(dir, 'khong-co-2.xlsx'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('không ghi tệp tổng hợp');
    expect(existsSync(out)).toBe(false);
  });

  it('takes a commune’s name given at check time, and keeps the newest report of a commune', async () => {
    const a = join(dir, 'bao-cao-cu.xlsx');
    const b = join(dir, 'bao-cao-moi.xlsx');
    await cli(['check', moCay, '--today', '2026-11-01', '--commune', 'Mỏ Cày Nam', '--out', a]);
    await cli(['check', moCay, '--today', '2026-11-20', '--commune', 'mỏ cày nam', '--out', b]);
    const out = join(dir, 'moi-nhat.xlsx');
    const r = await cli(['rollup', a, b, '--today', '2026-11-22', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Tổng hợp 1 xã');
    expect(r.stdout).toMatch(/xã mỏ cày nam đã có bảng mới hơn \(tính đến 20\/11\/2026\)/i);
  });
});
