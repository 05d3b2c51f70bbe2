/**
 * The built bundle itself: dist/Code.js loaded in node:vm as Apps Script would load it, with
 * small fakes of the services it calls.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCOPES } from '../src/sheets/scopes';
import { createContext, runInContext } from 'node:vm';
import { createHash } from 'node:crypto';
import { inflateSync, strFromU8 } from 'fflate';
import { buildAddon, buildPage, PAGE_FILE } from '../src/tools/build';

const dist = join(__dirname, '..', 'dist');

beforeAll(async () => {
  if (!existsSync(join(dist, 'Code.js'))) await buildAddon();
}, 60_000);

function load(globals: Record<string, unknown>) {
  const context = createContext({ ...globals });
  runInContext(readFileSync(join(dist, 'Code.js'), 'utf8'), context, { filename: 'Code.js' });
  return context as Record<string, unknown>;
}

describe('dist/Code.js', () => {
  it('declares the entry exports as real top-level functions', () => {
    const code = readFileSync(join(dist, 'Code.js'), 'utf8');
    for (const name of [
      'onOpen',
      'onInstall',
      'checkTaskSheet',
      'updateStatusSheet',
      'clearFlags',
      'saveSettings',
      'selectCell',
    ]) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(\\) \\{`, 'm'));
    }
    const context = load({});
    expect(typeof context.onOpen).toBe('function');
    expect(typeof context.checkTaskSheet).toBe('function');
    for (const page of ['Sidebar', 'Settings', 'Help', 'Sent', 'Rollup', 'Remind'])
      expect(existsSync(join(dist, `${page}.html`))).toBe(true);
    // The roll-up dialog's script is bundled into its page.
    const rollup = readFileSync(join(dist, 'Rollup.html'), 'utf8');
    expect(rollup).not.toContain('__ROLLUP_CLIENT__');
    expect(rollup).toContain('rollupReadChunk');
    const remind = readFileSync(join(dist, 'Remind.html'), 'utf8');
    expect(remind).not.toContain('__REMIND_CLIENT__');
    expect(remind).toContain('remindSend');
  });

  it('ships the manifest: V8, Vietnam time, the narrowest scopes, the two advanced services', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/spreadsheets.readonly',
      'https://www.googleapis.com/auth/script.send_mail',
    ]);
    // Nothing broader than needed: no access to every file or every spreadsheet for writing.
    for (const broad of ['drive', 'drive.readonly', 'spreadsheets', 'script.scriptapp'])
      expect(manifest.oauthScopes).not.toContain(`https://www.googleapis.com/auth/${broad}`);
    // Every scope is one the code names, with the box Google shows for it.
    for (const scope of manifest.oauthScopes) expect(Object.values(SCOPES)).toContain(scope);
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
    ]);
  });
});

describe('site/kiem-tra.html', () => {
  beforeAll(async () => {
    if (!existsSync(PAGE_FILE)) await buildPage();
  }, 60_000);

  it('is one self-contained file: no resource from elsewhere, nothing in dist/ (which is clasp’s)', () => {
    const html = readFileSync(PAGE_FILE, 'utf8');
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script></script>');
    expect(markup).not.toMatch(/\b(src|href|action|poster|srcset)\s*=/i);
    expect(markup).not.toMatch(/url\(|@import/i);
    expect(markup).not.toMatch(/__[A-Z_]+__/);
    expect(existsSync(join(dist, 'kiem-tra.html'))).toBe(false);
  });

  it('lets exactly its own two scripts and its style run, and nothing reach the network', () => {
    const html = readFileSync(PAGE_FILE, 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe|connect-src|\*|https?:/);
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
    expect(scripts).toHaveLength(1);
    const packed = /<script type="text\/plain" id="workbook-code">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    const workbook = strFromU8(inflateSync(new Uint8Array(Buffer.from(packed, 'base64'))));
    expect(directives.get('script-src')).toEqual([hash(scripts[0] as string), hash(workbook)]);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(directives.get('style-src')).toEqual([hash(style)]);
    // ExcelJS is in the second script only, so opening the page does not parse it.
    expect(scripts[0]).not.toContain('exceljs');
    expect(workbook).toContain('KeHoachCdsWorkbook');
    expect((scripts[0] as string).length).toBeLessThan(250_000);
  });
});
