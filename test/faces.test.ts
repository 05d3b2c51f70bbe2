/**
 * One engine, two faces: for the same sheet, the same day and the same settings, the add-on (the
 * built bundle on the fakes) and the command line (an .xlsx of the same sheet) give the same
 * findings, the same pivot and the same status report for the city.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FakeWorld, type FakeSheet } from './fakes/apps-script';
import { addInput, ensureBuilt, loadAddon, DIST } from './helpers/addon';
import { cli, tempDir } from './helpers/cli';
import { loadSeed, seedFiles, seedInput } from './helpers/fixtures';
import { writeSheetsXlsx } from '../src/tools/xlsx-writer';
import { openXlsx } from '../src/core/xlsx';
import { STATUS_SHEET_NAME, fromRows, type StatusReport } from '../src/core/status-report';
import type { Report } from '../src/core/report-schema';
import type { SidebarData } from '../src/sheets/commands';

const dir = tempDir();
const TODAY = '2026-11-22';

beforeAll(ensureBuilt, 60_000);

function publicFiles(): string[] {
  const folder = join(__dirname, 'fixtures', 'public');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join('..', 'public', f));
}

const sidebarOf = (world: FakeWorld): SidebarData =>
  JSON.parse(
    /var DATA = (.*);/.exec(world.shown.find((s) => s.kind === 'sidebar')?.html ?? '')?.[1] ?? 'null',
  );

const comparable = (r: StatusReport) => ({ ...r, asOfTime: null });

describe.each([...seedFiles(), ...publicFiles()])('%s', (file) => {
  it('gives the same findings, pivot and status report in the add-on and on the command line', async () => {
    const f = loadSeed(file);
    const input = seedInput(f);
    const xlsx = join(dir, `${file.replace(/[/.]+/g, '-')}.xlsx`);
    await writeSheetsXlsx(xlsx, [input]);
    const out = join(dir, `${file.replace(/[/.]+/g, '-')}-out.xlsx`);
    const json = await cli(['check', xlsx, '--today', TODAY, '--due-soon-days', '20', '--json']);
    expect(json.code).toBeLessThan(2);
    const report = JSON.parse(json.stdout) as Report;
    await cli(['check', xlsx, '--today', TODAY, '--due-soon-days', '20', '--out', out]);
    const cliStatus = fromRows(openXlsx(readFileSync(out)).sheet(STATUS_SHEET_NAME).values);

    const world = new FakeWorld(DIST);
    addInput(world, input);
    world.properties.set(
      'keHoachCds.settings',
      JSON.stringify({ commune: '', planYear: null, dueSoonDays: 20, cityEmails: [] }),
    );
    const addon = loadAddon(world, `${TODAY}T09:30:00+07:00`);
    addon.checkTaskSheet();
    addon.updateStatusSheet();
    expect(world.alerts).toEqual([]);
    const sidebar = sidebarOf(world);
    const addonStatus = fromRows((world.sheet(STATUS_SHEET_NAME) as FakeSheet).values);

    const key = (x: { row: number | null; column: string | null; severity: string; message: string }) =>
      `${x.row}|${x.column}|${x.severity}|${x.message}`;
    expect(sidebar.findings.map(key).sort()).toEqual(report.findings.map(key).sort());
    expect(sidebar.tasks).toBe(report.tasks.length);
    expect(cliStatus.ok && addonStatus.ok).toBe(true);
    if (!cliStatus.ok || !addonStatus.ok) return;
    expect(comparable(addonStatus.report)).toEqual(comparable(cliStatus.report));
    expect([...addonStatus.report.rows, addonStatus.report.total]).toEqual(report.pivot);
  }, 30_000);
});
