/**
 * `npm run site -- --don-vi "<đơn vị phát hành>" --thu <thư hỗ trợ>`: the static pages of site/
 * with the publisher's name and support address filled in, copied with the icons to out/site/,
 * ready to be served over HTTPS at the addresses given to the OAuth consent screen and the
 * Marketplace listing. The pages in site/ keep their {{…}} placeholders.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from './clasp';

export const ROOT = join(__dirname, '..', '..');

/** Pages `npm run build` writes into site/ (not committed): copied as they are, nothing to fill. */
export const BUILT_PAGES: readonly string[] = ['kiem-tra.html'];

/** Placeholder → its command-line option. */
export const PLACEHOLDERS: Record<string, string> = { DON_VI: '--don-vi', THU_HO_TRO: '--thu' };

const PLACEHOLDER = /\{\{([A-Z_]+)\}\}/g;

/** The placeholders a page uses, once each. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The page with every placeholder replaced (HTML-escaped); refuses one left without a value. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  const missing = placeholdersIn(text).filter((p) => !values[p]);
  if (missing.length > 0)
    throw new SetupError(
      `Thiếu giá trị cho ${missing.map((p) => PLACEHOLDERS[p] ?? `{{${p}}}`).join(', ')}.`,
    );
  return text.replace(PLACEHOLDER, (_m, p: string) => escapeHtml(values[p] as string));
}

/** --don-vi and --thu from the command line, checked. */
export function parseArgs(argv: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, option] of Object.entries(PLACEHOLDERS)) {
    const i = argv.indexOf(option);
    const value = i >= 0 ? argv[i + 1]?.trim() : undefined;
    if (value && !value.startsWith('--')) values[name] = value;
  }
  if (!values.DON_VI)
    throw new SetupError('Thiếu --don-vi "<tên đơn vị phát hành>", ví dụ --don-vi "Sở … tỉnh …".');
  if (!values.THU_HO_TRO || !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(values.THU_HO_TRO))
    throw new SetupError('Thiếu hoặc sai --thu <địa chỉ thư hỗ trợ>, ví dụ --thu hotro@example.gov.vn.');
  return values;
}

/** Writes out/site/: the filled pages, the icons and their SVG source. Returns the files written. */
export function buildSite(values: Readonly<Record<string, string>>, root = ROOT): string[] {
  const from = join(root, 'site');
  const to = join(root, 'out', 'site');
  mkdirSync(to, { recursive: true });
  const written: string[] = [];
  for (const f of readdirSync(from).sort()) {
    if (BUILT_PAGES.includes(f)) copyFileSync(join(from, f), join(to, f));
    else if (f.endsWith('.html'))
      writeFileSync(join(to, f), fill(readFileSync(join(from, f), 'utf8'), values));
    else if (f.endsWith('.png') || f.endsWith('.svg')) copyFileSync(join(from, f), join(to, f));
    else continue;
    written.push(f);
  }
  return written;
}

if (require.main === module) {
  try {
    const files = buildSite(parseArgs(process.argv.slice(2)));
    console.log(`out/site/: ${files.join(', ')}`);
    console.log('Đặt các tệp này lên máy chủ web (HTTPS) của đơn vị; xem docs/phat-hanh.md, mục A4.');
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
