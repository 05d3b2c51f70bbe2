/**
 * The OAuth scopes as the publishing documents show them, generated from the manifest.
 *
 * appsscript.json's oauthScopes is the one list; src/sheets/scopes.ts names every scope the code
 * may ask for. This file says, in Vietnamese, why each is needed, and writes the manifest's
 * scopes into the marked blocks of docs/phat-hanh.md (the consent screen and the Marketplace SDK),
 * docs/niem-yet.md (the list to paste) and site/chinh-sach-rieng-tu.html (the privacy policy).
 *
 * `npx tsx src/tools/scope-docs.ts` rewrites the blocks; `--check` only says which are stale.
 * test/tools/listing.test.ts fails while a block disagrees with the manifest.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCOPES } from '../sheets/scopes';

export const ROOT = join(__dirname, '..', '..');

type Scope = (typeof SCOPES)[keyof typeof SCOPES];

export interface ScopeDoc {
  /** The menu commands that need it. */
  commands: string;
  /** Why it is needed: what the add-on reads, writes or sends with it, and its limits. */
  why: string;
}

/** One entry per scope of src/sheets/scopes.ts (the type makes a missing one a compile error). */
export const SCOPE_DOCS: Record<Scope, ScopeDoc> = {
  [SCOPES.currentOnly]: {
    commands: 'mọi lệnh',
    why:
      'Đọc bảng phân công trong bảng tính đang mở; tô màu và nối ghi chú lý do vào ô; ghi các trang riêng của tiện ích ' +
      '(Trạng thái theo trụ cột, Theo đơn vị, Đơn vị, Nhật ký gửi, Nhật ký nhắc việc, Danh sách xã, Tổng hợp, bảng mẫu, ' +
      'trang nhập từ tệp Word, trang ẩn Lịch sử kiểm tra); lưu Cài đặt trong chính bảng tính. ' +
      'Chỉ bảng tính đang mở, không bảng tính nào khác.',
  },
  [SCOPES.ui]: {
    commands: 'Kiểm tra, Nhập từ tệp Word, Cài đặt, Hướng dẫn, Gửi, Nhắc việc, Tổng hợp',
    why:
      'Hiện khung bên phải (danh sách phát hiện) và các hộp thoại (Cài đặt, Hướng dẫn, nhập từ tệp Word, kết quả gửi, ' +
      'nhắc việc, tổng hợp) bên trong Google Trang tính. Tệp Word được đọc ngay trong hộp thoại, không tải lên đâu.',
  },
  [SCOPES.driveFile]: {
    commands: 'Gửi bảng trạng thái cho thành phố (xã)',
    why:
      'Tạo một bảng tính riêng trong Drive của cán bộ xã, ghi bảng trạng thái vào đó và chia sẻ quyền xem cho ' +
      'các địa chỉ thư của thành phố ghi trong Cài đặt. Chỉ với tệp do tiện ích tạo; không thấy tệp nào khác trong Drive.',
  },
  [SCOPES.readSheets]: {
    commands: 'Thành phố: tổng hợp các xã…',
    why:
      'Đọc (không sửa) trang trạng thái trong bảng tính các xã đã chia sẻ cho cán bộ thành phố. Quyền này cho phép ' +
      'xem mọi bảng tính mà tài khoản xem được; tiện ích chỉ đọc các bảng có đường dẫn ghi ở trang “Danh sách xã”.',
  },
  [SCOPES.sendMail]: {
    commands: 'Gửi nhắc việc cho các đơn vị…',
    why:
      'Gửi thư nhắc việc từ tài khoản của chính cán bộ tới địa chỉ các đơn vị do cán bộ ghi ở trang “Đơn vị”, ' +
      'chỉ khi cán bộ bấm “Gửi” sau khi xem trước; mỗi thư được ghi ở trang “Nhật ký nhắc việc”. Không đọc hộp thư.',
  },
};

const SCOPE_URL = /https:\/\/www\.googleapis\.com\/auth\/[A-Za-z0-9._-]+/g;

/** Every full scope address written in a text, once each, in order of appearance. */
export function scopesIn(text: string): string[] {
  return [...new Set(text.match(SCOPE_URL) ?? [])];
}

/** The manifest's oauthScopes. */
export function manifestScopes(manifestJson: string): string[] {
  const manifest = JSON.parse(manifestJson) as { oauthScopes?: unknown };
  const scopes = manifest.oauthScopes;
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string'))
    throw new Error('appsscript.json: oauthScopes must be a list of strings');
  return scopes;
}

