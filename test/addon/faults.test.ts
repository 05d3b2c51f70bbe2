/**
 * Every command that writes is all or nothing: for each, the k-th service call is made to fail,
 * for every k, and the spreadsheet must then be as it was before the command or as the command
 * leaves it, never in between; the officer is told, and the lock is free again.
 */
import { FakeWorld, type FakeSheet } from '../fakes/apps-script';
import { addInput, ensureBuilt, loadAddon, DIST, type AddonFunctions } from '../helpers/addon';
import { generatedPlan } from '../../src/tools/bench';
import { COMMUNE_LIST_HEADER } from '../../src/core/rollup-sheet';
import { STATUS_SHEET_NAME, statusReportOf, toRows } from '../../src/core/status-report';
import { checkSheet } from '../../src/core/check';
import { readWordPlan } from '../../src/sheets/client/import-page';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

beforeAll(ensureBuilt, 60_000);

const NOW = '2025-10-20T09:00:00+07:00';

/** A sheet's values as Sheets has them: an empty cell is no cell (trailing empties dropped). */
function cells(values: unknown[][]): unknown[][] {
  const rows = values.map((r) => {
    const row = [...r];
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    return row;
  });
  while (rows.length > 0 && (rows[rows.length - 1] as unknown[]).length === 0) rows.pop();
  return rows;
}

/** Everything in a spreadsheet that a command may change. */
function snapshot(w: FakeWorld): string {
  return JSON.stringify({
    sheets: w.sheets.map((s: FakeSheet) => ({
      name: s.name,
      hidden: s.hidden,
      values: cells(s.values),
      notes: [...s.notes].sort(),
      formats: [...s.formats].sort(),
      validations: [...s.validations].sort(),
      rules: s.rules.map((r) => [r.formula, r.background, r.ranges.map((g) => g.getA1Notation())]),
      merges: s.merges,
      metadata: s.metadata,
      charts: s.charts.length,
      hiddenRows: [...s.hiddenRows],
    })),
    properties: [...w.properties].sort(),
  });
}

/** A task spreadsheet (with a city list, for the city's commands) and the add-on. */
function setup(): { world: FakeWorld; addon: AddonFunctions } {
  const world = new FakeWorld(DIST);
  const tasks = addInput(world, generatedPlan(20));
  const other = new FakeWorld(DIST, world.drive, 'xa@x.vn');
  const report = statusReportOf(checkSheet(generatedPlan(12), { today: '2025-10-19' }), {
    commune: 'Xã A',
    planName: '',
  });
  other.addSheet(
    STATUS_SHEET_NAME,
    toRows(report).rows.map((r) =>
      r.map((c) => (typeof c === 'object' ? new Date(`${c.date}T00:00:00+07:00`) : c)),
    ),
  );
  world.drive.share(other.id, world.user);
  world.addSheet('Danh sách xã', [
    [...COMMUNE_LIST_HEADER],
    ['Xã A', `https://docs.google.com/spreadsheets/d/${other.id}/edit`],
  ]);
  world.active = tasks;
  return { world, addon: loadAddon(world, NOW) };
}

type Step = (w: FakeWorld, a: AddonFunctions) => void;

const runId = (w: FakeWorld) =>
  String(w.sheets.find((s) => s.metadata.some((m) => m.key === 'keHoachCds.rollupRun'))?.values[0]?.[1]);

/** What the import dialog sends for a Word plan (read by the dialog's own code). */
const WORD_PLAN = readWordPlan(
  new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'docx', '002-tinh-long.docx'))),
  '002-tinh-long.docx',
  { today: '2025-10-20', timeZone: 'Asia/Ho_Chi_Minh' },
).payload;

