/**
 * "Phiếu đôn đốc": what each unit is reminded of (its overdue and due-soon tasks), the e-mail it
 * receives, the printable sheet, the sheet names; and the unit list that corrects the grouping.
 */
import { join } from 'node:path';
import { checkSheet } from '../../src/core/check';
import {
  REMINDER_TAG,
  SHEET_NAME_MAX,
  reminderLayout,
  reminderMail,
  reminderSheetNames,
  remindersOf,
  shorten,
} from '../../src/core/reminders';
import { addressesOf, newListRows, parseUnitList, UNIT_LIST_HEADER } from '../../src/core/unit-list';
import { unitSheetLayout } from '../../src/core/unit-sheet';
import { followUpOf } from '../../src/core/history';
import { samplePlan } from '../../src/tools/sample';
import type { CellValue } from '../../src/core/grid';
import { sheet } from '../helpers/grid';

/** The value, or a failed test when it is missing. */
function must<T>(v: T | null | undefined): T {
  if (v === null || v === undefined) throw new Error('missing');
  return v;
}

const root = join(__dirname, '..', '..');
const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Trạng thái'];
const isEmail = (s: string) => /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(s);

const ROWS: CellValue[][] = [
  ['I', 'Nhận thức số'],
  ['1', 'Tuyên truyền trên trang thông tin điện tử', 'Phòng VH-XH', '30/11/2026', 'Đang thực hiện'],
  ['2', 'Tập huấn kỹ năng số cho cán bộ', 'Phòng Văn hóa - Xã hội', 'Quý IV/2026', ''],
  ['II', 'Kinh tế số'],
  ['1', 'Đưa sản phẩm OCOP lên sàn thương mại điện tử', 'Phòng Kinh tế', '31/10/2026', 'Đang thực hiện'],
  ['2', 'Thanh toán không dùng tiền mặt', 'Phòng Kinh tế; Công an xã', '25/12/2026', ''],
  ['3', 'Hỗ trợ hộ kinh doanh', 'Phòng Kinh tế', '10/12/2026', 'Hoàn thành'],
  ['4', 'Rà soát', 'Các phòng, ban, ngành', '01/12/2026', ''],
];
const plan = sheet(ROWS, HEADER, 'KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2026');
const CTX = { commune: 'An Bình', planName: '', planYear: 2026, today: '2026-12-20', dueSoonDays: 14 };

describe('remindersOf', () => {
  it('lists per unit its overdue tasks (most late first) and due-soon tasks (soonest first); done, shared and quiet tasks left out', () => {
    const result = checkSheet(plan, { today: '2026-12-20' });
    const r = remindersOf(result);
    // Written two ways, the culture office is one unit, named by its longer form.
    expect(r.map((u) => u.unit)).toEqual(['Phòng Kinh tế', 'Phòng Văn hóa - Xã hội', 'Công an xã']);
    const kt = must(r[0]);
    expect(kt.overdue.map((t) => [t.stt, t.pillar, t.deadlineText, t.due, t.days])).toEqual([
      ['1', 'Kinh tế số', '31/10/2026', '2026-10-31', 50],
    ]);
    expect(kt.dueSoon.map((t) => [t.stt, t.days])).toEqual([['2', 5]]);
    // A quarter's deadline is its last day.
    expect(r[1]?.overdue.map((t) => t.stt)).toEqual(['1']);
    expect(r[1]?.dueSoon.map((t) => [t.stt, t.deadlineText, t.due, t.days])).toEqual([
      ['2', 'Quý IV/2026', '2026-12-31', 11],
    ]);
    // A task given to two units reminds both.
    expect(r[2]?.dueSoon.map((t) => t.task)).toEqual(['Thanh toán không dùng tiền mặt']);
    // "Các phòng, ban, ngành" is no unit to remind: its overdue task is in no reminder.
    expect(r.flatMap((u) => u.overdue).some((t) => t.task === 'Rà soát')).toBe(false);
  });

  it('shortens long task text at a word, with an ellipsis', () => {
    const long = 'Triển khai nền tảng số dùng chung '.repeat(10);
    const s = shorten(long, 50);
    expect([...s].length).toBeLessThanOrEqual(50);
    expect(s.endsWith('…')).toBe(true);
    // Cut between two words, never inside one.
    const kept = s.slice(0, -1);
    expect(long.startsWith(kept)).toBe(true);
    expect(long.charAt(kept.length)).toBe(' ');
    expect(shorten('Ngắn')).toBe('Ngắn');
  });
});

