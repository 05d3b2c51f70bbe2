/**
 * Status by lead unit on the five seed fixtures. The expected groups (unit, written variants,
 * task count) were counted by hand from each fixture's lead lines; none has a status column, so
 * no task is done and a task is overdue when one of its lines has a due date before TODAY.
 */
import { checkSheet } from '../../src/core/check';
import { daysBetween } from '../../src/core/dates';
import {
  byLeadUnit,
  leadUnitsOf,
  NO_LEAD_UNIT,
  SHARED_LEAD_UNIT,
  type UnitTaskInput,
} from '../../src/core/units';
import { loadSeed, seedFiles, seedInput, type SeedFixture } from '../helpers/fixtures';

const TODAY = '2026-11-22';
const fixtures = new Map(seedFiles().map((f) => [f.slice(0, 3), loadSeed(f)] as const));

function inputs(f: SeedFixture): UnitTaskInput[] {
  const result = checkSheet(seedInput(f), { today: TODAY });
  return result.plan.tasks.map((task, i) => {
    const a = result.assessments[i];
    if (!a) throw new Error(`no assessment for task ${i}`);
    const past = task.lines
      .map((l) => l.deadline.due)
      .filter((d): d is string => d !== null && d < TODAY)
      .sort();
    const overdueDays = a.state === 'overdue' && past[0] ? daysBetween(past[0], TODAY) : null;
    return { leads: task.lines.map((l) => l.lead), state: a.state, dueSoon: a.dueSoon, overdueDays };
  });
}

function rowsOf(code: string) {
  const f = fixtures.get(code);
  if (!f) throw new Error(`no seed ${code}`);
  const tasks = inputs(f);
  return { f, tasks, rows: byLeadUnit(tasks, undefined, { commune: f.commune }) };
}

/** [unit, variants (most frequent first), total]: counted by hand. */
type Expected = [string, string[], number][];

