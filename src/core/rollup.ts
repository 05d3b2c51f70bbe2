/**
 * The city's roll-up: the status reports of many communes put side by side (domain §6). Pure:
 * read outcomes in (status-report.ts `fromRows` of each commune's sheet), tables out. A commune
 * that cannot be read, is too old, claims a future date, or was sent twice is listed with the
 * reason and never stops the others. A commune is identified by its name's key (or, unnamed, by
 * its source), and of several reports of one commune the newest counts.
 */
import { daysBetween, viDay, type IsoDay } from './dates';
import { PILLARS } from './vocabulary';
import { PIVOT_COUNTS, emptyRow, rate, type PivotRow } from './pivot';
import type { ReadOutcome, StatusReport } from './status-report';
import { WORDS } from './labels';
import { collapse } from './text';
import { communeKey, communeWords } from './title';

/** The default age beyond which a status sheet is too old to count. */
export const DEFAULT_STALE_DAYS = 45;
/** The largest age limit either face accepts (`--stale-days`, the add-on's settings). */
export const MAX_STALE_DAYS = 365;
/** A report dated this many days ahead of the city's today is not believed (time zones, clocks). */
const FUTURE_SLACK_DAYS = 1;

export interface RollupEntry {
  /** Name from the city's list, or the file's name. */
  name: string;
  /** Link or file the report came from. */
  source: string;
  outcome: ReadOutcome;
}

export interface RollupOptions {
  today: IsoDay;
  staleDays?: number;
  /** The communes expected to report (the city's list): those with no report counted are listed as not sent. */
  expected?: readonly string[];
}

export interface CommuneTotal {
  commune: string;
  asOf: IsoDay;
  total: number;
  done: number;
  onTrack: number;
  overdue: number;
  noDeadline: number;
  dueSoon: number;
  missingLead: number;
  doneRate: number;
  overdueRate: number;
}

export interface Rollup {
  today: IsoDay;
  staleDays: number;
  /** One row per commune × pillar, communes in list order. */
  detail: (CommuneTotal & { pillar: string })[];
  /** Per-commune totals, highest overdue share first. */
  communes: CommuneTotal[];
  /** Pillar totals across communes: canonical pillars, then the communes' own sections pooled. */
  pillars: CommuneTotal[];
  /** Sources not counted, with the reason (unreadable, stale, future, duplicate). */
  failures: { name: string; source: string; reason: string }[];
}

export const OTHER_SECTIONS = 'Mục riêng của xã';

function line(commune: string, asOf: IsoDay, r: PivotRow): CommuneTotal {
  return {
    commune,
    asOf,
    total: r.total,
    done: r.done,
    onTrack: r.onTrack,
    overdue: r.overdue,
    noDeadline: r.noDeadline,
    dueSoon: r.dueSoon,
    missingLead: r.missingLead,
    doneRate: rate(r.done, r.total),
    overdueRate: rate(r.overdue, r.total),
  };
}

/** The name a commune goes by in the city's tables. */
function displayName(e: RollupEntry, report: StatusReport): string {
  const own = collapse(report.commune);
  if (own !== '') return own;
  const listed = collapse(e.name);
  return listed !== '' ? `${listed} ${WORDS.unnamedCommune}` : `${e.source} ${WORDS.unnamedCommune}`;
}

export function rollup(entries: readonly RollupEntry[], opts: RollupOptions): Rollup {
  const stale = opts.staleDays ?? DEFAULT_STALE_DAYS;
  const out: Rollup = {
    today: opts.today,
    staleDays: stale,
    detail: [],
    communes: [],
    // Stryker disable next-line ArrayDeclaration: set at the end from the pooled rows
    pillars: [],
    failures: [],
  };
  const fail = (e: RollupEntry, reason: string) =>
    out.failures.push({ name: collapse(e.name) || e.source, source: e.source, reason });

  // 1. Readable, current reports; the same source twice counts once.
  const sources = new Map<string, number>();
  const current: { e: RollupEntry; report: StatusReport; index: number }[] = [];
  entries.forEach((e, index) => {
    const seenAt = sources.get(e.source);
    if (seenAt !== undefined) return fail(e, `trùng nguồn với dòng ${seenAt + 1} của danh sách`);
    sources.set(e.source, index);
    if (!e.outcome.ok) return fail(e, e.outcome.reason);
    const report = e.outcome.report;
    const age = daysBetween(report.asOf, opts.today);
    if (age < -FUTURE_SLACK_DAYS)
      return fail(e, `ngày “${WORDS.asOf}” ${viDay(report.asOf)} ở tương lai: số liệu không đáng tin`);
    if (age > stale) return fail(e, `số liệu quá cũ: tính đến ${viDay(report.asOf)} (${age} ngày trước)`);
    current.push({ e, report, index });
  });

  // 2. One report per commune: the newest (the later in the list on a tie).
  const byCommune = new Map<string, (typeof current)[number]>();
  for (const c of current) {
    const key = c.report.communeKey !== '' ? `xa:${c.report.communeKey}` : `nguon:${c.e.source}`;
    const prev = byCommune.get(key);
    if (!prev) {
      byCommune.set(key, c);
      continue;
    }
    const newer = c.report.asOf >= prev.report.asOf ? c : prev;
    const older = newer === c ? prev : c;
    byCommune.set(key, newer);
    const when = viDay(newer.report.asOf);
    fail(
      older.e,
      `${communeWords(displayName(newer.e, newer.report))} đã có bảng mới hơn (tính đến ${when})`,
    );
  }

  const kept = [...byCommune.values()].sort((a, b) => a.index - b.index);
  const pooled = new Map<string, PivotRow>();
  const canonical = new Set<string>(PILLARS);
  for (const { e, report } of kept) {
    const name = displayName(e, report);
    for (const r of report.rows) {
      if (r.total === 0) continue;
      out.detail.push({ ...line(name, report.asOf, r), pillar: r.pillar });
      const key = canonical.has(r.pillar) ? r.pillar : OTHER_SECTIONS;
      const acc = pooled.get(key) ?? emptyRow(key);
      for (const k of PIVOT_COUNTS) acc[k] += r[k];
      pooled.set(key, acc);
    }
    out.communes.push(line(name, report.asOf, report.total));
  }
  out.communes.sort(
    (a, b) =>
      b.overdueRate - a.overdueRate || b.overdue - a.overdue || a.commune.localeCompare(b.commune, 'vi'),
  );
  // Communes on the city's list whose report is not counted.
  const counted = new Set(kept.map((k) => k.report.communeKey));
  for (const name of opts.expected ?? []) {
    const clean = collapse(name);
    if (clean === '' || counted.has(communeKey(clean))) continue;
    counted.add(communeKey(clean));
    if (out.failures.some((f) => communeKey(f.name) === communeKey(clean))) continue;
    out.failures.push({ name: clean, source: '', reason: 'chưa gửi bảng trạng thái' });
  }
  const order = [...PILLARS, OTHER_SECTIONS];
  out.pillars = order.filter((p) => pooled.has(p)).map((p) => line(p, opts.today, pooled.get(p) as PivotRow));
  return out;
}
