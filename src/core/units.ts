/**
 * Lead units: reading the units a lead cell names, one identity per unit however it is written,
 * and the follow-up table by unit. Pure; the words live in unit-words.ts.
 *
 * Decisions (each one tested in test/core/units.test.ts):
 * - ";" and line breaks always separate units. ",", ".", ":" separate when the next words start a
 *   unit's name (UNIT_HEADS) and otherwise continue the name ("Cán bộ phụ trách Lao động, Thương
 *   binh và Xã hội"), except after "bộ phận …" where a bare name is a sibling ("bộ phận Văn
 *   phòng, Văn hóa-Xã hội" = two). "-", "–", "&", "/", "và" separate only before a unit's name
 *   ("Phòng Văn hóa - Xã hội" is one, "Phòng Văn hóa - Xã hội - Công an xã" two). A few pairs
 *   never separate (UNIT_JOINED_PAIRS: "Văn phòng HĐND - UBND").
 * - Text in parentheses belongs to the unit before it and is never split: "UBND xã (Phòng VHXH)"
 *   is one written name whose key keeps the note, so it is grouped on its own (a missed merge,
 *   never a wrong one) until the officer maps it.
 * - Collectives ("Các phòng, ban, ngành", "các cơ quan, đơn vị liên quan", "UBND các xã,
 *   phường") and texts that are no unit ("Theo KH của tỉnh") are not units to chase: a task
 *   naming only such parts is counted in the row SHARED_LEAD_UNIT; a task with no lead at all
 *   (empty or a placeholder such as "Chưa phân công") in the row NO_LEAD_UNIT. Both rows come
 *   after the units. A task naming a unit and a collective counts for the unit only.
 * - A task naming two units counts once in each row; naming one unit twice counts once.
 * - Roles written after a unit ("Phòng VHXH tham mưu") are cut from the written name.
 *
 * Linear time: every scan is one pass over at most MAX_CELL (cells) or MAX_NAME (names)
 * characters with bounded look-ahead; no backtracking regular expression.
 */
import { isMissingLead } from './status-words';
import { collapse, fold } from './text';
import {
  NOT_A_UNIT_STARTS,
  UNIT_ABBREVIATIONS,
  UNIT_COLLECTIVE_ENDINGS,
  UNIT_COLLECTIVE_MARKERS,
  UNIT_GENERIC_FILLERS,
  UNIT_GENERIC_KINDS,
  UNIT_GLUED_HEADS,
  UNIT_HEADS,
  UNIT_JOINED_PAIRS,
  UNIT_LABELS,
  UNIT_LEADING_ABBREVIATIONS,
  UNIT_LEADING_DROPPED,
  UNIT_LIST_HEADS,
  UNIT_PHRASES,
  UNIT_ROLE_WORDS,
  UNIT_TRAILING_DROPPED,
  UNIT_TRAILING_KEPT,
  UNIT_WHOLE_NAMES,
} from './unit-words';

/** Characters of a lead cell that are read; the rest is ignored. */
export const MAX_CELL = 600;
/** Characters of one unit name that are read for its key. */
export const MAX_NAME = 300;
/** Row of tasks whose lead cells are all empty or placeholders. */
export const NO_LEAD_UNIT = '(Chưa có đơn vị chủ trì)';
/** Row of tasks whose lead names no specific unit ("Các phòng, ban, ngành"). */
export const SHARED_LEAD_UNIT = '(Giao chung, chưa rõ đơn vị)';

const LOOKAHEAD_WORDS = 6;

/** The first `max` characters of the collapsed text, without collapsing a long text whole. */
function clip(text: string, max: number): string {
  return collapse(text.length > max * 4 ? text.slice(0, max * 4) : text).slice(0, max);
}
const LOOKAHEAD_TOKENS = 24;

// ---------------------------------------------------------------------------------------------
// Word tables, split once.

type Words = readonly string[];

const words = (phrase: string): string[] => (phrase === '' ? [] : phrase.split(' '));

const ABBR = new Map(Object.entries(UNIT_ABBREVIATIONS).map(([k, v]) => [k, words(v)]));
const LEADING_ABBR = new Map(Object.entries(UNIT_LEADING_ABBREVIATIONS).map(([k, v]) => [k, words(v)]));
const WHOLE = new Map(Object.entries(UNIT_WHOLE_NAMES));

