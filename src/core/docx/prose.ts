/**
 * Plans written as prose: tasks are numbered paragraphs ("1.1.", "a)", or Word's automatic
 * numbering) followed by labelled lines ("- Bộ phận chủ trì: …", "- Bộ phận phối hợp: …",
 * "- Thời gian thực hiện: …", "- Sản phẩm: …"), grouped under headings that name pillars.
 *
 * Which part of the plan holds the tasks: every top-level section (headed "I.", "II." … or
 * "Phần I") that contains at least one lead or deadline label line; the whole body when the plan
 * has no such headings. Headings are not used to choose: in seed 002 the tasks sit in
 * "III. NỘI DUNG KẾ HOẠCH" (neither "nhiệm vụ" nor "tổ chức thực hiện"), while
 * "VI. TỔ CHỨC THỰC HIỆN" lists each unit's duties as bullets without labels and "II. MỤC TIÊU"
 * names pillars over targets, so both are left out by the same rule.
 *
 * Inside such a section every non-empty paragraph is a heading, a task, a line of a task's text
 * (between its number and its first label), or a label line; anything else is reported with its
 * text, never dropped.
 */
import { matchPillar, sectionName, stripNumbering } from '../pillars';
import { collapse, fold, romanValue } from '../text';
import type { DocxBlock, DocxParagraph } from './document';

export type LabelKind = 'lead' | 'partners' | 'deadline' | 'output' | 'note';

export interface LabelLine {
  kind: LabelKind;
  value: string;
}

export interface ProseProblem {
  text: string;
  reason: string;
}

export interface ProseLine {
  lead: string;
  partners: string;
  output: string;
  deadline: string;
  note: string;
}

export type ProseRow =
  | { kind: 'section'; text: string; name: string }
  | { kind: 'task'; stt: string; text: string; pillar: string; lines: ProseLine[] };

export interface ProseResult {
  rows: ProseRow[];
  problems: ProseProblem[];
  /** Display text of the top-level headings the tasks were read under. */
  sections: string[];
  /** Title lines: the short paragraphs at the top of the document. */
  title: string[];
}

const UNREADABLE =
  'Không đọc được đoạn: không phải nhiệm vụ đánh số, dòng ghi bộ phận chủ trì/phối hợp/thời gian hay tiêu đề mục.';

/** A label's words (folded) → its kind. Deadline and output first: "thời gian thực hiện" is no lead. */
function labelKind(label: string): LabelKind | null {
  const f = fold(label)
    .replace(/[^a-z0-9/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (f === '' || f.split(' ').length > 8) return null;
  if (/^(thoi gian|thoi han|tien do|han hoan thanh|thoi diem)\b/.test(f)) return 'deadline';
  if (/^(san pham|ket qua)\b/.test(f)) return 'output';
  if (/^ghi chu\b/.test(f)) return 'note';
  if (/\bphoi hop\b/.test(f)) return 'partners';
  if (
    /^(bo phan|don vi|co quan|phong|ban|to|nguoi|can bo|trach nhiem|chu tri|thuc hien|tham muu|phu trach)\b/.test(
      f,
    ) &&
    /\b(chu tri|thuc hien|tham muu|phu trach|trach nhiem)\b/.test(f)
  )
    return 'lead';
  return null;
}

const BULLET = /^[-–—•+*·▪◦]\s*/;

/** "- Bộ phận chủ trì: Bộ phận Văn hoá." → { lead, "Bộ phận Văn hoá" }; null when not a label line. */
export function labelLine(display: string): LabelLine | null {
  const t = collapse(display).replace(BULLET, '');
  const colon = t.indexOf(':');
  if (colon <= 0 || colon > 80) return null;
  const kind = labelKind(t.slice(0, colon));
  if (!kind) return null;
  return { kind, value: labelValue(t.slice(colon + 1)) };
}

/** A label's value: trimmed, the sentence's final "." or ";" dropped. */
function labelValue(text: string): string {
  return collapse(text)
    .replace(/\s*[.;,]$/, '')
    .trim();
}

interface Numbered {
  /** "1.1", "2", "a" */
  number: string;
  /** Dots + 1 for digits ("1.1" → 2); letters are sub-items. */
  depth: number;
  letter: boolean;
  text: string;
}

/** A numbered paragraph: "1.1. Text", "3.1 Text", "2. Text", "a) Text". */
export function numbered(display: string): Numbered | null {
  const t = collapse(display);
  let m = /^(\d{1,3}(?:\.\d{1,3})+)\.?\)?\s+(\S.*)$/.exec(t);
  if (m) {
    const number = m[1] as string;
    return { number, depth: number.split('.').length, letter: false, text: m[2] as string };
  }
  m = /^(\d{1,3})\s*[.)]\s*(\S.*)$/.exec(t);
  if (m && !/^\d/.test(m[2] as string))
    return { number: m[1] as string, depth: 1, letter: false, text: m[2] as string };
  m = /^([a-zđ])\s*\)\s*(\S.*)$/.exec(t);
  if (m) return { number: m[1] as string, depth: 99, letter: true, text: m[2] as string };
  return null;
}

