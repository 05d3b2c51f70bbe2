/// <reference lib="dom" />
/**
 * The browser page's results, drawn with the DOM: every text from the file goes in through
 * textContent (never as markup), every word of the tables from the one label table
 * (src/core/labels.ts), the chart's classes and colours from CHART_CLASSES.
 */
import { viDay } from '../core/dates';
import { standardHeader, type Severity } from '../core/findings';
import { SEVERITY_COLORS } from '../core/flags';
import {
  CODE_LABELS,
  COUNT_LABELS,
  SEVERITY_LABELS,
  STATUS_TABLE_KEYS,
  WORDS,
  statusLegend,
} from '../core/labels';
import type { PivotRow } from '../core/pivot';
import { CHART_CLASSES } from '../core/status-report';
import { columnLetter } from '../core/text';
import { unitTableCells, unitTableHeader } from '../core/unit-sheet';
import type { ColumnKey } from '../core/vocabulary';
import type { PageCheck } from './check';

type Child = Node | string | null | undefined | false;

/** An element with attributes and children; strings become text nodes, never markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const pct = (rate: number) => `${Math.round(rate * 100)}%`;

function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return el(
    'section',
    { id, 'aria-labelledby': `${id}-title` },
    el('h2', { id: `${id}-title` }, title),
    ...children,
  );
}

function table(caption: string | null, head: string[], rows: Child[][], className = ''): HTMLTableElement {
  return el(
    'table',
    className ? { class: className } : {},
    caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      ...rows.map((r) =>
        el('tr', {}, ...r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c)))),
      ),
    ),
  );
}

/** The line under the title: file, sheet, year, header row, counts, the day deadlines are judged against. */
export function metaLine(check: PageCheck): string {
  const { plan, today } = check.result;
  return `Tệp “${check.fileName}” — trang “${plan.sheet}” · năm kế hoạch ${plan.planYear} · tiêu đề ở dòng ${plan.headerRow} · ${plan.tasks.length} ${WORDS.tasks} · ${plan.sections.length} ${WORDS.sections} · tính đến ngày ${viDay(today)}`;
}

/** Counts by severity, then by kind of finding. */
export function summary(check: PageCheck): HTMLElement {
  const { findings } = check.result;
  const bySeverity = (['error', 'warning', 'info'] as Severity[]).map((s) =>
    el(
      'li',
      { class: `count ${s}` },
      el('span', { class: 'n' }, String(findings.filter((f) => f.severity === s).length)),
      el('span', {}, SEVERITY_LABELS[s]),
    ),
  );
  const byCode = new Map<string, { severity: Severity; label: string; n: number }>();
  for (const f of findings) {
    const key = `${f.severity}:${f.code}`;
    const c = byCode.get(key) ?? { severity: f.severity, label: CODE_LABELS[f.code], n: 0 };
    c.n++;
    byCode.set(key, c);
  }
  const kinds = [...byCode.values()].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return section(
    'tong-hop',
    'Tổng hợp phát hiện',
    el('ul', { class: 'counts' }, ...bySeverity),
    findings.length === 0
      ? el('p', { class: 'ok' }, 'Không phát hiện vấn đề nào.')
      : table(
          null,
          ['Mức độ', 'Loại', 'Số lượng'],
          kinds.map((k) => [SEVERITY_LABELS[k.severity], k.label, String(k.n)]),
          'narrow',
        ),
  );
}

/** Findings listed on the page (a plan of thousands of tasks would make the page slow to draw). */
export const MAX_LISTED = 500;