/** Phrases indexed by their first word, longest first. */
const PHRASES = new Map<string, { from: Words; to: Words }[]>();
for (const [from, to] of UNIT_PHRASES) {
  const f = words(from);
  const list = PHRASES.get(f[0] as string) ?? [];
  list.push({ from: f, to: words(to) });
  list.sort((a, b) => b.from.length - a.from.length);
  PHRASES.set(f[0] as string, list);
}

const HEADS = UNIT_HEADS.map(words);
const LIST_HEADS = UNIT_LIST_HEADS.map(words);
const LEADING_DROPPED = UNIT_LEADING_DROPPED.map(words);
const TRAILING_DROPPED = [...UNIT_TRAILING_DROPPED, ...UNIT_ROLE_WORDS].map(words);
const TRAILING_KEPT = UNIT_TRAILING_KEPT.map(words);
const ROLES = UNIT_ROLE_WORDS.map(words);
const COMMUNE_LEVELS = [['xa'], ['phuong'], ['thi', 'tran']];
const PAIRS = UNIT_JOINED_PAIRS.map((p) => ({
  left: words(p.left),
  right: words(p.right),
  within: p.within === undefined ? null : words(p.within),
}));
const MARKERS = UNIT_COLLECTIVE_MARKERS.map(words);
const GENERIC = UNIT_GENERIC_KINDS.map(words);
const GENERIC_OR_FILLER = [...UNIT_GENERIC_KINDS, ...UNIT_GENERIC_FILLERS]
  .map(words)
  .sort((a, b) => b.length - a.length);
const COLLECTIVE_ENDINGS = UNIT_COLLECTIVE_ENDINGS.map(words);
const NOT_A_UNIT = NOT_A_UNIT_STARTS.map(words);
const LABELS = UNIT_LABELS.map(words);

function matchAt(ws: Words, at: number, phrase: Words): boolean {
  if (at < 0 || at + phrase.length > ws.length) return false;
  for (let k = 0; k < phrase.length; k++) if (ws[at + k] !== phrase[k]) return false;
  return true;
}
const startsWith = (ws: Words, p: Words): boolean => matchAt(ws, 0, p);
const endsWith = (ws: Words, p: Words): boolean => matchAt(ws, ws.length - p.length, p);
const startsWithAny = (ws: Words, ps: readonly Words[]): boolean => ps.some((p) => startsWith(ws, p));

// ---------------------------------------------------------------------------------------------
// Tokens.

type Sep = ',' | '.' | ':' | ';' | 'nl' | '-' | '&' | '/' | 'va' | '(' | ')';

/** A written word: folded, and whether it is written without tone marks (abbreviations are). */
interface Word {
  folded: string;
  plain: boolean;
}

interface WordToken extends Word {
  kind: 'word';
  start: number;
  end: number;
  depth: number;
}
interface SepToken {
  kind: 'sep';
  sep: Sep;
  start: number;
  end: number;
  depth: number;
}
type Token = WordToken | SepToken;

const WORD_CHAR = /[\p{L}\p{N}\p{M}'’]/u;

const SEPARATORS: Readonly<Record<string, Sep>> = {
  ',': ',',
  '，': ',',
  '.': '.',
  ':': ':',
  ';': ';',
  '\n': 'nl',
  '\r': 'nl',
  '-': '-',
  '–': '-',
  '—': '-',
  '‒': '-',
  '−': '-',
  '&': '&',
  '+': '&',
  '/': '/',
  '\\': '/',
  '(': '(',
  '[': '(',
  ')': ')',
  ']': ')',
};

/** Written with ASCII letters and digits and đ/Đ only: no tone or vowel marks. */
function isPlain(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80 && c !== 0x110 && c !== 0x111) return false;
  }
  return true;
}

