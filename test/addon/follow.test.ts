/**
 * The follow-up by lead unit, end to end on the built bundle under the enforcing fakes: the unit
 * list that corrects the grouping, the reminders (preview, send, log, a second send the same day,
 * the quota, a unit with no address), and the history across checks on different days.
 */
import { FakeWorld, type FakeSheet, type Value } from '../fakes/apps-script';
import { SCOPE } from '../fakes/platform';
import {
  addInput,
  ensureBuilt,
  loadAddon,
  manifestScopes,
  DIST,
  type AddonFunctions,
} from '../helpers/addon';
import { fromRows } from '../../src/core/status-report';
import { readHistory } from '../../src/core/history';
import type { RemindPreview, SendOutcome } from '../../src/sheets/follow';

beforeAll(ensureBuilt, 60_000);

const SETTINGS = 'keHoachCds.settings';
const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Trạng thái'];
const PLAN: Value[][] = [
  ['KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2026', '', '', '', ''],
  HEADER,
  ['I', 'Nhận thức số', '', '', ''],
  ['1', 'Tuyên truyền trên trang thông tin điện tử', 'Phòng VH-XH', '30/11/2026', 'Đang thực hiện'],
  ['2', 'Tập huấn kỹ năng số cho cán bộ', 'Phòng Văn hóa - Xã hội', '15/12/2026', 'Đang thực hiện'],
  ['II', 'Kinh tế số', '', '', ''],
  ['3', 'Đưa sản phẩm OCOP lên sàn thương mại điện tử', 'Phòng Kinh tế', '31/10/2026', 'Đang thực hiện'],
  ['4', 'Thanh toán không dùng tiền mặt', 'Phòng Kinh tế; Công an xã', 'Quý IV/2026', ''],
  ['5', 'Hướng dẫn người dân dùng dịch vụ công', 'Tổ CNSCĐ', '25/12/2026', ''],
];

function setup(now = '2026-12-20T09:30:00+07:00') {
  const world = new FakeWorld(DIST);
  const tasks = addInput(world, { name: 'Phân công', values: PLAN });
  world.properties.set(
    SETTINGS,
    JSON.stringify({ commune: 'An Bình', planYear: null, dueSoonDays: 14, cityEmails: [] }),
  );
  return { world, tasks, addon: loadAddon(world, now) };
}

const at = (iso: string) => Date.parse(iso);
const dataOf = <T>(html: string | undefined): T =>
  JSON.parse(/var DATA = (.*);\n/.exec(html ?? '')?.[1] ?? 'null') as T;
const served = <T>(v: unknown): T => {
  const r = v as { ok: boolean; value?: T; error?: string };
  if (!r.ok) throw new Error(r.error);
  return r.value as T;
};
const own = (w: FakeWorld, key: string) =>
  w.sheets.find((s) => s.metadata.some((m) => m.key === key)) as FakeSheet;

/** The unit list made by the add-on, with addresses typed in column C by written name. */
function withAddresses(
  world: FakeWorld,
  tasks: FakeSheet,
  addon: AddonFunctions,
  emails: Record<string, string>,
) {
  world.active = tasks;
  addon.createUnitList();
  const list = own(world, 'keHoachCds.unitList');
  list.values.forEach((row, i) => {
    const email = emails[String(row[0])];
    if (email !== undefined) list.setCell(i + 1, 3, email);
  });
  world.active = tasks;
  return list;
}

const ADDRESSES = {
  'Phòng Kinh tế': 'kt@anbinh.gov.vn',
  'Phòng VH-XH': 'vhxh@anbinh.gov.vn, lanh.dao@anbinh.gov.vn',
  'Tổ CNSCĐ': 'to.cnscd@anbinh.gov.vn',
};

