/**
 * Property tests on the seed fixtures: what a page break or an officer adds to a sheet (a repeated
 * header, an un-numbered group row, a continuation row) never changes the tasks that were there.
 */
import fc from 'fast-check';
import type { CellValue, MergeRange, SheetInput } from '../../src/core/grid';
import type { Plan } from '../../src/core/model';
import { parsePlan } from '../../src/core/plan';
import { collapse } from '../../src/core/text';
import { loadSeed, seedFiles, seedInput, type SeedFixture } from '../helpers/fixtures';

const TODAY = '2026-11-22';
const fixtures = seedFiles().map(loadSeed);

/** Inserts rows before 0-based row `at`, moving merges below it down. */
function insertRows(input: SheetInput, at: number, rows: CellValue[][]): SheetInput {
  const values = [...input.values.slice(0, at), ...rows, ...input.values.slice(at)];
  const merges = (input.merges ?? []).map((m): MergeRange =>
    m.row >= at ? { ...m, row: m.row + rows.length } : m,
  );
  return { ...input, values, merges };
}

/** Rows where a new row may go: below the header, never inside a merged block. */
function freePositions(input: SheetInput, plan: Plan): number[] {
  const out: number[] = [];
  for (let p = plan.headerRow; p <= input.values.length; p++) {
    if ((input.merges ?? []).some((m) => m.row < p && p < m.row + m.numRows)) continue;
    out.push(p);
  }
  return out;
}

/** What must not change: the number of tasks, and each task's leads and deadlines. */
function leadsAndDeadlines(plan: Plan) {
  return plan.tasks.map((t) => ({
    stt: t.stt,
    lines: t.lines.map((l) => [l.lead, l.deadline.text, l.deadline.kind, l.deadline.due]),
  }));
}

function blankRow(width: number): CellValue[] {
  return new Array<CellValue>(width).fill('');
}

describe.each(fixtures.map((f) => [f.file, f] as const))('seed %s', (_file, f: SeedFixture) => {
  const input = seedInput(f);
  const plan = parsePlan(input, { today: TODAY });
  const width = Math.max(...input.values.map((r) => r.length));
  const positions = freePositions(input, plan);
  const before = leadsAndDeadlines(plan);
  const at = fc.constantFrom(...positions);

  it('a header repeated anywhere (a page break) changes no task', () => {
    const header = input.values.slice(plan.headerFirstRow - 1, plan.headerRow);
    fc.assert(
      fc.property(at, (p) => {
        const after = parsePlan(insertRows(input, p, header), { today: TODAY });
        expect(leadsAndDeadlines(after)).toEqual(before);
      }),
      { numRuns: 15, seed: 1 },
    );
  });

  it('an un-numbered group row anywhere changes no task’s count, leads or deadlines', () => {
    const title = fc.constantFrom('Nhiệm vụ trọng tâm', 'Các nhiệm vụ thường xuyên', 'Nhiệm vụ năm 2026');
    fc.assert(
      fc.property(at, title, (p, text) => {
        const row = blankRow(width);
        row[plan.columns.task ?? 1] = text;
        const after = parsePlan(insertRows(input, p, [row]), { today: TODAY });
        expect(leadsAndDeadlines(after)).toEqual(before);
      }),
      { numRuns: 15, seed: 2 },
    );
  });

  it('a continuation row adds exactly its line to the task above and leaves the others alone', () => {
    fc.assert(
      fc.property(
        fc.nat(plan.tasks.length - 1),
        fc.constantFrom('', 'Nội dung bổ sung của nhiệm vụ'),
        fc.constantFrom('UBND xã', 'Phòng Văn hóa - Xã hội', 'Công an xã'),
        fc.constantFrom('Quý IV/2026', 'Thường xuyên', '30/09/2026', ''),
        (i, text, lead, deadline) => {
          const task = plan.tasks[i];
          if (!task) return;
          const row = blankRow(width);
          row[plan.columns.task ?? 1] = text;
          row[plan.columns.lead ?? 2] = lead;
          if (plan.columns.deadline !== undefined) row[plan.columns.deadline] = deadline;
          const after = parsePlan(insertRows(input, task.lastRow, [row]), { today: TODAY });
          const expected = before.map((t) => ({ ...t, lines: [...t.lines] }));
          const added = after.tasks[i]?.lines.at(-1);
          expect(added?.row).toBe(task.lastRow + 1);
          expect(added?.lead).toBe(lead);
          expect(added?.deadline.text).toBe(plan.columns.deadline === undefined ? '' : collapse(deadline));
          (expected[i] as (typeof expected)[number]).lines.push([
            lead,
            added?.deadline.text ?? '',
            added?.deadline.kind ?? 'missing',
            added?.deadline.due ?? null,
          ]);
          expect(leadsAndDeadlines(after)).toEqual(expected);
        },
      ),
      { numRuns: 15, seed: 3 },
    );
  });
});
