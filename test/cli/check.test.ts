import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ReportSchema, type Report } from '../../src/core/report-schema';
import { STATUS_SHEET_NAME } from '../../src/core/status-report';
import { SEVERITY_COLORS } from '../../src/core/flags';
import { samplePlan } from '../../src/tools/sample';
import { writeSheetsXlsx } from '../../src/tools/xlsx-writer';
import { cli, tempDir } from '../helpers/cli';
import { loadSeed, seedInput } from '../helpers/fixtures';
import type { SheetInput } from '../../src/core/grid';

const root = join(__dirname, '..', '..');
const dir = tempDir();
const moCay = seedInput(loadSeed('003-mo-cay.json'));
const xlsx = join(dir, 'mo-cay.xlsx');
const sample = join(dir, 'dai-hai.xlsx');

function toCsv(input: SheetInput, delimiter = ','): string {
  return input.values
    .map((r) =>
      r
        .map((v) => {
          const s = v === null || v === undefined ? '' : String(v);
          return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
        })
        .join(delimiter),
    )
    .join('\r\n');
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const parseReport = (stdout: string): Report => ReportSchema.parse(JSON.parse(stdout));

beforeAll(async () => {
  await writeSheetsXlsx(xlsx, [{ name: 'Bìa', values: [['Kế hoạch chuyển đổi số'], ['Xã Mỏ Cày']] }, moCay]);
  await writeSheetsXlsx(sample, [samplePlan(root)]);
});

describe('check --json', () => {
  it('prints one JSON object that matches the public schema', async () => {
    const r = await cli(['check', xlsx, '--today', '2025-10-20', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = parseReport(r.stdout);
    expect(report).toMatchObject({
      sheet: 'Phụ lục',
      headerRow: 4,
      planYear: 2025,
      today: '2025-10-20',
      columns: { stt: 'A', task: 'B', output: 'C', deadline: 'D', lead: 'E', partners: 'F', note: 'G' },
      missingColumns: ['status'],
    });
    expect(report.tasks).toHaveLength(27);
    expect(report.tasks[0]).toMatchObject({
      row: 6,
      lastRow: 6,
      stt: '1.1',
      pillar: 'Nhận thức số',
      lead: 'UBND xã',
      deadline: { text: 'Tháng 10/2025', kind: 'date', due: '2025-10-31' },
      status: 'unknown',
      state: 'on-track',
      dueSoon: true,
    });
    expect(report.summary.byCode).toEqual({
      'missing-column': 1,
      'missing-deadline': 1,
      'duplicate-stt': 1,
      overdue: 2,
      'due-soon': 3,
    });
    expect(report.pivot.at(-1)).toMatchObject({ pillar: 'Tổng cộng', total: 27, overdue: 2 });
  });

  it('reads the same tasks from CSV: UTF-8 with or without BOM, comma or semicolon', async () => {
    const fromXlsx = parseReport((await cli(['check', xlsx, '--today', '2025-10-20', '--json'])).stdout);
    const variants: [string, Buffer][] = [
      ['plain.csv', Buffer.from(toCsv(moCay), 'utf8')],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv(moCay), 'utf8')])],
      ['semicolon.csv', Buffer.from(toCsv(moCay, ';'), 'utf8')],
    ];
    for (const [name, bytes] of variants) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const r = await cli(['check', path, '--today', '2025-10-20', '--json']);
      expect(r.code).toBe(0);
      const report = parseReport(r.stdout);
      expect(report.tasks.map((t) => [t.row, t.stt, t.pillar, t.lead, t.deadline])).toEqual(
        fromXlsx.tasks.map((t) => [t.row, t.stt, t.pillar, t.lead, t.deadline]),
      );
    }
  });

  it('honours --sheet and --plan-year', async () => {
    const r = await cli([
      'check',
      xlsx,
      '--sheet',
      'Phụ lục',
      '--today',
      '2025-10-20',
      '--plan-year',
      '2026',
      '--json',
    ]);
    const report = parseReport(r.stdout);
    expect(report.planYear).toBe(2026);
    // "Ngày 10/10" has no year: it follows the plan year.
    expect(report.tasks.find((t) => t.stt === '1.2')?.deadline.due).toBe('2026-10-10');
  });

  it('exits 1 when there are error findings', async () => {
    const r = await cli(['check', sample, '--today', '2026-12-20', '--json']);
    expect(r.code).toBe(1);
    expect(
      parseReport(r.stdout)
        .findings.filter((f) => f.severity === 'error')
        .map((f) => f.row),
    ).toEqual([28]);
  });
});

