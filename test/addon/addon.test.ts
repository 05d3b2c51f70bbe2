/**
 * End to end: the built dist/Code.js in node:vm, with fakes of the Apps Script services, runs
 * every menu command on whole seed fixtures; the assertions are what the officer would see.
 */
import { join } from 'node:path';
import { FakeRange, FakeRule, FakeWorld, type FakeSheet } from '../fakes/apps-script';
import { addInput, ensureBuilt, loadAddon, userState, DIST } from '../helpers/addon';
import { loadSeed, seedInput } from '../helpers/fixtures';
import { samplePlan } from '../../src/tools/sample';
import { SEVERITY_COLORS } from '../../src/core/flags';
import { PILLARS } from '../../src/core/vocabulary';

const NOW = '2026-12-20T09:30:00+07:00';
const root = join(__dirname, '..', '..');

beforeAll(ensureBuilt, 60_000);

function sampleWorld() {
  const world = new FakeWorld(DIST);
  const sheet = addInput(world, samplePlan(root));
  return { world, sheet, addon: loadAddon(world, NOW) };
}

const ownRules = (sheet: FakeSheet) => sheet.rules.filter((r) => r.formula.includes('Kế hoạch CĐS'));

describe('onOpen', () => {
  it('builds the "Kế hoạch CĐS" menu and reads nothing (AuthMode.NONE)', () => {
    const { world, addon } = sampleWorld();
    addon.onOpen({ authMode: 'NONE' });
    expect(world.menu).toEqual([
      'Kiểm tra bảng phân công→checkTaskSheet',
      'Cập nhật bảng trạng thái→updateStatusSheet',
      'Gửi bảng trạng thái cho thành phố→sendToCity',
      'Lập danh sách đơn vị→createUnitList',
      'Gửi nhắc việc cho các đơn vị…→remindUnits',
      '---',
      'Thêm cột chuẩn còn thiếu→addMissingColumns',
      'Tạo bảng mẫu→createTemplate',
      'Nhập kế hoạch từ tệp Word…→importWordPlan',
      'Xóa đánh dấu→clearFlags',
      '---',
      'Cài đặt…→showSettings',
      'Hướng dẫn→showHelp',
      '---',
      'Thành phố: tạo trang Danh sách xã→createCommuneList',
      'Thành phố: tổng hợp các xã…→rollupCommunes',
    ]);
    expect(world.log.calls).toEqual(['SpreadsheetApp.getUi', 'Ui.createAddonMenu']);
    for (const item of world.menu.filter((m) => m !== '---')) {
      expect(typeof (addon as unknown as Record<string, unknown>)[item.split('→')[1] as string]).toBe(
        'function',
      );
    }
    world.menu = [];
    addon.onInstall({});
    expect(world.menu).toHaveLength(16);
  });
});

