/** Property-based checks: whatever an officer pastes, the engine answers and its numbers hold. */
import fc from 'fast-check';
import { checkSheet } from '../../src/core/check';
import type { CellValue, MergeRange, SheetInput } from '../../src/core/grid';
import { NoHeaderError } from '../../src/core/plan';
import { columnIndex } from '../../src/core/text';

const WORDS = [
  'STT',
  'TT',
  'Nhiệm vụ',
  'Cơ quan chủ trì',
  'Thời gian hoàn thành',
  'Trạng thái',
  'Cơ quan phối hợp',
  'I',
  'II',
  '1',
  '1.1',
  '2',
  'Nhận thức số',
  'THỂ CHẾ SỐ',
  'Quý IV/2025',
  'Thường xuyên',
  'Trước 15/10/2025',
  'Hoàn thành',
  'Đang thực hiện',
  'Gần xong',
  'UBND xã',
  '-',
  '',
  '   ',
  '=SUM(A1)',
  '<b>x</b>',
  'Tháng 13/2025',
  '31/11/2025',
  '- Quý I/2026\n- Tháng 12/2026',
  'x'.repeat(3000),
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...WORDS).map((w) => w.normalize('NFD')),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: -5, max: 3000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31') }),
  fc.constant(null),
);

const header = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Trạng thái'];

/** A grid with the standard header at a random row, random rows around it, random merges. */
const sheetArb: fc.Arbitrary<SheetInput> = fc
  .record({
    before: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 5 }),
    after: fc.array(fc.array(cell, { minLength: 0, maxLength: 7 }), { maxLength: 40 }),
    merges: fc.array(
      fc.record({
        row: fc.nat(45),
        column: fc.nat(6),
        numRows: fc.integer({ min: 1, max: 4 }),
        numColumns: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ before, after, merges }) => ({
    name: 'S',
    values: [...before, header, ...after],
    merges: merges as MergeRange[],
  }));

function inside(input: SheetInput, row: number | null, column: string | null): boolean {
  if (row === null) return column === null;
  const width = Math.max(...input.values.map((r) => r.length), header.length);
  return row >= 1 && row <= input.values.length && (column === null || columnIndex(column) < width);
}

describe('engine properties', () => {
  it('never throws (except "no header"), points every finding inside the sheet, keeps the pivot sums', () => {
    let withTasks = 0;
    fc.assert(
      fc.property(sheetArb, (input) => {
        let result;
        try {
          result = checkSheet(input, { today: '2025-10-20' });
        } catch (e) {
          // A merge over the header may hide it: then the sheet is refused, cleanly.
          expect(e).toBeInstanceOf(NoHeaderError);
          return;
        }
        for (const f of result.findings) expect(inside(input, f.row, f.column)).toBe(true);
        for (const row of result.pivot) {
          expect(row.done + row.onTrack + row.overdue + row.noDeadline).toBe(row.total);
          expect(row.doneRate).toBeGreaterThanOrEqual(0);
          expect(row.doneRate).toBeLessThanOrEqual(1);
        }
        expect(result.pivot.at(-1)?.total).toBe(result.plan.tasks.length);
        if (result.plan.tasks.length > 0) withTasks++;
        // Same input, same output.
        expect(JSON.stringify(checkSheet(input, { today: '2025-10-20' }))).toBe(JSON.stringify(result));
      }),
      { numRuns: 300, seed: 20251020 },
    );
    // The generator must reach the task reader, not only the "no header" refusal.
    expect(withTasks).toBeGreaterThan(100);
  });

  it('shuffling the order of sections changes no per-pillar count', () => {
    const pillars = ['Nhận thức số', 'Thể chế số', 'Hạ tầng số', 'Chính quyền số', 'Xã hội số'];
    const deadlines = ['Quý IV/2025', 'Thường xuyên', '15/10/2025', '', 'Sớm', '20/10/2025'];
    const statuses = ['', 'Hoàn thành', 'Đang thực hiện'];
    const sectionArb = fc.record({
      pillar: fc.constantFrom(...pillars),
      tasks: fc.array(
        fc.record({
          lead: fc.constantFrom('UBND xã', '', '-'),
          deadline: fc.constantFrom(...deadlines),
          status: fc.constantFrom(...statuses),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    });
    const toSheet = (
      sections: { pillar: string; tasks: { lead: string; deadline: string; status: string }[] }[],
    ): SheetInput => {
      const values: CellValue[][] = [header];
      sections.forEach((s, i) => {
        values.push([String(i + 1), s.pillar, '', '', '']);
        s.tasks.forEach((t, j) =>
          values.push([`${i + 1}.${j + 1}`, `Nhiệm vụ ${j}`, t.lead, t.deadline, t.status]),
        );
      });
      return { name: 'S', values };
    };
    fc.assert(
      fc.property(
        fc
          .array(sectionArb, { minLength: 1, maxLength: 6 })
          .chain((s) =>
            fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length })),
          ),
        ([sections, shuffled]) => {
          const a = checkSheet(toSheet(sections), { today: '2025-10-20' }).pivot;
          const b = checkSheet(toSheet(shuffled), { today: '2025-10-20' }).pivot;
          const byName = (rows: typeof a) => Object.fromEntries(rows.map((r) => [r.pillar, r]));
          expect(byName(b)).toEqual(byName(a));
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it('reads 10,000 rows of long text without trouble', () => {
    const values: CellValue[][] = [header, ['I', 'Nhận thức số']];
    for (let i = 1; i <= 10_000; i++)
      values.push([String(i), 'Nội dung '.repeat(200), 'UBND xã', 'Quý IV/2025', '']);
    const result = checkSheet({ name: 'S', values }, { today: '2025-10-20' });
    expect(result.plan.tasks).toHaveLength(10_000);
    expect(result.pivot[0]?.onTrack).toBe(10_000);
  });
});
