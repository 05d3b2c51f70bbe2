/**
 * What the terminal shows: the readable Vietnamese summary of a check, in the words of the one
 * label table (src/core/labels.ts). Text that came from a file is made safe to print: control
 * characters and direction overrides show as escapes (\x1b, \u202e) instead of acting on the
 * terminal.
 */
import type { CheckResult } from '../core/check';
import { viDay } from '../core/dates';
import type { FindingCode, Severity } from '../core/findings';
import { standardHeader } from '../core/findings';
import {
  CODE_LABELS,
  COUNT_LABELS,
  SEVERITY_LABELS,
  STATUS_TABLE_KEYS,
  WORDS,
  type CountKey,
} from '../core/labels';
import { columnLetter } from '../core/text';
import { unitTableCells, unitTableHeader } from '../core/unit-sheet';
import type { ColumnKey } from '../core/vocabulary';

const COLORS: Record<Severity | 'bold' | 'dim' | 'ok', string> = {
  error: '31',
  warning: '33',
  info: '36',
  bold: '1',
  dim: '2',
  ok: '32',
};

// Colours are put in as private-use marks first, so that making the text safe cannot touch them.
const OPEN = '\uE000';
const CLOSE = '\uE001';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A file's text, safe for a terminal: controls, C1 codes and direction overrides as escapes. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Makes the text safe, then turns the colour marks into terminal codes (or drops them). */
function finish(text: string, color: boolean): string {
  const marks = /\uE000(\d+)\uE001|\uE001/g;
  let out = '';
  let at = 0;
  for (let m = marks.exec(text); m; m = marks.exec(text)) {
    out += printable(text.slice(at, m.index));
    if (color) out += m[1] !== undefined ? `\x1b[${m[1]}m` : '\x1b[0m';
    at = marks.lastIndex;
  }
  return out + printable(text.slice(at));
}

function painter(): (style: keyof typeof COLORS, s: string) => string {
  return (style, s) => `${OPEN}${COLORS[style]}${CLOSE}${s}${CLOSE}`;
}

/** Pads by code points so Vietnamese text lines up. */
function pad(s: string, width: number): string {
  const len = [...s].length;
  return len >= width ? s : s + ' '.repeat(width - len);
}

function truncate(s: string, width: number): string {
  const chars = [...s];
  return chars.length <= width ? s : chars.slice(0, width - 1).join('') + '…';
}

/** A table with its first column left-aligned and the others right-aligned. */
function table(head: string[], rows: string[][], firstWidth: number): string[] {
  const widths = head.map((h, i) =>
    i === 0 ? firstWidth : Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)),
  );
  const line = (cells: string[]) =>
    '  ' +
    cells
      .map((c, i) =>
        i === 0
          ? pad(truncate(c, widths[0] as number), widths[0] as number)
          : c.padStart(widths[i] as number),
      )
      .join('  ');
  return [line(head), ...rows.map(line)];
}

/** The status table's columns, less the split of done tasks by timeliness (the terminal is narrow). */
const PIVOT_KEYS: readonly CountKey[] = STATUS_TABLE_KEYS.filter(
  (k) => k !== 'doneOnTime' && k !== 'doneLate',
);

export function formatSummary(result: CheckResult, file: string, color: boolean): string {
  const paint = painter();
  const { plan, findings, pivot } = result;
  const out: string[] = [];
  out.push(paint('bold', `Kiểm tra bảng phân công: ${file} — trang “${plan.sheet}”`));
  out.push(
    `Năm kế hoạch ${plan.planYear} · tiêu đề ở dòng ${plan.headerRow} · ${plan.tasks.length} ${WORDS.tasks} · ${plan.sections.length} ${WORDS.sections} · tính đến ngày ${viDay(result.today)}`,
  );
  const cols = (Object.entries(plan.columns) as [ColumnKey, number][])
    .sort((a, b) => a[1] - b[1])
    .map(([k, c]) => `${columnLetter(c)} “${standardHeader(k)}”`)
    .join(', ');
  out.push(paint('dim', `Cột nhận ra: ${cols}`));
  for (const note of plan.columnNotes) out.push(paint('dim', note));
  if (plan.headings.length > 0) {
    const list = plan.headings.map((h) => `${h.row} “${truncate(h.text, 40)}”`).join(', ');
    out.push(paint('dim', `Dòng đọc là tiêu đề nhóm (không phải nhiệm vụ): ${list}`));
  }
  out.push('');

  const counts = new Map<string, { code: FindingCode; severity: Severity; n: number }>();
  for (const f of findings) {
    const key = `${f.severity}:${f.code}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { code: f.code, severity: f.severity, n: 1 });
  }
  const rank = { error: 0, warning: 1, info: 2 } as const;
  if (findings.length === 0) out.push(paint('ok', 'Không phát hiện vấn đề nào.'));
  else {
    out.push(paint('bold', 'Tổng hợp phát hiện:'));
    for (const { code, severity, n } of [...counts.values()].sort(
      (a, b) => rank[a.severity] - rank[b.severity],
    ))
      out.push(`  ${paint(severity, pad(SEVERITY_LABELS[severity], 9))} ${pad(CODE_LABELS[code], 28)} ${n}`);
    out.push('');
    out.push(paint('bold', 'Chi tiết theo dòng:'));
    for (const f of findings) {
      const where = f.row === null ? 'Cả bảng   ' : pad(`Dòng ${f.row}${f.column ? ` ${f.column}` : ''}`, 10);
      out.push(`  ${where} ${paint(f.severity, pad(SEVERITY_LABELS[f.severity], 9))} ${f.message}`);
    }
  }
  out.push('');
  out.push(paint('bold', `Trạng thái theo ${WORDS.pillar.toLowerCase()}:`));
  const shown = pivot.filter((r) => r.total > 0 || r === pivot[pivot.length - 1]);
  const rows = shown.map((r) => [
    r.pillar,
    ...PIVOT_KEYS.map((k) =>
      k === 'doneRate' ? `${Math.round(r.doneRate * 100)}%` : String(r[k as keyof typeof r]),
    ),
  ]);
  const nameWidth = Math.min(40, Math.max(WORDS.pillar.length, ...rows.map((r) => [...(r[0] ?? '')].length)));
  const lines = table([WORDS.pillar, ...PIVOT_KEYS.map((k) => COUNT_LABELS[k].short)], rows, nameWidth);
  lines.forEach((l, i) => out.push(i === lines.length - 1 ? paint('bold', l) : l));
  const empty = pivot.filter((r) => r.total === 0).map((r) => r.pillar);
  if (empty.length > 0) out.push(paint('dim', `  (Không có nhiệm vụ: ${empty.join(', ')})`));

  if (result.units.length > 0) {
    out.push('');
    out.push(paint('bold', 'Theo đơn vị chủ trì (đơn vị có nhiệm vụ quá hạn lên đầu):'));
    const unitRows = result.units.map((u) => [u.unit, ...unitTableCells(u).map(String)]);
    const unitWidth = Math.min(40, Math.max(6, ...unitRows.map((r) => [...(r[0] ?? '')].length)));
    out.push(...table(unitTableHeader('short'), unitRows, unitWidth));
  }
  return finish(out.join('\n'), color);
}

/** A message for stderr, made safe the same way. */
export function safeLine(text: string): string {
  return printable(text);
}