describe('Kiểm tra bảng phân công', () => {
  it('flags cells in place with colour and reason, opens the sidebar, says what it found', () => {
    const { world, sheet, addon } = sampleWorld();
    addon.checkTaskSheet();
    expect(world.alerts).toEqual([]);
    expect(sheet.notes.get('28:3')).toMatch(
      /^— Kế hoạch CĐS —\nNhiệm vụ 19 “Tăng cường quản trị và bảo đảm an toàn, bảo mật dữ liệu…” \(Dữ liệu số\) chưa có cơ quan chủ trì \(đang ghi “Chưa phân công”\)/,
    );
    expect(sheet.notes.get('46:6')).toContain('đã quá hạn 264 ngày');
    expect(sheet.notes.get('53:7')).toContain('“Gần xong”');
    const rules = ownRules(sheet);
    expect(rules.map((r) => r.background)).toEqual([
      SEVERITY_COLORS.error,
      SEVERITY_COLORS.warning,
      SEVERITY_COLORS.info,
    ]);
    expect(rules[0]?.ranges.map((r) => r.getA1Notation())).toEqual(['C28']);
    expect(rules[1]?.ranges.map((r) => r.getA1Notation()).sort()).toEqual(
      ['F46', 'F52:F53', 'F63', 'G53'].sort(),
    );
    expect(world.toasts).toEqual(['Đã kiểm tra bảng phân công: 51 nhiệm vụ: 1 lỗi, 5 cảnh báo, 13 lưu ý.']);
    const sidebar = world.shown.find((s) => s.kind === 'sidebar');
    expect(sidebar?.title).toBe('Kế hoạch CĐS');
    expect(sidebar?.html).toContain('"tasks":51');
    expect(sidebar?.html).not.toContain('<?!=');
    // No value the user typed changed.
    expect(sheet.values).toEqual(addInput(new FakeWorld(DIST), samplePlan(root)).values);
  });

  it('does not pile flags up when run again, and keeps the user’s own notes, colours and rules', () => {
    const { world, sheet, addon } = sampleWorld();
    sheet.notes.set('28:3', 'Chờ Chủ tịch phân công');
    sheet.notes.set('2:1', 'ghi chú của tôi');
    sheet.backgrounds.set('28:3', '#00ff00');
    sheet.rules.push(new FakeRule('=$G6="Hoàn thành"', '#B7E1CD', [new FakeRange(sheet, 6, 1, 60, 8)]));
    const before = userState(sheet);
    addon.checkTaskSheet();
    addon.checkTaskSheet();
    expect(ownRules(sheet)).toHaveLength(3);
    // The add-on's rules come first so that flags show; the user's rule is still there.
    expect(sheet.rules.map((r) => r.formula).at(-1)).toBe('=$G6="Hoàn thành"');
    expect(sheet.notes.get('28:3')).toMatch(/^Chờ Chủ tịch phân công\n\n— Kế hoạch CĐS —\nNhiệm vụ 19 /);
    expect(sheet.notes.get('28:3')?.match(/Kế hoạch CĐS/g)).toHaveLength(1);
    addon.clearFlags();
    expect(userState(sheet)).toBe(before);
    expect(world.toasts.at(-1)).toContain('Đã xóa đánh dấu ở 19 ô');
  });

  it('keeps the flags on their data when the user inserts a row above', () => {
    const { sheet, addon } = sampleWorld();
    addon.checkTaskSheet();
    sheet.insertRowsBefore(5, 1);
    expect(sheet.cellValue(29, 3)).toBe('Chưa phân công');
    expect(sheet.notes.get('29:3')).toContain('Nhiệm vụ 19');
    expect(ownRules(sheet)[0]?.ranges.map((r) => r.getA1Notation())).toEqual(['C29']);
    addon.checkTaskSheet();
    expect(ownRules(sheet)[0]?.ranges.map((r) => r.getA1Notation())).toEqual(['C29']);
  });

  it('says clearly when the active sheet holds no task table, and which sheet does', () => {
    const world = new FakeWorld(DIST);
    world.addSheet('Ghi chép', [
      ['Họ tên', 'Điện thoại'],
      ['An', '0901'],
    ]);
    addInput(world, samplePlan(root));
    loadAddon(world, NOW).checkTaskSheet();
    expect(world.alerts).toEqual([
      'Kế hoạch CĐS: Trang “Ghi chép” không có bảng phân công nhiệm vụ. Bảng phân công nằm ở trang “Phụ lục”: hãy mở trang đó rồi chạy lại lệnh.',
    ]);
    expect(world.shown).toEqual([]);
  });

  it('judges dates in the spreadsheet’s time zone', () => {
    const rows = [
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
      ['I', 'Nhận thức số'],
      ['1', 'Tập huấn', 'UBND xã', '19/12/2026'],
    ];
    // 05:00 on 20/12 in Hà Nội is still 19/12 in Los Angeles.
    const at = '2026-12-20T05:00:00+07:00';
    const vn = new FakeWorld(DIST);
    addInput(vn, { name: 'S', values: rows });
    loadAddon(vn, at).checkTaskSheet();
    expect(vn.notes('S', '3:4')).toContain('đã quá hạn 1 ngày');
    const la = new FakeWorld(DIST);
    la.timeZone = 'America/Los_Angeles';
    addInput(la, { name: 'S', values: rows });
    loadAddon(la, at).checkTaskSheet();
    expect(la.notes('S', '3:4')).toContain('đến hạn hôm nay');
  });

  it('selects the cell of a finding clicked in the sidebar', () => {
    const { world, addon } = sampleWorld();
    addon.selectCell('Phụ lục', 28, 'C');
    expect(world.selection).toBe('Phụ lục!C28');
  });
});

