/**
 * Sharing with the city and the city's roll-up, end to end on the built bundle, under the
 * enforcing fakes and the shipped manifest: scopes as Google grants them, drive.file reaching only
 * the add-on's own file, locales, time zones, the 6-minute limit, the virtual clock.
 */
import { join } from 'node:path';
import { FakeDrive, FakeWorld, type FakeSheet, type Value } from '../fakes/apps-script';
import { DialogSimulator } from '../fakes/dialog';
import { SCOPE } from '../fakes/platform';
import {
  addInput,
  ensureBuilt,
  loadAddon,
  manifestScopes,
  DIST,
  type AddonFunctions,
} from '../helpers/addon';
import { samplePlan } from '../../src/tools/sample';
import { generatedPlan } from '../../src/tools/bench';
import { checkSheet } from '../../src/core/check';
import {
  STATUS_SHEET_NAME,
  fromRows,
  statusReportOf,
  toRows,
  type StatusReport,
} from '../../src/core/status-report';
import { COMMUNE_LIST_HEADER } from '../../src/core/rollup-sheet';
import {
  DEFAULT_OPTIONS,
  runRollup,
  type RollupServer,
  type Served,
} from '../../src/sheets/client/rollup-client';

const root = join(__dirname, '..', '..');
const SETTINGS = 'keHoachCds.settings';
const COPY = 'keHoachCds.cityCopyId';
const CITY = 'so.khcn@cantho.gov.vn';

beforeAll(ensureBuilt, 60_000);

function commune(emails: string[], locale: 'vi_VN' | 'en_US' = 'vi_VN', drive = new FakeDrive()) {
  const world = new FakeWorld(DIST, drive);
  world.locale = locale;
  const tasks = addInput(world, samplePlan(root));
  world.properties.set(
    SETTINGS,
    JSON.stringify({ commune: 'Đại Hải', planYear: null, dueSoonDays: 14, cityEmails: emails }),
  );
  return { world, tasks, addon: loadAddon(world, '2026-12-20T09:30:00+07:00') };
}

const copyOf = (world: FakeWorld) => world.drive.books.get(world.properties.get(COPY) as string) as FakeWorld;