/** A top-level heading: "III. NỘI DUNG KẾ HOẠCH", "Phần II: …". */
export function romanHeading(display: string): string | null {
  const t = collapse(display);
  if (t.length > 200) return null;
  const m = /^(?:(?:phần|mục)\s+)?([IVXL]{1,6})\s*[.):–-]\s*(\S.*)$/iu.exec(t);
  if (!m) return null;
  const roman = m[1] as string;
  if (roman !== roman.toUpperCase() && !/^(phần|mục)/iu.test(t)) return null;
  return romanValue(roman) !== null ? roman.toUpperCase() : null;
}

interface Block {
  para: DocxParagraph;
  num: Numbered;
  /** Paragraphs of the task's text after its number line, before the first label. */
  extra: string[];
  labels: LabelLine[];
  /** Paragraphs after the labels began that are not labels themselves. */
  stray: DocxParagraph[];
}

/** Reads the tasks of a prose plan. Returns no rows when the plan has no labelled task lines. */
export function readProse(blocks: readonly DocxBlock[]): ProseResult {
  // A line break inside a paragraph (Shift+Enter) separates lines as a new paragraph would.
  const paragraphs = blocks.flatMap((b): DocxParagraph[] => {
    if (b.kind !== 'paragraph') return [];
    if (!b.display.includes('\n')) return collapse(b.display) === '' ? [] : [b];
    return b.display
      .split('\n')
      .filter((line) => collapse(line) !== '')
      .map((display) => ({ ...b, display }));
  });
  // Top-level sections.
  const sections: { heading: DocxParagraph | null; body: DocxParagraph[] }[] = [];
  let before: DocxParagraph[] = [];
  for (const p of paragraphs) {
    if (romanHeading(p.display) !== null) sections.push({ heading: p, body: [] });
    else if (sections.length) (sections[sections.length - 1] as { body: DocxParagraph[] }).body.push(p);
    else before.push(p);
  }
  if (sections.length === 0) {
    sections.push({ heading: null, body: before });
    before = [];
  }
  const title: string[] = [];
  for (const p of before) {
    const t = collapse(p.display);
    if (t.length > 160 || title.length >= 6) break;
    title.push(t);
  }
  const isTaskLabel = (p: DocxParagraph) => {
    const l = labelLine(p.display);
    return l !== null && (l.kind === 'lead' || l.kind === 'deadline');
  };
  const taskSections = sections.filter((s) => s.body.some(isTaskLabel));
  const result: ProseResult = { rows: [], problems: [], sections: [], title };
  for (const s of taskSections) {
    if (s.heading) result.sections.push(collapse(s.heading.display));
    readSection(s.heading, s.body, result);
  }
  return result;
}

