import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeadline, yearsMentioned, type DeadlineKind } from '../../src/core/deadline';
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

describe('deadline cells that are not text', () => {
  const c = ctx(2025);
  it('a year typed as a number is the end of that year; other numbers are unreadable', () => {
    expect(parseDeadline(2025, c)).toEqual({ text: '2025', kind: 'date', due: '2025-12-31' });
    expect(parseDeadline(1900, c)).toEqual({ text: '1900', kind: 'date', due: '1900-12-31' });
    expect(parseDeadline(2200, c)).toEqual({ text: '2200', kind: 'date', due: '2200-12-31' });
    expect(parseDeadline(1899, c)).toEqual({ text: '1899', kind: 'unknown', due: null });
    expect(parseDeadline(2201, c)).toEqual({ text: '2201', kind: 'unknown', due: null });
    expect(parseDeadline(2025.5, c)).toEqual({ text: '2025.5', kind: 'unknown', due: null });
    expect(parseDeadline(45961, c)).toEqual({ text: '45961', kind: 'unknown', due: null });
  });

  it('true/false and an invalid date are unreadable; an empty cell is missing', () => {
    expect(parseDeadline(true, c)).toEqual({ text: 'true', kind: 'unknown', due: null });
    expect(parseDeadline(new Date(Number.NaN), c)).toEqual({ text: '', kind: 'unknown', due: null });
    for (const empty of [null, undefined, '', '   ', '\u00a0'])
      expect(parseDeadline(empty, c)).toEqual({ text: '', kind: 'missing', due: null });
  });

  it('a date cell is its day in the sheet’s zone, written day first', () => {
    const lateEvening = new Date('2025-10-30T18:00:00Z'); // 31/10 01:00 in Hà Nội
    expect(parseDeadline(lateEvening, c)).toEqual({ text: '31/10/2025', kind: 'date', due: '2025-10-31' });
    expect(parseDeadline(lateEvening, { planYear: 2025, timeZone: 'UTC' }).due).toBe('2025-10-30');
  });

  it('placeholders say the deadline is missing, as written', () => {
    for (const p of ['-', '—', '...', '?', 'N/A', 'Chưa xác định', ' chưa có '])
      expect(parseDeadline(p, c)).toMatchObject({ kind: 'missing', due: null });
    expect(parseDeadline('N/A', c).text).toBe('N/A');
  });

  it('reads only the start of a very long cell, and its latest date', () => {
    const long = `Trước 30/6/2025 ${'và tiếp tục theo dõi '.repeat(30)} 31/12/2030`;
    expect(long.length).toBeGreaterThan(400);
    expect(parseDeadline(long, c)).toMatchObject({ kind: 'date', due: '2025-06-30' });
    expect(parseDeadline('Trước 30/6/2025, hoàn thành 15/3/2025', c).due).toBe('2025-06-30');
    expect(parseDeadline('15/3/2025 và 30/6/2025', c).due).toBe('2025-06-30');
    expect(parseDeadline('30/6/2025 và 15/3/2025', c).due).toBe('2025-06-30');
  });
});

describe('yearsMentioned', () => {
  it('gives the years a deadline names, for guessing the plan year', () => {
    expect(yearsMentioned('Quý IV/2025 - Quý I/2026')).toEqual([2025, 2026]);
    expect(yearsMentioned('Năm 2125; 1999')).toEqual([2125, 1999]);
    expect(yearsMentioned('Mã 120255, số 42025')).toEqual([]);
    expect(yearsMentioned('Thường xuyên')).toEqual([]);
    expect(yearsMentioned(2025)).toEqual([]);
    expect(yearsMentioned(new Date('2025-12-31T18:00:00Z'))).toEqual([2026]);
    expect(yearsMentioned(new Date('2025-12-31T18:00:00Z'), 'UTC')).toEqual([2025]);
    expect(yearsMentioned(new Date(Number.NaN))).toEqual([]);
  });
});
