/** Task tables of national and provincial plans (test/fixtures/public): read exactly per their keys. */
import { checkSheet } from '../../src/core/check';
import { parsePlan } from '../../src/core/plan';
import { toReport } from '../../src/core/report';
import { ReportSchema } from '../../src/core/report-schema';
import { columnLetter } from '../../src/core/text';
import {
  loadPublic,
  publicFiles,
  seedInput,
  seedInputRepeated,
  taskShape,
  type PublicFixture,
} from '../helpers/fixtures';

const TODAY = '2025-11-22';
const fixtures = publicFiles().map(loadPublic);

const PATTERNS = [
  'group-rows',
  'subgroups',
  'blocks',
  'repeated-header',
  'continuation-rows',
  'status-columns',
  'progress-words',
  'column-names',
];

describe('the public fixtures as a set', () => {
  it('cover every structural pattern, each fixture with its source and a note', () => {
    expect(new Set(fixtures.flatMap((f) => f.patterns))).toEqual(new Set(PATTERNS));
    for (const f of fixtures) {
      expect(f.sourceUrl).toMatch(/^https:\/\//);
      expect(f.sourceTitle).not.toBe('');
      expect(f.note).not.toBe('');
      expect(f.patterns.every((p) => PATTERNS.includes(p))).toBe(true);
    }
  });

  it('hold at least 20 task rows each', () => {
    for (const f of fixtures) expect(f.expected.tasks.length).toBeGreaterThanOrEqual(20);
  });
});

describe.each(fixtures.map((f) => [f.file, f] as const))('public %s', (_file, f: PublicFixture) => {
  const plan = parsePlan(seedInput(f), { today: TODAY });

  it('finds the header, the plan year and the standard columns', () => {
    expect(plan.headerRow).toBe(f.expected.headerRow);
    expect(plan.planYear).toBe(f.expected.planYear);
    const letters = Object.fromEntries(Object.entries(plan.columns).map(([k, c]) => [k, columnLetter(c)]));
    expect(letters).toEqual(f.expected.columns);
    expect([...plan.missingColumns].sort()).toEqual([...f.expected.missingColumns].sort());
  });

  it('reads the heading rows, and only those, as headings', () => {
    expect(plan.headings.map((h) => ({ row: h.row, text: h.text }))).toEqual(f.expected.headings);
  });

  it('reads every task with its rows, number, pillar, text, leads and deadlines', () => {
    expect(plan.tasks).toHaveLength(f.expected.tasks.length);
    expect(taskShape(plan)).toEqual(f.expected.tasks.map(({ status: _s, statusLate: _l, ...t }) => t));
  });

  it('gives the same tasks when hidden merge cells repeat the top-left value (.xlsx readers)', () => {
    expect(taskShape(parsePlan(seedInputRepeated(f), { today: TODAY }))).toEqual(taskShape(plan));
  });

  const statusColumn = f.expected.statusColumn;
  if (statusColumn) {
    it('takes the status from the column of progress words, says which, and reads each word', () => {
      expect(columnLetter(plan.columns.status ?? -1)).toBe(statusColumn);
      expect(plan.columnNotes.join(' ')).toContain(`Cột ${statusColumn} `);
      expect(plan.tasks.map((t) => [t.status, t.statusLate])).toEqual(
        f.expected.tasks.map((t) => [t.status, t.statusLate]),
      );
    });
  }

  it('lists the heading rows in the JSON report', () => {
    const report = ReportSchema.parse(toReport(checkSheet(seedInput(f), { today: TODAY })));
    expect(report.headings.map((h) => h.row)).toEqual(f.expected.headings.map((h) => h.row));
    expect(report.headings.every((h) => h.rule !== '')).toBe(true);
  });
});
