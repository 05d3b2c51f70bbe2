/// <reference lib="dom" />
/**
 * The browser page site/kiem-tra.html: an officer drops an exported .xlsx, .csv or a Word plan,
 * the page checks it with the core as the command line does and shows the findings, the table by
 * pillar with its chart and the table by lead unit; the checked copy is made in the page too.
 * Nothing leaves the computer: the page makes no request at all (its Content-Security-Policy
 * forbids any), and works from a saved file without a network.
 *
 * Contract for tests and automation: a file comes in through #file (or a drop on #drop);
 * `?today=YYYY-MM-DD` fixes the day; once read, the page holds the JSON report of
 * `check --json` in <script type="application/json" id="report">; body[data-state] is
 * "reading", "ready" or "error".
 */
import { MAX_FILE_BYTES, tooLarge } from '../core/book';
import { dayFromText, viDay } from '../core/dates';
import { isUserError } from '../core/errors';
import { strFromU8, inflateSync } from 'fflate';
import {
  WORKBOOK_GLOBAL,
  checkFile,
  checkedFileName,
  dueSoonDaysOf,
  reportScriptText,
  settingsFromAddress,
  type PageCheck,
} from './check';
import {
  el,
  fileNotes,
  findingsList,
  metaLine,
  pivotSection,
  readingSection,
  severityColors,
  summary,
  unitsSection,
} from './view';
import type { PageWorkbook } from './workbook';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

interface Loaded {
  bytes: Uint8Array;
  fileName: string;
  sheet: string | undefined;
  check: PageCheck | null;
}

let loaded: Loaded | null = null;

function setState(state: 'idle' | 'reading' | 'ready' | 'error'): void {
  document.body.dataset.state = state;
}

function say(text: string): void {
  $('status').textContent = text;
}

function fail(message: string): void {
  const box = $('error');
  box.textContent = message;
  box.hidden = false;
  setState('error');
}

function messageOf(e: unknown, fileName: string): string {
  if (isUserError(e)) return (e as Error).message;
  const detail = e instanceof Error ? e.message : String(e);
  return `Không kiểm tra được tệp “${fileName}” (${detail}). Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi chọn lại.`;
}

function clearResults(): void {
  $('error').hidden = true;
  $('error').textContent = '';
  $('results').hidden = true;
  $('results-body').textContent = '';
  document.getElementById('report')?.remove();
}

/** The settings typed on the page, or the reason they cannot be used. */
function settings(): { today: string; dueSoonDays: number } | string {
  const typed = $<HTMLInputElement>('today').value.trim();
  const today = dayFromText(typed);
  if (today === null)
    return typed === ''
      ? 'Hãy ghi “Ngày tính hạn” (ngày dùng để tính quá hạn, sắp đến hạn), ví dụ 20/12/2026.'
      : `“Ngày tính hạn” “${typed}” không hợp lệ; ghi theo dạng ngày/tháng/năm, ví dụ 20/12/2026.`;
  const days = dueSoonDaysOf($<HTMLInputElement>('due-soon').value);
  if (typeof days === 'string') return days;
  return { today, dueSoonDays: days };
}

async function readFile(file: File): Promise<void> {
  $('file-name').textContent = file.name;
  clearResults();
  loaded = null;
  if (file.size > MAX_FILE_BYTES) {
    fail(tooLarge(file.name, file.size).message);
    return;
  }
  setState('reading');
  say(`Đang đọc tệp “${file.name}”…`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    say('');
    fail(`Không đọc được tệp “${file.name}” trên máy này. Hãy chép tệp ra ổ đĩa của máy rồi chọn lại.`);
    return;
  }
  loaded = { bytes, fileName: file.name, sheet: undefined, check: null };
  // Let the "reading" line show before the check holds the page for a moment.
  await new Promise((r) => setTimeout(r, 0));
  run();
}

/** Checks the file read, with the settings on the page, and shows the result. */
function run(): void {
  if (!loaded) return;
  clearResults();
  const s = settings();
  if (typeof s === 'string') {
    say('');
    fail(s);
    return;
  }
  try {
    const check = checkFile(loaded.bytes, loaded.fileName, s, loaded.sheet);
    loaded.check = check;
    show(check);
    say(`Đã kiểm tra tệp “${loaded.fileName}”.`);
    setState('ready');
  } catch (e) {
    loaded.check = null;
    say('');
    fail(messageOf(e, loaded.fileName));
  }
}