describe('the e-mail', () => {
  it('is plain Vietnamese text with the commune and the date, the tasks by group, and what is asked', () => {
    const r = must(remindersOf(checkSheet(plan, { today: '2026-12-20' }))[0]);
    const mail = reminderMail(r, CTX);
    expect(mail.subject).toBe(
      '[An Bình] Nhắc việc chuyển đổi số ngày 20/12/2026: 1 nhiệm vụ quá hạn, 1 sắp đến hạn',
    );
    expect(mail.body).toBe(
      [
        'Kính gửi: Phòng Kinh tế',
        '',
        'Theo bảng phân công nhiệm vụ chuyển đổi số năm 2026 của An Bình, tính đến ngày 20 tháng 12 năm 2026 đơn vị có 1 nhiệm vụ quá hạn và 1 nhiệm vụ sắp đến hạn (sắp đến hạn: đến hạn trong 14 ngày tới).',
        '',
        'NHIỆM VỤ QUÁ HẠN',
        '1. Nhiệm vụ 1 (Kinh tế số): Đưa sản phẩm OCOP lên sàn thương mại điện tử',
        '   Thời hạn: 31/10/2026 — quá hạn 50 ngày',
        '',
        'NHIỆM VỤ SẮP ĐẾN HẠN',
        '1. Nhiệm vụ 2 (Kinh tế số): Thanh toán không dùng tiền mặt',
        '   Thời hạn: 25/12/2026 — còn 5 ngày',
        '',
        'Đề nghị đơn vị khẩn trương thực hiện các nhiệm vụ trên và báo cáo kết quả (ngày hoàn thành, sản phẩm) để cập nhật vào bảng phân công.',
        '',
        '—',
        'Thư gửi từ bảng phân công nhiệm vụ bằng tiện ích Kế hoạch CĐS.',
      ].join('\n'),
    );
    const vh = reminderMail(must(remindersOf(checkSheet(plan, { today: '2026-12-20' }))[1]), {
      ...CTX,
      commune: '',
    });
    expect(vh.subject).toBe('Nhắc việc chuyển đổi số ngày 20/12/2026: 1 nhiệm vụ quá hạn, 1 sắp đến hạn');
    expect(vh.body).toContain('Thời hạn: Quý IV/2026 (hạn 31/12/2026) — còn 11 ngày');
  });

  it('keeps the subject on one line whatever the commune’s name holds', () => {
    const r = must(remindersOf(checkSheet(plan, { today: '2026-12-20' }))[0]);
    expect(reminderMail(r, { ...CTX, commune: 'An\nBình\r\nBcc: x@y.z' }).subject).not.toMatch(/[\r\n]/);
  });
});

