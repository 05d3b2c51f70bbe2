/**
 * Word's automatic list numbering (word/numbering.xml, linked to paragraphs directly or through
 * paragraph styles in word/styles.xml). The numbers a reader sees ("1.", "1.2.", "a)", "III.") are
 * not in the text: they are computed here, in document order, the way Word counts them:
 * - a list instance (w:num) points to an abstract definition (w:abstractNum); all instances of one
 *   definition share its counters, so numbering continues from one instance to the next; an
 *   instance with a start override (w:lvlOverride/w:startOverride) restarts the level at that value
 *   where it is first used. Word writes "Restart at 1" this way, and LibreOffice writes every list
 *   as a restarting instance for its first paragraph and plain instances for the rest;
 * - a paragraph at level L increments L (the first one starts at the level's w:start) and resets
 *   the deeper levels (unless their w:lvlRestart says otherwise);
 * - w:lvlText "%1.%2." is filled with the current value of each level in its own w:numFmt
 *   (w:isLgl forces decimals); bullets read as "-".
 */
import { scanXml } from '../xml';
import { attr, intAttr, isOn, localName } from './xml-names';
import { romanNumeral } from '../text';

interface Level {
  start: number;
  format: string;
  text: string;
  /** w:lvlRestart: 0 = never restart; n = restart after a paragraph of level n-1 or above. */
  restart: number | undefined;
  legal: boolean;
  /** The paragraph style linked to this level (w:pStyle inside w:lvl). */
  style: string | undefined;
}

interface AbstractNum {
  levels: Map<number, Level>;
  /** w:numStyleLink: the definition lives in a numbering style. */
  styleLink: string | undefined;
}

interface NumInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, Level>;
}

interface StyleInfo {
  type: string;
  basedOn: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
}

interface StyleNumbering {
  numId: string | undefined;
  ilvl: number | undefined;
  /** The style that carries the numbering. */
  style: string | undefined;
}

export interface NumberingRef {
  numId: string;
  ilvl: number;
}

export interface ListLabel {
  /** The label as Word shows it ("1.2.", "a)", "-"), "" for a level without text. */
  label: string;
  bullet: boolean;
}

const MAX_LEVEL = 8;

function newLevel(): Level {
  return { start: 1, format: 'decimal', text: '', restart: undefined, legal: false, style: undefined };
}

/** Parses numbering.xml (null when the document has none). */
function parseNumbering(xml: string | null): {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, NumInstance>;
} {
  const abstracts = new Map<string, AbstractNum>();
  const nums = new Map<string, NumInstance>();
  if (xml === null) return { abstracts, nums };
  let abstract: AbstractNum | null = null;
  let num: NumInstance | null = null;
  let level: Level | null = null;
  let levelIndex = 0;
  let overrideIndex: number | null = null;
  scanXml(xml, {
    open(name, attrs, selfClosing) {
      const n = localName(name);
      switch (n) {
        case 'abstractNum': {
          abstract = { levels: new Map(), styleLink: undefined };
          abstracts.set(attr(attrs, 'abstractNumId') ?? '', abstract);
          if (selfClosing) abstract = null;
          break;
        }
        case 'num': {
          num = { abstractId: '', startOverrides: new Map(), levelOverrides: new Map() };
          nums.set(attr(attrs, 'numId') ?? '', num);
          if (selfClosing) num = null;
          break;
        }
        case 'abstractNumId':
          if (num) num.abstractId = attr(attrs, 'val') ?? '';
          break;
        case 'numStyleLink':
          if (abstract) abstract.styleLink = attr(attrs, 'val');
          break;
        case 'lvlOverride':
          overrideIndex = intAttr(attrs, 'ilvl') ?? 0;
          if (selfClosing) overrideIndex = null;
          break;
        case 'startOverride':
          if (num && overrideIndex !== null)
            num.startOverrides.set(overrideIndex, intAttr(attrs, 'val') ?? 0);
          break;
        case 'lvl': {
          levelIndex = Math.min(intAttr(attrs, 'ilvl') ?? 0, MAX_LEVEL);
          level = newLevel();
          if (num && overrideIndex !== null) num.levelOverrides.set(overrideIndex, level);
          else if (abstract) abstract.levels.set(levelIndex, level);
          if (selfClosing) level = null;
          break;
        }
        default:
          if (!level) break;
          if (n === 'start') level.start = intAttr(attrs, 'val') ?? 1;
          else if (n === 'numFmt') level.format = attr(attrs, 'val') ?? 'decimal';
          else if (n === 'lvlText') level.text = attr(attrs, 'val') ?? '';
          else if (n === 'lvlRestart') level.restart = intAttr(attrs, 'val');
          else if (n === 'isLgl') level.legal = isOn(attrs);
          else if (n === 'pStyle') level.style = attr(attrs, 'val');
      }
    },
    close(name) {
      const n = localName(name);
      if (n === 'abstractNum') abstract = null;
      else if (n === 'num') num = null;
      else if (n === 'lvl') level = null;
      else if (n === 'lvlOverride') overrideIndex = null;
    },
  });
  return { abstracts, nums };
}

