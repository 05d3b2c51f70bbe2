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
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
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
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return isoDay(get('year'), get('month'), get('day'));
}

/** Formats an ISO day the Vietnamese way: 2025-10-31 → 31/10/2025. */
export function viDay(day: IsoDay): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
