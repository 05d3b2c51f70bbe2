/**
 * Runs the built add-on (dist/Code.js) in node:vm against the fakes, under the manifest the build
 * ships: every top-level function call is one execution on the virtual clock, with the scopes
 * the manifest asks for and the user granted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script, createContext } from 'node:vm';
import { buildAddon } from '../../src/tools/build';
import { FakeWorld, type FakeSheet, type Value } from '../fakes/apps-script';
import { Grants } from '../fakes/platform';
import type { SheetInput } from '../../src/core/grid';

export const DIST = join(__dirname, '..', '..', 'dist');

export async function ensureBuilt(): Promise<void> {
  if (!existsSync(join(DIST, 'Code.js')) || !existsSync(join(DIST, 'Rollup.html'))) await buildAddon();
}

export function manifestScopes(): string[] {
  return (JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] })
    .oauthScopes;
}

type Fn = (...args: unknown[]) => unknown;

export type AddonFunctions = Record<
  | 'onOpen'
  | 'onInstall'
  | 'checkTaskSheet'
  | 'updateStatusSheet'
  | 'addMissingColumns'
  | 'createTemplate'
  | 'importWordPlan'
  | 'clearFlags'
  | 'showSettings'
  | 'showHelp'
  | 'sendToCity'
  | 'createCommuneList'
  | 'rollupCommunes'
  | 'createUnitList'
  | 'remindUnits',
  (...args: unknown[]) => void
> & {
  saveSettings: (form: Record<string, unknown>) => { ok: boolean; errors: string[] };
  selectCell: (sheet: string, row: number, column: string) => void;
  importPlanRows: Fn;
  rollupStartRun: Fn;
  rollupReadChunk: Fn;
  rollupFinishRun: Fn;
  remindSend: Fn;
} & Record<string, Fn>;

export interface LoadOptions {
  /** The scopes the user left ticked on the consent screen (default: all the manifest asks). */
  granted?: string[];
}

let compiled: { code: string; script: Script } | null = null;

/** dist/Code.js, compiled once per test file (each world still runs it in a context of its own). */
function bundle(): { code: string; script: Script } {
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  if (compiled?.code !== code) compiled = { code, script: new Script(code, { filename: 'Code.js' }) };
  return compiled;
}

/** A world with the add-on loaded: its top-level functions run against the world's fakes. */
export function loadAddon(world: FakeWorld, now?: string, opts: LoadOptions = {}): AddonFunctions {
  const scopes = manifestScopes();
  world.log.grants = new Grants(new Set(scopes), new Set(opts.granted ?? scopes));
  const globals: Record<string, unknown> = { ...world.globals() };
  if (now) world.drive.now = new Date(now).getTime();
  globals.Date = fixedDate(() => world.drive.now);
  const context = createContext(globals);
  const { code, script } = bundle();
  script.runInContext(context);
  const api: Record<string, Fn> = {};
  // The generated top-level wrappers: what Apps Script sees as the project's functions.
  for (const [, name] of code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)) {
    if (name === undefined) continue;
    const value = (context as Record<string, unknown>)[name];
    if (typeof value !== 'function') continue;
    api[name] = (...args: unknown[]) => {
      const none = name === 'onOpen' && (args[0] as { authMode?: string } | undefined)?.authMode === 'NONE';
      try {
        return world.drive.clock.run(name, () => (value as Fn)(...args), none ? 'NONE' : 'FULL');
      } finally {
        // Apps Script releases a script's locks when its execution ends.
        world.lockHeld = false;
      }
    };
  }
  return api as AddonFunctions;
}

/** Puts a sheet input (0-based merges) on the world as a sheet (1-based merges). */
export function addInput(world: FakeWorld, input: SheetInput): FakeSheet {
  const values = input.values.map((r) => r.map((v) => (v === null || v === undefined ? '' : v)) as Value[]);
  const width = Math.max(...values.map((r) => r.length));
  for (const r of values) while (r.length < width) r.push('');
  return world.addSheet(
    input.name,
    values,
    (input.merges ?? []).map((m) => ({
      row: m.row + 1,
      col: m.column + 1,
      rows: m.numRows,
      cols: m.numColumns,
    })),
  );
}

/** Everything a user may have put on a sheet, for before/after comparisons. */
export function userState(sheet: FakeSheet) {
  return JSON.stringify({
    values: sheet.values,
    formulas: [...sheet.formulas].sort(),
    notes: [...sheet.notes].sort(),
    backgrounds: [...sheet.backgrounds].sort(),
    formats: [...sheet.formats].sort(),
    validations: [...sheet.validations].sort(),
    rules: sheet.rules.map((r) => [r.formula, r.background, r.ranges.map((g) => g.getA1Notation())]),
    merges: sheet.merges,
  });
}

/** A Date whose "now" is the fake Drive's clock, so that tests decide what day and time it is. */
function fixedDate(now: () => number): DateConstructor {
  class FixedDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string]));
    }
    static override now(): number {
      return now();
    }
  }
  return FixedDate as unknown as DateConstructor;
}
