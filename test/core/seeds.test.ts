import { parsePlan } from '../../src/core/plan';
import { columnLetter } from '../../src/core/text';
import {
  loadSeed,
  seedFiles,
  seedInput,
  seedInputRepeated,
  taskShape,
  type SeedFixture,
} from '../helpers/fixtures';

const TODAY = '2026-11-22';
const fixtures = seedFiles().map(loadSeed);

describe.each(fixtures.map((f) => [f.file, f] as const))('seed %s', (_file, f: SeedFixture) => {
  const plan = parsePlan(seedInput(f), { today: TODAY });

  it('finds the header, the plan year and the standard columns', () => {
    expect(plan.headerRow).toBe(f.expected.headerRow);
    expect(plan.planYear).toBe(f.expected.planYear);
    const letters = Object.fromEntries(Object.entries(plan.columns).map(([k, c]) => [k, columnLetter(c)]));
    expect(letters).toEqual(f.expected.columns);
    expect([...plan.missingColumns].sort()).toEqual([...f.expected.missingColumns].sort());
  });

  it('reads every task with its rows, number, pillar, text, leads and deadlines', () => {
    expect(plan.tasks).toHaveLength(f.expected.tasks.length);
    expect(taskShape(plan)).toEqual(f.expected.tasks);
  });

  it('gives the same tasks when hidden merge cells repeat the top-left value (.xlsx readers)', () => {
    const repeated = parsePlan(seedInputRepeated(f), { today: TODAY });
    expect(taskShape(repeated)).toEqual(taskShape(plan));
  });

  it('gives the same tasks when the text is in decomposed (NFD) Unicode', () => {
    const input = seedInput(f);
    input.values = input.values.map((r) => r.map((v) => (typeof v === 'string' ? v.normalize('NFD') : v)));
    const nfd = parsePlan(input, { today: TODAY });
    expect(nfd.tasks.map((t) => [t.row, t.stt, t.pillar, t.task, t.deadline.due])).toEqual(
      plan.tasks.map((t) => [t.row, t.stt, t.pillar, t.task, t.deadline.due]),
    );
  });

  it('gives every task the deadline of its last-due line', () => {
    f.expected.tasks.forEach((e, i) => {
      const dues = e.lines.map((l) => l.due).filter((d): d is string => d !== null);
      const latest = dues.length ? dues.sort().at(-1) : null;
      expect(plan.tasks[i]?.deadline.due ?? null).toBe(latest);
    });
  });
});

describe('seed-specific facts', () => {
  const byFile = (name: string) => fixtures.find((f) => f.file.startsWith(name)) as SeedFixture;

  it('Mỹ Hòa Hưng 2024: 35 tasks under nine pillars, multi-line tasks kept whole', () => {
    const plan = parsePlan(seedInput(byFile('000')), { today: TODAY });
    expect(plan.tasks).toHaveLength(35);
    expect(plan.sections.map((s) => s.name)).toEqual([
      'Nhận thức số',
      'Thể chế số',
      'Hạ tầng số',
      'Nhân lực số',
      'An toàn thông tin mạng',
      'Chính quyền số',
      'Kinh tế số',
      'Xã hội số',
      'Đô thị thông minh',
    ]);
    // "Hoạt động chính quyền số" is a variant of the canonical pillar.
    expect(plan.sections[5]?.text).toBe('Hoạt động chính quyền số');
    expect(Math.max(...plan.tasks.map((t) => t.lines.length))).toBe(6);
    // Numbering restarts in each section.
    expect(plan.tasks.filter((t) => t.stt === '1')).toHaveLength(9);
  });

  it('Mỏ Cày 2025: the empty deadline of 4.2 and the top-level item 9 outside any section', () => {
    const plan = parsePlan(seedInput(byFile('003')), { today: TODAY });
    const t42 = plan.tasks.find((t) => t.stt === '4.2');
    expect(t42?.deadline.kind).toBe('missing');
    expect(t42?.lines[0]?.lead).toBe('Theo KH của tỉnh');
    expect(plan.tasks.filter((t) => t.stt === '8.4')).toHaveLength(2);
    expect(plan.tasks.at(-1)).toMatchObject({ stt: '9', pillar: null });
    // "Ngày 10/10" takes the plan year from "… ngày 08/10/2025" in the title.
    expect(plan.tasks.find((t) => t.stt === '1.2')?.deadline.due).toBe('2025-10-10');
  });

  it('Đại Hải 2026: numbering runs through, a section that names no pillar keeps its text', () => {
    const plan = parsePlan(seedInput(byFile('004')), { today: TODAY });
    expect(plan.tasks.map((t) => t.stt)).toEqual(Array.from({ length: 51 }, (_, i) => String(i + 1)));
    expect(plan.sections[0]?.name).toMatch(/^Tăng cường công tác lãnh đạo, chỉ đạo, điều hành/);
    expect(plan.sections[2]?.name).toBe('Thể chế số');
    expect(plan.tasks.find((t) => t.stt === '40')?.deadline.due).toBe('2026-06-30');
  });

  it('Mỹ Hòa Hưng projects: a table without a deadline column is reported, not guessed', () => {
    const plan = parsePlan(seedInput(byFile('001')), { today: TODAY });
    expect(plan.missingColumns).toContain('deadline');
    expect(plan.tasks.every((t) => t.deadline.kind === 'missing')).toBe(true);
  });
});
