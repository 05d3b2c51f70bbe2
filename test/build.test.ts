/**
 * The built bundle itself: dist/Code.js loaded in node:vm as Apps Script would load it, with
 * small fakes of the services it calls.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
    for (const page of ['Sidebar', 'Settings', 'Help'])
      expect(existsSync(join(dist, `${page}.html`))).toBe(true);
  });

  it('ships the manifest: V8, Vietnam time, the scopes the code uses', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });
});
