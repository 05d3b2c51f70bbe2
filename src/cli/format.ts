/** The readable Vietnamese summary printed by `check` without --json. */
import type { CheckResult } from '../core/check';
import { viDay } from '../core/dates';
import type { FindingCode, Severity } from '../core/findings';
import { CODE_LABELS, SEVERITY_LABELS } from '../core/labels';
import { columnLetter } from '../core/text';
import { standardHeader } from '../core/findings';
import type { ColumnKey } from '../core/vocabulary';

const COLORS: Record<Severity | 'bold' | 'dim' | 'ok', string> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  ok: '\x1b[32m',
};

export function formatSummary(result: CheckResult, file: string, color: boolean): string {
  const paint = (style: keyof typeof COLORS, s: string) => (color ? `${COLORS[style]}${s}\x1b[0m` : s);
  const { plan, findings, pivot } = result;
  const out: string[] = [];
  out.push(paint('bold', `Kiểm tra bảng phân công: ${file} — trang “${plan.sheet}”`));
  out.push(
    `Năm kế hoạch ${plan.planYear} · tiêu đề ở dòng ${plan.headerRow} · ${plan.tasks.length} nhiệm vụ · ${plan.sections.length} mục · tính đến ngày ${viDay(result.today)}`,
  );
  const cols = (Object.entries(plan.columns) as [ColumnKey, number][])
    .sort((a, b) => a[1] - b[1])
    .map(([k, c]) => `${columnLetter(c)} “${standardHeader(k)}”`)
    .join(', ');
  out.push(paint('dim', `Cột nhận ra: ${cols}`));
  out.push('');

  const counts = new Map<FindingCode, { severity: Severity; n: number }>();
  for (const f of findings) {
    const c = counts.get(f.code);
    if (c) c.n++;
    else counts.set(f.code, { severity: f.severity, n: 1 });
  }
  if (findings.length === 0) out.push(paint('ok', 'Không phát hiện vấn đề nào.'));
  else {
    out.push(paint('bold', 'Tổng hợp phát hiện:'));
    for (const [code, { severity, n }] of counts) {
      out.push(`  ${paint(severity, pad(SEVERITY_LABELS[severity], 9))} ${pad(CODE_LABELS[code], 28)} ${n}`);
    }
    out.push('');
    out.push(paint('bold', 'Chi tiết theo dòng:'));
    for (const f of findings) {
      const where = f.row === null ? 'Cả bảng   ' : pad(`Dòng ${f.row}${f.column ? ` ${f.column}` : ''}`, 10);
      out.push(`  ${where} ${paint(f.severity, pad(SEVERITY_LABELS[f.severity], 9))} ${f.message}`);
    }
  }
  out.push('');
  out.push(paint('bold', 'Trạng thái theo trụ cột:'));
  const head = [
    'Trụ cột',
    'Tổng',
    'Xong',
    'Trong hạn',
    'Quá hạn',
    'Không hạn',
    'Sắp hạn',
    'Thiếu CT',
    '% xong',
  ];
  const rows = pivot
    .filter((r) => r.total > 0 || r === pivot[pivot.length - 1])
    .map((r) => [
      r.pillar,
      String(r.total),
      String(r.done),
      String(r.onTrack),
      String(r.overdue),
      String(r.noDeadline),
      String(r.dueSoon),
      String(r.missingLead),
      `${Math.round(r.doneRate * 100)}%`,
    ]);
  const nameWidth = Math.min(48, Math.max((head[0] ?? '').length, ...rows.map((r) => (r[0] ?? '').length)));
  const line = (cells: string[]) =>
    '  ' +
    cells
      .map((c, i) => (i === 0 ? pad(truncate(c, nameWidth), nameWidth) : c.padStart((head[i] ?? '').length)))
      .join('  ');
  out.push(line(head));
  rows.forEach((r, i) => out.push(i === rows.length - 1 ? paint('bold', line(r)) : line(r)));
  const empty = pivot.filter((r) => r.total === 0).map((r) => r.pillar);
  if (empty.length > 0) out.push(paint('dim', `  (Không có nhiệm vụ: ${empty.join(', ')})`));
  return out.join('\n');
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