/** One pass: words (folded) and separators with their offsets and parenthesis depth. */
function tokenise(text: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (WORD_CHAR.test(ch)) {
      let j = i + 1;
      while (j < text.length && WORD_CHAR.test(text.charAt(j))) j++;
      const written = text.slice(i, j);
      const folded = fold(written);
      if (folded === 'va') out.push({ kind: 'sep', sep: 'va', start: i, end: j, depth });
      else if (folded !== '')
        out.push({ kind: 'word', folded, plain: isPlain(written), start: i, end: j, depth });
      i = j;
      continue;
    }
    const sep = SEPARATORS[ch];
    if (sep === '(') {
      out.push({ kind: 'sep', sep, start: i, end: i + 1, depth });
      depth++;
    } else if (sep === ')') {
      if (depth > 0) depth--;
      out.push({ kind: 'sep', sep, start: i, end: i + 1, depth });
    } else if (sep !== undefined) {
      out.push({ kind: 'sep', sep, start: i, end: i + 1, depth });
    }
    i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Words of a name → its key.

/**
 * One written word → the words it stands for. `first`: the first word of a name. Only a word
 * written without marks can be an abbreviation ("CA xã", not "Cá nhân").
 */
function expandWord(word: Word, first: boolean): Words {
  const w = word.folded;
  if (word.plain) {
    const lead = first ? LEADING_ABBR.get(w) : undefined;
    if (lead) return lead;
    const abbr = ABBR.get(w);
    if (abbr) return abbr;
  }
  for (const head of UNIT_GLUED_HEADS) {
    if (w.length > head.length && w.startsWith(head)) {
      const rest = ABBR.get(w.slice(head.length));
      if (rest) return [head, ...rest];
    }
  }
  if (/^0+\d/.test(w)) return [w.replace(/^0+/, '')];
  return [w];
}

function expandWords(ws: readonly Word[], leading: boolean): string[] {
  const out: string[] = [];
  ws.forEach((w, i) => out.push(...expandWord(w, leading && i === 0)));
  return out;
}

function rewritePhrases(ws: Words): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < ws.length) {
    const candidates = PHRASES.get(ws[i] as string);
    const hit = candidates?.find((c) => matchAt(ws, i, c.from));
    if (hit) {
      out.push(...hit.to);
      i += hit.from.length;
    } else {
      out.push(ws[i] as string);
      i++;
    }
  }
  return out;
}

function dropEnds(input: Words, commune: Words | null): Words {
  let ws = input;
  for (const d of LEADING_DROPPED) if (startsWith(ws, d) && ws.length > d.length) ws = ws.slice(d.length);
  let changed = true;
  while (changed) {
    changed = false;
    if (commune && commune.length > 0) {
      for (const level of COMMUNE_LEVELS) {
        const tail = [...level, ...commune];
        if (endsWith(ws, tail) && ws.length > tail.length) {
          ws = ws.slice(0, ws.length - commune.length);
          changed = true;
        }
      }
    }
    if (TRAILING_KEPT.some((k) => endsWith(ws, k))) break;
    for (const d of TRAILING_DROPPED) {
      if (endsWith(ws, d) && ws.length > d.length) {
        ws = ws.slice(0, ws.length - d.length);
        changed = true;
      }
    }
  }
  return ws;
}

function keyOfWords(ws: readonly Word[], commune: Words | null): string {
  if (ws.length === 0) return '';
  const out = dropEnds(rewritePhrases(expandWords(ws, true)), commune).join(' ');
  return WHOLE.get(out) ?? out;
}

export interface UnitOptions {
  /**
   * The commune's own name ("Mỹ Hòa Hưng"): "UBND xã Mỹ Hòa Hưng" is then "UBND xã". Without
   * it the name stays part of the unit (a missed merge, never a wrong one).
   */
  commune?: string;
}

function communeWords(opts: UnitOptions | undefined): Words | null {
  if (!opts?.commune) return null;
  const ws = tokenise(clip(opts.commune, MAX_NAME))
    .filter((t): t is WordToken => t.kind === 'word')
    .map((t) => t.folded);
  return ws.length > 0 ? ws : null;
}

/**
 * The identity of a unit name: folded, abbreviations expanded, connectors dropped, commune words
 * at the end dropped. "Phòng VH-XH", "P. Văn hoá – Xã hội" and "phòng văn hóa xã hội" share
 * one key; "Phòng Kinh tế" and "Phòng Kinh tế - Hạ tầng" do not. A parenthesised note stays in
 * the key (roles such as "(chủ trì)" excepted).
 */
export function unitKey(name: string, opts?: UnitOptions): string {
  return keyWith(name, communeWords(opts));
}

function keyWith(name: string, commune: Words | null): string {
  const text = clip(name, MAX_NAME);
  const outer: Word[] = [];
  const inner: Word[] = [];
  for (const t of tokenise(text)) if (t.kind === 'word') (t.depth === 0 ? outer : inner).push(t);
  let key = keyOfWords(outer, commune);
  const innerWords = inner.map((t) => t.folded);
  const innerRole = ROLES.some((r) => r.length === innerWords.length && startsWith(innerWords, r));
  const innerKey = innerRole ? '' : keyOfWords(inner, commune);
  if (innerKey !== '') key = key === '' ? innerKey : `${key} (${innerKey})`;
  return key !== '' ? key : fold(text);
}