const EXPECTED: Record<string, Expected> = {
  '000': [
    [
      'VP HĐND- UBND xã',
      ['VP HĐND- UBND xã', 'VP HĐND - UBND xã', 'VP HĐND UBND xã', 'VP HĐND – UBND xã'],
      17,
    ],
    ['Trung tâm Văn hóa – HTCĐ xã', ['Trung tâm Văn hóa – HTCĐ xã', 'Trung tâm Văn hóa - HTCĐ xã'], 8],
    ['Bộ phận 1 cửa xã', ['Bộ phận 1 cửa xã'], 3],
    ['Cán bộ Nội vụ', ['Cán bộ Nội vụ'], 1],
    ['Cán bộ phụ trách lĩnh vực nông nghiệp', ['Cán bộ phụ trách lĩnh vực nông nghiệp'], 1],
    [
      'Ban Biên tập Cổng thông tin điện tử xã',
      ['Ban Biên tập Cổng thông tin điện tử xã', 'Ban Biên tập Cổng/ Trang TTĐT xã'],
      2,
    ],
    [
      'Cán bộ phụ trách Lao động, Thương binh và Xã hội',
      ['Cán bộ phụ trách Lao động, Thương binh và Xã hội'],
      2,
    ],
    ['Ban Tài chính xã', ['Ban Tài chính xã'], 1],
    ['Bưu điện Long Xuyên', ['Bưu điện Long Xuyên'], 1],
    ['Cán bộ phụ trách Giáo dục và Đào tạo', ['Cán bộ phụ trách Giáo dục và Đào tạo'], 1],
    ['Công an xã', ['Công an xã'], 1],
    ['UBND xã', ['UBND xã'], 1],
  ],
  '001': [
    ['Phòng Văn hóa và Thông tin', ['Phòng Văn hóa và Thông tin'], 4],
    ['Phòng Kinh tế', ['Phòng Kinh tế'], 2],
    ['HTX nông nghiệp Mỹ Hòa Hưng', ['HTX nông nghiệp Mỹ Hòa Hưng'], 1],
    ['UBND xã Mỹ Hòa Hưng', ['UBND xã Mỹ Hòa Hưng'], 1],
  ],
  '002': [
    ['Bộ phận Văn hóa', ['Bộ phận Văn hóa', 'Bộ phận Văn hoá'], 14],
    ['bộ phận Văn phòng', ['bộ phận Văn phòng', 'Bộ phận Văn phòng', 'Văn phòng'], 10],
    ['bộ phận Văn hóa-Xã hội', ['Văn hóa-Xã hội', 'bộ phận Văn hóa-Xã hội'], 2],
    ['Công an xã', ['Công an xã'], 2],
    ['Công an thành phố', ['Công an thành phố'], 1],
    [SHARED_LEAD_UNIT, ['Các cơ quan, đơn vị, bộ phận thuộc UBND xã'], 1],
  ],
  '003': [
    ['Văn phòng HĐND&UBND', ['Văn phòng HĐND&UBND'], 6],
    ['Phòng Kinh tế', ['Phòng Kinh tế'], 5],
    ['Phòng VH-XH', ['Phòng VH-XH', 'Phòng VHXH', 'PhòngVH-XH', 'Phòng VH&XH'], 5],
    ['Trung tâm phục vụ HCC', ['Trung tâm phục vụ HCC', 'TT phục vụ HCC', 'Trung tâm PVHCC'], 5],
    ['UBND xã', ['UBND xã'], 3],
    ['Đoàn TN', ['Đoàn TN', 'Đoàn TNCSHCM xã'], 3],
    ['Tổ CNSCĐ', ['Tổ CNSCĐ'], 2],
    ['Các thôn', ['Các thôn'], 1],
    ['Công an xã', ['Công an xã'], 1],
    ['Trạm Y tế xã', ['Trạm Y tế xã'], 1],
    ['TT cung cứng Dịch vụ công', ['TT cung cứng Dịch vụ công'], 1],
    [
      'Tổ Ứng cứu công nghệ và nghiệp vụ hỗ trợ giải quyết TTHC',
      ['Tổ Ứng cứu công nghệ và nghiệp vụ hỗ trợ giải quyết TTHC'],
      1,
    ],
    [SHARED_LEAD_UNIT, ['Các phòng, ban, ngành, cơ quan, đơn vị xã', 'Theo KH của tỉnh'], 2],
  ],
  '004': [
    [
      'Trung tâm Phục vụ hành chính công',
      ['Trung tâm Phục vụ hành chính công', 'Trung tâm Phục vụ hành chính công xã'],
      12,
    ],
    ['Phòng Kinh tế', ['Phòng Kinh tế'], 5],
    [
      'Phòng Văn hoá - Xã hội',
      ['Phòng Văn hoá - Xã hội', 'Phòng Văn hóa - Xã hội', 'Phòng Văn hóa – Xã hội'],
      21,
    ],
    ['Văn phòng HĐND - UBND', ['Văn phòng HĐND - UBND', 'Văn phòng HĐND-UBND xã'], 6],
    ['Công an xã', ['Công an xã'], 3],
    ['Các trường học thuộc UBND trên địa bàn', ['Các trường học thuộc UBND trên địa bàn'], 2],
    ['Các trường phổ thông trên địa bàn', ['Các trường phổ thông trên địa bàn'], 2],
    ['Trạm y tế', ['Trạm y tế'], 1],
    ['Xã đoàn', ['Xã đoàn'], 1],
  ],
};

describe.each(Object.keys(EXPECTED))('seed %s by lead unit', (code) => {
  const { tasks, rows } = rowsOf(code);
  const expected = EXPECTED[code] as Expected;

  it('finds the units, their written variants and task counts counted by hand', () => {
    const actual = rows.map((r) => [r.unit, r.variants, r.total]);
    // Order is checked separately for 000 and 004; here as sets.
    const byUnit = (list: unknown[][]) => [...list].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byUnit(actual)).toEqual(byUnit(expected));
  });

  it('counts every task: once per unit named, or in the shared or missing row', () => {
    const perTask = tasks.map((t) => Math.max(1, leadUnitsOf(t.leads).length));
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(perTask.reduce((a, b) => a + b, 0));
    expect(rows.some((r) => r.unit === NO_LEAD_UNIT)).toBe(false);
    for (const r of rows) expect(r.done + r.onTrack + r.overdue + r.noDeadline).toBe(r.total);
  });
});