function readSection(heading: DocxParagraph | null, body: DocxParagraph[], out: ProseResult): void {
  const unreadable = (p: DocxParagraph, reason = UNREADABLE) =>
    out.problems.push({ text: collapse(p.display), reason });
  const raw: Block[] = [];
  /** A label written without a value ("- Thời gian thực hiện:"): its value is on the next lines. */
  let open: LabelLine | null = null;
  for (const p of body) {
    const label = labelLine(p.display);
    const num = label ? null : numbered(p.display);
    const last = raw[raw.length - 1];
    if (num) {
      raw.push({ para: p, num, extra: [], labels: [], stray: [] });
      open = null;
    } else if (!last) unreadable(p);
    else if (label) {
      last.labels.push(label);
      open = label.value === '' ? label : null;
    } else if (open) {
      const line = labelValue(p.display);
      open.value = open.value === '' ? line : `${open.value}\n${line}`;
    } else if (last.labels.length === 0) last.extra.push(collapse(p.display));
    else last.stray.push(p);
  }
  // Lettered items: tasks of their own when each has its labels; otherwise sub-items of the
  // numbered task above them ("1.1. … a) … b) … - Chủ trì: …"), whose text and labels they join.
  const blocks: Block[] = [];
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i] as Block;
    blocks.push(b);
    if (b.num.letter) continue;
    let j = i + 1;
    while (j < raw.length && (raw[j] as Block).num.letter) j++;
    const run = raw.slice(i + 1, j);
    if (run.length === 0 || b.labels.length > 0 || run.every((r) => r.labels.length > 0)) continue;
    for (const r of run) {
      b.extra.push(collapse(r.para.display), ...r.extra);
      b.labels.push(...r.labels);
      b.stray.push(...r.stray);
    }
    i = j - 1;
  }
  const parents = new Set<string>();
  for (const b of blocks) {
    if (b.num.letter) continue;
    const parts = b.num.number.split('.');
    for (let k = 1; k < parts.length; k++) parents.add(parts.slice(0, k).join('.'));
  }
  const isParent = (i: number) => {
    const b = blocks[i] as Block;
    if (b.num.letter) return false;
    return blocks[i + 1]?.num.letter === true || parents.has(b.num.number);
  };
  const headings = blocks.map(
    (b, i) =>
      b.labels.length === 0 && (isParent(i) || (b.extra.length === 0 && matchPillar(b.num.text) !== null)),
  );
  const headingDepths = blocks.filter((_b, i) => headings[i]).map((b) => b.num.depth);
  const topDepth = headingDepths.length ? Math.min(...headingDepths) : null;
  let pillar = '';
  if (heading && topDepth === null && matchPillar(stripNumbering(collapse(heading.display))) !== null) {
    const text = stripNumbering(collapse(heading.display));
    pillar = sectionName(text);
    out.rows.push({ kind: 'section', text, name: pillar });
  }
  blocks.forEach((b, i) => {
    if (headings[i]) {
      const text = collapse(b.num.text);
      if (b.num.depth === topDepth || matchPillar(text) !== null) {
        pillar = sectionName(text);
        out.rows.push({ kind: 'section', text, name: pillar });
      } else {
        out.problems.push({
          text: collapse(b.para.display),
          reason: `Tiêu đề nhóm con không đưa vào bảng; các nhiệm vụ bên dưới vẫn thuộc mục “${pillar || 'không có mục'}”.`,
        });
      }
      for (const e of b.extra) out.problems.push({ text: e, reason: UNREADABLE });
      return;
    }
    out.rows.push({
      kind: 'task',
      stt: b.num.number,
      text: [collapse(b.num.text), ...b.extra].join('\n'),
      pillar,
      lines: linesOf(b.labels),
    });
    for (const p of b.stray)
      unreadable(
        p,
        `Không đọc được đoạn: nằm sau các dòng chủ trì/thời gian của nhiệm vụ ${b.num.number} nhưng không ghi nhãn (Bộ phận chủ trì, Bộ phận phối hợp, Thời gian thực hiện, Sản phẩm).`,
      );
  });
}

/** Assignment lines: a label already set in the current line starts a new line. */
function linesOf(labels: readonly LabelLine[]): ProseLine[] {
  const empty = (): ProseLine => ({ lead: '', partners: '', output: '', deadline: '', note: '' });
  const lines: ProseLine[] = [empty()];
  for (const l of labels) {
    let line = lines[lines.length - 1] as ProseLine;
    if (line[l.kind] !== '') {
      line = empty();
      lines.push(line);
    }
    line[l.kind] = l.value;
  }
  return lines;
}