// ---------------------------------------------------------------------------------------------
// Kinds of parts.

function isCollective(exp: Words): boolean {
  for (const m of MARKERS) {
    if (startsWith(exp, m) && GENERIC.some((g) => matchAt(exp, m.length, g))) return true;
  }
  for (let i = 0; i < exp.length; i++) {
    if (exp[i] === 'cac' && GENERIC.some((g) => matchAt(exp, i + 1, g))) return true;
  }
  if (COLLECTIVE_ENDINGS.some((e) => endsWith(exp, e))) return true;
  // Only generic words, the first a kind ("Cán bộ, công chức chuyên môn").
  if (!startsWithAny(exp, GENERIC)) return false;
  let i = 0;
  while (i < exp.length) {
    const g = GENERIC_OR_FILLER.find((p) => matchAt(exp, i, p));
    if (!g) return false;
    i += g.length;
  }
  return exp.length > 0;
}

function startsCollective(exp: Words): boolean {
  return (
    MARKERS.some((m) => startsWith(exp, m) && GENERIC.some((g) => matchAt(exp, m.length, g))) ||
    (exp.includes('cac') && isCollective(exp))
  );
}

type PartKind = 'unit' | 'shared' | 'label';

function kindOf(text: string): PartKind {
  const tokens = tokenise(clip(text, MAX_NAME)).filter(
    (t): t is WordToken => t.kind === 'word' && t.depth === 0,
  );
  const ws = tokens.map((t) => t.folded);
  if (LABELS.some((l) => l.length === ws.length && startsWith(ws, l))) return 'label';
  if (startsWithAny(ws, NOT_A_UNIT)) return 'shared';
  const exp = rewritePhrases(expandWords(tokens, true));
  return isCollective(exp) ? 'shared' : 'unit';
}

// ---------------------------------------------------------------------------------------------
// Splitting a cell.

interface Part {
  start: number;
  end: number;
  /** Depth-0 word tokens. */
  tokens: WordToken[];
  /** Expanded depth-0 words. */
  exp: string[];
}

const COMMA_LIKE = new Set<Sep>([',', '.', ':']);
const HARD = new Set<Sep>([';', 'nl']);

function wordsAfter(tokens: readonly Token[], i: number): Word[] {
  const out: Word[] = [];
  for (let j = i + 1; j < tokens.length && j <= i + LOOKAHEAD_TOKENS && out.length < LOOKAHEAD_WORDS; j++) {
    const t = tokens[j] as Token;
    if (t.kind === 'sep' && HARD.has(t.sep)) break;
    if (t.kind === 'word' && t.depth === 0) out.push(t);
  }
  return out;
}

/** Starts with a unit's first words, possibly after a count ("09 ấp", "3 thôn"). */
function startsHead(exp: Words): boolean {
  const counted = exp.length > 1 && /^\d+$/.test(exp[0] as string);
  return startsWithAny(counted ? exp.slice(1) : exp, HEADS);
}

function joinedPair(cur: Words, next: Words): boolean {
  return PAIRS.some(
    (p) =>
      endsWith(cur, p.left) && startsWith(next, p.right) && (p.within === null || startsWith(cur, p.within)),
  );
}

function splitsHere(cur: Part, sep: Sep, next: readonly Word[], listMode: boolean): boolean {
  const nextExp = expandWords(next, COMMA_LIKE.has(sep));
  if (joinedPair(cur.exp, nextExp)) return false;
  const collective = startsCollective(cur.exp);
  if (collective && startsWithAny(nextExp, GENERIC)) return false;
  const head = startsHead(nextExp);
  if (!COMMA_LIKE.has(sep)) return head;
  if (head) return true;
  if (collective) return false;
  return listMode;
}

const EDGE_PUNCT = new Set([...'-–—‒−•·*+.,;:/\\&', '“', '”', '"']);

function cleanName(text: string): string {
  const t = collapse(text);
  let a = 0;
  let b = t.length;
  while (a < b && (EDGE_PUNCT.has(t.charAt(a)) || t.charAt(a) === ' ')) a++;
  while (b > a && (EDGE_PUNCT.has(t.charAt(b - 1)) || t.charAt(b - 1) === ' ')) b--;
  return t.slice(a, b);
}

