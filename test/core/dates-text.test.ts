/**
 * Days written as text in a cell, exactly: a whole cell that is a day (with or without a time,
 * however a program wrote it) is read; a day inside other words is not (the deadline grammar
 * reads those); and the fallback clock where the runtime knows no time zones.
 */
import { dayFromText, isIsoDay, isoDay, timeInZone } from '../../src/core/dates';

describe('dayFromText', () => {
  it('reads a day-first date with a time after any spacing', () => {
    expect(dayFromText('30/10/2025  08:30')).toBe('2025-10-30');
    expect(dayFromText('30/10/2025\t08:30:15')).toBe('2025-10-30');
  });

  it('reads an ISO date with the times programs write: seconds, fractions, zone, or none of them', () => {
    for (const text of [
      '2025-10-30',
      '2025-10-30 08:30',
      '2025-10-30T08:30:15',
      '2025-10-30T08:30:15.5',
      '2025-10-30T08:30:15.123Z',
      '2025-10-30T08:30Z',
      '2025-10-30T08:30:15+07:00',
      '2025-10-30T08:30:15+0700',
    ])
      expect([text, dayFromText(text)]).toEqual([text, '2025-10-30']);
  });

  it('does not take a day out of other words, nor a date followed by more text', () => {
    for (const text of [
      'Trước 30/10/2025',
      'Trước ngày 2025-10-30',
      '30/10/2025 và 15/11/2025',
      '2025-10-30 đến 2025-11-15',
      '2025-10-30T08:30:15.x',
      '2025-10-30T08:30:15+07',
    ])
      expect([text, dayFromText(text)]).toEqual([text, null]);
  });
});

describe('isIsoDay', () => {
  it('accepts only a whole ISO day', () => {
    expect(isIsoDay('2025-10-31')).toBe(true);
    expect(isIsoDay('2025-10-31 08:00')).toBe(false);
    expect(isIsoDay('x2025-10-31')).toBe(false);
  });
});

describe('isoDay', () => {
  it('writes a year of fewer than four digits with its zeros', () => {
    expect(isoDay(999, 1, 2)).toBe('0999-01-02');
  });
});

describe('timeInZone without a known zone', () => {
  it('falls back to Vietnam’s clock (UTC+7), minutes with their zero', () => {
    expect(timeInZone(new Date(Date.UTC(2026, 11, 1, 1, 5)), 'Không/CóVùng')).toBe('08:05');
  });
});
