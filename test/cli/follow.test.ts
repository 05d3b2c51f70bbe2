/**
 * The follow-up in the command line: `check --out` adds "Theo đơn vị", one printable reminder
 * per unit and a hidden history that the next check of the checked copy carries on; the status
 * sheet shows what changed since the last check; the terminal says it in one line. The officer's
 * unit list ("Đơn vị"), when the workbook has one, decides how units are grouped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { dayInZone } from '../../src/core/dates';
import type { CellValue, SheetInput } from '../../src/core/grid';
import { HISTORY_TAG, readHistory } from '../../src/core/history';
import { REMINDER_TAG } from '../../src/core/reminders';
import { STATUS_SHEET_NAME, fromRows } from '../../src/core/status-report';
import { UNIT_LIST_HEADER } from '../../src/core/unit-list';
import { openXlsx } from '../../src/core/xlsx';
import { writeSheetsXlsx } from '../../src/tools/xlsx-writer';
import { cli, tempDir } from '../helpers/cli';

const dir = tempDir();
const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Trạng thái'];
const PLAN: SheetInput = {
  name: 'Phân công',
  values: [
    ['KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2026'],
    HEADER,
    ['I', 'Nhận thức số'],
    ['1', 'Tuyên truyền trên trang thông tin điện tử', 'Phòng VH-XH', '30/11/2026', 'Đang thực hiện'],
    ['2', 'Tập huấn kỹ năng số cho cán bộ', 'Phòng Văn hóa - Xã hội', '15/12/2026', 'Đang thực hiện'],
    ['II', 'Kinh tế số'],
    ['3', 'Đưa sản phẩm OCOP lên sàn thương mại điện tử', 'Phòng Kinh tế', '31/10/2026', 'Đang thực hiện'],
    ['4', 'Thanh toán không dùng tiền mặt', 'Phòng Kinh tế; Công an xã', 'Quý IV/2026', ''],
  ] as CellValue[][],
};

/** Every sheet of a workbook as the core's reader gives its values (hidden sheets included). */
function sheets(path: string): Map<string, unknown[][]> {
  const book = openXlsx(new Uint8Array(readFileSync(path)));
  return new Map(book.sheetNames.map((n) => [n, book.sheet(n).values as unknown[][]]));
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Sets the status of task `stt` in the task sheet of a workbook, as an officer would in Excel. */
async function setStatus(from: string, to: string, stt: string, status: string): Promise<void> {
  const wb = await workbook(from);
  const ws = wb.getWorksheet('Phân công') as ExcelJS.Worksheet;
  ws.eachRow((row) => {
    if (String(row.getCell(1).value) === stt) row.getCell(5).value = status;
  });
  await wb.xlsx.writeFile(to);
}

describe('three checks of a checked copy on different days', () => {
  const input = join(dir, 'an-binh.xlsx');
  const out = (n: number) => join(dir, `an-binh-${n}.xlsx`);

  beforeAll(async () => {
    await writeSheetsXlsx(input, [PLAN]);
  });

  it('carries the history from copy to copy and says what changed: a task that became overdue, one that became done', async () => {
    // 15/10: nothing late.
    const first = await cli([
      'check',
      input,
      '--today',
      '2026-10-15',
      '--commune',
      'An Bình',
      '--out',
      out(1),
    ]);
    expect(first.stderr).toBe('');
    expect(first.stdout).not.toContain('Từ lần kiểm tra');
    // 15/11, on the checked copy: task 3 (Kinh tế số) is now late.
    const second = await cli([
      'check',
      out(1),
      '--today',
      '2026-11-15',
      '--commune',
      'An Bình',
      '--out',
      out(2),
    ]);
    expect(second.stdout).toContain('\nTừ lần kiểm tra 15/10: +1 quá hạn, 0 hoàn thành\n');
    // 20/12: the officer marked task 1 done; task 2 (Nhận thức số) is now late too.
    const edited = join(dir, 'an-binh-2-sua.xlsx');
    await setStatus(out(2), edited, '1', 'Hoàn thành');
    const third = await cli([
      'check',
      edited,
      '--today',
      '2026-12-20',
      '--commune',
      'An Bình',
      '--out',
      out(3),
    ]);
    expect(third.stderr).toBe('');
    expect(third.stdout).toContain('\nTừ lần kiểm tra 15/11: +1 quá hạn, +1 hoàn thành\n');

    const book = sheets(out(3));
    const history = readHistory(book.get('Lịch sử kiểm tra'));
    expect(history.notes).toEqual([]);
    expect(history.snapshots.map((s) => [s.date, s.total.overdue, s.total.done])).toEqual([
      ['2026-10-15', 0, 0],
      ['2026-11-15', 1, 0],
      ['2026-12-20', 2, 1],
    ]);
    const wb = await workbook(out(3));
    expect(wb.getWorksheet('Lịch sử kiểm tra')?.state).toBe('hidden');

    // The status sheet: the table as before (the city reads it), the changes below it.
    const status = book.get(STATUS_SHEET_NAME) as unknown[][];
    const read = fromRows(status);
    expect(read.ok && [read.report.asOf, read.report.total.overdue]).toEqual(['2026-12-20', 2]);
    const title = status.findIndex((r) => r[0] === 'Thay đổi so với lần kiểm tra trước (15/11/2026)');
    expect(title).toBeGreaterThan(status.findIndex((r) => r[0] === '#ke-hoach-cds'));
    expect(status.slice(title + 2, title + 5).map((r) => r.slice(0, 7))).toEqual([
      ['Nhận thức số', 0, 1, 1, 0, 1, 1],
      ['Kinh tế số', 1, 1, 0, 0, 0, 0],
      ['Tổng cộng', 1, 2, 1, 0, 1, 1],
    ]);
    const months = status.findIndex((r) => r[0] === 'Tháng');
    expect(status.slice(months + 1, months + 4).map((r) => r.slice(0, 2))).toEqual([
      ['10/2026', 0],
      ['11/2026', 1],
      ['12/2026', 2],
    ]);
    // Two charts on the status sheet: progress by pillar, overdue by month (columns).
    const files = unzipSync(new Uint8Array(readFileSync(out(3))));
    const charts = Object.keys(files).filter((f) => /^xl\/charts\/.*\.xml$/.test(f));
    expect(charts).toHaveLength(2);
    const kinds = charts.map((f) => /<c:barDir val="(\w+)"/.exec(strFromU8(files[f] as Uint8Array))?.[1]);
    expect(kinds.sort()).toEqual(['bar', 'col']);
    const drawings = Object.keys(files).filter((f) => /^xl\/drawings\/[^/]+\.xml$/.test(f));
    expect(drawings).toHaveLength(1);
    expect(strFromU8(files[drawings[0] as string] as Uint8Array).match(/<xdr:twoCellAnchor>/g)).toHaveLength(
      2,
    );
  });

  it('writes "Theo đơn vị": units most overdue first (then most tasks, then by name), with the change since the last check', async () => {
    const units = sheets(out(3)).get('Theo đơn vị') as unknown[][];
    const header = units.findIndex((r) => r[0] === 'Đơn vị chủ trì');
    expect(units[header]?.[8]).toBe('Quá hạn tăng (+) / giảm (−) so với 15/11/2026');
    expect(units.slice(header + 1, header + 4).map((r) => r.slice(0, 9))).toEqual([
      ['Phòng Kinh tế', 2, 0, 1, 1, 1, 0, 50, 0],
      ['Phòng Văn hóa - Xã hội', 2, 1, 0, 1, 0, 0, 5, 1],
      ['Công an xã', 1, 0, 1, 0, 1, 0, '', 0],
    ]);
  });

  it('writes one printable reminder per unit with overdue or due-soon tasks: A4 portrait, fit to width, title and date', async () => {
    const wb = await workbook(out(3));
    const names = wb.worksheets.map((ws) => ws.name).filter((n) => n.startsWith('Nhắc việc'));
    expect(names).toEqual([
      'Nhắc việc – Phòng Kinh tế',
      'Nhắc việc – Phòng Văn hóa - Xã…',
      'Nhắc việc – Công an xã',
    ]);
    const ws = wb.getWorksheet('Nhắc việc – Phòng Kinh tế') as ExcelJS.Worksheet;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
    });
    const values = sheets(out(3)).get('Nhắc việc – Phòng Kinh tế') as unknown[][];
    expect(values[0]?.[0]).toBe('PHIẾU ĐÔN ĐỐC THỰC HIỆN NHIỆM VỤ CHUYỂN ĐỔI SỐ');
    expect(values[1]?.[0]).toBe('Kính gửi: Phòng Kinh tế');
    const rows = values
      .filter((r) => r[0] === '3' || r[0] === '4')
      .map((r) => [
        r[0],
        r[2],
        r[3],
        r[4] instanceof Date ? dayInZone(r[4], 'Asia/Ho_Chi_Minh') : r[4],
        r[5],
      ]);
    // The due day is a date cell showing that day.
    expect(rows).toEqual([
      ['3', 'Kinh tế số', '31/10/2026', '2026-10-31', 'quá hạn 50 ngày'],
      ['4', 'Kinh tế số', 'Quý IV/2026', '2026-12-31', 'còn 11 ngày'],
    ]);
    expect(values.some((r) => r[3] === 'An Bình, ngày 20 tháng 12 năm 2026')).toBe(true);
    const marker = values.findIndex((r) => r[0] === REMINDER_TAG);
    expect(ws.getRow(marker + 1).hidden).toBe(true);
  });

  it('checking the copy again the same day replaces the product’s sheets, never piles them up', async () => {
    const again = join(dir, 'an-binh-4.xlsx');
    const r = await cli(['check', out(3), '--today', '2026-12-20', '--commune', 'An Bình', '--out', again]);
    expect(r.stdout).toContain('Từ lần kiểm tra 15/11: +1 quá hạn, +1 hoàn thành');
    const before = (await workbook(out(3))).worksheets.map((ws) => ws.name);
    const after = (await workbook(again)).worksheets.map((ws) => ws.name);
    expect(after).toEqual(before);
    expect(readHistory(sheets(again).get('Lịch sử kiểm tra')).snapshots).toHaveLength(3);
  });

  it('a broken history is ignored with a note, and a new one starts', async () => {
    const wb = await workbook(out(3));
    const ws = wb.getWorksheet('Lịch sử kiểm tra') as ExcelJS.Worksheet;
    ws.getCell('B1').value = 'v7x';
    const broken = join(dir, 'hong.xlsx');
    await wb.xlsx.writeFile(broken);
    const next = join(dir, 'hong-2.xlsx');
    const r = await cli(['check', broken, '--today', '2026-12-21', '--out', next]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'Chú ý: Trang “Lịch sử kiểm tra” (ẩn) bị hỏng hoặc không đúng mẫu: bỏ qua, lịch sử kiểm tra bắt đầu lại từ lần này.\n',
    );
    expect(r.stdout).not.toContain('Từ lần kiểm tra');
    const history = sheets(next).get('Lịch sử kiểm tra') as unknown[][];
    expect(history[0]?.[0]).toBe(HISTORY_TAG);
    expect(readHistory(history).snapshots.map((s) => s.date)).toEqual(['2026-12-21']);
  });

  it('a history written by a newer version is carried into the copy as it is, with a note', async () => {
    const wb = await workbook(out(3));
    const ws = wb.getWorksheet('Lịch sử kiểm tra') as ExcelJS.Worksheet;
    ws.getCell('B1').value = 'v2';
    const newer = join(dir, 'moi-hon.xlsx');
    await wb.xlsx.writeFile(newer);
    const before = sheets(newer).get('Lịch sử kiểm tra');
    const next = join(dir, 'moi-hon-2.xlsx');
    const r = await cli(['check', newer, '--today', '2026-12-21', '--out', next]);
    expect(r.stderr).toBe(
      'Chú ý: Trang “Lịch sử kiểm tra” do phiên bản mới hơn của tiện ích ghi: giữ nguyên, không ghi thêm; hãy cập nhật tiện ích.\n',
    );
    expect(sheets(next).get('Lịch sử kiểm tra')).toEqual(before);
  });
});