/** Ends the part before role words written after the name ("… tham mưu"). */
function partText(text: string, part: Part): string {
  let end = part.end;
  const ws = part.tokens.map((t) => t.folded);
  for (const r of ROLES) {
    if (endsWith(ws, r) && ws.length > r.length) {
      const first = part.tokens[ws.length - r.length] as WordToken;
      const last = part.tokens[ws.length - 1] as WordToken;
      if (last.end === part.end) end = first.start;
    }
  }
  return cleanName(text.slice(part.start, end));
}

export interface LeadCellParts {
  /** Written names of the units, in order. */
  units: string[];
  /** Parts that name no unit to chase: collectives, or text that is no unit. */
  shared: string[];
}

/** A lead cell read into the units it names and the parts that name none. */
export function splitLeadCell(cell: string): LeadCellParts {
  const text = (cell.length > MAX_CELL ? cell.slice(0, MAX_CELL) : cell).normalize('NFC');
  if (isMissingLead(collapse(text))) return { units: [], shared: [] };
  const tokens = tokenise(text);
  const parts: Part[] = [];
  let cur: Part | null = null;
  let listMode = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'word') {
      if (!cur) {
        cur = { start: t.start, end: t.end, tokens: [], exp: [] };
        parts.push(cur);
      }
      cur.end = t.end;
      if (t.depth === 0) {
        cur.exp.push(...expandWord(t, cur.tokens.length === 0));
        cur.tokens.push(t);
      }
      continue;
    }
    if (!cur) continue;
    if (t.sep === ')') {
      cur.end = t.end;
      continue;
    }
    if (t.depth > 0 || t.sep === '(') continue;
    if (HARD.has(t.sep)) {
      cur = null;
      continue;
    }
    const next = wordsAfter(tokens, i);
    if (next.length === 0) continue;
    if (startsWithAny(cur.exp, LIST_HEADS)) listMode = true;
    else if (startsWithAny(cur.exp, HEADS)) listMode = false;
    if (splitsHere(cur, t.sep, next, listMode)) cur = null;
  }
  const out: LeadCellParts = { units: [], shared: [] };
  for (const p of parts) {
    const name = partText(text, p);
    if (name === '' || isMissingLead(name)) continue;
    const kind = kindOf(name);
    if (kind !== 'label') out[kind === 'unit' ? 'units' : 'shared'].push(name);
  }
  return out;
}

/** The written names of the units a lead cell names, in order ([] for none). */
export function splitLeadUnits(cell: string): string[] {
  return splitLeadCell(cell).units;
}

// ---------------------------------------------------------------------------------------------
// Grouping.

/** The name to show for a group: the most frequent written form, then the longest, then the first. */
export function displayName(variants: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of variants) {
    const c = cleanName(v);
    if (c !== '') counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = '';
  let bestCount = 0;
  for (const [name, n] of counts) {
    if (n > bestCount || (n === bestCount && name.length > best.length)) {
      best = name;
      bestCount = n;
    }
  }
  return best;
}

type Overrides = ReadonlyMap<string, string>;

/** Override keys compared as fold() of the cleaned written name. */
function foldedOverrides(overrides: Overrides | undefined): Map<string, string> | null {
  if (!overrides || overrides.size === 0) return null;
  const out = new Map<string, string>();
  for (const [from, to] of overrides) {
    const target = cleanName(to);
    if (target !== '') out.set(fold(cleanName(from)), target);
  }
  return out;
}

interface Named {
  written: string;
  key: string;
  /** The officer's name for it, when an override applied. */
  target: string | null;
}

function nameOf(written: string, ov: Map<string, string> | null, commune: Words | null): Named {
  const target = ov?.get(fold(written)) ?? null;
  return { written, key: keyWith(target ?? written, commune), target };
}

interface ReadCell {
  units: Named[];
  shared: string[];
}

function readCell(cell: string, ov: Map<string, string> | null, commune: Words | null): ReadCell {
  const whole = cleanName(cell);
  const wholeTarget = ov?.get(fold(whole));
  if (wholeTarget !== undefined) {
    return {
      units: [{ written: whole, key: keyWith(wholeTarget, commune), target: wholeTarget }],
      shared: [],
    };
  }
  const parts = splitLeadCell(cell);
  const units = parts.units.map((w) => nameOf(w, ov, commune));
  const shared: string[] = [];
  for (const s of parts.shared) {
    if (ov?.has(fold(s))) units.push(nameOf(s, ov, commune));
    else shared.push(s);
  }
  return { units, shared };
}