describe('check (text summary)', () => {
  it('prints counts by code, findings by row and the pivot, without colour off a terminal', async () => {
    const r = await cli(['check', sample, '--today', '2026-12-20']);
    expect(r.stdout).toContain('Tổng hợp phát hiện:');
    expect(r.stdout).toMatch(/Lỗi\s+Chưa có cơ quan chủ trì\s+1/);
    expect(r.stdout).toContain('Dòng 28 C');
    // Tổng, Xong, Còn hạn, Quá hạn, Thường xuyên, Theo KH, Chưa rõ hạn, Sắp hạn, Thiếu chủ trì, % xong.
    expect(r.stdout).toMatch(/Tổng cộng\s+51\s+5\s+13\s+3\s+29\s+0\s+1\s+13\s+1\s+10%/);
    expect(r.stdout).toMatch(
      /Trụ cột\s+Tổng\s+Xong\s+Còn hạn\s+Quá hạn\s+Thường xuyên\s+Theo KH\s+Chưa rõ hạn\s+Sắp hạn\s+Thiếu chủ trì\s+% xong/,
    );
    expect(r.stdout).not.toContain('\x1b[');
    const tty = await cli(['check', sample, '--today', '2026-12-20'], true);
    expect(tty.stdout).toContain('\x1b[31m');
  });
});