/** Every finding: row, column, severity and message, in the sheet's order (the first MAX_LISTED). */
export function findingsList(check: PageCheck): HTMLElement | null {
  const { findings } = check.result;
  if (findings.length === 0) return null;
  const rows = findings.slice(0, MAX_LISTED).map((f) => {
    const tr = el(
      'tr',
      { class: f.severity },
      el('td', {}, f.row === null ? 'Cả bảng' : String(f.row)),
      el('td', {}, f.column ?? ''),
      el('td', {}, el('span', { class: `tag ${f.severity}` }, SEVERITY_LABELS[f.severity])),
      el('td', {}, f.message),
    );
    return tr;
  });
  return section(
    'chi-tiet',
    'Chi tiết theo dòng',
    el(
      'table',
      { class: 'findings' },
      el(
        'thead',
        {},
        el('tr', {}, ...['Dòng', 'Cột', 'Mức độ', 'Nội dung'].map((h) => el('th', { scope: 'col' }, h))),
      ),
      el('tbody', {}, ...rows),
    ),
    findings.length > MAX_LISTED
      ? el(
          'p',
          { class: 'muted' },
          `Còn ${findings.length - MAX_LISTED} phát hiện nữa không hiện ở đây: bản đã đánh dấu (.xlsx) có đủ, ở đúng từng ô.`,
        )
      : null,
  );
}

/** The pillars shown: those with tasks, then the totals row. */
function shownPivot(pivot: readonly PivotRow[]): PivotRow[] {
  const total = pivot[pivot.length - 1];
  return pivot.filter((r) => r.total > 0 || r === total);
}

/** The status table by pillar, the chart of it, and how to read it. */
export function pivotSection(check: PageCheck): HTMLElement {
  const { pivot, dueSoonDays } = check.result;
  const rows = shownPivot(pivot).map((r) => [
    r.pillar,
    ...STATUS_TABLE_KEYS.map((k) => (k === 'doneRate' ? pct(r.doneRate) : String(r[k]))),
  ]);
  const t = table(null, [WORDS.pillar, ...STATUS_TABLE_KEYS.map((k) => COUNT_LABELS[k].long)], rows, 'pivot');
  t.tBodies[0]?.lastElementChild?.classList.add('total');
  const empty = pivot.filter((r) => r.total === 0).map((r) => r.pillar);
  return section(
    'tru-cot',
    `Trạng thái theo ${WORDS.pillar.toLowerCase()}`,
    el('div', { class: 'scroll' }, t),
    empty.length > 0 ? el('p', { class: 'muted' }, `Không có nhiệm vụ: ${empty.join(', ')}.`) : null,
    el('p', { class: 'muted small' }, statusLegend(dueSoonDays)),
    chart(pivot.slice(0, -1).filter((r) => r.total > 0)),
  );
}

/** A stacked bar per pillar, the classes of the status sheet's chart in its colours. */
export function chart(rows: readonly PivotRow[]): HTMLElement {
  const title = 'Tiến độ nhiệm vụ theo trụ cột';
  const labelWidth = 250;
  const barWidth = 450;
  const rowHeight = 28;
  const top = 8;
  const axis = 26;
  const width = labelWidth + barWidth + 20;
  const height = top + rows.length * rowHeight + axis;
  const max = Math.max(1, ...rows.map((r) => CHART_CLASSES.reduce((n, c) => n + r[c.key], 0)));
  const step = niceStep(max);
  const scale = barWidth / (Math.ceil(max / step) * step);
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-labelledby': 'bieu-do-title',
    class: 'chart',
  });
  root.append(svg('title', { id: 'bieu-do-title' }, `${title} (số liệu ở bảng trên)`));
  for (let v = 0; v * scale <= barWidth + 0.5; v += step) {
    const x = labelWidth + v * scale;
    root.append(svg('line', { x1: x, x2: x, y1: top - 4, y2: top + rows.length * rowHeight, class: 'grid' }));
    root.append(
      svg(
        'text',
        { x, y: top + rows.length * rowHeight + 16, 'text-anchor': 'middle', class: 'tick' },
        String(v),
      ),
    );
  }
  rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    const name =
      [...r.pillar].length > 30
        ? `${[...r.pillar]
            .slice(0, 29)
            .join('')
            .replace(/[\s,;:.]+$/, '')}…`
        : r.pillar;
    const label = svg(
      'text',
      { x: labelWidth - 8, y: y + rowHeight / 2 + 4, 'text-anchor': 'end', class: 'label' },
      name,
    );
    label.append(svg('title', {}, r.pillar));
    root.append(label);
    let x = labelWidth;
    for (const c of CHART_CLASSES) {
      const n = r[c.key];
      if (n === 0) continue;
      const w = n * scale;
      const rect = svg('rect', {
        x,
        y: y + 5,
        width: w,
        height: rowHeight - 10,
        fill: c.color,
        class: `seg ${c.key}`,
      });
      rect.append(svg('title', {}, `${r.pillar} — ${COUNT_LABELS[c.key].long}: ${n}`));
      root.append(rect);
      if (w >= 16)
        root.append(
          svg(
            'text',
            { x: x + w / 2, y: y + rowHeight / 2 + 4, 'text-anchor': 'middle', class: 'value' },
            String(n),
          ),
        );
      x += w;
    }
  });
  const legend = el(
    'ul',
    { class: 'legend' },
    ...CHART_CLASSES.map((c) => {
      const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.backgroundColor = c.color;
      return el('li', {}, swatch, COUNT_LABELS[c.key].long);
    }),
  );
  return el('figure', { class: 'chart-box' }, el('figcaption', {}, title), root, legend);
}