describe('Cập nhật bảng trạng thái', () => {
  it('writes the status sheet with the pivot, totals, share done and a stacked bar chart', () => {
    const { world, addon } = sampleWorld();
    world.properties.set(
      'keHoachCds.settings',
      JSON.stringify({ commune: 'Đại Hải', planYear: null, dueSoonDays: 14, cityEmails: [] }),
    );
    addon.updateStatusSheet();
    expect(world.alerts).toEqual([]);
    const st = world.sheet('Trạng thái theo trụ cột') as FakeSheet;
    const row = (label: string) => st.values.find((r) => r[0] === label);
    expect(row('Xã/phường:')?.[1]).toBe('Đại Hải');
    // "As of" is a date value shown with its time, in the spreadsheet's zone, never date-looking text.
    const asOf = st.values.findIndex((r) => r[0] === 'Tính đến:');
    expect(st.values[asOf]?.[1]).toEqual(new Date('2026-12-20T09:30:00+07:00'));
    expect(st.formats.get(`${asOf + 1}:2`)).toBe('dd/MM/yyyy HH:mm');
    // Trụ cột, total, done (on time, late), on track, overdue, recurring, by a higher plan, undated, due soon, no lead, share.
    expect(row('Nhận thức số')).toEqual(['Nhận thức số', 5, 2, 2, 0, 2, 0, 1, 0, 0, 2, 0, 0.4]);
    expect(row('Tổng cộng')).toEqual(['Tổng cộng', 51, 5, 4, 1, 13, 3, 29, 0, 1, 13, 1, 0.098]);
    // The reading guide says the window actually used.
    expect(st.values.some((r) => String(r[0]).includes('đến hạn trong 14 ngày tới'))).toBe(true);
    // The city's data row is there, hidden.
    const data = st.values.findIndex((r) => r[0] === '#ke-hoach-cds');
    expect(st.hiddenRows.has(data + 1)).toBe(true);
    const header = st.values.findIndex((r) => r[0] === 'Trụ cột');
    expect(st.values.slice(header + 1, header + 1 + PILLARS.length).map((r) => r[0])).toEqual([...PILLARS]);
    expect(st.charts).toHaveLength(1);
    expect(st.charts[0]).toMatchObject({ type: 'BAR', options: { isStacked: true } });
    // Labels, then done, on track, overdue, recurring, by a higher plan, undated — the right columns.
    const chartHeader = header + 1;
    const last = st.values.findIndex((r) => r[0] === 'Tổng cộng');
    expect(st.charts[0]?.ranges).toEqual(
      ['A', 'C', 'F', 'G', 'H', 'I', 'J'].map((c) => `${c}${chartHeader}:${c}${last}`),
    );
    // The share done, and only it, as a percentage.
    const percent = [...st.formats].filter(([, f]) => f === '0%').map(([k]) => Number(k.split(':')[1]));
    expect(new Set(percent)).toEqual(new Set([13]));
    expect(st.metadata).toEqual([{ key: 'keHoachCds.statusSheet', value: 'v2' }]);
    expect(st.frozenRows).toBe(header + 1);
  });

  it('replaces its own sheet in place and never overwrites a user sheet of the same name', () => {
    const world = new FakeWorld(DIST);
    const tasks = addInput(world, samplePlan(root));
    const mine = world.addSheet('Trạng thái theo trụ cột', [['Bảng của tôi']]);
    const addon = loadAddon(world, NOW);
    world.active = tasks;
    addon.updateStatusSheet();
    addon.updateStatusSheet();
    expect(mine.values).toEqual([['Bảng của tôi']]);
    const own = world.sheets.filter((s) => s.metadata.some((m) => m.key === 'keHoachCds.statusSheet'));
    expect(own.map((s) => s.name)).toEqual(['Trạng thái theo trụ cột (Kế hoạch CĐS)']);
    // Beside it, the sheet by unit and the hidden history, once each.
    expect(world.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Phụ lục', false],
      ['Trạng thái theo trụ cột', false],
      ['Theo đơn vị', false],
      ['Lịch sử kiểm tra', true],
      ['Trạng thái theo trụ cột (Kế hoạch CĐS)', false],
    ]);
    // Re-running keeps the sheet's place among the tabs.
    const [first, ...rest] = world.sheets as [FakeSheet, ...FakeSheet[]];
    world.sheets = [first, rest[3] as FakeSheet, ...rest.slice(0, 3)];
    world.active = tasks;
    addon.updateStatusSheet();
    expect(world.sheets.map((s) => s.name)).toEqual([
      'Phụ lục',
      'Trạng thái theo trụ cột (Kế hoạch CĐS)',
      'Trạng thái theo trụ cột',
      'Theo đơn vị',
      'Lịch sử kiểm tra',
    ]);
  });

  it('writes text that starts with "=", "+", "-" or "@" as text, never as a formula', () => {
    const world = new FakeWorld(DIST);
    addInput(world, {
      name: 'Phân công',
      values: [
        ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
        ['I', '=IMPORTRANGE("x","y")'],
        ['1', 'A', 'UBND xã', 'Quý IV/2026'],
      ],
    });
    loadAddon(world, NOW).updateStatusSheet();
    const st = world.sheet('Trạng thái theo trụ cột') as FakeSheet;
    expect(st.formulas.size).toBe(0);
    expect(st.values.some((r) => r[0] === '=IMPORTRANGE("x","y")')).toBe(true);
  });
});