describe('Gửi bảng trạng thái cho thành phố', () => {
  it('first send: a spreadsheet the add-on creates, the status laid out as at home, shared with a message, logged', () => {
    const { world, addon } = commune([CITY, 'vp.ubnd@cantho.gov.vn']);
    addon.sendToCity();
    expect(world.alerts).toEqual([]);
    const id = world.properties.get(COPY) as string;
    const file = world.drive.files.get(id);
    expect(file?.createdByApp).toBe(true);
    const copy = copyOf(world);
    expect(copy.name).toBe('Đại Hải – Trạng thái CĐS 2026');
    expect(copy.sheets.map((s) => s.name)).toEqual([STATUS_SHEET_NAME]);
    const sent = copy.sheets[0] as FakeSheet;
    const local = world.sheet(STATUS_SHEET_NAME) as FakeSheet;
    expect(sent.values).toEqual(local.values);
    expect(sent.formulas.size).toBe(0);
    expect(sent.charts).toHaveLength(1);
    expect(sent.charts[0]).toMatchObject({ type: 'BAR', options: { isStacked: true } });
    const data = sent.values.findIndex((r) => r[0] === '#ke-hoach-cds');
    expect(sent.hiddenRows.has(data + 1)).toBe(true);
    // Readers only, and Google told them with the settings' message.
    expect([...(file?.readers ?? [])].sort()).toEqual([CITY, 'vp.ubnd@cantho.gov.vn']);
    expect(world.drive.notifications.map((n) => n.to)).toEqual([CITY, 'vp.ubnd@cantho.gov.vn']);
    expect(world.drive.notifications[0]?.message).toContain(
      'Bảng trạng thái thực hiện nhiệm vụ chuyển đổi số',
    );
    const dialog = world.shown.at(-1);
    expect(dialog?.title).toBe('Kế hoạch CĐS: đã gửi bảng trạng thái');
    expect(dialog?.html).toContain(`https://docs.google.com/spreadsheets/d/${id}/edit`);
    expect(dialog?.html).toContain('"created":true');
    const log = world.sheet('Nhật ký gửi') as FakeSheet;
    expect(log.values[0]).toEqual(['Thời gian', 'Người nhận', 'Đường dẫn', 'Số nhiệm vụ', 'Kết quả']);
    // Logged as a date value, the moment of the send (the send's calls take a few seconds).
    const when = (log.values[1]?.[0] as Date).getTime() - Date.parse('2026-12-20T09:30:00+07:00');
    expect(when >= 0 && when < 60_000).toBe(true);
    expect(log.values[1]?.slice(1)).toEqual([
      `${CITY}, vp.ubnd@cantho.gov.vn`,
      `https://docs.google.com/spreadsheets/d/${id}/edit`,
      51,
      `Đã gửi; mới chia sẻ cho ${CITY}, vp.ubnd@cantho.gov.vn`,
    ]);
    // What the city reads back is exactly what the commune computed.
    const read = fromRows(sent.values);
    expect(read.ok && [read.report.commune, read.report.total.total, read.report.asOf]).toEqual([
      'Đại Hải',
      51,
      '2026-12-20',
    ]);
  });

  it('repeat: same file and link, new numbers, nobody invited twice (whatever the case of the address), a new address added', () => {
    const { world, tasks, addon } = commune([CITY]);
    addon.sendToCity();
    const id = world.properties.get(COPY) as string;
    world.drive.now += 86_400_000;
    const row35 = tasks.values.findIndex((r) => r[0] === 35);
    (tasks.values[row35] as Value[])[6] = 'Hoàn thành';
    world.properties.set(
      SETTINGS,
      JSON.stringify({
        commune: 'Đại Hải',
        planYear: null,
        dueSoonDays: 14,
        cityEmails: ['SO.KHCN@CanTho.gov.vn', 'moi@cantho.gov.vn'],
      }),
    );
    world.active = tasks;
    addon.sendToCity();
    expect(world.alerts).toEqual([]);
    expect(world.properties.get(COPY)).toBe(id);
    expect(world.drive.books.size).toBe(2);
    expect(world.drive.notifications.map((n) => n.to)).toEqual([CITY, 'moi@cantho.gov.vn']);
    const again = copyOf(world).sheets[0] as FakeSheet;
    const total = again.values.find((r) => r[0] === 'Tổng cộng');
    expect(total?.slice(0, 3)).toEqual(['Tổng cộng', 51, 6]);
    expect(world.shown.at(-1)?.html).toContain('"created":false');
  });

  it('a log that has filled its sheet’s 1,000 rows grows by a row for the next send', () => {
    const { world, tasks, addon } = commune([CITY]);
    addon.sendToCity();
    const log = world.sheet('Nhật ký gửi') as FakeSheet;
    const first = log.values[1] as Value[];
    while (log.values.length < 1000) log.values.push([...first]);
    expect(log.getMaxRows()).toBe(1000);
    world.active = tasks;
    addon.sendToCity();
    expect(world.alerts).toEqual([]);
    expect(log.getMaxRows()).toBe(1001);
    expect(log.values[1000]?.[2]).toBe(first[2]);
  });

  it('a copy deleted or put in the trash meanwhile is made anew; the link in the log changes', () => {
    const { world, tasks, addon } = commune([CITY]);
    addon.sendToCity();
    const first = world.properties.get(COPY) as string;
    world.drive.remove(first);
    world.active = tasks;
    addon.sendToCity();
    const second = world.properties.get(COPY) as string;
    expect(second).not.toBe(first);
    (world.drive.files.get(second) as { trashed: boolean }).trashed = true;
    world.active = tasks;
    addon.sendToCity();
    expect(world.properties.get(COPY)).not.toBe(second);
    expect(world.alerts).toEqual([]);
  });

  it('an address Google refuses is reported and retried on the next send; the others are shared', () => {
    const { world, tasks, addon } = commune([CITY, 'ngoai@gmail.com']);
    world.drive.shareFailures.set(
      'ngoai@gmail.com',
      'Sharing outside the domain is not allowed by the administrator',
    );
    addon.sendToCity();
    expect(world.alerts).toEqual([]);
    const html = world.shown.at(-1)?.html ?? '';
    expect(html).toContain('"failed":[{"email":"ngoai@gmail.com"');
    const log = world.sheet('Nhật ký gửi') as FakeSheet;
    expect(log.values[1]?.[4]).toBe('Đã cập nhật; chưa chia sẻ được cho ngoai@gmail.com');
    world.drive.shareFailures.clear();
    world.active = tasks;
    addon.sendToCity();
    expect(world.drive.notifications.map((n) => n.to)).toEqual([CITY, 'ngoai@gmail.com']);
  });

  it('a send that fails after creating the file says so, remembers it, and fills that same file next time', () => {
    const { world, tasks, addon } = commune([CITY]);
    // Fail the Sheets batch update of the first send.
    world.log.calls = [];
    const probe = commune([CITY]);
    probe.addon.sendToCity();
    const k = probe.world.log.calls.indexOf('Sheets.batchUpdate') + 1;
    world.log.failAt = k;
    addon.sendToCity();
    world.log.failAt = null;
    expect(world.alerts.at(-1)).toMatch(
      /^Kế hoạch CĐS: Đã tạo bảng tính gửi thành phố nhưng chưa ghi được số liệu vào đó \(Lỗi giả lập.*\)\. Hãy gửi lại: lần sau sẽ ghi vào chính bảng tính này, đường dẫn không đổi\.$/,
    );
    const id = world.properties.get(COPY) as string;
    expect(copyOf(world).sheets.map((s) => s.name)).toEqual(['Trang tính1']);
    expect(world.drive.notifications).toEqual([]);
    world.active = tasks;
    addon.sendToCity();
    expect(world.properties.get(COPY)).toBe(id);
    expect(copyOf(world).sheets.map((s) => s.name)).toEqual([STATUS_SHEET_NAME]);
    expect(world.drive.notifications.map((n) => n.to)).toEqual([CITY]);
  });

  it('a failure at any service call leaves the task sheet as it was and the city copy old or new, never half', () => {
    const { world: probe, addon: probeAddon } = commune([CITY]);
    probeAddon.sendToCity();
    probe.log.calls = [];
    probeAddon.sendToCity();
    const calls = probe.log.calls.length;
    const copyState = (w: FakeWorld) => {
      const id = w.properties.get(COPY);
      const c = id ? w.drive.books.get(id) : undefined;
      return c ? JSON.stringify(c.sheets.map((s) => [s.name, s.values])) : 'none';
    };
    for (let k = 1; k <= calls; k += 3) {
      const { world, tasks, addon } = commune([CITY]);
      addon.sendToCity();
      const before = { tasks: JSON.stringify(tasks.values), copy: copyState(world) };
      world.drive.now += 86_400_000;
      world.active = tasks;
      world.log.calls = [];
      world.log.failAt = k;
      try {
        addon.sendToCity();
      } catch {
        // The plumbing that would show the message failed; Apps Script reports it.
      }
      world.log.failAt = null;
      expect(JSON.stringify(tasks.values)).toBe(before.tasks);
      const copy = copyState(world);
      const id = world.properties.get(COPY) as string;
      const values = (world.drive.books.get(id)?.sheets[0] as FakeSheet).values;
      // Old numbers or new, never a mix: the copy reads back as a whole report.
      expect(fromRows(values).ok).toBe(true);
      expect(copy === before.copy || JSON.parse(copy)[0][0] === STATUS_SHEET_NAME).toBe(true);
      expect(world.lockHeld).toBe(false);
    }
  });

  it('opens the settings when no address is configured, and creates nothing', () => {
    const { world, addon } = commune([]);
    addon.sendToCity();
    expect(world.shown.at(-1)?.title).toBe('Cài đặt Kế hoạch CĐS');
    expect(world.drive.books.size).toBe(1);
    expect(world.toasts.at(-1)).toContain('Chưa có địa chỉ thư của thành phố');
  });

  it('without the Drive box ticked: a Vietnamese message naming it, the consent asked again, nothing created', () => {
    const world = new FakeWorld(DIST);
    addInput(world, samplePlan(root));
    world.properties.set(
      SETTINGS,
      JSON.stringify({ commune: 'Đại Hải', planYear: null, dueSoonDays: 14, cityEmails: [CITY] }),
    );
    const addon = loadAddon(world, '2026-12-20T09:30:00+07:00', {
      granted: manifestScopes().filter((s) => s !== SCOPE.driveFile),
    });
    addon.sendToCity();
    expect(world.alerts).toEqual([
      'Kế hoạch CĐS: Để gửi bảng trạng thái cho thành phố, tiện ích cần quyền mà bạn chưa cấp. Hãy chạy lại lệnh; khi Google hỏi quyền, đánh dấu ô “Xem, chỉnh sửa, tạo và xóa chỉ những tệp cụ thể trên Google Drive mà bạn dùng với ứng dụng này” rồi bấm “Tiếp tục”.',
    ]);
    expect(world.consentPrompts).toEqual([[SCOPE.driveFile]]);
    expect(world.drive.books.size).toBe(1);
    expect(world.sheets.map((s) => s.name)).toEqual(['Phụ lục']);
  });

  it('a commune never needs the city’s scope: everything works with “Xem tất cả bảng tính” unticked', () => {
    const world = new FakeWorld(DIST);
    const tasks = addInput(world, samplePlan(root));
    world.properties.set(
      SETTINGS,
      JSON.stringify({ commune: 'Đại Hải', planYear: null, dueSoonDays: 14, cityEmails: [CITY] }),
    );
    const addon = loadAddon(world, '2026-12-20T09:30:00+07:00', {
      granted: manifestScopes().filter((s) => s !== SCOPE.spreadsheetsReadonly),
    });
    for (const command of [
      'checkTaskSheet',
      'updateStatusSheet',
      'sendToCity',
      'clearFlags',
      'createTemplate',
    ] as const) {
      world.active = tasks;
      addon[command]();
    }
    addon.showSettings();
    addon.showHelp();
    world.active = tasks;
    addon.addMissingColumns();
    expect(world.alerts).toEqual([]);
    expect(world.consentPrompts).toEqual([]);
  });

  it('on an en_US spreadsheet the “as of” date keeps its day (it is a date value, not text the locale re-reads)', () => {
    const { world, addon } = commune([CITY], 'en_US');
    world.drive.now = Date.parse('2026-11-05T09:30:00+07:00');
    addon.updateStatusSheet();
    const st = world.sheet(STATUS_SHEET_NAME) as FakeSheet;
    expect(st.values.find((r) => r[0] === 'Tính đến:')?.[1]).toEqual(new Date('2026-11-05T09:30:00+07:00'));
    // Texts with digits stay texts; the data row stays readable.
    const read = fromRows(st.values);
    expect(read.ok && read.report.asOf).toBe('2026-11-05');
    expect(st.values.find((r) => r[0] === 'Năm kế hoạch:')?.[1]).toBe(2026);
  });
});

