/**
 * Sharing with the city and the city's roll-up, end to end on the built bundle: a commune sends
 * its status twice; a city rolls up 200 communes over several runs, some unreadable.
 */
import { join } from 'node:path';
import { FakeDrive, FakeWorld, type FakeSheet, type Value } from '../fakes/apps-script';
import { addInput, ensureBuilt, loadAddon, DIST } from '../helpers/addon';
import { samplePlan } from '../../src/tools/sample';
import { generatedPlan } from '../../src/tools/bench';
import { checkSheet } from '../../src/core/check';
import { statusSheetModel, STATUS_SHEET_NAME, STATUS_LAYOUT_VERSION } from '../../src/core/status-sheet';
import { readStatusSheet, COMMUNE_LIST_HEADER } from '../../src/core/rollup';

const root = join(__dirname, '..', '..');
const SETTINGS = 'keHoachCds.settings';
const COPY = 'keHoachCds.cityCopyId';

beforeAll(ensureBuilt, 60_000);

function commune(emails: string[]) {
  const world = new FakeWorld(DIST);
  const tasks = addInput(world, samplePlan(root));
  world.properties.set(
    SETTINGS,
    JSON.stringify({ commune: 'Đại Hải', planYear: null, dueSoonDays: 14, cityEmails: emails }),
  );
  return { world, tasks, addon: loadAddon(world, '2026-12-20T09:30:00+07:00') };
}

describe('Gửi bảng trạng thái cho thành phố', () => {
  it('creates one spreadsheet on the first send, updates it later, shares once per address, logs each send', () => {
    const { world, tasks, addon } = commune(['so.khcn@cantho.gov.vn', 'vp.ubnd@cantho.gov.vn']);
    addon.sendToCity();
    expect(world.alerts).toEqual([]);
    const id = world.properties.get(COPY) as string;
    const copy = world.drive.books.get(id) as FakeWorld;
    expect(copy.name).toBe('Đại Hải – Trạng thái CĐS 2026');
    expect(copy.sheets.map((s) => s.name)).toEqual([STATUS_SHEET_NAME]);
    const sent = copy.sheets[0] as FakeSheet;
    const local = world.sheet(STATUS_SHEET_NAME) as FakeSheet;
    expect(sent.values).toEqual(local.values);
    expect(sent.formulas.size).toBe(0);
    expect(sent.charts).toHaveLength(1);
    expect(sent.values.find((r) => r[0] === 'Mẫu báo cáo:')?.[1]).toBe(STATUS_LAYOUT_VERSION);
    expect(world.drive.acl(id).viewers).toEqual(new Set(['so.khcn@cantho.gov.vn', 'vp.ubnd@cantho.gov.vn']));
    const dialog = world.shown.at(-1);
    expect(dialog?.title).toBe('Kế hoạch CĐS: đã gửi bảng trạng thái');
    expect(dialog?.html).toContain(`https://docs.google.com/spreadsheets/d/${id}/edit`);
    expect(dialog?.html).toContain('"created":true');

    // A day later task 35 is done; the city's link stays, its numbers change, nobody is re-invited.
    world.drive.now += 86_400_000;
    const row35 = tasks.values.findIndex((r) => r[0] === 35);
    (tasks.values[row35] as Value[])[6] = 'Hoàn thành';
    world.active = tasks;
    addon.sendToCity();
    expect(world.properties.get(COPY)).toBe(id);
    expect(world.drive.books.size).toBe(2);
    expect(world.drive.shares).toEqual(['so.khcn@cantho.gov.vn', 'vp.ubnd@cantho.gov.vn']);
    const again = (world.drive.books.get(id) as FakeWorld).sheets[0] as FakeSheet;
    expect(again.values.find((r) => r[0] === 'Tổng cộng')?.slice(0, 7)).toEqual([
      'Tổng cộng',
      51,
      6,
      4,
      1,
      13,
      2,
    ]);
    expect(world.shown.at(-1)?.html).toContain('"created":false');

    const log = world.sheet('Nhật ký gửi') as FakeSheet;
    expect(log.values[0]).toEqual(['Thời gian', 'Người gửi', 'Người nhận', 'Đường dẫn', 'Số nhiệm vụ']);
    expect(log.values.slice(1).map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['20/12/2026 09:30', 'can.bo@xa.gov.vn', 'so.khcn@cantho.gov.vn, vp.ubnd@cantho.gov.vn', 51],
      ['21/12/2026 09:30', 'can.bo@xa.gov.vn', 'so.khcn@cantho.gov.vn, vp.ubnd@cantho.gov.vn', 51],
    ]);
  });

  it('keeps its log apart from a user sheet that is already called "Nhật ký gửi"', () => {
    const { world, addon } = commune(['so.khcn@cantho.gov.vn']);
    const mine = world.addSheet('Nhật ký gửi', [['Sổ công văn đi']]);
    addon.sendToCity();
    addon.sendToCity();
    expect(mine.values).toEqual([['Sổ công văn đi']]);
    expect(world.sheet('Nhật ký gửi (Kế hoạch CĐS)')?.values).toHaveLength(3);
  });

  it('opens the settings when no address is configured, and creates nothing', () => {
    const { world, addon } = commune([]);
    addon.sendToCity();
    expect(world.shown.at(-1)?.title).toBe('Cài đặt Kế hoạch CĐS');
    expect(world.drive.books.size).toBe(1);
    expect(world.toasts.at(-1)).toContain('Chưa có địa chỉ thư của thành phố');
  });

  it('makes a new spreadsheet if the remembered one was deleted', () => {
    const { world, addon } = commune(['so.khcn@cantho.gov.vn']);
    addon.sendToCity();
    const first = world.properties.get(COPY) as string;
    world.drive.books.delete(first);
    addon.sendToCity();
    expect(world.properties.get(COPY)).not.toBe(first);
    expect(world.drive.books.has(world.properties.get(COPY) as string)).toBe(true);
  });
});