describe('Lập danh sách đơn vị', () => {
  it('lists every written name with the unit it was grouped into, and the officer’s corrections regroup every command', () => {
    const { world, tasks, addon } = setup();
    addon.createUnitList();
    expect(world.alerts).toEqual([]);
    const list = own(world, 'keHoachCds.unitList');
    expect(list.name).toBe('Đơn vị');
    expect(world.active).toBe(list);
    expect(list.values).toEqual([
      ['Tên đơn vị (như trong bảng)', 'Là đơn vị', 'Thư điện tử nhận nhắc việc'],
      ['Phòng VH-XH', 'Phòng Văn hóa - Xã hội', ''],
      ['Phòng Văn hóa - Xã hội', 'Phòng Văn hóa - Xã hội', ''],
      ['Phòng Kinh tế', 'Phòng Kinh tế', ''],
      ['Công an xã', 'Công an xã', ''],
      ['Tổ CNSCĐ', 'Tổ CNSCĐ', ''],
    ]);
    expect(world.toasts.at(-1)).toContain('Đã ghi 5 cách ghi tên đơn vị vào trang “Đơn vị”');
    // The officer: the police's share goes to the economy office; the culture office is "Văn hóa".
    list.setCell(5, 2, 'Phòng Kinh tế');
    list.setCell(2, 2, 'Văn hóa');
    list.setCell(3, 2, 'Văn hóa');
    // A name the officer gives is not a new way of writing: the list is not completed with it.
    world.active = tasks;
    addon.updateStatusSheet();
    const units = own(world, 'keHoachCds.unitSheet');
    const header = units.values.findIndex((r) => r[0] === 'Đơn vị chủ trì');
    expect(units.values.slice(header + 1, header + 4).map((r) => r.slice(0, 5))).toEqual([
      ['Văn hóa', 2, 0, 0, 2],
      ['Phòng Kinh tế', 2, 0, 1, 1],
      ['Tổ CNSCĐ', 1, 0, 1, 0],
    ]);
    // The check names the officer's units in its messages too.
    world.active = tasks;
    addon.checkTaskSheet();
    expect(tasks.notes.get('5:4')).toContain('Văn hóa');
    world.active = tasks;
    addon.createUnitList();
    expect(list.values).toHaveLength(6);
  });

  it('run again, adds only the names it lacks below the officer’s rows, writing over nothing', () => {
    const { world, tasks, addon } = setup();
    const list = withAddresses(world, tasks, addon, ADDRESSES);
    list.setCell(4, 2, 'Kinh tế');
    const before = list.values.map((r) => [...r]);
    tasks.values.push(['6', 'Số hóa hồ sơ', 'Văn phòng HĐND-UBND', '30/12/2026', '']);
    addon.createUnitList();
    expect(list.values.slice(0, before.length)).toEqual(before);
    expect(list.values.slice(before.length)).toEqual([['Văn phòng HĐND-UBND', 'Văn phòng HĐND-UBND', '']]);
    world.active = tasks;
    addon.createUnitList();
    expect(world.toasts.at(-1)).toContain('đã có mọi cách ghi tên đơn vị');
    expect(list.values).toHaveLength(before.length + 1);
  });
});