function niceStep(max: number): number {
  for (const s of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000]) if (max / s <= 10) return s;
  return Math.pow(10, Math.ceil(Math.log10(max / 10)));
}

/** Status by lead unit, the units with overdue tasks first. */
export function unitsSection(check: PageCheck): HTMLElement | null {
  const { units } = check.result;
  if (units.length === 0) return null;
  return section(
    'don-vi',
    'Theo đơn vị chủ trì',
    el(
      'p',
      { class: 'muted' },
      'Đơn vị có nhiệm vụ quá hạn lên đầu; tên đơn vị viết khác nhau được gộp làm một.',
    ),
    el(
      'div',
      { class: 'scroll' },
      table(
        null,
        unitTableHeader('long'),
        units.map((u) => [
          u.variants.length > 1 ? el('span', { title: `Viết là: ${u.variants.join('; ')}` }, u.unit) : u.unit,
          ...unitTableCells(u).map(String),
        ]),
        'units',
      ),
    ),
  );
}

/** How the table was read: the columns recognised, how they were chosen, the rows read as headings. */
export function readingSection(check: PageCheck): HTMLElement {
  const { plan } = check.result;
  const cols = (Object.entries(plan.columns) as [ColumnKey, number][])
    .sort((a, b) => a[1] - b[1])
    .map(([k, c]) => `${columnLetter(c)} “${standardHeader(k)}”`)
    .join(', ');
  return section(
    'cach-doc',
    'Cách đọc bảng',
    el('p', {}, `Cột nhận ra: ${cols}.`),
    plan.columnNotes.length > 0 ? el('ul', {}, ...plan.columnNotes.map((n) => el('li', {}, n))) : null,
    plan.headings.length > 0
      ? el(
          'details',
          {},
          el('summary', {}, `Dòng đọc là tiêu đề nhóm, không phải nhiệm vụ (${plan.headings.length})`),
          table(
            null,
            ['Dòng', 'Nội dung'],
            plan.headings.map((h) => [String(h.row), h.text]),
            'narrow headings',
          ),
        )
      : null,
  );
}

/** What the reader had to say about the file itself (Word paragraphs not read, replaced bytes…). */
export function fileNotes(check: PageCheck): HTMLElement | null {
  if (check.notes.length === 0) return null;
  return el(
    'div',
    { class: 'notes', role: 'note' },
    el('p', {}, el('strong', {}, 'Chú ý khi đọc tệp:')),
    el('ul', {}, ...check.notes.map((n) => el('li', {}, n))),
  );
}

/** The severity colours as CSS custom properties, so the page and the checked copy agree. */
export function severityColors(root: HTMLElement): void {
  for (const [s, c] of Object.entries(SEVERITY_COLORS)) root.style.setProperty(`--${s}`, c);
}