const COMMANDS: [string, Step, Step][] = [
  ['Kiểm tra bảng phân công', () => undefined, (_w, a) => a.checkTaskSheet()],
  [
    'Kiểm tra lại sau khi sửa bảng (cờ cũ thay bằng cờ mới)',
    (w, a) => {
      a.checkTaskSheet();
      const tasks = w.sheets[0] as FakeSheet;
      tasks.putCell(8, 3, 'Công an xã');
      tasks.putCell(4, 7, 'Gần xong');
    },
    (w, a) => ((w.active = w.sheets[0] as FakeSheet), a.checkTaskSheet()),
  ],
  [
    'Xóa đánh dấu',
    (_w, a) => a.checkTaskSheet(),
    (w, a) => ((w.active = w.sheets[0] as FakeSheet), a.clearFlags()),
  ],
  ['Cập nhật bảng trạng thái', () => undefined, (_w, a) => a.updateStatusSheet()],
  [
    'Cập nhật lại bảng trạng thái sau khi sửa bảng',
    (w, a) => {
      a.updateStatusSheet();
      (w.sheets[0] as FakeSheet).putCell(7, 7, 'Hoàn thành');
    },
    (w, a) => ((w.active = w.sheets[0] as FakeSheet), a.updateStatusSheet()),
  ],
  [
    'Kiểm tra ngày hôm sau (lịch sử đã có: cờ và ảnh chụp của ngày, cùng một giao dịch)',
    (w, a) => {
      a.checkTaskSheet();
      w.drive.now += 40 * 86_400_000;
      (w.sheets[0] as FakeSheet).putCell(7, 7, 'Hoàn thành');
    },
    (w, a) => ((w.active = w.sheets[0] as FakeSheet), a.checkTaskSheet()),
  ],
  [
    'Cập nhật bảng trạng thái ngày hôm sau (thay đổi, biểu đồ theo tháng, Theo đơn vị, lịch sử)',
    (w, a) => {
      a.updateStatusSheet();
      w.drive.now += 40 * 86_400_000;
      (w.sheets[0] as FakeSheet).putCell(7, 7, 'Hoàn thành');
    },
    (w, a) => ((w.active = w.sheets[0] as FakeSheet), a.updateStatusSheet()),
  ],
  ['Lập danh sách đơn vị', () => undefined, (_w, a) => a.createUnitList()],
  [
    'Lập danh sách đơn vị khi đã có (thêm tên mới bên dưới)',
    (w, a) => {
      a.createUnitList();
      const tasks = w.sheets[0] as FakeSheet;
      tasks.values.push(['11.1', 'Nhiệm vụ mới', 'Hội Nông dân xã', '', '', 'Quý IV/2025', '']);
    },
    (w, a) => ((w.active = w.sheets[0] as FakeSheet), a.createUnitList()),
  ],
  ['Thêm cột chuẩn còn thiếu', () => undefined, (_w, a) => a.addMissingColumns()],
  ['Tạo bảng mẫu', () => undefined, (_w, a) => a.createTemplate()],
  ['Nhập kế hoạch từ tệp Word', () => undefined, (_w, a) => void a.importPlanRows(WORD_PLAN)],
  ['Thành phố: bắt đầu tổng hợp', () => undefined, (_w, a) => void a.rollupStartRun(false)],
  [
    'Thành phố: ghi trang Tổng hợp',
    (w, a) => {
      a.rollupStartRun(false);
      a.rollupReadChunk(runId(w), 4);
    },
    (w, a) => void a.rollupFinishRun(runId(w)),
  ],
];

describe.each(COMMANDS)(
  '%s: a failure at any service call leaves the spreadsheet before or after, never half',
  (_name, before, command) => {
    it('for every k', () => {
      const probe = setup();
      before(probe.world, probe.addon);
      const start = snapshot(probe.world);
      probe.world.log.calls = [];
      command(probe.world, probe.addon);
      const calls = probe.world.log.calls.length;
      const end = snapshot(probe.world);
      expect(end).not.toBe(start);
      for (let k = 1; k <= calls; k++) {
        const { world, addon } = setup();
        before(world, addon);
        world.log.calls = [];
        world.log.failAt = k;
        try {
          command(world, addon);
        } catch {
          // The plumbing that would show the message failed: Apps Script reports the error itself.
        }
        world.log.failAt = null;
        const state = snapshot(world);
        expect([`${k}: ${state === start ? 'before' : state === end ? 'after' : 'HALF'}`]).not.toContain(
          `${k}: HALF`,
        );
        expect(world.lockHeld).toBe(false);
      }
    });
  },
);

// ---- reminders: e-mails cannot be taken back, so the rule is about the log ---------------------