/** Parses styles.xml: each style's type, parent and numbering; and the default paragraph style. */
function parseStyles(xml: string | null): {
  styles: Map<string, StyleInfo>;
  defaultParagraph: string | undefined;
} {
  const styles = new Map<string, StyleInfo>();
  let defaultParagraph: string | undefined;
  if (xml === null) return { styles, defaultParagraph };
  let style: StyleInfo | null = null;
  // Revision records (w:pPrChange) hold old properties: not the style's own.
  let skip = 0;
  scanXml(xml, {
    open(name, attrs, selfClosing) {
      const n = localName(name);
      if (skip > 0) {
        if (!selfClosing) skip++;
        return;
      }
      if (n === 'pPrChange' || n === 'rPrChange') {
        if (!selfClosing) skip = 1;
        return;
      }
      if (n === 'style') {
        style = {
          type: attr(attrs, 'type') ?? 'paragraph',
          basedOn: undefined,
          numId: undefined,
          ilvl: undefined,
        };
        const id = attr(attrs, 'styleId') ?? '';
        styles.set(id, style);
        const isDefault = attr(attrs, 'default');
        if (style.type === 'paragraph' && isDefault !== undefined && /^(1|true|on)$/i.test(isDefault))
          defaultParagraph = id;
        if (selfClosing) style = null;
        return;
      }
      if (!style) return;
      if (n === 'basedOn') style.basedOn = attr(attrs, 'val');
      else if (n === 'numId') style.numId = attr(attrs, 'val');
      else if (n === 'ilvl') style.ilvl = intAttr(attrs, 'val');
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      if (localName(name) === 'style') style = null;
    },
  });
  return { styles, defaultParagraph };
}

function roman(n: number): string {
  return n <= 0 || n >= 4000 ? String(n) : romanNumeral(n);
}

/** Word's letter numbering: a … z, then aa … zz, aaa … (the letter repeated). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** One counter value in a level's number format. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      // decimal, ordinal, cardinalText … and any format we do not render: digits.
      return String(n);
  }
}

/** Numbering definitions of one document plus the running counters. */
export class Numbering {
  private readonly abstracts: Map<string, AbstractNum>;
  private readonly nums: Map<string, NumInstance>;
  private readonly styles: Map<string, StyleInfo>;
  private readonly defaultParagraph: string | undefined;
  /** Counters per abstract definition: value per level (undefined: not started since its reset). */
  private readonly counters = new Map<AbstractNum, (number | undefined)[]>();
  private readonly styleCache = new Map<string, StyleNumbering>();
  /** Instances whose start override has been applied (the override counts once, at the first use). */
  private readonly started = new Set<string>();

  constructor(numberingXml: string | null, stylesXml: string | null) {
    const n = parseNumbering(numberingXml);
    this.abstracts = n.abstracts;
    this.nums = n.nums;
    const s = parseStyles(stylesXml);
    this.styles = s.styles;
    this.defaultParagraph = s.defaultParagraph;
  }