class Group {
  readonly occurrences: string[] = [];
  readonly targets: string[] = [];
  constructor(readonly key: string) {}
  add(n: Named): void {
    this.occurrences.push(n.written);
    if (n.target !== null) this.targets.push(n.target);
  }
  get unit(): string {
    return this.targets.length > 0 ? displayName(this.targets) : displayName(this.occurrences);
  }
  /** Distinct written forms, most frequent first, then in order of appearance. */
  get variants(): string[] {
    const counts = new Map<string, number>();
    for (const o of this.occurrences) counts.set(o, (counts.get(o) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
  }
}

export interface UnitGroup {
  unit: string;
  key: string;
  variants: string[];
}

/**
 * Groups written unit names (one entry per occurrence) by identity, in order of first appearance.
 * `overrides` maps a written name (compared after fold()) to the name it stands for; it wins
 * over the automatic key.
 */
export function groupUnits(names: readonly string[], overrides?: Overrides, opts?: UnitOptions): UnitGroup[] {
  const ov = foldedOverrides(overrides);
  const commune = communeWords(opts);
  const groups = new Map<string, Group>();
  for (const raw of names) {
    const written = cleanName(raw);
    if (written === '') continue;
    const n = nameOf(written, ov, commune);
    let g = groups.get(n.key);
    if (!g) groups.set(n.key, (g = new Group(n.key)));
    g.add(n);
  }
  return [...groups.values()].map((g) => ({ unit: g.unit, key: g.key, variants: g.variants }));
}

// ---------------------------------------------------------------------------------------------
// Follow-up by lead unit.

export interface UnitTaskInput {
  /** The task's lead cells, one per assignment line. */
  leads: string[];
  state: 'done' | 'on-track' | 'overdue' | 'no-deadline';
  dueSoon: boolean;
  /** Days past the due date when overdue, else null. */
  overdueDays: number | null;
}

export interface LeadUnitRow {
  unit: string;
  key: string;
  /** 'unit' for a unit; 'shared' for SHARED_LEAD_UNIT; 'missing' for NO_LEAD_UNIT. */
  kind: 'unit' | 'shared' | 'missing';
  variants: string[];
  total: number;
  done: number;
  onTrack: number;
  overdue: number;
  dueSoon: number;
  noDeadline: number;
  oldestOverdueDays: number | null;
}

class Tally {
  total = 0;
  done = 0;
  onTrack = 0;
  overdue = 0;
  dueSoon = 0;
  noDeadline = 0;
  oldestOverdueDays: number | null = null;
  add(t: UnitTaskInput): void {
    this.total++;
    if (t.state === 'done') this.done++;
    else if (t.state === 'on-track') this.onTrack++;
    else if (t.state === 'overdue') {
      this.overdue++;
      if (
        t.overdueDays !== null &&
        (this.oldestOverdueDays === null || t.overdueDays > this.oldestOverdueDays)
      ) {
        this.oldestOverdueDays = t.overdueDays;
      }
    } else this.noDeadline++;
    if (t.dueSoon) this.dueSoon++;
  }
}

function row(
  unit: string,
  key: string,
  kind: LeadUnitRow['kind'],
  variants: string[],
  t: Tally,
): LeadUnitRow {
  return {
    unit,
    key,
    kind,
    variants,
    total: t.total,
    done: t.done,
    onTrack: t.onTrack,
    overdue: t.overdue,
    dueSoon: t.dueSoon,
    noDeadline: t.noDeadline,
    oldestOverdueDays: t.oldestOverdueDays,
  };
}

function distinct(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/** A lead cell as read once: a placeholder for "nobody" (its text), or its units and shared parts. */
interface LeadCellRead extends ReadCell {
  /** The cell names no lead ("", "-", "Chưa phân công"…): its collapsed text, possibly "". */
  placeholder: string | null;
}

/**
 * Reads lead cells under one set of overrides and one commune, each distinct cell once: a plan
 * repeats a few dozen units over thousands of tasks, so the check reads each cell text one time.
 */
export class UnitReader {
  private readonly ov: Map<string, string> | null;
  private readonly commune: Words | null;
  private readonly cells = new Map<string, LeadCellRead>();
  private namesOf: { rows: readonly LeadUnitRow[]; byKey: Map<string, string> } | null = null;

  constructor(overrides?: Overrides, opts?: UnitOptions) {
    this.ov = foldedOverrides(overrides);
    this.commune = communeWords(opts);
  }

  private read(lead: string): LeadCellRead {
    let r = this.cells.get(lead);
    if (!r) {
      r = isMissingLead(lead)
        ? { placeholder: collapse(lead), units: [], shared: [] }
        : { placeholder: null, ...readCell(lead, this.ov, this.commune) };
      this.cells.set(lead, r);
    }
    return r;
  }

  /**
   * Status by lead unit: one row per unit (sorted by overdue, then total, then name in Vietnamese
   * order), then SHARED_LEAD_UNIT and NO_LEAD_UNIT when they have tasks.
   */
  byLeadUnit(tasks: readonly UnitTaskInput[]): LeadUnitRow[] {
    const groups = new Map<string, { group: Group; tally: Tally }>();
    const shared = { tally: new Tally(), texts: [] as string[] };
    const missing = { tally: new Tally(), texts: [] as string[] };
    for (const task of tasks) {
      const keys = new Set<string>();
      const sharedTexts: string[] = [];
      const placeholders: string[] = [];
      for (const lead of task.leads) {
        const cell = this.read(lead);
        if (cell.placeholder !== null) {
          if (cell.placeholder !== '') placeholders.push(cell.placeholder);
          continue;
        }
        for (const n of cell.units) {
          let g = groups.get(n.key);
          if (!g) groups.set(n.key, (g = { group: new Group(n.key), tally: new Tally() }));
          g.group.add(n);
          keys.add(n.key);
        }
        sharedTexts.push(...cell.shared);
      }
      if (keys.size > 0) for (const k of keys) groups.get(k)?.tally.add(task);
      else if (sharedTexts.length > 0) {
        shared.tally.add(task);
        shared.texts.push(...sharedTexts);
      } else {
        missing.tally.add(task);
        missing.texts.push(...placeholders);
      }
    }
    const rows = [...groups.values()]
      .filter((g) => g.tally.total > 0)
      .map((g) => row(g.group.unit, g.group.key, 'unit', g.group.variants, g.tally))
      .sort((a, b) => b.overdue - a.overdue || b.total - a.total || a.unit.localeCompare(b.unit, 'vi'));
    if (shared.tally.total > 0)
      rows.push(row(SHARED_LEAD_UNIT, '', 'shared', distinct(shared.texts), shared.tally));
    if (missing.tally.total > 0)
      rows.push(row(NO_LEAD_UNIT, '', 'missing', distinct(missing.texts), missing.tally));
    return rows;
  }

  /**
   * The units of one task, as display names, de-duplicated, in order. With `rows` (from
   * byLeadUnit over the whole plan) the names are the plan's group names; without, each unit is
   * named from this task's own writing.
   */
  leadUnitsOf(leads: readonly string[], rows?: readonly LeadUnitRow[]): string[] {
    const byKey = this.groupNames(rows ?? []);
    const groups = new Map<string, Group>();
    for (const lead of leads) {
      for (const n of this.read(lead).units) {
        let g = groups.get(n.key);
        if (!g) groups.set(n.key, (g = new Group(n.key)));
        g.add(n);
      }
    }
    return distinct([...groups.values()].map((g) => byKey.get(g.key) ?? g.unit));
  }

  private groupNames(rows: readonly LeadUnitRow[]): Map<string, string> {
    if (this.namesOf?.rows !== rows) {
      const byKey = new Map<string, string>();
      for (const r of rows) if (r.kind === 'unit') byKey.set(r.key, r.unit);
      this.namesOf = { rows, byKey };
    }
    return this.namesOf.byKey;
  }
}

/** Status by lead unit (see UnitReader.byLeadUnit), for one call. */
export function byLeadUnit(
  tasks: readonly UnitTaskInput[],
  overrides?: Overrides,
  opts?: UnitOptions,
): LeadUnitRow[] {
  return new UnitReader(overrides, opts).byLeadUnit(tasks);
}

/** The units of one task (see UnitReader.leadUnitsOf), for one call. */
export function leadUnitsOf(
  leads: readonly string[],
  overrides?: Overrides,
  opts?: UnitOptions & { rows?: readonly LeadUnitRow[] },
): string[] {
  return new UnitReader(overrides, opts).leadUnitsOf(leads, opts?.rows);
}