function show(check: PageCheck): void {
  const body = $('results-body');
  $('meta').textContent = metaLine(check);
  const picker = $('sheet-picker');
  picker.textContent = '';
  if (check.sheetNames.length > 1) {
    const select = el('select', { id: 'sheet' });
    for (const n of check.sheetNames) {
      const option = el('option', {}, n);
      option.value = n;
      option.selected = n === check.sheet.name;
      select.append(option);
    }
    select.addEventListener('change', () => {
      if (loaded) loaded.sheet = select.value;
      run();
    });
    picker.append(el('label', { for: 'sheet' }, 'Trang được kiểm tra: '), select);
  }
  for (const part of [
    fileNotes(check),
    summary(check),
    findingsList(check),
    pivotSection(check),
    unitsSection(check),
    readingSection(check),
  ])
    if (part) body.append(part);
  $('results').hidden = false;
  $<HTMLButtonElement>('download').disabled = false;
  $('download-status').textContent = '';
  const report = document.createElement('script');
  report.type = 'application/json';
  report.id = 'report';
  report.textContent = reportScriptText(check.report);
  document.body.append(report);
}

/** The second script, evaluated the first time a copy is asked for (see src/page/workbook.ts). */
function workbookCode(): PageWorkbook {
  const g = globalThis as unknown as Record<string, PageWorkbook | undefined>;
  if (!g[WORKBOOK_GLOBAL]) {
    const packed = $('workbook-code').textContent?.trim() ?? '';
    const binary = atob(packed);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const script = document.createElement('script');
    script.textContent = strFromU8(inflateSync(bytes));
    document.head.append(script);
  }
  const api = g[WORKBOOK_GLOBAL];
  if (!api) throw new Error('không nạp được phần tạo tệp Excel');
  return api;
}

async function download(): Promise<void> {
  const current = loaded;
  const check = current?.check;
  if (!current || !check) return;
  const button = $<HTMLButtonElement>('download');
  const status = $('download-status');
  button.disabled = true;
  status.textContent = 'Đang tạo bản đã đánh dấu…';
  await new Promise((r) => setTimeout(r, 0));
  try {
    const bytes = await workbookCode().checkedFile(
      check.kind,
      current.bytes,
      current.fileName,
      check.sheet,
      check.result,
    );
    const blob = new Blob([bytes as BlobPart], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const url = URL.createObjectURL(blob);
    const name = checkedFileName(current.fileName);
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = `Đã tạo “${name}” (xem thư mục Tải xuống của trình duyệt).`;
  } catch (e) {
    status.textContent = isUserError(e)
      ? (e as Error).message
      : `Không tạo được bản đã đánh dấu (${e instanceof Error ? e.message : String(e)}). Hãy thử lại, hoặc dùng Excel để lưu lại tệp gốc rồi chọn lại.`;
  } finally {
    button.disabled = false;
  }
}

function start(): void {
  severityColors(document.documentElement);
  const { settings: initial, problems } = settingsFromAddress(location.search, new Date());
  $<HTMLInputElement>('today').value = viDay(initial.today);
  $<HTMLInputElement>('due-soon').value = String(initial.dueSoonDays);
  if (problems.length > 0) $('notice').textContent = problems.join(' ');
  const input = $<HTMLInputElement>('file');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void readFile(file);
  });
  const drop = $('drop');
  for (const type of ['dragenter', 'dragover'])
    drop.addEventListener(type, (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const file = (e as DragEvent).dataTransfer?.files[0];
    if (file) void readFile(file);
  });
  // A file dropped beside the zone must not make the browser open it in place of the page.
  for (const type of ['dragover', 'drop']) window.addEventListener(type, (e) => e.preventDefault());
  $('today').addEventListener('change', run);
  $('due-soon').addEventListener('change', run);
  $('download').addEventListener('click', () => void download());
  setState('idle');
  performance.mark('kiem-tra:ready');
}

start();