describe('Gửi nhắc việc cho các đơn vị…', () => {
  it('previews each unit with its addresses and tasks; sends one e-mail per unit with an address; logs each send', () => {
    const { world, tasks, addon } = setup();
    withAddresses(world, tasks, addon, ADDRESSES);
    addon.remindUnits();
    expect(world.alerts).toEqual([]);
    const dialog = world.shown.at(-1);
    expect(dialog?.title).toBe('Kế hoạch CĐS: nhắc việc các đơn vị');
    const preview = dataOf<RemindPreview>(dialog?.html);
    expect(preview.quota).toBe(1500);
    expect(preview.units.map((u) => [u.unit, u.emails, u.overdue, u.dueSoon, u.status])).toEqual([
      ['Phòng Văn hóa - Xã hội', ['vhxh@anbinh.gov.vn', 'lanh.dao@anbinh.gov.vn'], 2, 0, 'ready'],
      ['Phòng Kinh tế', ['kt@anbinh.gov.vn'], 1, 1, 'ready'],
      ['Công an xã', [], 0, 1, 'no-address'],
      ['Tổ CNSCĐ', ['to.cnscd@anbinh.gov.vn'], 0, 1, 'ready'],
    ]);
    expect(preview.units[1]?.tasks).toEqual([
      {
        stt: '3',
        task: 'Đưa sản phẩm OCOP lên sàn thương mại điện tử',
        pillar: 'Kinh tế số',
        deadline: '31/10/2026',
        situation: 'quá hạn 50 ngày',
        overdue: true,
      },
      {
        stt: '4',
        task: 'Thanh toán không dùng tiền mặt',
        pillar: 'Kinh tế số',
        deadline: 'Quý IV/2026 (hạn 31/12/2026)',
        situation: 'còn 11 ngày',
        overdue: false,
      },
    ]);
    expect(preview.recipients).toBe(4);
    // Opening the preview sends nothing.
    expect(world.drive.mails).toEqual([]);

    const result = served<SendOutcome>(
      addon.remindSend({ keys: preview.units.map((u) => u.key), resend: [] }),
    );
    expect(result.sent).toBe(3);
    expect(result.outcomes.map((o) => [o.unit, o.outcome])).toEqual([
      ['Phòng Văn hóa - Xã hội', 'sent'],
      ['Phòng Kinh tế', 'sent'],
      ['Công an xã', 'no-address'],
      ['Tổ CNSCĐ', 'sent'],
    ]);
    expect(result.message).toBe(
      'Đã gửi thư nhắc việc cho 3 đơn vị. 1 đơn vị chưa có địa chỉ (Công an xã): ghi địa chỉ thư ở trang “Đơn vị”.',
    );
    expect(world.drive.mails.map((m) => [m.to, m.subject])).toEqual([
      [
        'vhxh@anbinh.gov.vn,lanh.dao@anbinh.gov.vn',
        '[An Bình] Nhắc việc chuyển đổi số ngày 20/12/2026: 2 nhiệm vụ quá hạn',
      ],
      [
        'kt@anbinh.gov.vn',
        '[An Bình] Nhắc việc chuyển đổi số ngày 20/12/2026: 1 nhiệm vụ quá hạn, 1 sắp đến hạn',
      ],
      ['to.cnscd@anbinh.gov.vn', '[An Bình] Nhắc việc chuyển đổi số ngày 20/12/2026: 1 sắp đến hạn'],
    ]);
    expect(world.drive.mails[1]?.body).toContain('Kính gửi: Phòng Kinh tế');
    expect(world.drive.mails[1]?.body).toContain('   Thời hạn: 31/10/2026 — quá hạn 50 ngày');
    const log = own(world, 'keHoachCds.remindLog');
    expect(log.name).toBe('Nhật ký nhắc việc');
    expect(log.values).toEqual([
      ['Thời gian', 'Đơn vị', 'Địa chỉ', 'Số nhiệm vụ', 'Kết quả'],
      [expect.any(Date), 'Phòng Văn hóa - Xã hội', 'vhxh@anbinh.gov.vn, lanh.dao@anbinh.gov.vn', 2, 'Đã gửi'],
      [expect.any(Date), 'Phòng Kinh tế', 'kt@anbinh.gov.vn', 2, 'Đã gửi'],
      [expect.any(Date), 'Tổ CNSCĐ', 'to.cnscd@anbinh.gov.vn', 1, 'Đã gửi'],
    ]);
    expect(log.formats.get('2:1')).toBe('dd/MM/yyyy HH:mm');
  });

  it('never sends twice the same day by accident; “gửi lại” sends again; the next day sends as usual', () => {
    const { world, tasks, addon } = setup();
    withAddresses(world, tasks, addon, ADDRESSES);
    addon.remindUnits();
    const keys = dataOf<RemindPreview>(world.shown.at(-1)?.html).units.map((u) => u.key);
    addon.remindSend({ keys, resend: [] });
    expect(world.drive.mails).toHaveLength(3);
    world.drive.now += 3 * 3_600_000;
    // The dialog says who was sent today, and when.
    world.active = tasks;
    addon.remindUnits();
    const again = dataOf<RemindPreview>(world.shown.at(-1)?.html);
    expect(again.units.map((u) => [u.status, u.sentAt])).toEqual([
      ['sent-today', '09:30'],
      ['sent-today', '09:30'],
      ['no-address', null],
      ['sent-today', '09:30'],
    ]);
    expect(again.recipients).toBe(0);
    // A second click the same day sends nothing, and says why.
    const twice = served<SendOutcome>(addon.remindSend({ keys, resend: [] }));
    expect(twice.sent).toBe(0);
    expect(world.drive.mails).toHaveLength(3);
    expect(twice.outcomes[1]).toMatchObject({
      outcome: 'sent-today',
      detail: 'đã gửi hôm nay lúc 09:30: không gửi lại (đánh dấu “gửi lại” nếu cần)',
    });
    // Ticked "gửi lại": that unit only.
    const kt = again.units[1]?.key as string;
    const resent = served<SendOutcome>(addon.remindSend({ keys, resend: [kt] }));
    expect(resent.outcomes.map((o) => o.outcome)).toEqual(['sent-today', 'sent', 'no-address', 'sent-today']);
    expect(world.drive.mails.map((m) => m.to).slice(3)).toEqual(['kt@anbinh.gov.vn']);
    // Tomorrow is another day.
    world.drive.now = at('2026-12-21T08:00:00+07:00');
    const tomorrow = served<SendOutcome>(addon.remindSend({ keys, resend: [] }));
    expect(tomorrow.sent).toBe(3);
    expect(own(world, 'keHoachCds.remindLog').values).toHaveLength(1 + 3 + 1 + 3);
  });

  it('checks the daily quota first: sends what fits, most overdue first, and says clearly who was not sent', () => {
    const { world, tasks, addon } = setup();
    withAddresses(world, tasks, addon, ADDRESSES);
    // The officer sent other mail today: 3 recipients left.
    world.drive.mailQuota = 3;
    addon.remindUnits();
    const preview = dataOf<RemindPreview>(world.shown.at(-1)?.html);
    expect(preview.quota).toBe(3);
    const keys = preview.units.map((u) => u.key);
    const result = served<SendOutcome>(addon.remindSend({ keys, resend: [] }));
    expect(result.outcomes.map((o) => [o.unit, o.outcome])).toEqual([
      ['Phòng Văn hóa - Xã hội', 'sent'],
      ['Phòng Kinh tế', 'sent'],
      ['Công an xã', 'no-address'],
      ['Tổ CNSCĐ', 'quota'],
    ]);
    expect(result.message).toBe(
      'Đã gửi thư nhắc việc cho 2 đơn vị. Hạn mức gửi thư của Google cho tài khoản này hôm nay không đủ cho 1 đơn vị (Tổ CNSCĐ): các đơn vị này chưa được gửi. Hạn mức được cấp lại sau 24 giờ; hãy mở lại “Gửi nhắc việc cho các đơn vị…” vào ngày mai để gửi tiếp. 1 đơn vị chưa có địa chỉ (Công an xã): ghi địa chỉ thư ở trang “Đơn vị”.',
    );
    expect(world.drive.mails).toHaveLength(2);
    // Only the sends are logged: the unit not sent can be sent tomorrow.
    expect(own(world, 'keHoachCds.remindLog').values.map((r) => r[1])).toEqual([
      'Đơn vị',
      'Phòng Văn hóa - Xã hội',
      'Phòng Kinh tế',
    ]);
    // Nothing left today: nothing is sent, the message says so, no error.
    const none = served<SendOutcome>(addon.remindSend({ keys: [keys[3] as string], resend: [] }));
    expect(none.sent).toBe(0);
    expect(none.message).toMatch(/^Chưa gửi thư nào\. Hạn mức gửi thư của Google/);
    expect(world.alerts).toEqual([]);
  });

  it('a mail Google refuses is logged as not sent, the others go', () => {
    const { world, tasks, addon } = setup();
    withAddresses(world, tasks, addon, ADDRESSES);
    addon.remindUnits();
    const keys = dataOf<RemindPreview>(world.shown.at(-1)?.html).units.map((u) => u.key);
    // Make the second sendEmail of the next call fail.
    const probe = setup();
    withAddresses(probe.world, probe.tasks, probe.addon, ADDRESSES);
    probe.world.log.calls = [];
    probe.addon.remindSend({ keys, resend: [] });
    const second = probe.world.log.calls
      .map((c, i) => [c, i + 1])
      .filter(([c]) => c === 'MailApp.sendEmail')[1];
    world.log.calls = [];
    world.log.failAt = second?.[1] as number;
    const result = served<SendOutcome>(addon.remindSend({ keys, resend: [] }));
    world.log.failAt = null;
    expect(result.outcomes.map((o) => o.outcome)).toEqual(['sent', 'failed', 'no-address', 'sent']);
    expect(result.outcomes[1]?.detail).toMatch(/^không gửi được \(Lỗi giả lập/);
    expect(own(world, 'keHoachCds.remindLog').values.map((r) => String(r[4]).slice(0, 15))).toEqual([
      'Kết quả',
      'Đã gửi',
      'Không gửi được:',
      'Đã gửi',
    ]);
    expect(world.drive.mails.map((m) => m.to)).toEqual([
      'vhxh@anbinh.gov.vn,lanh.dao@anbinh.gov.vn',
      'to.cnscd@anbinh.gov.vn',
    ]);
  });

  it('without a unit list: every unit is “chưa có địa chỉ” and the dialog says how to add addresses', () => {
    const { world, addon } = setup();
    addon.remindUnits();
    const preview = dataOf<RemindPreview>(world.shown.at(-1)?.html);
    expect(preview.units.every((u) => u.status === 'no-address')).toBe(true);
    expect(preview.notes).toEqual([
      'Chưa có trang “Đơn vị”: dùng “Lập danh sách đơn vị”, ghi địa chỉ thư của từng đơn vị rồi mở lại hộp thoại này.',
    ]);
    const result = served<SendOutcome>(
      addon.remindSend({ keys: preview.units.map((u) => u.key), resend: [] }),
    );
    expect(result.sent).toBe(0);
    expect(world.drive.mails).toEqual([]);
    expect(world.sheets.some((s) => s.name === 'Nhật ký nhắc việc')).toBe(false);
  });

  it('reports addresses that are not addresses, and skips them', () => {
    const { world, tasks, addon } = setup();
    withAddresses(world, tasks, addon, { ...ADDRESSES, 'Công an xã': 'cong-an-xa' });
    addon.remindUnits();
    const preview = dataOf<RemindPreview>(world.shown.at(-1)?.html);
    expect(preview.notes).toEqual(['Địa chỉ “cong-an-xa” ở dòng 5 của trang “Đơn vị” không hợp lệ: bỏ qua.']);
    expect(preview.units[2]).toMatchObject({ unit: 'Công an xã', status: 'no-address', emails: [] });
  });

  it('without the “Gửi email thay mặt bạn” box ticked: a Vietnamese message naming it, nothing sent', () => {
    const { world, tasks } = setup();
    const addon = loadAddon(world, '2026-12-20T09:30:00+07:00', {
      granted: manifestScopes().filter((s) => s !== SCOPE.sendMail),
    });
    withAddresses(world, tasks, addon, ADDRESSES);
    addon.remindUnits();
    expect(world.alerts).toEqual([
      'Kế hoạch CĐS: Để gửi nhắc việc cho các đơn vị, tiện ích cần quyền mà bạn chưa cấp. Hãy chạy lại lệnh; khi Google hỏi quyền, đánh dấu ô “Gửi email thay mặt bạn” rồi bấm “Tiếp tục”.',
    ]);
    expect(world.consentPrompts).toEqual([[SCOPE.sendMail]]);
    const r = addon.remindSend({ keys: ['phong kinh te'], resend: [] }) as { ok: boolean; error: string };
    expect(r.ok).toBe(false);
    expect(r.error).toContain('“Gửi email thay mặt bạn”');
    expect(world.drive.mails).toEqual([]);
  });

  it('says so, and opens nothing, when no unit has a task late or due soon', () => {
    const { world, addon } = setup('2026-09-01T09:00:00+07:00');
    addon.remindUnits();
    expect(world.shown).toEqual([]);
    expect(world.toasts.at(-1)).toBe(
      'Kế hoạch CĐS: Tính đến 01/09/2026 không đơn vị nào có nhiệm vụ quá hạn hoặc sắp đến hạn: không có gì để nhắc.',
    );
  });
});

describe('what changed since the last check', () => {
  it('across three checks on different days: a task that became overdue, one that became done', () => {
    const { world, tasks, addon } = setup('2026-10-15T09:00:00+07:00');
    // 15/10: nothing late yet; the first check starts the history, and the task sheet stays active.
    addon.checkTaskSheet();
    const sidebar = () => dataOf<{ since: string | null; notes: string[] }>(world.shown.at(-1)?.html);
    expect(sidebar().since).toBeNull();
    const history = own(world, 'keHoachCds.history');
    expect(history.hidden).toBe(true);
    expect(world.active).toBe(tasks);
    // 15/11: task 3 is late.
    world.drive.now = at('2026-11-15T09:00:00+07:00');
    addon.checkTaskSheet();
    expect(sidebar().since).toBe('Từ lần kiểm tra 15/10: +1 quá hạn, 0 hoàn thành');
    // 20/12: task 1 reported done; task 2 late too. The status update shows the changes.
    world.drive.now = at('2026-12-20T09:00:00+07:00');
    tasks.putCell(4, 5, 'Hoàn thành');
    world.active = tasks;
    addon.updateStatusSheet();
    expect(world.alerts).toEqual([]);
    const st = own(world, 'keHoachCds.statusSheet');
    const title = st.values.findIndex((r) => r[0] === 'Thay đổi so với lần kiểm tra trước (15/11/2026)');
    expect(title).toBeGreaterThan(st.values.findIndex((r) => r[0] === '#ke-hoach-cds'));
    expect(st.values.slice(title + 2, title + 5).map((r) => r.slice(0, 7))).toEqual([
      ['Nhận thức số', 0, 1, 1, 0, 1, 1],
      ['Kinh tế số', 1, 1, 0, 0, 0, 0],
      ['Tổng cộng', 1, 2, 1, 0, 1, 1],
    ]);
    const months = st.values.findIndex((r) => r[0] === 'Tháng');
    expect(st.values.slice(months + 1, months + 4).map((r) => r.slice(0, 2))).toEqual([
      ['10/2026', 0],
      ['11/2026', 1],
      ['12/2026', 2],
    ]);
    expect(st.formats.get(`${title + 3}:4`)).toBe('+0;-0;0');
    expect(st.charts.map((c) => c.type)).toEqual(['BAR', 'COLUMN']);
    expect(st.charts[1]?.ranges).toEqual([`A${months + 1}:A${months + 4}`, `B${months + 1}:B${months + 4}`]);
    // The city's reader reads it as before.
    const read = fromRows(st.values);
    expect(read.ok && [read.report.total.total, read.report.total.overdue]).toEqual([5, 2]);
    // "Theo đơn vị": the change per unit since 15/11.
    const units = own(world, 'keHoachCds.unitSheet');
    const header = units.values.findIndex((r) => r[0] === 'Đơn vị chủ trì');
    expect(units.values[header]?.[8]).toBe('Quá hạn tăng (+) / giảm (−) so với 15/11/2026');
    expect(units.values.slice(header + 1, header + 3).map((r) => [r[0], r[4], r[8]])).toEqual([
      ['Phòng Kinh tế', 1, 0],
      ['Phòng Văn hóa - Xã hội', 1, 1],
    ]);
    // The same day's check replaces that day's snapshot and says it in one line.
    world.active = tasks;
    addon.checkTaskSheet();
    expect(sidebar().since).toBe('Từ lần kiểm tra 15/11: +1 quá hạn, +1 hoàn thành');
    const kept = readHistory(history.values);
    expect(kept.snapshots.map((s) => [s.date, s.total.overdue, s.total.done])).toEqual([
      ['2026-10-15', 0, 0],
      ['2026-11-15', 1, 0],
      ['2026-12-20', 2, 1],
    ]);
    expect(world.sheets.filter((s) => s.metadata.some((m) => m.key === 'keHoachCds.history'))).toHaveLength(
      1,
    );
  });

  it('the city’s copy shows the same changes and chart as at home', () => {
    const { world, tasks, addon } = setup('2026-11-15T09:00:00+07:00');
    world.properties.set(
      SETTINGS,
      JSON.stringify({ commune: 'An Bình', planYear: null, dueSoonDays: 14, cityEmails: ['so@x.gov.vn'] }),
    );
    addon.checkTaskSheet();
    world.drive.now = at('2026-12-20T09:00:00+07:00');
    world.active = tasks;
    addon.sendToCity();
    expect(world.alerts).toEqual([]);
    const copy = world.drive.books.get(world.properties.get('keHoachCds.cityCopyId') as string) as FakeWorld;
    const sent = copy.sheets[0] as FakeSheet;
    const local = own(world, 'keHoachCds.statusSheet');
    expect(sent.values).toEqual(local.values);
    expect(sent.values.some((r) => r[0] === 'Thay đổi so với lần kiểm tra trước (15/11/2026)')).toBe(true);
    expect(sent.charts.map((c) => c.type)).toEqual(['BAR', 'COLUMN']);
    expect(fromRows(sent.values).ok).toBe(true);
  });

  it('a broken history sheet is ignored with a note in the sidebar, and starts again', () => {
    const { world, addon } = setup();
    addon.checkTaskSheet();
    const history = own(world, 'keHoachCds.history');
    history.values[0] = ['ai đó đã sửa'];
    world.drive.now += 86_400_000;
    addon.checkTaskSheet();
    expect(world.alerts).toEqual([]);
    const data = dataOf<{ since: string | null; notes: string[] }>(world.shown.at(-1)?.html);
    expect(data.since).toBeNull();
    expect(data.notes).toEqual([
      'Trang “Lịch sử kiểm tra” (ẩn) bị hỏng hoặc không đúng mẫu: bỏ qua, lịch sử kiểm tra bắt đầu lại từ lần này.',
    ]);
    expect(readHistory(history.values).snapshots.map((s) => s.date)).toEqual(['2026-12-21']);
  });

  it('a history written by a newer version is kept exactly as it is, with a note to update', () => {
    const { world, addon } = setup();
    addon.checkTaskSheet();
    const history = own(world, 'keHoachCds.history');
    history.values[0] = [history.values[0]?.[0] ?? '', 'v2', ''];
    history.values.push(['{"v":2,"future":"rows of a newer version"}', '', '']);
    const kept = structuredClone(history.values);
    world.drive.now += 86_400_000;
    addon.checkTaskSheet();
    addon.updateStatusSheet();
    expect(world.alerts).toEqual([]);
    const data = dataOf<{ notes: string[] }>(world.shown.at(-1)?.html);
    expect(data.notes).toEqual([
      'Trang “Lịch sử kiểm tra” do phiên bản mới hơn của tiện ích ghi: giữ nguyên, không ghi thêm; hãy cập nhật tiện ích.',
    ]);
    expect(history.values).toEqual(kept);
  });
});
