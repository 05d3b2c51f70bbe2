/**
 * The built bundle itself: dist/Code.js loaded in node:vm as Apps Script would load it, with
 * small fakes of the services it calls.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCOPES } from '../src/sheets/scopes';
import { createContext, runInContext } from 'node:vm';
import { buildAddon } from '../src/tools/build';

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