describe('Dates in the spreadsheet’s time zone, not the script’s', () => {
  it('a spreadsheet in Auckland: date cells and “today” are Auckland days', () => {
    const world = new FakeWorld(DIST);
    world.timeZone = 'Pacific/Auckland';
    // Midnight of 20/12 in Auckland is still 19/12 in Hà Nội (the script's zone).
    const due = new Date('2026-12-19T11:00:00Z');
    addInput(world, {
      name: 'S',
      values: [
        ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
        ['I', 'Nhận thức số'],
        ['1', 'Tập huấn', 'UBND xã', due],
      ],
    });
    // 08:00 on 20/12 in Auckland.
    loadAddon(world, '2026-12-19T19:00:00Z').checkTaskSheet();
    expect(world.notes('S', '3:4')).toContain('đến hạn hôm nay (20/12/2026)');
  });
});

// ---- the city's roll-up ------------------------------------------------------------------------

const REPORTS: StatusReport[] = [12, 25, 40].map((n) =>
  statusReportOf(checkSheet(generatedPlan(n), { today: '2026-12-19' }), {
    commune: 'x',
    planName: 'Kế hoạch CĐS 2026',
  }),
);

/** A commune's status spreadsheet, as the add-on's send writes it, shared with the city. */
function communeBook(
  drive: FakeDrive,
  cityUser: string,
  name: string,
  i: number,
  tweak?: (r: StatusReport) => void,
) {
  const book = new FakeWorld(DIST, drive, `xa${i}@cantho.gov.vn`);
  book.name = `${name} – Trạng thái CĐS 2026`;
  const base = structuredClone(REPORTS[i % REPORTS.length] as StatusReport);
  const report: StatusReport = {
    ...base,
    commune: name,
    communeKey: name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/^xa /, ''),
    asOf: '2026-12-19',
    asOfTime: '16:00',
  };
  tweak?.(report);
  const rows = toRows(report).rows.map((r) =>
    r.map((c) => (typeof c === 'object' ? new Date(`${c.date}T${c.time ?? '00:00'}:00+07:00`) : c)),
  ) as Value[][];
  book.addSheet(STATUS_SHEET_NAME, rows);
  drive.share(book.id, cityUser);
  return book;
}