describe('seed facts by lead unit, counted by hand', () => {
  it('Mỹ Hòa Hưng 2024: order by overdue, then total, then name; oldest overdue 691 days', () => {
    const { rows } = rowsOf('000');
    expect(rows.map((r) => [r.unit, r.overdue, r.noDeadline])).toEqual([
      ['VP HĐND- UBND xã', 9, 8],
      ['Trung tâm Văn hóa – HTCĐ xã', 2, 6],
      ['Bộ phận 1 cửa xã', 1, 2],
      ['Cán bộ Nội vụ', 1, 0],
      ['Cán bộ phụ trách lĩnh vực nông nghiệp', 1, 0],
      ['Ban Biên tập Cổng thông tin điện tử xã', 0, 2],
      ['Cán bộ phụ trách Lao động, Thương binh và Xã hội', 0, 2],
      ['Ban Tài chính xã', 0, 1],
      ['Bưu điện Long Xuyên', 0, 1],
      ['Cán bộ phụ trách Giáo dục và Đào tạo', 0, 1],
      ['Công an xã', 0, 1],
      ['UBND xã', 0, 1],
    ]);
    // Due 31/12/2024, judged on 22/11/2026: 365 + 326 days.
    expect(rows[0]?.oldestOverdueDays).toBe(691);
    expect(rows[1]?.oldestOverdueDays).toBe(691);
  });

  it('Đại Hải 2026: the centre and Phòng Kinh tế lead on overdue; nothing due within 14 days', () => {
    const { rows } = rowsOf('004');
    expect(rows.map((r) => [r.unit, r.overdue, r.onTrack, r.noDeadline, r.oldestOverdueDays])).toEqual([
      // overdue 34, 35 (31/03/2026); on track 8, 45; no deadline 24, 26–31, 36
      ['Trung tâm Phục vụ hành chính công', 2, 2, 8, 236],
      // overdue 40, 41 (30/06/2026); no deadline 37–39
      ['Phòng Kinh tế', 2, 0, 3, 145],
      // overdue 9; on track 1, 3, 4, 5, 7, 10, 11, 20, 42, 44; no deadline 2, 6, 14, 15, 25, 26, 33, 47, 48, 51
      ['Phòng Văn hoá - Xã hội', 1, 10, 10, 236],
      ['Văn phòng HĐND - UBND', 0, 1, 5, null],
      ['Công an xã', 0, 2, 1, null],
      ['Các trường học thuộc UBND trên địa bàn', 0, 0, 2, null],
      ['Các trường phổ thông trên địa bàn', 0, 0, 2, null],
      ['Trạm y tế', 0, 1, 0, null],
      ['Xã đoàn', 0, 0, 1, null],
    ]);
    expect(rows.every((r) => r.dueSoon === 0)).toBe(true);
  });

  it('Mỹ Hòa Hưng projects: the commune’s own name joins "UBND xã Mỹ Hòa Hưng" to "UBND xã"', () => {
    const { f, tasks } = rowsOf('001');
    const withName = byLeadUnit(
      [...tasks, { leads: ['UBND xã'], state: 'no-deadline', dueSoon: false, overdueDays: null }],
      undefined,
      {
        commune: f.commune,
      },
    );
    expect(withName.find((r) => r.variants.includes('UBND xã'))?.variants).toEqual([
      'UBND xã Mỹ Hòa Hưng',
      'UBND xã',
    ]);
    const without = byLeadUnit([
      ...tasks,
      { leads: ['UBND xã'], state: 'no-deadline', dueSoon: false, overdueDays: null },
    ]);
    expect(without.find((r) => r.variants.includes('UBND xã'))?.variants).toEqual(['UBND xã']);
  });
});
