/** Characters that show nothing never change what a header, a lead or a deadline means. */
import { checkSheet } from '../../src/core/check';
import { columnLetter } from '../../src/core/text';
import { sheet } from '../helpers/grid';

const opts = { today: '2025-10-20' };
const section = ['I', 'Nhận thức số'];

describe('invisible characters', () => {
  it('a header cell with direction marks, a word joiner or a zero-width space inside is still recognised', () => {
    const header = [
      '\u200eSTT\u200f',
      'Nhiệm vụ\u2060',
      'Cơ quan\u200b chủ trì',
      'Cơ quan phối hợp\ufeff',
      '\u00adThời gian hoàn thành',
      'Trạng thái',
    ];
    const result = checkSheet(
      sheet([section, ['1', 'Tập huấn', 'UBND xã', '', 'Quý IV/2025']], header),
      opts,
    );
    const letters = Object.fromEntries(
      Object.entries(result.plan.columns).map(([k, c]) => [k, columnLetter(c)]),
    );
    expect(letters).toMatchObject({
      stt: 'A',
      task: 'B',
      lead: 'C',
      partners: 'D',
      deadline: 'E',
      status: 'F',
    });
    expect(result.plan.missingColumns).toEqual([]);
    expect(result.plan.tasks[0]?.lines[0]?.lead).toBe('UBND xã');
  });

  it.each([
    ['zero-width space', '\u200b'],
    ['word joiner', '\u2060'],
    ['left-to-right mark', '\u200e'],
    ['soft hyphen', '\u00ad'],
    ['Hangul filler', '\u3164'],
    ['zero-width space and a dash', '\u200b-\u200b'],
    ['several of them', '\u200b\u2060\u200e\u00ad\u3164'],
  ])('a lead made only of a %s is a missing lead', (_name, lead) => {
    const result = checkSheet(sheet([section, ['1', 'Tập huấn', lead, '', 'Thường xuyên']]), opts);
    expect(result.findings.map((f) => [f.code, f.row, f.column])).toContainEqual(['missing-lead', 4, 'C']);
    expect(result.pivot.at(-1)?.missingLead).toBe(1);
  });

  it('a deadline with a zero-width space inside still reads as its date', () => {
    const result = checkSheet(sheet([section, ['1', 'Tập huấn', 'UBND xã', '', 'Quý\u200b IV/2025']]), opts);
    expect(result.plan.tasks[0]?.deadline).toMatchObject({ kind: 'date', due: '2025-12-31' });
  });
});