describe('other commands', () => {
  it('Thêm cột chuẩn còn thiếu: appends Trạng thái with a dropdown and Ngày hoàn thành with date validation', () => {
    const world = new FakeWorld(DIST);
    const sheet = addInput(world, seedInput(loadSeed('003-mo-cay.json')));
    const before = JSON.stringify(sheet.values);
    loadAddon(world, NOW).addMissingColumns();
    expect(sheet.cellValue(4, 8)).toBe('Trạng thái');
    expect(sheet.cellValue(4, 9)).toBe('Ngày hoàn thành');
    const trimmed = sheet.values.map((r) => r.slice(0, 7));
    expect(JSON.stringify(trimmed)).toBe(before);
    const validations = [...sheet.validations.values()];
    expect(validations[0]).toMatchObject({
      kind: 'list',
      list: ['Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện'],
    });
    expect(validations[1]).toMatchObject({ kind: 'date' });
  });

  it('Thêm cột chuẩn còn thiếu: adds the required columns too, moving the user’s own columns to the right, writing over nothing', () => {
    const world = new FakeWorld(DIST);
    const sheet = addInput(world, {
      name: 'Phân công',
      values: [
        ['STT', 'Nhiệm vụ', ''],
        ['I', 'Nhận thức số', ''],
        ['1', 'Tập huấn', 'đã báo chủ tịch'],
        ['2', 'Tuyên truyền', ''],
      ],
    });
    // The table is A:B; column C holds the officer's own jottings beside it, without a header.
    sheet.formulas.set('4:3', '=B4&" (xem lại)"');
    sheet.notes.set('3:3', 'ghi chú riêng');
    sheet.formats.set('3:3', '@');
    loadAddon(world, NOW).addMissingColumns();
    expect(world.alerts).toEqual([]);
    expect(sheet.values[0]).toEqual([
      'STT',
      'Nhiệm vụ',
      'Cơ quan chủ trì',
      'Thời gian hoàn thành',
      'Cơ quan phối hợp',
      'Trạng thái',
      'Ngày hoàn thành',
      '',
    ]);
    expect(sheet.cellValue(3, 8)).toBe('đã báo chủ tịch');
    expect(sheet.notes.get('3:8')).toBe('ghi chú riêng');
    expect(sheet.formats.get('3:8')).toBe('@');
    expect(sheet.formulas.get('4:8')).toBe('=B4&" (xem lại)"');
    // The check now finds the required columns and no longer asks for them.
    loadAddon(world, NOW).checkTaskSheet();
    expect(world.shown.at(-1)?.html).not.toContain('Thiếu cột bắt buộc');
  });

  it('uses the saved settings: plan year, due-soon window and commune name override what the sheet says', () => {
    const world = new FakeWorld(DIST);
    addInput(world, {
      name: 'Phân công',
      values: [
        ['KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2026'],
        ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
        ['I', 'Nhận thức số'],
        ['1', 'Tập huấn', 'UBND xã', 'Quý IV'],
        ['2', 'Sơ kết', 'UBND xã', '15/01/2027'],
      ],
    });
    world.properties.set(
      'keHoachCds.settings',
      JSON.stringify({ commune: 'Hòa Bình', planYear: 2025, dueSoonDays: 30, cityEmails: [] }),
    );
    const addon = loadAddon(world, '2026-12-20T09:30:00+07:00');
    addon.checkTaskSheet();
    // "Quý IV" of the saved year 2025, not the title's 2026: past due.
    expect(world.notes('Phân công', '4:4')).toContain('đã quá hạn 354 ngày (hạn 31/12/2025)');
    // 26 days ahead is "due soon" in a 30-day window (not in the default 14).
    expect(world.notes('Phân công', '5:4')).toContain('sắp đến hạn: còn 26 ngày');
    addon.updateStatusSheet();
    const st = world.sheet('Trạng thái theo trụ cột') as FakeSheet;
    expect(st.values.find((r) => r[0] === 'Xã/phường:')?.[1]).toBe('Hòa Bình');
    expect(st.values.find((r) => r[0] === 'Năm kế hoạch:')?.[1]).toBe(2025);
    expect(st.values.find((r) => r[0] === 'Sắp đến hạn:')?.[1]).toBe('đến hạn trong 30 ngày tới');
  });

  it('Tạo bảng mẫu: a new sheet with the standard header, frozen, dropdowns, an example section', () => {
    const { world, addon } = sampleWorld();
    addon.createTemplate();
    const t = world.sheet('Mẫu phân công CĐS') as FakeSheet;
    expect(t.values[1]?.slice(0, 6)).toEqual([
      'STT',
      'Nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Sản phẩm',
      'Thời gian hoàn thành',
    ]);
    expect(t.frozenRows).toBe(2);
    expect(t.values[2]?.slice(0, 2)).toEqual(['I', 'Nhận thức số']);
    expect([...t.validations.values()].map((v) => v.kind)).toEqual(['list', 'list', 'date']);
    // The template is itself a valid task sheet.
    world.active = t;
    addon.checkTaskSheet();
    expect(world.toasts.at(-1)).toContain('1 nhiệm vụ');
  });

  it('Cài đặt…: pre-fills the plan year from the sheet, saves valid settings, refuses bad ones', () => {
    const { world, addon } = sampleWorld();
    addon.showSettings();
    const dialog = world.shown.at(-1);
    expect(dialog?.title).toBe('Cài đặt Kế hoạch CĐS');
    expect(dialog?.html).toContain('"planYear":2026');
    const bad = addon.saveSettings({
      commune: 'Đại Hải',
      planYear: '20x6',
      dueSoonDays: '400',
      cityEmails: 'so@cantho.gov.vn\nkhong-phai-thu',
    });
    expect(bad.ok).toBe(false);
    expect(bad.errors).toEqual(
      expect.arrayContaining([
        'Địa chỉ thư “khong-phai-thu” không hợp lệ.',
        'Năm kế hoạch phải là số từ 2000 đến 2100.',
        'Số ngày “sắp đến hạn” phải là số từ 0 đến 365.',
      ]),
    );
    expect(world.properties.size).toBe(0);
    const ok = addon.saveSettings({
      commune: ' Đại Hải ',
      planYear: '2026',
      dueSoonDays: '30',
      cityEmails: 'so@cantho.gov.vn; vp@cantho.gov.vn',
    });
    expect(ok).toEqual({ ok: true, errors: [] });
    expect(JSON.parse(world.properties.get('keHoachCds.settings') as string)).toMatchObject({
      commune: 'Đại Hải',
      planYear: 2026,
      dueSoonDays: 30,
      cityEmails: ['so@cantho.gov.vn', 'vp@cantho.gov.vn'],
      notifyCity: true,
    });
    // A 30-day window is used by the next check.
    addon.checkTaskSheet();
    expect(world.toasts.at(-1)).toContain('13 lưu ý');
  });

  it('Cài đặt… shows every saved setting, so saving again changes nothing the officer did not touch', () => {
    const { world, addon } = sampleWorld();
    const form = {
      commune: 'Đại Hải',
      planYear: '2026',
      dueSoonDays: '21',
      staleDays: '90',
      cityEmails: 'so@cantho.gov.vn',
      notifyCity: false,
      cityMessage: 'Gửi Sở',
    };
    expect(addon.saveSettings(form)).toEqual({ ok: true, errors: [] });
    const saved = world.properties.get('keHoachCds.settings');
    addon.showSettings();
    const html = world.shown.at(-1)?.html ?? '';
    const data = JSON.parse(/var DATA = (.*);/.exec(html)?.[1] ?? 'null') as Record<string, unknown>;
    expect(data).toEqual({
      commune: 'Đại Hải',
      planYear: 2026,
      dueSoonDays: 21,
      staleDays: 90,
      cityEmails: 'so@cantho.gov.vn',
      notifyCity: false,
      cityMessage: 'Gửi Sở',
    });
    // The dialog sends back what it shows: the same settings are stored.
    const again = Object.fromEntries(
      Object.entries(data).map(([k, v]) => [k, k === 'notifyCity' ? v : String(v)]),
    );
    expect(addon.saveSettings(again as typeof form)).toEqual({ ok: true, errors: [] });
    expect(world.properties.get('keHoachCds.settings')).toBe(saved);
  });

  it('Hướng dẫn: a help dialog in Vietnamese', () => {
    const { world, addon } = sampleWorld();
    addon.showHelp();
    expect(world.shown.at(-1)?.title).toBe('Hướng dẫn sử dụng Kế hoạch CĐS');
    expect(world.shown.at(-1)?.html).toContain('Kiểm tra bảng phân công');
  });

  it('a second click while a command runs gets a message, not a wait', () => {
    const { world, sheet, addon } = sampleWorld();
    // Another execution holds the document lock for the next ten minutes.
    world.lockIntervals.push({ from: world.drive.now, to: world.drive.now + 600_000 });
    addon.checkTaskSheet();
    expect(world.alerts).toEqual([
      'Kế hoạch CĐS: Một lệnh khác của Kế hoạch CĐS đang chạy trên bảng tính này. Vui lòng đợi vài giây rồi thử lại.',
    ]);
    expect(sheet.notes.size).toBe(0);
    expect(addon.saveSettings({ commune: '', planYear: '', dueSoonDays: '', cityEmails: '' }).ok).toBe(false);
  });
});