interface City {
  drive: FakeDrive;
  city: FakeWorld;
  addon: AddonFunctions;
  links: string[];
}

function cityOf(
  n: number,
  special: (i: number, drive: FakeDrive, city: string) => { name?: string; link?: string } | undefined = () =>
    undefined,
): City {
  const drive = new FakeDrive();
  const city = new FakeWorld(DIST, drive, 'so.khcn@cantho.gov.vn');
  city.user = 'so.khcn@cantho.gov.vn';
  city.name = 'UBND thành phố';
  const rows: Value[][] = [[...COMMUNE_LIST_HEADER]];
  const links: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `Xã số ${i + 1}`;
    const s = special(i, drive, city.user) ?? {};
    const book = s.link === undefined ? communeBook(drive, city.user, s.name ?? name, i) : null;
    const link = s.link ?? `https://docs.google.com/spreadsheets/d/${book?.id}/edit#gid=0`;
    links.push(link);
    rows.push([s.name ?? name, link]);
  }
  city.addSheet('Danh sách xã', rows);
  return { drive, city, links, addon: loadAddon(city, '2026-12-20T08:00:00+07:00') };
}

/** The roll-up dialog's own driver, with google.script.run simulated side by side. */
function dialog(c: City, sim = new DialogSimulator(c.city)) {
  const server: RollupServer = {
    rollupStartRun: (restart) =>
      sim.call('rollupStartRun', () => c.addon.rollupStartRun(restart) as Served<never>),
    rollupReadChunk: (id, n) =>
      sim.call('rollupReadChunk', () => c.addon.rollupReadChunk(id, n) as Served<never>),
    rollupFinishRun: (id) => sim.call('rollupFinishRun', () => c.addon.rollupFinishRun(id) as Served<never>),
  };
  const seen: { done: number; total: number; secondsLeft: number | null }[] = [];
  const run = (restart = false) =>
    runRollup(
      server,
      { progress: (p) => seen.push(p) },
      {
        ...DEFAULT_OPTIONS,
        restart,
        now: () => sim.now(),
        sleep: (ms) => sim.sleep(ms),
      },
    );
  return { sim, seen, run };
}

