/** Calendar days as ISO strings ("2025-10-31"): comparable as strings, free of time zones. */

export type IsoDay = string;

export function isoDay(year: number, month: number, day: number): IsoDay {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return (
    year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

export function endOfMonth(year: number, month: number): IsoDay {
  return isoDay(year, month, daysInMonth(year, month));
}

/** Days from a to b (b - a), both ISO days. */
export function daysBetween(a: IsoDay, b: IsoDay): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

export function addDays(day: IsoDay, n: number): IsoDay {
  const d = new Date(toUtc(day) + n * 86_400_000);
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function toUtc(day: IsoDay): number {
  // "YYYY-MM-DD" read in place (called for every line of every task).
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

export function isIsoDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return !!m && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day of an instant in a time zone (a date cell read from a sheet is an instant:
 * midnight of that day in the spreadsheet's zone). Falls back to UTC+7 where Intl lacks zones.
 */
export function dayInZone(instant: Date, timeZone: string): IsoDay {
  let fmt = formatters.get(timeZone);
  // Stryker disable next-line ConditionalExpression: a cache; a new formatter gives the same day
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      const shifted = new Date(instant.getTime() + 7 * 3_600_000);
      return isoDay(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
    }
    formatters.set(timeZone, fmt);
  }
  const parts = fmt.formatToParts(instant);
  // Stryker disable next-line OptionalChaining: the formatter always gives year, month and day
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return isoDay(get('year'), get('month'), get('day'));
}

/** Formats an ISO day the Vietnamese way: 2025-10-31 → 31/10/2025. */
export function viDay(day: IsoDay): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A day written as text: "30/10/2025", "30-10-2025", "30.10.2025" (day first, as in Vietnam) or
 * "2025-10-30" (ISO), optionally followed by a time. The one place such text becomes a day.
 */
export function dayFromText(text: string): IsoDay | null {
  const t = text.trim();
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidDay(y, mo, d) ? isoDay(y, mo, d) : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidDay(y, mo, d) ? isoDay(y, mo, d) : null;
  }
  return null;
}

/** "HH:mm" of an instant in a time zone. */
export function timeInZone(instant: Date, timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(instant);
    // Stryker disable next-line OptionalChaining,StringLiteral: the formatter always gives hour and minute
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
    return `${get('hour')}:${get('minute')}`;
  } catch {
    const shifted = new Date(instant.getTime() + 7 * 3_600_000);
    return `${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
  }
}

/**
 * The instant at which a wall clock in `timeZone` shows `day` and `time` ("HH:mm"): what a date
 * cell of that day and time holds in a spreadsheet of that zone.
 */
export function wallClockInstant(day: IsoDay, time: string, timeZone: string): Date {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = (time || '00:00').split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that moment, found by reading the UTC guess back in the zone (twice,
  // so a guess that falls across a daylight-saving change settles).
  let instant = asUtc;
  // Stryker disable next-line EqualityOperator: a third pass finds the offset already settled
  for (let i = 0; i < 2; i++) {
    const shown = dayInZone(new Date(instant), timeZone);
    const [sy, sm, sd] = shown.split('-').map(Number) as [number, number, number];
    const [sh, smi] = timeInZone(new Date(instant), timeZone).split(':').map(Number) as [number, number];
    instant += asUtc - Date.UTC(sy, sm - 1, sd, sh, smi);
  }
  return new Date(instant);
}

/** Days since 30/12/1899 of a wall-clock day and time: the serial number spreadsheets store. */
export function serialOf(day: IsoDay, time = '00:00'): number {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return (Date.UTC(y, mo - 1, d, h, mi) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** The wall-clock day of a spreadsheet serial number (its time of day dropped). */
export function dayOfSerial(serial: number): IsoDay | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 200_000) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