describe('the printable sheet', () => {
  it('has the title, the unit, the summary, the tasks by group with their due day as a date, the request and the date', () => {
    const result = checkSheet(samplePlan(root), { today: '2026-12-20' });
    const r = must(remindersOf(result).find((u) => u.overdue.length > 0 && u.dueSoon.length > 0));
    const l = reminderLayout(r, { ...CTX, commune: 'Đại Hải' });
    expect(l.rows[l.titleRow]?.[0]).toBe('PHIẾU ĐÔN ĐỐC THỰC HIỆN NHIỆM VỤ CHUYỂN ĐỔI SỐ');
    expect(l.rows[l.toRow]?.[0]).toBe(`Kính gửi: ${r.unit}`);
    expect(l.rows[l.headerRow]).toEqual([
      'Số TT',
      'Nhiệm vụ',
      'Trụ cột',
      'Thời hạn (như trong kế hoạch)',
      'Hạn',
      'Tình trạng',
    ]);
    expect(l.groupRows.map((g) => l.rows[g]?.[0])).toEqual([
      `Nhiệm vụ quá hạn (${r.overdue.length})`,
      `Nhiệm vụ sắp đến hạn (${r.dueSoon.length})`,
    ]);
    expect(l.taskRows).toHaveLength(r.overdue.length + r.dueSoon.length);
    const first = must(l.rows[must(l.taskRows[0])]);
    expect(first[4]).toEqual({ date: r.overdue[0]?.due, time: null });
    expect(first[5]).toMatch(/^quá hạn \d+ ngày$/);
    expect(l.rows[l.signRow]?.[3]).toBe('Đại Hải, ngày 20 tháng 12 năm 2026');
    expect(l.rows[l.markerRow]?.slice(0, 2)).toEqual([REMINDER_TAG, r.unit]);
    expect(l.rows.every((row) => row.length === l.width)).toBe(true);
  });

  it('names sheets validly: at most 31 characters, no []:*?/\\, unique whatever the case', () => {
    const names = reminderSheetNames(
      [
        'Trung tâm Phục vụ hành chính công xã',
        'Trung tâm Phục vụ hành chính công huyện',
        'Phòng Kinh tế',
        'PHÒNG KINH TẾ',
        "Tổ CNSCĐ [thôn 1/2]: 'A'",
        '',
      ],
      ['Nhắc việc – Phòng Kinh tế'],
    );
    expect(names).toEqual([
      'Nhắc việc – Trung tâm Phục vụ…',
      'Nhắc việc – Trung tâm Phục… (2)',
      'Nhắc việc – Phòng Kinh tế (2)',
      'Nhắc việc – PHÒNG KINH TẾ (3)',
      'Nhắc việc – Tổ CNSCĐ thôn 1 2…',
      'Nhắc việc – Đơn vị',
    ]);
    for (const n of names) {
      expect([...n].length).toBeLessThanOrEqual(SHEET_NAME_MAX);
      expect(n).not.toMatch(/[[\]:*?/\\]|^'|'$/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});

describe('the unit list', () => {
  const result = checkSheet(plan, { today: '2026-12-20' });

  it('is prefilled with every written form and the unit it was grouped into; rows already listed are not added again', () => {
    const rows = newListRows(result, null);
    expect(rows).toEqual([
      ['Phòng Kinh tế', 'Phòng Kinh tế', ''],
      ['Phòng VH-XH', 'Phòng Văn hóa - Xã hội', ''],
      ['Phòng Văn hóa - Xã hội', 'Phòng Văn hóa - Xã hội', ''],
      ['Công an xã', 'Công an xã', ''],
    ]);
    const list = parseUnitList([[...UNIT_LIST_HEADER], ['phòng kinh tế', '', 'kt@anbinh.gov.vn']], isEmail);
    expect(newListRows(result, list).map((r) => r[0])).toEqual([
      'Phòng VH-XH',
      'Phòng Văn hóa - Xã hội',
      'Công an xã',
    ]);
  });

  it('corrects the grouping: names mapped to one unit are one unit, a name mapped elsewhere moves', () => {
    const list = must(
      parseUnitList(
        [
          ['Danh sách đơn vị'],
          [...UNIT_LIST_HEADER],
          ['Phòng VH-XH', 'Phòng Văn hóa - Xã hội', 'vhxh@anbinh.gov.vn, khong-phai-thu'],
          ['Phòng Văn hóa - Xã hội', '', ''],
          ['Công an xã', 'Phòng Kinh tế', ''],
          ['Phòng Kinh tế', '', 'kt@anbinh.gov.vn; KT@anbinh.gov.vn\nlanh.dao@anbinh.gov.vn'],
          ['', '', ''],
        ],
        isEmail,
      ),
    );
    expect(list.headerRow).toBe(2);
    expect([...list.overrides]).toEqual([
      ['Phòng VH-XH', 'Phòng Văn hóa - Xã hội'],
      ['Công an xã', 'Phòng Kinh tế'],
    ]);
    expect(list.invalid).toEqual([{ row: 3, text: 'khong-phai-thu' }]);
    const regrouped = checkSheet(plan, { today: '2026-12-20', unitOverrides: list.overrides });
    expect(regrouped.units.map((u) => [u.unit, u.total])).toEqual([
      ['Phòng Kinh tế', 3],
      ['Phòng Văn hóa - Xã hội', 2],
      ['(Giao chung, chưa rõ đơn vị)', 1],
    ]);
    const kt = must(regrouped.units[0]);
    expect(addressesOf(list, kt)).toEqual(['kt@anbinh.gov.vn', 'lanh.dao@anbinh.gov.vn']);
    expect(addressesOf(list, must(regrouped.units[1]))).toEqual(['vhxh@anbinh.gov.vn']);
    expect(addressesOf(list, must(regrouped.units[2]))).toEqual([]);
    expect(addressesOf(null, kt)).toEqual([]);
  });

  it('is not a unit list without its header', () => {
    expect(parseUnitList([['Tên', 'Đơn vị']], isEmail)).toBeNull();
  });
});

describe('the sheet by unit', () => {
  it('has one row per unit, most overdue first, and the change since the last check when known', () => {
    const result = checkSheet(plan, { today: '2026-12-20' });
    const l = unitSheetLayout(result, { commune: 'An Bình', asOf: '2026-12-20' });
    expect(l.rows[l.headerRow]?.[0]).toBe('Đơn vị chủ trì');
    expect(l.rows.slice(l.firstUnitRow, l.lastUnitRow + 1)).toEqual([
      ['Phòng Kinh tế', 3, 1, 1, 1, 1, 0, 50],
      ['Phòng Văn hóa - Xã hội', 2, 0, 1, 1, 1, 0, 20],
      ['Công an xã', 1, 0, 1, 0, 1, 0, ''],
      ['(Giao chung, chưa rõ đơn vị)', 1, 0, 0, 1, 0, 0, 19],
    ]);
    expect(l.changeColumn).toBeNull();
    const before = followUpOf([], checkSheet(plan, { today: '2026-11-01' }));
    const now = followUpOf(before.snapshots, result);
    const moved = unitSheetLayout(result, { commune: 'An Bình', asOf: '2026-12-20' }, now.diff);
    expect(moved.rows[moved.headerRow]?.[8]).toBe('Quá hạn tăng (+) / giảm (−) so với 01/11/2026');
    // On 01/11 only the economy office's task of 31/10 was late; since then the culture office's too.
    expect(moved.rows.slice(moved.firstUnitRow, moved.lastUnitRow + 1).map((r) => [r[0], r[8]])).toEqual([
      ['Phòng Kinh tế', 0],
      ['Phòng Văn hóa - Xã hội', 1],
      ['Công an xã', 0],
      ['(Giao chung, chưa rõ đơn vị)', 1],
    ]);
  });
});