describe('every menu command on every whole seed fixture', () => {
  it.each([
    '000-my-hoa-hung.json',
    '001-my-hoa-hung-du-an.json',
    '002-tinh-long.json',
    '003-mo-cay.json',
    '004-dai-hai.json',
  ])('%s: nothing the user made is lost', (file) => {
    const f = loadSeed(file);
    const world = new FakeWorld(DIST);
    const sheet = addInput(world, seedInput(f));
    // What an officer adds by hand: notes, colours, a conditional-format rule, a formula.
    sheet.notes.set(`${f.expected.headerRow}:2`, 'Cột này lấy từ Word');
    sheet.notes.set(`${f.expected.tasks[0]?.row}:3`, 'Đã gọi điện nhắc');
    sheet.backgrounds.set(`${f.expected.tasks[0]?.row}:1`, '#FFFF00');
    sheet.backgrounds.set(`${f.expected.tasks.at(-1)?.row}:3`, '#00FF00');
    sheet.rules.push(
      new FakeRule('=LEN($B1)>500', '#EEEEEE', [new FakeRange(sheet, 1, 2, sheet.values.length, 1)]),
    );
    const original = userState(sheet);
    const addon = loadAddon(world, NOW);
    const untouched = (step: string) => {
      world.active = sheet;
      expect([step, userState(sheet)]).toEqual([step, original]);
    };

    addon.onOpen({ authMode: 'NONE' });
    untouched('onOpen');
    addon.checkTaskSheet();
    expect(world.toasts.at(-1)).toContain(`${f.expected.tasks.length} nhiệm vụ`);
    addon.checkTaskSheet();
    addon.updateStatusSheet();
    const st = world.sheets.find((s) =>
      s.metadata.some((m) => m.key === 'keHoachCds.statusSheet'),
    ) as FakeSheet;
    expect(st.values.find((r) => r[0] === 'Tổng cộng')?.[1]).toBe(f.expected.tasks.length);
    world.active = sheet;
    addon.clearFlags();
    untouched('check → check → status → clear');
    addon.updateStatusSheet();
    untouched('status');
    addon.createTemplate();
    untouched('template');
    addon.showSettings();
    addon.showHelp();
    untouched('settings, help');
    addon.addMissingColumns();
    // Only new columns, to the right of the table; every existing value, note, colour kept.
    const width = f.values[0]?.length ?? 0;
    expect(sheet.values.map((r) => r.slice(0, width))).toEqual(
      seedInput(f).values.map((r) => r.map((v) => v ?? '')),
    );
    expect(JSON.stringify([[...sheet.notes].sort(), [...sheet.backgrounds].sort()])).toBe(
      JSON.stringify([JSON.parse(original).notes, JSON.parse(original).backgrounds]),
    );
    expect(world.alerts).toEqual([]);
    expect(world.shown.map((s) => s.kind)).toEqual(['sidebar', 'sidebar', 'dialog', 'dialog']);
  });
});

describe('a task table with no task yet', () => {
  it('checks cleanly and says 0 tasks, 0 pillars', () => {
    const world = new FakeWorld(DIST);
    addInput(world, {
      name: 'Mới',
      values: [['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành']],
    });
    loadAddon(world, NOW).checkTaskSheet();
    expect(world.alerts).toEqual([]);
    expect(world.toasts.at(-1)).toContain('0 nhiệm vụ');
    expect(world.shown.at(-1)?.html).toContain('"tasks":0,"pillars":0');
  });
});