describe('Tổng hợp các xã', () => {
  function city(n: number) {
    const drive = new FakeDrive();
    drive.openCostMs = 3_000;
    const cityWorld = new FakeWorld(DIST, drive);
    cityWorld.name = 'UBND thành phố';
    const rows: Value[][] = [[...COMMUNE_LIST_HEADER]];
    const broken: Record<number, string> = {};
    for (let i = 0; i < n; i++) {
      const w = new FakeWorld(DIST, drive);
      const result = checkSheet(generatedPlan(12 + (i % 17)), { today: '2026-12-19' });
      const asOf = i === 34 ? '01/09/2026 08:00' : '19/12/2026 16:00';
      const model = statusSheetModel(result, {
        commune: `Xã số ${i + 1}`,
        planName: '',
        planYear: 2026,
        asOf,
      });
      const values = model.rows.map((r) => [...r]) as Value[][];
      if (i === 21) (values.find((r) => r[0] === 'Mẫu báo cáo:') as Value[])[1] = 'mẫu cũ';
      w.addSheet(STATUS_SHEET_NAME, values);
      let link = `https://docs.google.com/spreadsheets/d/${w.id}/edit#gid=0`;
      if (i === 7) drive.denied.add(w.id);
      if (i === 13) drive.books.delete(w.id);
      if (i === 55) link = 'xin xem tệp đính kèm';
      if ([7, 13, 21, 34, 55].includes(i)) broken[i] = `Xã số ${i + 1}`;
      rows.push([`Xã số ${i + 1}`, link]);
    }
    cityWorld.addSheet('Danh sách xã', rows);
    return { drive, cityWorld, broken, addon: loadAddon(cityWorld, '2026-12-20T08:00:00+07:00') };
  }

  it('rolls up 200 communes over several runs, lists the unreadable ones, and cleans up after itself', () => {
    const { drive, cityWorld, addon } = city(200);
    addon.rollupCommunes();
    // 4½ minutes of a 6-minute run at 3 s a commune: 90 opened (plus one bad link, read without opening), then a trigger.
    expect(cityWorld.toasts.at(-1)).toContain('Đã đọc 91/200 xã');
    expect(drive.triggers.map((t) => [t.handler, t.afterMs])).toEqual([['continueRollup', 60_000]]);
    expect(cityWorld.sheet('Tổng hợp')).toBeUndefined();

    addon.rollupCommunes();
    expect(cityWorld.alerts.at(-1)).toContain('Đang tổng hợp: đã đọc 91/200 xã');

    drive.now += 60_000;
    addon.continueRollup();
    expect(JSON.parse(cityWorld.properties.get('keHoachCds.rollup.state') as string).next).toBe(181);
    expect(drive.triggers).toHaveLength(1);

    drive.now += 60_000;
    addon.continueRollup();
    expect(drive.triggers).toEqual([]);
    expect(cityWorld.properties.size).toBe(0);

    const sheet = cityWorld.sheet('Tổng hợp') as FakeSheet;
    expect(sheet.metadata.map((m) => m.key)).toEqual(['keHoachCds.rollupSheet']);
    expect(sheet.charts).toHaveLength(1);
    const v = sheet.values;
    expect(v[1]?.[0]).toBe('195 xã đọc được, 5 xã không đọc được.');
    const at = (title: string) => v.findIndex((r) => String(r[0]).startsWith(title));
    const communes = v.slice(at('1.') + 2, at('2.') - 1);
    expect(communes).toHaveLength(195);
    const rates = communes.map((r) => Number(r[9]));
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);
    const failures = v.slice(at('4.') + 2).filter((r) => r[0] !== '');
    expect(Object.fromEntries(failures.map((r) => [r[0], r[2]]))).toEqual({
      'Xã số 8': 'không mở được bảng tính: chưa được chia sẻ quyền xem, hoặc đã bị xóa',
      'Xã số 14': 'không mở được bảng tính: chưa được chia sẻ quyền xem, hoặc đã bị xóa',
      'Xã số 22': `mẫu báo cáo “mẫu cũ” khác mẫu “${STATUS_LAYOUT_VERSION}” mà thành phố đọc được`,
      'Xã số 35': 'số liệu quá cũ: tính đến 01/09/2026 (110 ngày trước)',
      'Xã số 56': 'đường dẫn không phải bảng tính Google Sheets',
    });
    // The pillar table adds up to every task of every commune read.
    const pillars = v.slice(at('2.') + 2, at('3.') - 1);
    const detail = v.slice(at('3.') + 2, at('4.') - 1);
    const sum = (rows: Value[][], col: number) => rows.reduce((s, r) => s + Number(r[col]), 0);
    expect(sum(pillars, 2)).toBe(sum(communes, 2));
    expect(sum(detail, 2)).toBe(sum(communes, 2));
  });

  it('creates "Danh sách xã" with its header when it is missing, and says what to do', () => {
    const world = new FakeWorld(DIST);
    world.addSheet('Trang tính1');
    loadAddon(world).rollupCommunes();
    expect(world.sheet('Danh sách xã')?.values[0]).toEqual([...COMMUNE_LIST_HEADER]);
    expect(world.alerts.at(-1)).toContain('Đã tạo trang “Danh sách xã”');
  });

  it('reads the status sheets a commune sends (round trip through the marker)', () => {
    const { world, addon } = commune(['so.khcn@cantho.gov.vn']);
    addon.sendToCity();
    const copy = world.drive.books.get(world.properties.get(COPY) as string) as FakeWorld;
    const read = readStatusSheet((copy.sheets[0] as FakeSheet).values);
    expect(read.ok && read.status.total.total).toBe(51);
  });
});