const valuesGets = (w: FakeWorld) => w.log.calls.filter((x) => x === 'SheetsValues.get').length;

describe('Tổng hợp các xã', () => {
  it('200 communes in under a minute of wall time, the unreadable ones listed with their reason', async () => {
    const c = cityOf(200, (i, drive, city) => {
      if (i === 7) {
        // Not shared with the city.
        const b = communeBook(drive, 'nobody@x.vn', 'Xã số 8', i);
        drive.files.get(b.id)?.readers.delete(city);
        return { link: `https://docs.google.com/spreadsheets/d/${b.id}/edit` };
      }
      if (i === 13)
        return { link: 'https://docs.google.com/spreadsheets/d/1DeletedSpreadsheetAbCdEfGhIjKlMn/edit' };
      if (i === 55) return { link: 'xin xem tệp đính kèm' };
      if (i === 21) {
        const b = new FakeWorld(DIST, drive, 'xa22@x.vn');
        b.addSheet('Trang tính1', [['Bảng gì đó']]);
        drive.share(b.id, city);
        return { link: `https://docs.google.com/spreadsheets/d/${b.id}/edit` };
      }
      if (i === 34) {
        const b = communeBook(drive, city, 'Xã số 35', i, (r) => (r.asOf = '2026-09-01'));
        return { link: `https://docs.google.com/spreadsheets/d/${b.id}/edit` };
      }
      if (i === 40) {
        const b = communeBook(drive, city, 'Xã số 41', i, (r) => (r.asOf = '2099-12-31'));
        return { link: `https://docs.google.com/spreadsheets/d/${b.id}/edit` };
      }
      if (i === 60) {
        const b = communeBook(drive, city, 'Xã số 61', i, (r) => {
          r.total.total = 4000;
          r.tasks = 4000;
        });
        return { link: `https://docs.google.com/spreadsheets/d/${b.id}/edit` };
      }
    });
    // One commune's sheet was made in an en_US spreadsheet: the same values, read the same.
    const en = c.drive.books.get(/d\/([^/]+)\//.exec(c.links[99] as string)?.[1] as string) as FakeWorld;
    en.locale = 'en_US';
    c.city.drive.clock.longest = 0;
    c.addon.rollupCommunes();
    expect(c.city.shown.at(-1)?.title).toBe('Kế hoạch CĐS: tổng hợp các xã');
    const d = dialog(c);
    const { result, wallMs } = await d.sim.drive(() => d.run());
    expect(result).toEqual({ kind: 'finished', communes: 193, failures: 7 });
    expect(wallMs).toBeLessThanOrEqual(60_000);
    // Every commune with a link was read once, no more.
    expect(valuesGets(c.city)).toBe(199);
    expect(c.drive.clock.longest).toBeLessThan(30_000);
    // Progress reached the page, with a time left once there was a pace.
    expect(d.seen.at(-1)).toMatchObject({ done: 200, total: 200 });
    expect(d.seen.some((p) => p.secondsLeft !== null && p.secondsLeft > 0)).toBe(true);
    // The working sheet stays hidden as the record of what was read; no document property was used.
    expect(c.city.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Danh sách xã', false],
      ['Kế hoạch CĐS – tiến độ tổng hợp', true],
      ['Tổng hợp', false],
    ]);
    expect(c.city.properties.size).toBe(0);
    expect(c.drive.triggers).toEqual([]);

    const sheet = c.city.sheet('Tổng hợp') as FakeSheet;
    expect(sheet.metadata.map((m) => m.key)).toEqual(['keHoachCds.rollupSheet']);
    expect(sheet.charts).toHaveLength(1);
    const v = sheet.values;
    expect(String(v[1]?.[0])).toMatch(/^193 xã đọc được, 7 nguồn không tính/);
    const at = (title: string) => v.findIndex((r) => String(r[0]).startsWith(title));
    const communes = v.slice(at('1.') + 2, at('2.') - 1);
    expect(communes).toHaveLength(193);
    const failures = v.slice(at('4.') + 2).filter((r) => r[0] !== '');
    expect(Object.fromEntries(failures.map((r) => [r[0], r[2]]))).toEqual({
      'Xã số 8': 'thành phố chưa được chia sẻ quyền xem bảng tính này',
      'Xã số 14': 'không tìm thấy bảng tính: đã bị xóa hoặc đường dẫn sai',
      'Xã số 22': 'bảng tính không có trang “Trạng thái theo trụ cột”',
      'Xã số 35': 'số liệu quá cũ: tính đến 01/09/2026 (110 ngày trước)',
      'Xã số 41': 'ngày “Tính đến” 31/12/2099 ở tương lai: số liệu không đáng tin',
      'Xã số 56': 'đường dẫn không phải bảng tính Google Sheets',
      'Xã số 61': 'số liệu không hợp lệ: dòng “Tổng cộng”: các loại cộng lại không bằng tổng số nhiệm vụ',
    });
    // The pillar table adds up to every task of every commune read; the shares are exact.
    const pillars = v.slice(at('2.') + 2, at('3.') - 1);
    const sum = (rows: Value[][], col: number) => rows.reduce((s, r) => s + Number(r[col]), 0);
    expect(sum(pillars, 2)).toBe(sum(communes, 2));
    for (const r of communes) {
      expect(r[9]).toBeCloseTo(Number(r[3]) / Number(r[2]), 4);
      expect(r[10]).toBeCloseTo(Number(r[5]) / Number(r[2]), 4);
    }
    const overdueRates = communes.map((r) => Number(r[10]));
    expect([...overdueRates].sort((a, b) => b - a)).toEqual(overdueRates);
  }, 60_000);

  it('1,000 communes complete with no limit hit', async () => {
    const c = cityOf(1000);
    c.drive.clock.longest = 0;
    const d = dialog(c);
    const { result, wallMs } = await d.sim.drive(() => d.run());
    expect(result).toEqual({ kind: 'finished', communes: 1000, failures: 0 });
    expect(c.drive.clock.longest).toBeLessThan(360_000);
    expect(valuesGets(c.city)).toBe(1000);
    expect(wallMs).toBeLessThan(6 * 60_000);
    expect(c.city.properties.size).toBe(0);
  }, 120_000);

  it('closing the dialog midway loses nothing: “Tiếp tục” reads only what is left', async () => {
    const c = cityOf(60);
    const first = dialog(c);
    // The page is closed after its first chunks: the run stays with what was read.
    await first.sim.drive(async () => {
      const s = await first.sim.call(
        'rollupStartRun',
        () => c.addon.rollupStartRun(false) as Served<{ runId: string }>,
      );
      if (!s.ok) throw new Error(s.error);
      for (let i = 0; i < 3; i++)
        await first.sim.call('rollupReadChunk', () => c.addon.rollupReadChunk(s.value.runId, 4));
    });
    expect(valuesGets(c.city)).toBe(12);
    c.drive.now += 30 * 60_000;
    c.addon.rollupCommunes();
    expect(c.city.shown.at(-1)?.html).toContain('"done":12,');
    const again = dialog(c);
    const { result } = await again.sim.drive(() => again.run(false));
    expect(result).toEqual({ kind: 'finished', communes: 60, failures: 0 });
    expect(valuesGets(c.city)).toBe(60);
  });

  it('two people rolling up at once share one run: each commune read once, “Tổng hợp” written once', async () => {
    const c = cityOf(80);
    const sim = new DialogSimulator(c.city);
    const a = dialog(c, sim);
    const b = dialog(c, sim);
    const { result } = await sim.drive(() => Promise.all([a.run(false), b.run(false)]));
    expect(result.map((r) => r.kind).sort()).toEqual(['finished', 'finished']);
    expect(valuesGets(c.city)).toBe(80);
    expect(c.city.sheets.filter((s) => s.name.startsWith('Tổng hợp'))).toHaveLength(1);
  });

  it('server failures reach the dialog in Vietnamese; a chunk that keeps failing stops the run, “Tiếp tục” finishes it', async () => {
    const c = cityOf(20);
    const d = dialog(c);
    // Every roll-up write of results fails (a service error on Google's side).
    const original = c.addon.rollupReadChunk;
    c.addon.rollupReadChunk = () => ({
      ok: false,
      error:
        'Không thực hiện được lệnh (Service Spreadsheets timed out). Bảng tính không bị thay đổi dở dang; vui lòng thử lại sau ít phút.',
    });
    const { result } = await d.sim.drive(() => d.run());
    expect(result).toMatchObject({ kind: 'stopped', done: 0, total: 20 });
    expect((result as { message: string }).message).toContain('Không thực hiện được lệnh');
    c.addon.rollupReadChunk = original;
    const again = dialog(c);
    const r2 = await again.sim.drive(() => again.run(false));
    expect(r2.result).toEqual({ kind: 'finished', communes: 20, failures: 0 });
  });

  it('a service error inside a step comes back as a Vietnamese message, not an exception', () => {
    const c = cityOf(3);
    const s = c.addon.rollupStartRun(false) as Served<{ runId: string }>;
    expect(s.ok).toBe(true);
    c.city.log.calls = [];
    c.city.log.failAt = 3;
    const r = c.addon.rollupReadChunk(s.ok ? s.value.runId : '', 4) as Served<unknown>;
    c.city.log.failAt = null;
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/^Không thực hiện được lệnh \(Lỗi giả lập/),
    });
  });

  it('creates "Danh sách xã" with its header when it is missing, and says what to do', () => {
    const world = new FakeWorld(DIST);
    world.addSheet('Trang tính1');
    loadAddon(world).rollupCommunes();
    expect(world.sheet('Danh sách xã')?.values[0]).toEqual([...COMMUNE_LIST_HEADER]);
    expect(world.alerts.at(-1)).toContain('Đã tạo trang “Danh sách xã”');
  });

  it('without the “see all spreadsheets” box ticked: a message naming it, no dialog', () => {
    const c = cityOf(2);
    const addon = loadAddon(c.city, '2026-12-20T08:00:00+07:00', {
      granted: manifestScopes().filter((s) => s !== SCOPE.spreadsheetsReadonly),
    });
    addon.rollupCommunes();
    expect(c.city.alerts.at(-1)).toContain('“Xem tất cả bảng tính trên Google Trang tính của bạn”');
    expect(c.city.shown).toEqual([]);
  });

  it('the age limit is the city’s setting: a report 60 days old is refused by default and counted at 90', async () => {
    const old = (drive: FakeDrive, city: string, i: number) => {
      const b = communeBook(drive, city, 'Xã số 2', i, (r) => {
        r.asOf = '2026-10-21';
      });
      return { link: `https://docs.google.com/spreadsheets/d/${b.id}/edit` };
    };
    const roll = async (staleDays?: string) => {
      const c = cityOf(3, (i, drive, city) => (i === 1 ? old(drive, city, i) : undefined));
      if (staleDays !== undefined) {
        const saved = c.addon.saveSettings({
          commune: '',
          planYear: '',
          dueSoonDays: '',
          staleDays,
          cityEmails: '',
        });
        expect(saved).toEqual({ ok: true, errors: [] });
      }
      const d = dialog(c);
      const { result } = await d.sim.drive(() => d.run());
      const v = (c.city.sheet('Tổng hợp') as FakeSheet).values;
      return { result, text: v.map((r) => r.join(' ')).join('\n') };
    };
    const byDefault = await roll();
    expect(byDefault.result).toEqual({ kind: 'finished', communes: 2, failures: 1 });
    expect(byDefault.text).toContain('số liệu quá cũ: tính đến 21/10/2026 (60 ngày trước)');
    expect(byDefault.text).toContain('Số liệu cũ hơn 45 ngày không được tính.');
    const wider = await roll('90');
    expect(wider.result).toEqual({ kind: 'finished', communes: 3, failures: 0 });
    expect(wider.text).toContain('Số liệu cũ hơn 90 ngày không được tính.');
  });

  it('an age limit outside 0–365 is refused in the settings with the range', () => {
    const c = cityOf(1);
    expect(
      c.addon.saveSettings({ commune: '', planYear: '', dueSoonDays: '', staleDays: '400', cityEmails: '' }),
    ).toEqual({ ok: false, errors: ['Số ngày số liệu còn được tính phải là số từ 0 đến 365.'] });
  });

  it('reads what a commune sends (round trip through the add-on’s own send)', async () => {
    const drive = new FakeDrive();
    const { world, addon } = commune([CITY], 'vi_VN', drive);
    addon.sendToCity();
    const link = `https://docs.google.com/spreadsheets/d/${world.properties.get(COPY)}/edit`;
    const city = new FakeWorld(DIST, drive, CITY);
    city.user = CITY;
    city.addSheet('Danh sách xã', [[...COMMUNE_LIST_HEADER], ['Đại Hải', link]]);
    const c = { drive, city, links: [link], addon: loadAddon(city, '2026-12-21T08:00:00+07:00') };
    const d = dialog(c);
    const { result } = await d.sim.drive(() => d.run());
    expect(result).toEqual({ kind: 'finished', communes: 1, failures: 0 });
    const v = (city.sheet('Tổng hợp') as FakeSheet).values;
    const row = v.find((r) => r[0] === 'Đại Hải');
    expect(row?.slice(1, 3)).toEqual(['20/12/2026', 51]);
  });
});