const REMIND_PLAN = [
  ['KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2025', '', '', ''],
  ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
  ['I', 'Nhận thức số', '', ''],
  ['1', 'Tuyên truyền', 'Phòng Văn hóa - Xã hội', '30/09/2025'],
  ['2', 'Sàn thương mại điện tử', 'Phòng Kinh tế', '31/10/2025'],
  ['3', 'Dịch vụ công trực tuyến', 'Trung tâm Phục vụ hành chính công', '15/09/2025'],
];
const MAILS: Record<string, string> = {
  'Phòng Văn hóa - Xã hội': 'vhxh@anbinh.gov.vn',
  'Phòng Kinh tế': 'kt@anbinh.gov.vn, ld@anbinh.gov.vn',
  'Trung tâm Phục vụ hành chính công': 'hcc@anbinh.gov.vn',
};

function remindSetup(): { world: FakeWorld; addon: AddonFunctions; keys: string[] } {
  const world = new FakeWorld(DIST);
  const tasks = addInput(world, { name: 'Phân công', values: REMIND_PLAN });
  const addon = loadAddon(world, NOW);
  addon.createUnitList();
  const list = world.sheets.find((s) => s.metadata.some((m) => m.key === 'keHoachCds.unitList')) as FakeSheet;
  list.values.forEach((row, i) => {
    const to = MAILS[String(row[0])];
    if (to) list.setCell(i + 1, 3, to);
  });
  world.active = tasks;
  addon.remindUnits();
  const html = world.shown.at(-1)?.html ?? '';
  const data = JSON.parse(/var DATA = (.*);\n/.exec(html)?.[1] ?? '{}') as { units: { key: string }[] };
  return { world, addon, keys: data.units.map((u) => u.key) };
}

/** Units mailed (by the address they were sent to) and units the log calls sent today. */
function mailedAndLogged(w: FakeWorld): { mailed: string[]; logged: string[]; rows: unknown[][] } {
  const log = w.sheets.find((s) => s.metadata.some((m) => m.key === 'keHoachCds.remindLog'));
  const rows = (log?.values ?? []).slice(1).filter((r) => r.some((c) => c !== ''));
  const units = Object.fromEntries(Object.entries(MAILS).map(([u, to]) => [to.replace(/ /g, ''), u]));
  return {
    mailed: w.drive.mails.map((m) => units[m.to] as string),
    logged: rows.filter((r) => /^(Đã gửi|Đang gửi)/.test(String(r[4]))).map((r) => String(r[1])),
    rows,
  };
}

describe('Gửi nhắc việc: a failure at any service call', () => {
  it('leaves every mail that went out in the log, no row half written, and a unit is never mailed twice the same day', () => {
    const probe = remindSetup();
    probe.world.log.calls = [];
    probe.addon.remindSend({ keys: probe.keys, resend: [] });
    const calls = probe.world.log.calls.length;
    expect(mailedAndLogged(probe.world).mailed).toHaveLength(3);
    for (let k = 1; k <= calls; k++) {
      const { world, addon, keys } = remindSetup();
      world.log.calls = [];
      world.log.failAt = k;
      const answer = addon.remindSend({ keys, resend: [] }) as { ok: boolean; error?: string };
      world.log.failAt = null;
      const { mailed, logged, rows } = mailedAndLogged(world);
      // Every mail sent is in the log as sent (or still "Đang gửi", which counts as sent).
      expect([k, mailed.filter((u) => !logged.includes(u))]).toEqual([k, []]);
      // Every row is whole: time, unit, addresses, count, result.
      for (const r of rows) expect([k, r.slice(0, 5).every((c) => c !== '')]).toEqual([k, true]);
      // A failure is told in Vietnamese, never as a raw error.
      if (!answer.ok) expect(answer.error).toMatch(/^(Không thực hiện được lệnh|Đã gửi \d+ thư nhắc việc)/);
      expect(world.lockHeld).toBe(false);
      // Sending again the same day reaches only the units not mailed yet.
      addon.remindSend({ keys, resend: [] });
      const after = mailedAndLogged(world);
      expect([k, new Set(after.mailed).size]).toEqual([k, after.mailed.length]);
      expect([k, after.mailed.length]).toEqual([k, 3]);
    }
  });
});
