/**
 * "Nhập kế hoạch từ tệp Word…" end to end: each Word fixture read by the dialog's own code
 * (readWordPlan from src/sheets/client/import-page.ts, run here in Node), its rows sent to the
 * built add-on's importPlanRows under the fakes, with Sheets' rule that a range must fit the sheet.
 * The new sheet must read back as the answer key's tasks, carry the template's dropdowns, be checked,
 * and leave everything else in the spreadsheet as it was.
 */
import { strToU8, zipSync } from 'fflate';
import { FakeWorld, type FakeSheet } from '../fakes/apps-script';
import { ensureBuilt, loadAddon, userState, DIST } from '../helpers/addon';
import { readWordPlan } from '../../src/sheets/client/import-page';
import type { ImportResult } from '../../src/sheets/import';
import type { Served } from '../../src/sheets/ui';
import { checkSheet } from '../../src/core/check';
import { importDocx } from '../../src/core/docx';
import { OTHER_PILLAR } from '../../src/core/vocabulary';
import type { SheetInput } from '../../src/core/grid';
import { TEMPLATE_HEADER, TEMPLATE_VALIDATIONS, templateColumn } from '../../src/core/template';
import { columnLetter } from '../../src/core/text';
import { docxFixture, docxKeys, docxTaskShape, type DocxKey } from '../helpers/fixtures';

const NOW = '2026-11-22T09:00:00+07:00';
const TODAY = '2026-11-22';
const TZ = 'Asia/Ho_Chi_Minh';
beforeAll(ensureBuilt, 60_000);

const keys = docxKeys();
const fixture = docxFixture;
const read = (name: string) => readWordPlan(fixture(name), name, { today: TODAY, timeZone: TZ });

/** The sheet as the add-on would read it back (0-based merges). */
function readBack(sheet: FakeSheet): SheetInput {
  return {
    name: sheet.name,
    values: sheet.values,
    merges: sheet.merges.map((m) => ({
      row: m.row - 1,
      column: m.col - 1,
      numRows: m.rows,
      numColumns: m.cols,
    })),
  };
}

/** A spreadsheet with a sheet of the officer's own, and the add-on, under Sheets' size rule. */
function setup() {
  const world = new FakeWorld(DIST);
  world.strictDimensions = true;
  const own = world.addSheet('Ghi chép', [
    ['Việc cần làm', 'Hạn'],
    ['Nộp báo cáo', '30/11/2026'],
  ]);
  own.notes.set('1:1', 'ghi chú của tôi');
  world.active = own;
  return { world, own, ownBefore: userState(own), addon: loadAddon(world, NOW) };
}

const send = (addon: ReturnType<typeof loadAddon>, payload: unknown) =>
  addon.importPlanRows(payload) as Served<ImportResult>;

describe.each(keys.flatMap((k) => k.files.map((f) => [f, k] as const)))('%s', (file, key) => {
  it('becomes a new checked sheet: the standard header, the answer key’s tasks, the dropdowns, nothing else touched', () => {
    const { world, own, ownBefore, addon } = setup();
    const plan = read(file);
    const res = send(addon, plan.payload);
    if (!res.ok) throw new Error(res.error);
    expect(res.value).toMatchObject({ sheet: 'Phân công nhiệm vụ', tasks: key.tasks.length });
    expect(world.alerts).toEqual([]);

    const sheet = world.sheet('Phân công nhiệm vụ') as FakeSheet;
    // Besides the new sheet, only the check's hidden history (its first snapshot) was added.
    expect(world.sheets.map((s) => s.name)).toEqual(['Ghi chép', 'Phân công nhiệm vụ', 'Lịch sử kiểm tra']);
    expect(world.sheets.filter((s) => !s.hidden).map((s) => s.name)).toEqual([
      'Ghi chép',
      'Phân công nhiệm vụ',
    ]);
    expect(world.active).toBe(sheet);
    const headerRow = plan.payload.headerRow;
    expect(sheet.values.slice(0, headerRow - 1).map((r) => r[0])).toEqual(key.title);
    expect(sheet.values[headerRow - 1]).toEqual([...TEMPLATE_HEADER]);
    expect(sheet.frozenRows).toBe(headerRow);

    const back = checkSheet(readBack(sheet), { today: TODAY, timeZone: TZ });
    expect(back.plan.headerRow).toBe(headerRow);
    expect(back.plan.planYear).toBe(key.planYear);
    // A task outside any section, after the sections, is written under a section "Khác" (so it is
    // not read as the last section's): the status table counts it as before.
    const outside = (t: DocxKey['tasks'][number]) => ({ ...t, pillar: t.pillar ?? OTHER_PILLAR });
    expect(docxTaskShape(back.plan).map(outside)).toEqual(key.tasks.map(outside));
    const original = checkSheet(importDocx(fixture(file)).sheet, { today: TODAY, timeZone: TZ });
    expect(back.pivot).toEqual(original.pivot);

    const last = sheet.getMaxRows();
    for (const v of TEMPLATE_VALIDATIONS) {
      const col = columnLetter(templateColumn(v.key));
      const validation = sheet.validations.get(`${col}${headerRow + 1}:${col}${last}`);
      expect(validation).toEqual(
        v.kind === 'list'
          ? { kind: 'list', list: [...v.values], allowInvalid: true }
          : { kind: 'date', allowInvalid: false },
      );
    }

    // Checked as "Kiểm tra bảng phân công" does: the sidebar with the new sheet's count.
    const sidebar = world.shown.find((s) => s.kind === 'sidebar');
    expect(sidebar?.html).toContain(`"tasks":${key.tasks.length}`);
    expect(sidebar?.html).toContain('"sheet":"Phân công nhiệm vụ"');
    expect(world.toasts.at(-1)).toMatch(/^Đã kiểm tra bảng phân công: /);

    const note = sheet.notes.get('1:1') ?? '';
    if (key.problems.length > 0) {
      expect(note).toMatch(/^Đoạn chưa đọc được khi nhập từ /);
      for (const p of key.problems) expect(note).toContain(p.text);
    } else expect(note).not.toContain('Đoạn chưa đọc được');

    expect(userState(own)).toBe(ownBefore);
    expect(world.properties.size).toBe(0);
  });
});