export function readManifestScopes(root = ROOT): string[] {
  return manifestScopes(readFileSync(join(root, 'appsscript.json'), 'utf8'));
}

export function scopeDoc(scope: string): ScopeDoc {
  const doc = (SCOPE_DOCS as Record<string, ScopeDoc | undefined>)[scope];
  if (!doc)
    throw new Error(
      `${scope}: no reason written for this scope; add it to SCOPE_DOCS in src/tools/scope-docs.ts`,
    );
  return doc;
}

/** The short name Google's consent screen and the README use: the part after /auth/. */
export function shortName(scope: string): string {
  return scope.replace(/^https:\/\/www\.googleapis\.com\/auth\//, '');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** docs/phat-hanh.md: scope, commands, reason. */
export function markdownTable(scopes: readonly string[]): string {
  const rows = scopes.map((s) => {
    const d = scopeDoc(s);
    return `| \`${s}\` | ${d.commands} | ${d.why} |`;
  });
  return ['| Phạm vi (scope) | Lệnh dùng | Vì sao cần |', '| --- | --- | --- |', ...rows].join('\n');
}

/** docs/niem-yet.md: one scope a line, to paste into the consent screen and the Marketplace SDK. */
export function plainList(scopes: readonly string[]): string {
  return ['```text', ...scopes, '```'].join('\n');
}

/** site/chinh-sach-rieng-tu.html: scope and purpose. */
export function htmlTable(scopes: readonly string[]): string {
  const rows = scopes.map((s) => {
    const d = scopeDoc(s);
    return `<tr><td><code>${escapeHtml(s)}</code></td><td>${escapeHtml(d.commands)}</td><td>${escapeHtml(d.why)}</td></tr>`;
  });
  return [
    '<table>',
    '<thead><tr><th>Quyền</th><th>Lệnh dùng</th><th>Tiện ích dùng để</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
  ].join('\n');
}

export const BEGIN = '<!-- scopes:begin — generated from appsscript.json by src/tools/scope-docs.ts -->';
export const END = '<!-- scopes:end -->';

/** The text with its scope block replaced by `content`. */
export function replaceBlock(text: string, content: string, file: string): string {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${file}: scope block markers not found`);
  return `${text.slice(0, begin + BEGIN.length)}\n\n${content}\n\n${text.slice(end)}`;
}

/** The text of the block, between the markers (empty when the markers are absent). */
export function blockOf(text: string): string {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  return begin < 0 || end < begin ? '' : text.slice(begin + BEGIN.length, end);
}

export const TARGETS: { file: string; render: (scopes: readonly string[]) => string }[] = [
  { file: 'docs/phat-hanh.md', render: markdownTable },
  { file: 'docs/niem-yet.md', render: plainList },
  { file: 'site/chinh-sach-rieng-tu.html', render: htmlTable },
];

/** `file` with its block regenerated from `scopes`, before formatting. */
export function withBlock(file: string, scopes: readonly string[], root = ROOT): string {
  const target = TARGETS.find((t) => t.file === file);
  if (!target) throw new Error(`${file}: not a scope document`);
  return replaceBlock(readFileSync(join(root, file), 'utf8'), target.render(scopes), file);
}

/** What `file` should hold: its block regenerated from `scopes`, formatted as `npm run lint` wants. */
export async function regenerated(file: string, scopes: readonly string[], root = ROOT): Promise<string> {
  // Loaded here: prettier's API imports modules dynamically, which jest's module system refuses.
  const { format, resolveConfig } = await import('prettier');
  const path = join(root, file);
  const options = (await resolveConfig(path)) ?? {};
  return format(withBlock(file, scopes, root), { ...options, filepath: path });
}

async function main(argv: string[]): Promise<void> {
  const scopes = readManifestScopes();
  const check = argv.includes('--check');
  const stale: string[] = [];
  for (const { file } of TARGETS) {
    const path = join(ROOT, file);
    const next = await regenerated(file, scopes);
    if (next === readFileSync(path, 'utf8')) continue;
    stale.push(file);
    if (!check) writeFileSync(path, next);
  }
  if (check && stale.length > 0) {
    console.error(
      `Out of date with appsscript.json: ${stale.join(', ')}. Run npx tsx src/tools/scope-docs.ts`,
    );
    process.exitCode = 1;
  } else if (!check) {
    console.log(
      stale.length > 0 ? `Đã cập nhật: ${stale.join(', ')}` : 'Các khối phạm vi đã khớp appsscript.json.',
    );
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
