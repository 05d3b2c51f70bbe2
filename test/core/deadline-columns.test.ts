/** Deadline cells and header cells at the edges the grammar and the header reader must hold. */
import { assignColumns } from '../../src/core/columns';
import { parseDeadline, yearsMentioned } from '../../src/core/deadline';
import { parsePlan } from '../../src/core/plan';
import type { CellValue } from '../../src/core/grid';

const ctx = { planYear: 2025, timeZone: 'Asia/Ho_Chi_Minh' };
const kind = (text: string) => parseDeadline(text, ctx).kind;

describe('deadline cells', () => {
  test('placeholders and runs of dashes or dots say no deadline was written', () => {
    for (const t of ['-', '--', '...', '?', 'N/A', 'Chưa có', '( )', '—'])
      expect([t, parseDeadline(t, ctx)]).toEqual([t, { text: t, kind: 'missing', due: null }]);
  });

  test('an impossible month or quarter makes the cell unreadable, even beside a good one', () => {
    expect(kind('Tháng 0/2025')).toBe('unknown');
    expect(kind('Quý I, V/2025')).toBe('unknown');
    expect(kind('31/11/2025 hoặc 15/12/2025')).toBe('unknown');
  });

  test('a dated deadline in a recurring cell wins: the date is what can be missed', () => {
    expect(parseDeadline('Thường xuyên, báo cáo trước 30/6/2025', ctx)).toMatchObject({
      kind: 'date',
      due: '2025-06-30',
    });
  });

  test('the years a date cell names, in Việt Nam’s time zone unless told otherwise', () => {
    const cell = new Date(Date.UTC(2025, 11, 31, 18));
    expect(yearsMentioned(cell)).toEqual([2026]);
    expect(yearsMentioned(cell, 'UTC')).toEqual([2025]);
    expect(yearsMentioned(new Date(Number.NaN))).toEqual([]);
    expect(yearsMentioned('Quý IV/2025 - Quý I/2026')).toEqual([2025, 2026]);
    expect(yearsMentioned(2025)).toEqual([]);
  });
});

describe('header cells', () => {
  test('a header that only begins like a standard one still names its column, when no exact one does', () => {
    expect(assignColumns(['STT', 'Nhiệm vụ', 'Cơ quan chủ trì, đầu mối', 'Thời hạn'])).toEqual({
      stt: 0,
      task: 1,
      lead: 2,
      deadline: 3,
    });
    // An exact header elsewhere wins over a prefix.
    expect(assignColumns(['STT', 'Cơ quan chủ trì, đầu mối', 'Nhiệm vụ', 'Cơ quan chủ trì']).lead).toBe(3);
  });

  test('a two-row header: a note under a header cell does not replace it', () => {
    const values: CellValue[][] = [
      ['KẾ HOẠCH NĂM 2025', '', '', '', '', ''],
      ['STT', 'Nhiệm vụ', 'Đơn vị thực hiện', '', 'Thời hạn', 'Ghi chú'],
      ['', '', 'Chủ trì', 'Phối hợp', '(ngày/tháng)', ''],
      ['1', 'Tập huấn', 'UBND xã', 'Công an xã', '30/11/2025', ''],
    ];
    const plan = parsePlan({ name: 'S', values, merges: [] }, { today: '2025-10-20' });
    expect(plan.columns).toMatchObject({ stt: 0, task: 1, lead: 2, partners: 3, deadline: 4 });
    expect(plan.tasks[0]?.deadline.due).toBe('2025-11-30');
  });
});
