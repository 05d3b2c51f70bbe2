/** The offline roll-up: checked workbooks of several communes → one city workbook. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSheetsXlsx } from '../../src/tools/xlsx-writer';
import { STATUS_SHEET_NAME, fromRows } from '../../src/core/status-report';
import { ROLLUP_SHEET_NAME } from '../../src/core/rollup-sheet';
import { openXlsx } from '../../src/core/xlsx';
import { cli, tempDir } from '../helpers/cli';
import { loadSeed, seedInput } from '../helpers/fixtures';

const dir = tempDir();
const TODAY = '2026-11-22';
const seeds = ['000-my-hoa-hung.json', '002-tinh-long.json', '003-mo-cay.json', '004-dai-hai.json'];

async function checked(file: string, today = TODAY): Promise<string> {
  const f = loadSeed(file);
  const input = join(dir, file.replace('.json', '.xlsx'));
  const out = join(dir, file.replace('.json', `-${today}-checked.xlsx`));
  await writeSheetsXlsx(input, [seedInput(f)]);
  const r = await cli(['check', input, '--today', today, '--out', out]);
  expect(r.code).toBeLessThan(2);
  return out;
}

async function rows(path: string, sheet: string): Promise<unknown[][]> {
  return openXlsx(readFileSync(path)).sheet(sheet).values;
}

describe('rollup', () => {
  it('puts the seed communes side by side and lists the ones it cannot read, with the reason', async () => {
    const files = [];
    for (const s of seeds) files.push(await checked(s));
    const stale = await checked('003-mo-cay.json', '2026-08-01');
    const unchecked = join(dir, 'chua-kiem-tra.xlsx');
    await writeSheetsXlsx(unchecked, [seedInput(loadSeed('002-tinh-long.json'))]);
    const out = join(dir, 'thanh-pho.xlsx');
    const r = await cli([
      'rollup',
      ...files,
      stale,
      unchecked,
      join(dir, 'khong-co.xlsx'),
      '--today',
      TODAY,
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Tổng hợp 4 xã, tính đến 22/11/2026.');
    expect(r.stdout).toMatch(/Mỏ Cày: số liệu quá cũ: tính đến 01\/08\/2026 \(113 ngày trước\)/);
    expect(r.stdout).toMatch(/chua-kiem-tra: không có trang “Trạng thái theo trụ cột”/);
    expect(r.stdout).toMatch(/khong-co: Không tìm thấy tệp/);

    const sheet = await rows(out, ROLLUP_SHEET_NAME);
    const at = (title: string) => sheet.findIndex((row) => String(row[0]).startsWith(title));
    // 1. Per commune, ranked by overdue share: every 2024–2025 plan is past due by 22/11/2026.
    const communes = sheet.slice(at('1.') + 2, at('2.') - 1);
    expect(communes.map((c) => c[0])).toHaveLength(4);
    const overdueRates = communes.map((c) => Number(c[10]));
    expect([...overdueRates].sort((a, b) => b - a)).toEqual(overdueRates);
    const totals = Object.fromEntries(communes.map((c) => [c[0], c[2]]));
    expect(totals).toEqual({ 'Mỹ Hòa Hưng': 35, 'Tịnh Long': 27, 'Mỏ Cày': 27, 'Đại Hải': 51 });
    // 2. Pillar totals across communes add up to all the tasks.
    const pillars = sheet.slice(at('2.') + 2, at('3.') - 1);
    expect(pillars.reduce((s, p) => s + Number(p[2]), 0)).toBe(35 + 27 + 27 + 51);
    expect(pillars[0]?.[0]).toBe('Nhận thức số');
    // 3. Detail: one row per commune × pillar row of its status sheet.
    const detail = sheet.slice(at('3.') + 2, at('4.') - 1);
    expect(detail.filter((d) => d[0] === 'Đại Hải').reduce((s, d) => s + Number(d[2]), 0)).toBe(51);
    // 4. The communes not read.
    const failures = sheet.slice(at('4.') + 2).filter((f) => f[0] !== '');
    expect(failures.map((f) => f[0])).toEqual(['Mỏ Cày', 'chua-kiem-tra', 'khong-co']);
  });

  it('refuses a status sheet whose numbers were edited by hand, or whose data row was forged', async () => {
    const file = await checked('004-dai-hai.json');
    const values = await rows(file, STATUS_SHEET_NAME);
    expect(fromRows(values).ok).toBe(true);
    const header = values.findIndex((r) => r[0] === 'Trụ cột');
    const edited = values.map((r) => [...r]);
    (edited[header + 1] as unknown[])[1] = 99;
    expect(fromRows(edited)).toEqual({
      ok: false,
      reason: 'bảng số liệu đã bị sửa tay, khác dữ liệu của tiện ích',
    });
    const data = values.findIndex((r) => r[0] === '#ke-hoach-cds');
    const forged = values.map((r) => [...r]);
    const json = JSON.parse(String(values[data]?.[1]));
    json.total.total = 1e308;
    (forged[data] as unknown[])[1] = JSON.stringify(json);
    expect(fromRows(forged)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^số liệu không hợp lệ \(total.total\)/),
    });
  });

  it('needs --out and at least one file', async () => {
    expect((await cli(['rollup', '--out', join(dir, 'x.xlsx')])).stderr).toContain('Cần ít nhất một tệp');
    expect((await cli(['rollup', 'a.xlsx'])).code).toBe(2);
  });
});
