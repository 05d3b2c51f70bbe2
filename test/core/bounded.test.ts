/**
 * Text a hostile or broken file puts in a cell costs time in proportion to its length, never more:
 * every grammar and matcher of the core is run on long adversarial cells.
 */
import fc from 'fast-check';
import { parseDeadline } from '../../src/core/deadline';
import { fold, foldKey, collapse } from '../../src/core/text';
import { matchHeader } from '../../src/core/columns';
import { matchPillar, stripNumbering } from '../../src/core/pillars';
import { isMissingLead, parseStatus } from '../../src/core/status-words';
import { communeFromTitle, planNameFromTitle, yearFromTitle } from '../../src/core/title';
import { checkSheet } from '../../src/core/check';
import { sheet } from '../helpers/grid';

const ctx = { planYear: 2025, timeZone: 'Asia/Ho_Chi_Minh' };
const everything = (s: string) => {
  parseDeadline(s, ctx);
  fold(s);
  foldKey(s);
  collapse(s);
  matchHeader(s);
  matchPillar(s);
  stripNumbering(s);
  isMissingLead(s);
  parseStatus(s);
  yearFromTitle([s]);
  communeFromTitle([s]);
  planNameFromTitle([s]);
};

function ms(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

describe('bounded time on long cells', () => {
  const N = 300_000;
  const cases: [string, string][] = [
    ['digits', '1'.repeat(N)],
    ['digits and spaces', '1 '.repeat(N / 2)],
    ['slashes', '1/'.repeat(N / 2)],
    ['dots then a letter', `${'.'.repeat(N)}a`],
    ['punctuation runs', `${';,. '.repeat(N / 4)}x`],
    ['quarters', 'quý I, '.repeat(N / 7)],
    ['months', 'tháng 1 '.repeat(N / 8)],
    ['years', '2025 '.repeat(N / 5)],
    ['frequencies', '1 lần/'.repeat(N / 6)],
    ['title words', 'xã Kế hoạch số 1 '.repeat(N / 17)],
    ['invisible', '\u200b'.repeat(N)],
  ];
  it.each(cases)('%s: every matcher reads a 300,000-character cell in well under a second', (_name, cell) => {
    expect(ms(() => everything(cell))).toBeLessThan(1000);
  });

  it('a 300,000-digit deadline costs no more than a 3,000-digit one, give or take', () => {
    const small = ms(() => parseDeadline('9'.repeat(3_000), ctx));
    const big = ms(() => parseDeadline('9'.repeat(300_000), ctx));
    // Linear: 100× the text may not cost 1,000× the time (it was quadratic: 10,000×).
    expect(big).toBeLessThan(Math.max(small, 1) * 1000);
  });

  it('random long cells never take long, whatever they hold', () => {
    const alphabet = fc.constantFrom(...'0123456789 /.-,;:()quýthángnămxãTtQIV\n\u200b'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1000, maxLength: 20_000 }), (chars) => {
        const s = chars.join('');
        return ms(() => everything(s)) < 500;
      }),
      { numRuns: 40 },
    );
  });

  it('a whole sheet of long cells is checked in bounded time', () => {
    const long = 'Thường xuyên 1/1/2025 '.repeat(5_000);
    const rows = Array.from({ length: 20 }, (_, i) => [String(i + 1), long, long, long, long]);
    expect(
      ms(() => checkSheet(sheet([['I', 'Nhận thức số'], ...rows]), { today: '2025-10-20' })),
    ).toBeLessThan(5000);
  });
});