describe('bad input: a clear Vietnamese message, exit 2, no stack trace', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['no arguments', () => [], /Cách dùng/],
    [
      'an unknown command',
      () => ['kiemtra', xlsx],
      /Không có lệnh “kiemtra”.*Các lệnh: check, rollup, import/,
    ],
    ['an unknown option', () => ['check', xlsx, '--bogus'], /Không có tùy chọn “--bogus” cho lệnh check/],
    ['a missing file', () => ['check', join(dir, 'khong-co.xlsx')], /Không tìm thấy tệp/],
    [
      'a bad --today',
      () => ['check', xlsx, '--today', '20/10/2025'],
      /Ngày “20\/10\/2025” của --today không hợp lệ/,
    ],
    [
      'a bad --plan-year',
      () => ['check', xlsx, '--plan-year', '25'],
      /Giá trị “25” của --plan-year không hợp lệ: ghi một số nguyên từ 2000 đến 2100/,
    ],
    [
      'an unknown sheet',
      () => ['check', xlsx, '--sheet', 'Không có'],
      /không có trang “Không có”.*“Bìa”, “Phụ lục”/,
    ],
    [
      'a sheet without a task table',
      () => ['check', xlsx, '--sheet', 'Bìa'],
      /Không tìm thấy bảng phân công/,
    ],
    [
      'a corrupt .xlsx',
      () => {
        const p = join(dir, 'hong.xlsx');
        writeFileSync(p, 'đây không phải tệp xlsx');
        return ['check', p];
      },
      /không phải .xlsx hợp lệ/,
    ],
    [
      'an empty file',
      () => {
        const p = join(dir, 'rong.csv');
        writeFileSync(p, '');
        return ['check', p];
      },
      /trống/,
    ],
    [
      'a CSV without a task table',
      () => {
        const p = join(dir, 'danh-ba.csv');
        writeFileSync(p, 'Họ tên,Điện thoại\nAn,0901\n');
        return ['check', p];
      },
      /Không tìm thấy bảng phân công/,
    ],
    [
      'an old .xls',
      () => {
        const p = join(dir, 'cu.xls');
        writeFileSync(p, 'x');
        return ['check', p];
      },
      /\.xls/,
    ],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const r = await cli(args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('check --out', () => {
  it('writes a highlighted copy with notes and the status sheet, leaving the input untouched', async () => {
    const out = join(dir, 'da-kiem-tra.xlsx');
    const before = sha(sample);
    const r = await cli(['check', sample, '--today', '2026-12-20', '--out', out]);
    expect(r.code).toBe(1);
    expect(sha(sample)).toBe(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Phụ lục') as ExcelJS.Worksheet;
    // Colours are the product's own conditional-format rules, one per severity: no cell style changed.
    const rules = (
      ws as unknown as {
        conditionalFormattings: {
          ref: string;
          rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[];
        }[];
      }
    ).conditionalFormattings;
    const bySeverity = Object.fromEntries(rules.map((cf) => [cf.rules[0]?.formulae[0], cf]));
    const argb = (hex: string) => `FF${hex.slice(1)}`;
    const error = bySeverity['ISTEXT("Kế hoạch CĐS: error")'];
    const warning = bySeverity['ISTEXT("Kế hoạch CĐS: warning")'];
    const info = bySeverity['ISTEXT("Kế hoạch CĐS: info")'];
    expect(error?.ref).toBe('C28');
    expect(error?.rules[0]?.style.fill.bgColor.argb).toBe(argb(SEVERITY_COLORS.error));
    expect(warning?.ref.split(' ').sort()).toEqual(['F46', 'F52:F53', 'F63', 'G53'].sort());
    expect(warning?.rules[0]?.style.fill.bgColor.argb).toBe(argb(SEVERITY_COLORS.warning));
    expect(info?.ref.split(' ')).toContain('F6');
    expect(info?.rules[0]?.style.fill.bgColor.argb).toBe(argb(SEVERITY_COLORS.info));
    expect(String(ws.getCell('C28').note)).toContain('chưa có cơ quan chủ trì');
    expect(String(ws.getCell('F46').note)).toContain('quá hạn');
    expect(String(ws.getCell('G53').note)).toContain('“Gần xong”');
    // No cell got a fill; every value stays as it was.
    expect(ws.getCell('C28').fill).toBeUndefined();
    expect(ws.getCell('F46').fill).toBeUndefined();
    expect(ws.getCell('C28').value).toBe('Chưa phân công');
    expect(ws.getCell('B6').value).toBe(samplePlan(root).values[5]?.[1]);

    const st = wb.getWorksheet(STATUS_SHEET_NAME) as ExcelJS.Worksheet;
    const rows: unknown[][] = [];
    st.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const find = (label: string) => rows.find((r) => r[0] === label);
    expect(find('Xã/phường:')?.[1]).toBe('Đại Hải');
    expect(find('Năm kế hoạch:')?.[1]).toBe(2026);
    // A date value showing 20/12/2026, not text.
    expect(find('Tính đến:')?.[1]).toEqual(new Date(Date.UTC(2026, 11, 20)));
    expect(find('Nhận thức số')?.slice(0, 13)).toEqual([
      'Nhận thức số',
      5,
      2,
      2,
      0,
      2,
      0,
      1,
      0,
      0,
      2,
      0,
      0.4,
    ]);
    expect(find('Tổng cộng')?.slice(0, 13)).toEqual([
      'Tổng cộng',
      51,
      5,
      4,
      1,
      13,
      3,
      29,
      0,
      1,
      13,
      1,
      0.098,
    ]);
    expect(rows.some((r) => String(r[0]).startsWith('Lỗi: cần sửa'))).toBe(true);
    const dataRow = rows.findIndex((r) => r[0] === '#ke-hoach-cds');
    expect(st.getRow(dataRow + 1).hidden).toBe(true);
  });

  it('writes a CSV input into a new workbook, text starting with "=" kept as text', async () => {
    const csv = join(dir, 'cong-thuc.csv');
    writeFileSync(csv, 'STT,Nhiệm vụ,Cơ quan chủ trì,Thời gian hoàn thành\n1,=HYPERLINK("x"),,Quý IV/2025\n');
    const out = join(dir, 'cong-thuc.xlsx');
    const r = await cli(['check', csv, '--today', '2025-10-20', '--out', out]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.worksheets[0]?.getCell('B2');
    expect(cell?.value).toBe('=HYPERLINK("x")');
    expect(cell?.formula).toBeUndefined();
  });

  it('refuses to overwrite the input', async () => {
    const r = await cli(['check', sample, '--out', sample]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('chính là tệp đầu vào');
  });
});

describe('npm run cli', () => {
  it('runs as a real process: one JSON object on stdout, exit code as documented', () => {
    const stdout = execFileSync(
      'npm',
      ['run', '--silent', 'cli', '--', 'check', xlsx, '--today', '2025-10-20', '--json'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(parseReport(stdout).tasks).toHaveLength(27);
    let status = 0;
    let stderr = '';
    try {
      execFileSync('npm', ['run', '--silent', 'cli', '--', 'check', join(dir, 'khong-co.xlsx')], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toContain('Không tìm thấy tệp');
  }, 30_000);
});
