/// <reference lib="dom" />
/**
 * The import dialog's script (bundled into Import.html by the build): the officer picks the
 * plan's .docx, it is read here in the dialog with the core's importDocx (the file never goes to
 * the server), laid out as the standard task sheet as `ke-hoach-cds import` does, shown, and on
 * "Tạo trang và kiểm tra" its rows go to importPlanRows. `readWordPlan` is the whole of what the
 * dialog computes, exported so the tests run exactly it.
 */
import { MAX_FILE_BYTES, docxBook, tooLarge } from '../../core/book';
import { UserError, isUserError } from '../../core/errors';
import { parsePlan } from '../../core/plan';
import { standardSheet } from '../../core/template';
import { detectFormat, formatError } from '../../core/xlsx';
import type { ImportPayload, ImportResult } from '../import';

export interface WordPlan {
  payload: ImportPayload;
  source: 'table' | 'prose';
  tasks: number;
  sections: number;
  /** What the import did or ignored (tables joined, macros…). */
  notes: string[];
  /** Paragraphs not read, with why. */
  problems: { text: string; reason: string }[];
}

/** A Word plan's bytes → the rows of the standard task sheet and what to tell the officer. Throws UserError. */
export function readWordPlan(
  bytes: Uint8Array,
  fileName: string,
  options: { today: string; timeZone: string },
): WordPlan {
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(fileName, bytes.length);
  const format = detectFormat(bytes);
  if (format === 'xlsx' || format === 'text')
    throw new UserError(
      `Tệp “${fileName}” là bảng tính, không phải văn bản Word. Hãy mở nó trong Google Trang tính (Tệp → Nhập) rồi chạy “Kiểm tra bảng phân công”.`,
    );
  if (format !== 'docx') throw formatError(format, bytes, fileName);
  const { imported } = docxBook(fileName, bytes, options.timeZone);
  const plan = parsePlan(imported.sheet, { today: options.today, timeZone: options.timeZone });
  const { sheet, headerRow } = standardSheet(plan, imported.sheet.name, imported.title);
  const rows = sheet.values.map((r) =>
    r.map((v) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v))),
  );
  return {
    payload: { fileName, rows, headerRow, problems: imported.problems.map((p) => p.text) },
    source: imported.source,
    tasks: plan.tasks.length,
    sections: plan.sections.length,
    notes: imported.notes,
    problems: imported.problems,
  };
}

// ---- the dialog ----------------------------------------------------------------------------

interface DialogData {
  today: string;
  timeZone: string;
}

type Served<T> = { ok: true; value: T } | { ok: false; error: string };

interface ScriptRun {
  withSuccessHandler(f: (v: unknown) => void): ScriptRun;
  withFailureHandler(f: (e: unknown) => void): ScriptRun;
  importPlanRows(payload: ImportPayload): void;
}

declare const google: { script: { run: ScriptRun; host: { close(): void } } };

function dialog(data: DialogData): void {
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
  const list = (id: string, items: string[]) => {
    const ul = $(id);
    ul.textContent = '';
    for (const text of items) {
      const li = document.createElement('li');
      li.textContent = text;
      ul.append(li);
    }
  };
  const create = $<HTMLButtonElement>('create');
  let current: WordPlan | null = null;

  const problem = (message: string) => {
    $('error').textContent = message;
    $('error').hidden = false;
  };
  const reset = () => {
    current = null;
    create.disabled = true;
    $('error').hidden = true;
    $('summary').textContent = '';
    $('result').textContent = '';
    list('notes', []);
    list('problems', []);
    $('problems-box').hidden = true;
  };

  $<HTMLInputElement>('file').addEventListener('change', async (e) => {
    reset();
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    $('file-name').textContent = file.name;
    $('summary').textContent = `Đang đọc “${file.name}”…`;
    try {
      if (file.size > MAX_FILE_BYTES) throw tooLarge(file.name, file.size);
      const bytes = new Uint8Array(await file.arrayBuffer());
      await new Promise((r) => setTimeout(r, 0));
      const plan = readWordPlan(bytes, file.name, data);
      current = plan;
      $('summary').textContent =
        `Đọc được ${plan.tasks} nhiệm vụ (${plan.sections} mục) từ ${plan.source === 'table' ? 'bảng phụ lục' : 'các đoạn văn'} của “${file.name}”.`;
      list('notes', plan.notes);
      list(
        'problems',
        plan.problems.map((p) => p.text),
      );
      $('problems-box').hidden = plan.problems.length === 0;
      create.disabled = false;
    } catch (err) {
      $('summary').textContent = '';
      problem(
        isUserError(err)
          ? (err as Error).message
          : `Không đọc được tệp “${file.name}” (${err instanceof Error ? err.message : String(err)}). Hãy mở tệp bằng Word, lưu lại dạng .docx rồi chọn lại.`,
      );
    }
  });

  create.addEventListener('click', () => {
    if (!current) return;
    create.disabled = true;
    $('result').textContent = 'Đang tạo trang mới và kiểm tra…';
    google.script.run
      .withSuccessHandler((v) => {
        const res = v as Served<ImportResult> | null;
        if (res && res.ok) {
          const r = res.value;
          $('result').textContent =
            `Đã tạo trang “${r.sheet}” với ${r.tasks} nhiệm vụ và kiểm tra xong: ${r.errors} lỗi, ${r.warnings} cảnh báo, ${r.infos} lưu ý (chi tiết ở thanh bên).` +
            (r.problems > 0 ? ` Các đoạn chưa đọc được ghi ở ghi chú của ô A1.` : '');
          create.hidden = true;
          $('close').textContent = 'Xong';
        } else {
          $('result').textContent = '';
          problem(res ? res.error : 'Không tạo được trang mới.');
          create.disabled = false;
        }
      })
      .withFailureHandler((err) => {
        $('result').textContent = '';
        problem(
          `Không gửi được bảng sang bảng tính (${(err as { message?: string })?.message ?? String(err)}). Bảng tính không bị thay đổi; hãy thử lại.`,
        );
        create.disabled = false;
      })
      .importPlanRows((current as WordPlan).payload);
  });
  $('close').addEventListener('click', () => google.script.host.close());
}

declare const DATA: DialogData | undefined;
if (typeof document !== 'undefined' && typeof DATA !== 'undefined') dialog(DATA);
