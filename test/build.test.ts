/**
 * The built bundle itself: dist/Code.js loaded in node:vm as Apps Script would load it, with
 * small fakes of the services it calls.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { buildAddon } from '../src/tools/build';
import { a1ToMerge, loadSeed } from './helpers/fixtures';

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
    for (const name of ['onOpen', 'onInstall', 'checkActiveSheet']) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(\\) \\{`, 'm'));
    }
    const context = load({});
    expect(typeof context.onOpen).toBe('function');
    expect(typeof context.checkActiveSheet).toBe('function');
  });

  it('ships the manifest: V8, Vietnam time, only the current-spreadsheet scope', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(manifest.oauthScopes).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
  });

  it('onOpen builds the "Kế hoạch CĐS" menu and touches nothing else', () => {
    const calls: string[] = [];
    const menu = {
      addItem: (label: string, fn: string) => (calls.push(`item:${label}:${fn}`), menu),
      addSeparator: () => (calls.push('sep'), menu),
      addToUi: () => calls.push('addToUi'),
    };
    const SpreadsheetApp = {
      getUi: () => ({ createAddonMenu: () => (calls.push('createAddonMenu'), menu) }),
      getActiveSpreadsheet: () => {
        throw new Error('onOpen must not open the spreadsheet');
      },
    };
    const context = load({ SpreadsheetApp });
    (context.onOpen as (e: unknown) => void)({ authMode: 'NONE' });
    expect(calls[0]).toBe('createAddonMenu');
    expect(calls).toContain('item:Kiểm tra bảng phân công:checkActiveSheet');
    expect(calls.at(-1)).toBe('addToUi');
    // Every menu item names a top-level function of the bundle.
    for (const c of calls.filter((x) => x.startsWith('item:'))) {
      expect(typeof context[c.split(':')[2] as string]).toBe('function');
    }
  });

  it('checkActiveSheet reads the sheet once and reports what it found', () => {
    const f = loadSeed('003-mo-cay.json');
    const values = f.values.map((r) => r.map((v) => (typeof v === 'object' ? '' : v)));
    const reads: string[] = [];
    const alerts: string[] = [];
    const range = {
      getValues: () => (reads.push('getValues'), values),
      getMergedRanges: () =>
        (reads.push('getMergedRanges'), f.merges.map(a1ToMerge)).map((m) => ({
          getRow: () => m.row + 1,
          getColumn: () => m.column + 1,
          getNumRows: () => m.numRows,
          getNumColumns: () => m.numColumns,
        })),
    };
    const SpreadsheetApp = {
      getUi: () => ({
        alert: (title: string, body: string) => alerts.push(`${title}\n${body}`),
        ButtonSet: { OK: 'OK' },
      }),
      getActiveSpreadsheet: () => ({
        getActiveSheet: () => ({ getName: () => 'Phụ lục', getDataRange: () => range }),
        getSpreadsheetTimeZone: () => 'Asia/Ho_Chi_Minh',
      }),
    };
    const context = load({ SpreadsheetApp });
    (context.checkActiveSheet as () => void)();
    expect(reads).toEqual(['getValues', 'getMergedRanges']);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('27 nhiệm vụ, 8 mục');
    expect(alerts[0]).toContain('Chưa có thời hạn: 1');
    expect(alerts[0]).toContain('Trùng số thứ tự: 1');
  });
});
