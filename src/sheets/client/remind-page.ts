/// <reference lib="dom" />
/**
 * The reminder dialog's page script: the preview (each unit, its addresses, its tasks, whether it
 * was sent today), the choice of units, the mail quota, and the send through google.script.run.
 * Text from the sheet is shown through textContent only. Bundled into Remind.html by the build.
 */
import { COUNT_LABELS, FOLLOW_WORDS } from '../../core/labels';
import type { PreviewUnit, RemindPreview, SendOutcome } from '../follow';

type Served<T> = { ok: true; value: T } | { ok: false; error: string };

declare const DATA: RemindPreview;
declare const google: {
  script: {
    run: {
      withSuccessHandler(f: (v: unknown) => void): {
        withFailureHandler(f: (e: unknown) => void): Record<string, (...args: unknown[]) => void>;
      };
    };
    host: { close(): void };
  };
};

const $ = (id: string) => document.getElementById(id) as HTMLElement;

function el(tag: string, className?: string, text?: string | number): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = String(text);
  return e;
}

function day(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

interface Row {
  unit: PreviewUnit;
  send: HTMLInputElement;
  again: HTMLInputElement | null;
  box: HTMLElement;
}

const rows: Row[] = [];

function counts(u: PreviewUnit): string {
  const parts: string[] = [];
  if (u.overdue > 0) parts.push(`${u.overdue} ${COUNT_LABELS.overdue.long.toLowerCase()}`);
  if (u.dueSoon > 0) parts.push(`${u.dueSoon} ${COUNT_LABELS.dueSoon.long.toLowerCase()}`);
  return parts.join(', ');
}

function taskTable(u: PreviewUnit): HTMLElement {
  const details = el('details');
  details.appendChild(el('summary', 'muted', `Xem ${u.tasks.length} nhiệm vụ`));
  const table = el('table');
  const head = el('tr');
  for (const h of [FOLLOW_WORDS.number, FOLLOW_WORDS.task, FOLLOW_WORDS.deadline, FOLLOW_WORDS.situation])
    head.appendChild(el('th', '', h));
  table.appendChild(head);
  for (const t of u.tasks) {
    const tr = el('tr');
    tr.appendChild(el('td', '', t.stt));
    const task = el('td', '', t.task);
    task.appendChild(el('div', 'muted', t.pillar));
    tr.appendChild(task);
    tr.appendChild(el('td', '', t.deadline));
    tr.appendChild(el('td', t.overdue ? 'late' : '', t.situation));
    table.appendChild(tr);
  }
  details.appendChild(table);
  return details;
}

function render(): void {
  const ready = DATA.units.filter((u) => u.status !== 'no-address').length;
  $('intro').textContent =
    `Tính đến ${day(DATA.today)}, ${DATA.units.length} đơn vị có nhiệm vụ quá hạn hoặc sắp đến hạn` +
    ` (${ready} đơn vị có địa chỉ thư). Mỗi đơn vị được chọn nhận một thư liệt kê các nhiệm vụ đó.`;
  for (const n of DATA.notes) $('notes').appendChild(el('li', '', n));
  for (const u of DATA.units) {
    const box = el('div', 'unit');
    const head = el('label', 'head');
    const send = document.createElement('input');
    send.type = 'checkbox';
    send.checked = u.status === 'ready';
    send.disabled = u.status === 'no-address';
    head.appendChild(send);
    head.appendChild(el('span', 'name', u.unit));
    head.appendChild(el('span', 'counts', counts(u)));
    box.appendChild(head);
    const to = el('div', u.emails.length > 0 ? 'muted' : 'problem');
    to.textContent =
      u.emails.length > 0
        ? `Gửi tới: ${u.emails.join(', ')}`
        : `${FOLLOW_WORDS.noAddress}: ghi địa chỉ ở trang “${DATA.listSheet ?? FOLLOW_WORDS.unitList}” để gửi được`;
    box.appendChild(to);
    let again: HTMLInputElement | null = null;
    if (u.status === 'sent-today') {
      const line = el('label', 'problem');
      again = document.createElement('input');
      again.type = 'checkbox';
      line.appendChild(again);
      line.appendChild(
        document.createTextNode(
          ` ${FOLLOW_WORDS.sentToday} lúc ${u.sentAt ?? ''}. Gửi lại (thư thứ hai trong ngày)`,
        ),
      );
      box.appendChild(line);
      const a = again;
      a.addEventListener('change', () => {
        send.checked = a.checked;
        update();
      });
    }
    box.appendChild(taskTable(u));
    send.addEventListener('change', () => {
      if (again && send.checked && !again.checked) again.checked = true;
      if (again && !send.checked) again.checked = false;
      update();
    });
    rows.push({ unit: u, send, again, box });
    $('units').appendChild(box);
  }
  update();
}

function update(): void {
  let units = 0;
  let recipients = 0;
  for (const r of rows) {
    r.box.className = r.send.checked ? 'unit' : 'unit off';
    if (!r.send.checked) continue;
    units++;
    recipients += r.unit.emails.length;
  }
  const over = recipients > DATA.quota;
  $('quota').className = over ? 'problem' : 'muted';
  $('quota').textContent =
    `Đã chọn ${units} đơn vị, ${recipients} người nhận. Hạn mức gửi thư của Google hôm nay còn ${DATA.quota} người nhận.` +
    (over
      ? ' Không đủ cho tất cả: thư được gửi lần lượt (đơn vị quá hạn nhiều nhất trước) cho đến khi hết hạn mức; các đơn vị còn lại để gửi vào ngày mai.'
      : '');
  ($('send') as HTMLButtonElement).disabled = units === 0 || DATA.quota === 0;
}

const OUTCOME_CLASS: Record<string, string> = {
  sent: 'ok',
  failed: 'problem',
  quota: 'problem',
  'no-address': 'problem',
  'sent-today': 'muted',
};

function show(result: Served<SendOutcome>): void {
  if (!result.ok) {
    $('result').className = 'problem';
    $('result').textContent = result.error;
    ($('send') as HTMLButtonElement).disabled = false;
    return;
  }
  $('result').className = result.value.sent > 0 ? 'ok' : 'problem';
  $('result').textContent = result.value.message;
  for (const o of result.value.outcomes)
    $('outcomes').appendChild(el('li', OUTCOME_CLASS[o.outcome] ?? '', `${o.unit}: ${o.detail}`));
  ($('send') as HTMLButtonElement).hidden = true;
}

function send(): void {
  const keys = rows.filter((r) => r.send.checked).map((r) => r.unit.key);
  const resend = rows.filter((r) => r.send.checked && r.again?.checked).map((r) => r.unit.key);
  ($('send') as HTMLButtonElement).disabled = true;
  $('result').className = 'muted';
  $('result').textContent = 'Đang gửi…';
  const runner = google.script.run
    .withSuccessHandler((v) => show(v as Served<SendOutcome>))
    .withFailureHandler((e) =>
      show({ ok: false, error: `Không gửi được: ${String((e as { message?: string })?.message ?? e)}` }),
    );
  runner.remindSend?.({ keys, resend });
}

render();
$('send').addEventListener('click', send);
$('close').addEventListener('click', () => google.script.host.close());
