import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeadline, type DeadlineKind } from '../../src/core/deadline';
import { sheetDate } from '../helpers/fixtures';

interface Variant {
  text: string;
  planYear: number;
  kind: DeadlineKind;
  due: string | null;
  source: string;
  why?: string;
}

const variants = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'deadline-variants.json'), 'utf8'),
) as Variant[];
const ctx = (planYear: number) => ({ planYear, timeZone: 'Asia/Ho_Chi_Minh' });

describe('deadline grammar (domain §3)', () => {
  it('has a corpus covering every kind and every seed', () => {
    const kinds = new Set(variants.map((v) => v.kind));
    expect([...kinds].sort()).toEqual(['conditional', 'date', 'missing', 'recurring', 'unknown']);
    for (const seed of ['000', '002', '003', '004'])
      expect(variants.some((v) => v.source === seed)).toBe(true);
    expect(variants.length).toBeGreaterThan(150);
  });

  it.each(variants.map((v) => [JSON.stringify(v.text), v.planYear, v.kind, v.due, v] as const))(
    '%s (plan year %i) → %s %s',
    (_label, planYear, kind, due, v) => {
      const d = parseDeadline(v.text, ctx(planYear));
      expect({ kind: d.kind, due: d.due }).toEqual({ kind, due });
    },
  );

  it('reads date cells as the calendar day in the sheet’s time zone', () => {
    expect(parseDeadline(sheetDate('2025-10-30'), ctx(2025))).toEqual({
      text: '30/10/2025',
      kind: 'date',
      due: '2025-10-30',
    });
    // Midnight in Hà Nội is still the previous day in UTC: the day must not shift.
    expect(parseDeadline(new Date('2025-12-31T17:30:00Z'), ctx(2025)).due).toBe('2026-01-01');
  });

  it('treats a bare year number as the end of that year, other numbers as unknown', () => {
    expect(parseDeadline(2025, ctx(2024))).toMatchObject({ kind: 'date', due: '2025-12-31' });
    expect(parseDeadline(45678, ctx(2024))).toMatchObject({ kind: 'unknown', due: null });
  });

  it('takes the latest date of a multi-line cell, even when written out of order', () => {
    expect(parseDeadline('- Tháng 12/2026\n- Quý I/2026', ctx(2026)).due).toBe('2026-12-31');
  });

  it('keeps the cell text, whitespace collapsed, for messages', () => {
    expect(parseDeadline('  Quý IV/\n2025 ', ctx(2025))).toEqual({
      text: 'Quý IV/ 2025',
      kind: 'date',
      due: '2025-12-31',
    });
  });
});
