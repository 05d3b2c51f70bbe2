/**
 * `npm run template`: the spreadsheet template for communes without a Workspace administrator — a
 * spreadsheet with the add-on's script bound to it, built from the same dist/ as the add-on.
 *
 * First run (no .clasp-template.json with a script id): npm test, then
 *   npx clasp -P .clasp-template.json --json create-script --type sheets --title "Kế hoạch CĐS" --rootDir dist
 * which creates the spreadsheet and its bound script and writes their ids into the file; clasp
 * then pulls Google's default files into dist/, so dist/ is built again before the push.
 * Later runs: npm test, then push. Both end with `push --force` and print the spreadsheet's
 * "make a copy" link.
 *
 * The script's title is the menu's name: for a bound script, createAddonMenu() names the submenu
 * after the script project, so it is "Kế hoạch CĐS" like the published add-on; the spreadsheet is
 * renamed "Mẫu kế hoạch CĐS" by hand in Drive (renaming the file leaves the script's name alone).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SetupError,
  StepError,
  buildStep,
  clasp,
  lastJsonObject,
  pushStep,
  runStep,
  spawnRunner,
  testStep,
  type Runner,
  type Step,
} from './clasp';

export const TEMPLATE_CONFIG = '.clasp-template.json';
/** The bound script's name, which Google shows as the submenu under Tiện ích (Extensions). */
export const TEMPLATE_SCRIPT_TITLE = 'Kế hoạch CĐS';
/** The name the spreadsheet is given by hand after creation. */
export const TEMPLATE_FILE_NAME = 'Mẫu kế hoạch CĐS';

export interface TemplateConfig {
  scriptId: string | null;
  /** The spreadsheet the script is bound to. */
  parentId: string | null;
}

/** Reads .clasp-template.json (null: absent). clasp writes parentId as a string or a list. */
export function readTemplateConfig(text: string | null): TemplateConfig | null {
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SetupError(
      `${TEMPLATE_CONFIG} không phải JSON hợp lệ. Xóa tệp đó để tạo bản mẫu mới, hoặc sửa lại cho đúng.`,
    );
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new SetupError(`${TEMPLATE_CONFIG} sai dạng.`);
  const config = raw as Record<string, unknown>;
  if (config.rootDir !== undefined && String(config.rootDir).replace(/\/+$/, '') !== 'dist')
    throw new SetupError(
      `${TEMPLATE_CONFIG} phải có "rootDir": "dist"; đang là ${JSON.stringify(config.rootDir)}.`,
    );
  const parent = Array.isArray(config.parentId) ? config.parentId[0] : config.parentId;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return { scriptId: str(config.scriptId), parentId: str(parent) };
}

export function copyLink(spreadsheetId: string): string {
  return `https://docs.google.com/spreadsheets/d/${spreadsheetId}/copy`;
}

export function editLink(spreadsheetId: string): string {
  return `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`;
}

export function createStep(): Step {
  return {
    label: 'Tạo bảng tính mẫu và dự án Apps Script gắn với nó',
    ...clasp(
      TEMPLATE_CONFIG,
      ['create-script', '--type', 'sheets', '--title', TEMPLATE_SCRIPT_TITLE, '--rootDir', 'dist'],
      true,
    ),
    capture: true,
  };
}

/** The ids create-script answered (--json, or its "Created new document/script" lines). */
export function parseCreated(output: string): { scriptId: string | null; parentId: string | null } {
  const json = lastJsonObject(output);
  if (json && typeof json.scriptId === 'string') {
    return { scriptId: json.scriptId, parentId: typeof json.parentId === 'string' ? json.parentId : null };
  }
  const doc = /drive\.google\.com\/open\?id=([\w-]+)/.exec(output);
  const script = /script\.google\.com\/d\/([\w-]+)\/edit/.exec(output);
  return { scriptId: script ? (script[1] as string) : null, parentId: doc ? (doc[1] as string) : null };
}

export interface TemplateDeps {
  root: string;
  run: Runner;
  log: (line: string) => void;
}

export interface TemplateResult {
  created: boolean;
  scriptId: string;
  spreadsheetId: string | null;
}

export async function template(deps: TemplateDeps): Promise<TemplateResult> {
  const path = join(deps.root, TEMPLATE_CONFIG);
  const read = () => readTemplateConfig(existsSync(path) ? readFileSync(path, 'utf8') : null);
  const before = read();
  const creating = !before?.scriptId;
  deps.log(
    creating
      ? `Chưa có bản mẫu (${TEMPLATE_CONFIG}): sẽ tạo bảng tính mới có tiện ích gắn sẵn.`
      : `Cập nhật mã của bản mẫu (dự án Apps Script ${before?.scriptId}).`,
  );

  await runStep(deps.run, deps.root, testStep(), deps.log);
  let created: { scriptId: string | null; parentId: string | null } = { scriptId: null, parentId: null };
  if (creating) {
    // clasp -P needs the file to exist; without a scriptId, create-script fills it in.
    const stub = before === null;
    if (stub) writeFileSync(path, `${JSON.stringify({ rootDir: 'dist' }, null, 2)}\n`);
    try {
      created = parseCreated((await runStep(deps.run, deps.root, createStep(), deps.log)).output);
    } catch (e) {
      if (stub) rmSync(path, { force: true });
      throw e;
    }
    await runStep(deps.run, deps.root, buildStep(), deps.log);
  }
  const after = read();
  const scriptId = after?.scriptId ?? created.scriptId;
  if (!scriptId)
    throw new SetupError(
      `clasp không ghi mã tập lệnh vào ${TEMPLATE_CONFIG}; xem thông báo của clasp ở trên.`,
    );
  await runStep(deps.run, deps.root, pushStep(TEMPLATE_CONFIG), deps.log);
  return { created: creating, scriptId, spreadsheetId: after?.parentId ?? created.parentId };
}

/** What is printed once everything went through. */
export function summary(r: TemplateResult): string {
  const lines = [''];
  if (r.spreadsheetId) {
    lines.push(
      r.created ? 'Đã tạo bảng tính mẫu có tiện ích gắn sẵn.' : 'Đã cập nhật mã của bảng tính mẫu.',
      `Mở để sửa: ${editLink(r.spreadsheetId)}`,
      `Đường dẫn “tạo bản sao” gửi cho các xã: ${copyLink(r.spreadsheetId)}`,
    );
  } else {
    lines.push(
      `Đã đẩy mã lên dự án Apps Script ${r.scriptId}, nhưng ${TEMPLATE_CONFIG} không ghi mã bảng tính ("parentId").`,
      'Mở dự án đó (https://script.google.com/d/' + r.scriptId + '/edit), mở bảng tính gắn với nó và lấy mã',
      'trong địa chỉ …/spreadsheets/d/<mã>/edit; đường dẫn cho các xã là …/spreadsheets/d/<mã>/copy.',
    );
  }
  if (r.created)
    lines.push(
      '',
      'Việc làm một lần (docs/phat-hanh.md, phần B): đổi tên tệp thành “' +
        TEMPLATE_FILE_NAME +
        '”; tải lại trang;',
      'Tiện ích → ' +
        TEMPLATE_SCRIPT_TITLE +
        ' → Tạo bảng mẫu; xóa trang trống (“Trang tính1” hoặc “Sheet1”); chia sẻ quyền xem.',
    );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  try {
    console.log(summary(await template({ root, run: spawnRunner, log: (line) => console.log(line) })));
  } catch (e) {
    if (e instanceof StepError || e instanceof SetupError) console.error(`\n${e.message}`);
    else console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
