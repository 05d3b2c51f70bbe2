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

/** Everything in a spreadsheet that a command may change. */
function snapshot(w: FakeWorld): string {
  return JSON.stringify({
    sheets: w.sheets.map((s: FakeSheet) => ({
      name: s.name,
      hidden: s.hidden,
      values: s.values,
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
