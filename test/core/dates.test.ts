/**
 * Days as officers write them and as spreadsheets store them: the day a date cell shows is the
 * day read, whatever the zones of the sheet and the machine.
 */
import {
  addDays,
  dayFromText,
  dayInZone,
  dayOfSerial,
  daysBetween,
  endOfMonth,
  isIsoDay,
  serialOf,
  timeInZone,
  viDay,
  wallClockInstant,
} from '../../src/core/dates';

describe('a day written as text', () => {
  it.each([
    ['30/10/2025', '2025-10-30'],
    ['3/1/2026', '2026-01-03'],
    ['30-10-2025', '2025-10-30'],
    ['30.10.2025', '2025-10-30'],
    [' 30 / 10 / 2025 ', '2025-10-30'],
    ['30/10/2025 14:05', '2025-10-30'],
    ['30/10/2025 14:05:09', '2025-10-30'],
    ['2025-10-30', '2025-10-30'],
    ['2025-10-30T17:00:00Z', '2025-10-30'],
    ['2025-10-30 08:00:00+07:00', '2025-10-30'],
    ['29/02/2024', '2024-02-29'],
  ])('reads “%s” day first, as written in Vietnam', (text, day) => {
    expect(dayFromText(text)).toBe(day);
  });

  it.each([
    '31/11/2025',
    '29/02/2025',
    '10/13/2025',
    '00/10/2025',
    '2025-02-30',
    '30/10/25',
    'Quý IV/2025',
    '30/10/2025 giờ',
    '',
  ])('refuses “%s”, which is no day of the calendar or not a day at all', (text) => {
    expect(dayFromText(text)).toBeNull();
  });

  it('accepts only real ISO days', () => {
    expect(isIsoDay('2026-12-02')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-12-2')).toBe(false);
    expect(isIsoDay('1899-12-31')).toBe(false);
    expect(isIsoDay('x2026-12-02')).toBe(false);
    expect(isIsoDay('1900-01-01')).toBe(true);
    expect(isIsoDay('2200-12-31')).toBe(true);
    expect(isIsoDay('2201-01-01')).toBe(false);
    expect(isIsoDay('2026-00-10')).toBe(false);
  });
});

describe('counting days', () => {
  it('counts across months, years and leap days', () => {
    expect(daysBetween('2025-10-20', '2025-10-31')).toBe(11);
    expect(daysBetween('2025-10-31', '2025-10-20')).toBe(-11);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(addDays('2025-12-25', 14)).toBe('2026-01-08');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
    expect(endOfMonth(2025, 2)).toBe('2025-02-28');
    expect(endOfMonth(2025, 12)).toBe('2025-12-31');
  });

  it('writes a day the Vietnamese way', () => {
    expect(viDay('2025-01-05')).toBe('05/01/2025');
  });
});

describe('a date cell in a spreadsheet of its own time zone', () => {
  // 17:30 UTC on 31/10 is already 1 November in Hà Nội, still 31 October in New York.
  const instant = new Date('2025-10-31T17:30:00Z');

  it('is read as the day the sheet shows, not the machine’s day', () => {
    expect(dayInZone(instant, 'Asia/Ho_Chi_Minh')).toBe('2025-11-01');
    expect(dayInZone(instant, 'America/New_York')).toBe('2025-10-31');
    expect(dayInZone(instant, 'UTC')).toBe('2025-10-31');
    expect(timeInZone(instant, 'Asia/Ho_Chi_Minh')).toBe('00:30');
    expect(timeInZone(instant, 'America/New_York')).toBe('13:30');
  });

  it('falls back to Vietnam’s time (UTC+7) for a zone the platform does not know', () => {
    expect(dayInZone(instant, 'Không/Có')).toBe('2025-11-01');
    expect(timeInZone(instant, 'Không/Có')).toBe('00:30');
  });

  it('writes a day and time that the sheet shows back exactly, also across a clock change', () => {
    for (const [day, time, zone] of [
      ['2025-11-05', '09:30', 'Asia/Ho_Chi_Minh'],
      ['2025-11-05', '00:00', 'Asia/Ho_Chi_Minh'],
      ['2025-11-02', '12:00', 'America/New_York'],
      ['2025-03-30', '23:15', 'Europe/Paris'],
      ['2025-11-05', '23:59', 'Pacific/Kiritimati'],
    ] as const) {
      const at = wallClockInstant(day, time, zone);
      expect([dayInZone(at, zone), timeInZone(at, zone)]).toEqual([day, time]);
    }
    expect(wallClockInstant('2025-11-05', '09:30', 'Asia/Ho_Chi_Minh').toISOString()).toBe(
      '2025-11-05T02:30:00.000Z',
    );
    expect(wallClockInstant('2025-11-05', '', 'UTC').toISOString()).toBe('2025-11-05T00:00:00.000Z');
  });
});

describe('serial numbers, as spreadsheets store days', () => {
  it('counts days from 30/12/1899 and keeps the time as a fraction', () => {
    expect(serialOf('1899-12-31')).toBe(1);
    expect(serialOf('2025-10-31')).toBe(45961);
    expect(serialOf('2025-10-31', '18:00')).toBe(45961.75);
  });

  it('reads a serial back as its day, the time of day dropped', () => {
    expect(dayOfSerial(45961)).toBe('2025-10-31');
    expect(dayOfSerial(45961.99)).toBe('2025-10-31');
    expect(dayOfSerial(1)).toBe('1899-12-31');
    expect(dayOfSerial(200_000)).toBe('2447-07-30');
  });

  it('refuses numbers that are no date a plan holds', () => {
    expect(dayOfSerial(0.5)).toBeNull();
    expect(dayOfSerial(-3)).toBeNull();
    expect(dayOfSerial(200_001)).toBeNull();
    expect(dayOfSerial(Number.NaN)).toBeNull();
    expect(dayOfSerial(Infinity)).toBeNull();
  });
});