  /**
   * The list a paragraph belongs to, from its own w:numPr and its style (direct numbering wins;
   * numId 0 switches numbering off). null when it is not in a list.
   */
  resolve(
    style: string | undefined,
    numId: string | undefined,
    ilvl: number | undefined,
  ): NumberingRef | null {
    const styleRef = this.styleNumbering(style ?? this.defaultParagraph);
    const chosen = numId ?? styleRef.numId;
    if (chosen === undefined || chosen === '0' || chosen === '') return null;
    let level = ilvl ?? (numId === undefined ? styleRef.ilvl : undefined);
    if (level === undefined && styleRef.style !== undefined) {
      // A style linked to a level of the list (w:pStyle in w:lvl) takes that level.
      const abs = this.abstractOf(chosen);
      if (abs) for (const [i, l] of abs.levels) if (l.style === styleRef.style) level = i;
    }
    return { numId: chosen, ilvl: Math.max(0, Math.min(level ?? 0, MAX_LEVEL)) };
  }

  /** The list a paragraph style (or the style it is based on) puts its paragraphs in. */
  private styleNumbering(style: string | undefined): StyleNumbering {
    const key = style ?? '';
    const cached = this.styleCache.get(key);
    if (cached) return cached;
    const ref: StyleNumbering = { numId: undefined, ilvl: undefined, style: undefined };
    const seen = new Set<string>();
    let id = style;
    while (id !== undefined && !seen.has(id) && seen.size < 20) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      if (ref.numId === undefined && s.numId !== undefined) {
        ref.numId = s.numId;
        ref.style = id;
        ref.ilvl = s.ilvl;
      } else if (ref.ilvl === undefined && s.ilvl !== undefined && ref.numId !== undefined) ref.ilvl = s.ilvl;
      id = s.basedOn;
    }
    this.styleCache.set(key, ref);
    return ref;
  }

  /** Counts the paragraph and returns its label. null when the list is not defined. */
  next(ref: NumberingRef): ListLabel | null {
    const inst = this.nums.get(ref.numId);
    if (!inst) return null;
    const abs = this.abstractOf(ref.numId);
    if (!abs) return null;
    const levelOf = (i: number): Level => inst.levelOverrides.get(i) ?? abs.levels.get(i) ?? newLevel();
    let values = this.counters.get(abs);
    if (!values) {
      values = [];
      this.counters.set(abs, values);
    }
    if (inst.startOverrides.size > 0 && !this.started.has(ref.numId)) {
      this.started.add(ref.numId);
      for (const [i, start] of inst.startOverrides) values[i] = start - 1;
    }
    const L = ref.ilvl;
    const level = levelOf(L);
    const current = values[L];
    values[L] = current === undefined ? level.start : current + 1;
    for (let deeper = L + 1; deeper <= MAX_LEVEL; deeper++) {
      const r = levelOf(deeper).restart;
      if (r === 0) continue;
      if (r === undefined || L < r) values[deeper] = undefined;
    }
    if (level.format === 'bullet') return { label: '-', bullet: true };
    const text = level.text.replace(/%([1-9])/g, (_m, d: string) => {
      const i = Number(d) - 1;
      const lv = levelOf(i);
      const v = values[i] ?? lv.start;
      return formatNumber(v, level.legal ? 'decimal' : lv.format);
    });
    return { label: text.trim(), bullet: false };
  }

  private abstractOf(numId: string): AbstractNum | null {
    const seen = new Set<string>();
    let id: string | undefined = numId;
    while (id !== undefined && !seen.has(id) && seen.size < 10) {
      seen.add(id);
      const inst = this.nums.get(id);
      if (!inst) return null;
      const abs = this.abstracts.get(inst.abstractId);
      if (!abs) return null;
      if (abs.styleLink === undefined || abs.levels.size > 0) return abs;
      // The definition lives in a numbering style: follow the style's own list.
      id = this.styles.get(abs.styleLink)?.numId;
    }
    return null;
  }
}