describe('Nhập kế hoạch từ tệp Word…', () => {
  it('opens the dialog with the script that reads Word files bundled in it', () => {
    const { world, addon } = setup();
    addon.importWordPlan();
    const dialog = world.shown.find((s) => s.kind === 'dialog');
    expect(dialog?.title).toBe('Nhập kế hoạch từ tệp Word');
    expect(dialog?.html).toContain(`"today":"${TODAY}"`);
    expect(dialog?.html).not.toContain('__IMPORT_CLIENT__');
    expect(dialog?.html).toContain('importPlanRows');
    expect(world.sheets).toHaveLength(1);
  });

  it('takes a free name beside an earlier import, and grows the sheet for a plan of 5,000 tasks', () => {
    const { world, addon } = setup();
    world.addSheet('phân công nhiệm vụ');
    const plan = read('5000-nhiem-vu.docx');
    expect(plan.payload.rows.length).toBeGreaterThan(5000);
    const res = send(addon, plan.payload);
    if (!res.ok) throw new Error(res.error);
    expect(res.value).toMatchObject({ sheet: 'Phân công nhiệm vụ (2)', tasks: 5000 });
    const sheet = world.sheet('Phân công nhiệm vụ (2)') as FakeSheet;
    expect(sheet.getMaxRows()).toBeGreaterThanOrEqual(plan.payload.rows.length);
    // One write of the 5,000 tasks; the other is the check's snapshot in the history.
    expect(world.log.calls.filter((c) => c === 'Range.setValues')).toHaveLength(2);
    expect(world.drive.clock.longest).toBeLessThan(360_000);
  });

  it('writes every cell as the text it was: no formula, no number, no date made of a task', () => {
    const { world, addon } = setup();
    const plan = read('003-mo-cay.docx');
    const rows = plan.payload.rows.map((r) => [...r]);
    const first = plan.payload.headerRow; // 0-based index of the first row after the header
    rows[first + 1] = [
      '1',
      '=IMPORTXML("http://x","//a")',
      '+84 123',
      '1/2',
      '',
      '10/10/2026',
      '',
      '',
      '',
      'TRUE',
    ];
    const res = send(addon, { ...plan.payload, rows });
    if (!res.ok) throw new Error(res.error);
    const sheet = world.sheet('Phân công nhiệm vụ') as FakeSheet;
    expect(sheet.formulas.size).toBe(0);
    expect(sheet.values[first + 1]).toEqual(rows[first + 1]);
  });

  it.each([
    ['not an object', 'rows'],
    [
      'numbers instead of text',
      { fileName: 'a.docx', headerRow: 1, problems: [], rows: [[...TEMPLATE_HEADER], [1, 2]] },
    ],
    [
      'a header that is not the standard one',
      { fileName: 'a.docx', headerRow: 1, problems: [], rows: [['STT'], ['1']] },
    ],
    [
      'more columns than the standard sheet',
      {
        fileName: 'a.docx',
        headerRow: 1,
        problems: [],
        rows: [[...TEMPLATE_HEADER], new Array(11).fill('x')],
      },
    ],
    [
      'more rows than any plan',
      {
        fileName: 'a.docx',
        headerRow: 1,
        problems: [],
        rows: [[...TEMPLATE_HEADER], ...new Array(20_001).fill(['1', 'x'])],
      },
    ],
    [
      'a cell longer than a sheet takes',
      {
        fileName: 'a.docx',
        headerRow: 1,
        problems: [],
        rows: [[...TEMPLATE_HEADER], ['1', 'x'.repeat(50_001)]],
      },
    ],
  ])('refuses %s, writes nothing and says so in Vietnamese', (_what, payload) => {
    const { world, addon } = setup();
    const before = world.sheets.map((s) => userState(s));
    const res = send(addon, payload);
    expect(res).toEqual({
      ok: false,
      error:
        'Dữ liệu gửi từ cửa sổ nhập không đúng mẫu bảng phân công, nên không ghi gì vào bảng tính. Hãy đóng cửa sổ, mở lại “Nhập kế hoạch từ tệp Word…” và chọn lại tệp.',
    });
    expect(world.sheets.map((s) => userState(s))).toEqual(before);
    expect(world.lockHeld).toBe(false);
  });

  it('says what a file is when it is not a Word plan, in the dialog, before anything is sent', () => {
    expect(() =>
      readWordPlan(new Uint8Array(Buffer.from('%PDF-1.4\n')), 'ke-hoach.pdf', { today: TODAY, timeZone: TZ }),
    ).toThrow(/PDF/);
    expect(() =>
      readWordPlan(new Uint8Array(Buffer.from('STT,Nhiệm vụ\n1,a\n')), 'bang.csv', {
        today: TODAY,
        timeZone: TZ,
      }),
    ).toThrow(/là bảng tính, không phải văn bản Word/);
    expect(() =>
      readWordPlan(zipSync({ 'a.txt': strToU8('x') }), 'ke-hoach.docx', { today: TODAY, timeZone: TZ }),
    ).toThrow(/tệp nén ZIP/);
  });
});
