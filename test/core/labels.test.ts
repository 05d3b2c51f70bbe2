/**
 * The product's words, one table for every face. What a reader would notice: an empty heading, two
 * classes called the same, a word too wide for the terminal, a sheet name a spreadsheet refuses.
 */
import { FINDING_CODES } from '../../src/core/findings';
import {
  CHANGE_LABELS,
  CODE_LABELS,
  COUNT_LABELS,
  FOLLOW_WORDS,
  OLDEST_OVERDUE_LABEL,
  SEVERITY_LABELS,
  STATUS_TABLE_KEYS,
  WORDS,
  daysWords,
  dueSoonMeaning,
  signed,
  statusLegend,
} from '../../src/core/labels';
import { PIVOT_COUNTS } from '../../src/core/pivot';

/** Every string in a table of words, with its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

const TABLES = {
  CODE_LABELS,
  SEVERITY_LABELS,
  COUNT_LABELS,
  WORDS,
  FOLLOW_WORDS,
  CHANGE_LABELS,
  OLDEST_OVERDUE_LABEL,
};

describe('the table of words', () => {
  test('every word is written out: not empty, no stray spaces, composed Vietnamese', () => {
    const all = strings(TABLES);
    expect(all.length).toBeGreaterThan(80);
    const bad = all.filter(
      ([path, s]) =>
        (s.trim() === '' || s !== s.trim() || /\s{2}/.test(s) || s !== s.normalize('NFC')) &&
        path !== 'FOLLOW_WORDS.remindSheetPrefix',
    );
    expect(bad).toEqual([]);
    expect(FOLLOW_WORDS.remindSheetPrefix).toBe('Nhắc việc – ');
  });

  test('every finding code, severity and count has its words', () => {
    expect(Object.keys(CODE_LABELS).sort()).toEqual([...FINDING_CODES].sort());
    expect(Object.keys(SEVERITY_LABELS).sort()).toEqual(['error', 'info', 'warning']);
    expect(Object.keys(COUNT_LABELS).sort()).toEqual([...PIVOT_COUNTS, 'doneRate', 'overdueRate'].sort());
  });

  test('no two codes, severities, counts or changes are called the same', () => {
    const unique = (words: string[]) => expect(new Set(words).size).toBe(words.length);
    unique(Object.values(CODE_LABELS));
    unique(Object.values(SEVERITY_LABELS));
    const counts = Object.entries(COUNT_LABELS).filter(([k]) => k !== 'overdue' && k !== 'dueSoon');
    unique(counts.map(([, l]) => l.long));
    unique(counts.map(([, l]) => l.short));
    unique(Object.values(CHANGE_LABELS).map((l) => l.long));
    unique(Object.values(CHANGE_LABELS).map((l) => l.short));
    unique([...FOLLOW_WORDS.unitListHeader]);
    unique([...FOLLOW_WORDS.sendLogHeader]);
  });

  test('short words fit the terminal’s columns and are no longer than the long ones', () => {
    for (const l of [...Object.values(COUNT_LABELS), ...Object.values(CHANGE_LABELS), OLDEST_OVERDUE_LABEL]) {
      expect([l.short, l.short.length <= 20]).toEqual([l.short, true]);
      expect([l.short, l.short.length <= l.long.length]).toEqual([l.short, true]);
    }
  });

  test('the sheets the product adds have names a spreadsheet accepts', () => {
    for (const name of [
      FOLLOW_WORDS.unitSheet,
      FOLLOW_WORDS.unitList,
      FOLLOW_WORDS.history,
      FOLLOW_WORDS.sendLog,
    ]) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  test('a status table has a column per count, the rate last', () => {
    expect(STATUS_TABLE_KEYS[0]).toBe('total');
    expect(STATUS_TABLE_KEYS[STATUS_TABLE_KEYS.length - 1]).toBe('doneRate');
    expect(new Set(STATUS_TABLE_KEYS).size).toBe(STATUS_TABLE_KEYS.length);
  });
});

describe('words made from numbers', () => {
  test('the due-soon window in words', () => {
    expect(dueSoonMeaning(0)).toBe('đến hạn hôm nay');
    expect(dueSoonMeaning(7)).toBe('đến hạn trong 7 ngày tới');
  });

  test('the legend names every class it explains, and the window actually used', () => {
    const legend = statusLegend(7);
    for (const k of ['overdue', 'onTrack', 'recurring', 'conditional', 'undated', 'dueSoon'] as const)
      expect(legend).toContain(`“${COUNT_LABELS[k].long}”`);
    expect(legend).toMatch(/= đến hạn trong 7 ngày tới\.$/);
    expect(statusLegend(0)).toMatch(/= đến hạn hôm nay\.$/);
  });

  test('a signed change: plus, a true minus sign, zero', () => {
    expect([signed(3), signed(-1), signed(0)]).toEqual(['+3', '−1', '0']);
  });

  test('days late or left', () => {
    expect(daysWords('overdue', 12)).toBe('quá hạn 12 ngày');
    expect(daysWords('overdue', 0)).toBe('quá hạn 0 ngày');
    expect(daysWords('due-soon', 3)).toBe('còn 3 ngày');
    expect(daysWords('due-soon', 0)).toBe('đến hạn hôm nay');
  });
});