describe('the unit list of the workbook', () => {
  it('groups units as the officer wrote in "Đơn vị"', async () => {
    const input = join(dir, 'co-danh-sach.xlsx');
    await writeSheetsXlsx(input, [
      PLAN,
      {
        name: 'Đơn vị',
        values: [
          [...UNIT_LIST_HEADER],
          ['Công an xã', 'Phòng Kinh tế', ''],
          ['Phòng VH-XH', 'Văn hóa', ''],
          ['Phòng Văn hóa - Xã hội', 'Văn hóa', ''],
        ],
      },
    ]);
    const out = join(dir, 'co-danh-sach-da-kiem-tra.xlsx');
    const r = await cli(['check', input, '--today', '2026-12-20', '--out', out]);
    expect(r.stdout).toMatch(/\n {2}Văn hóa\s+2\s+0\s+0\s+2\s+0\s+0\s+20\n/);
    const units = sheets(out).get('Theo đơn vị') as unknown[][];
    const header = units.findIndex((row) => row[0] === 'Đơn vị chủ trì');
    expect(units.slice(header + 1, header + 3).map((row) => row.slice(0, 2))).toEqual([
      ['Văn hóa', 2],
      ['Phòng Kinh tế', 2],
    ]);
    // The officer's own sheet is left as it was.
    expect(sheets(out).get('Đơn vị')?.[1]?.slice(0, 2)).toEqual(['Công an xã', 'Phòng Kinh tế']);
  });
});
