/**
 * `npm run bench` (second part): the city's roll-up on the virtual clock, as Google would run it —
 * the built add-on under the enforcing fakes, the dialog's own driver keeping its chunk calls in
 * flight side by side, each opened spreadsheet costing about 1 s. Prints the simulated wall time
 * for 200 and 1,000 communes, the longest single execution (Google stops one at 6 minutes), and
 * the ratio to reading the communes one after another.
 */
import { FakeDrive, FakeWorld, type Value } from '../fakes/apps-script';
import { DialogSimulator } from '../fakes/dialog';
import { DIST, ensureBuilt, loadAddon } from '../helpers/addon';
import { checkSheet } from '../../src/core/check';
import { generatedPlan } from '../../src/tools/bench';
import { COMMUNE_LIST_HEADER } from '../../src/core/rollup-sheet';
import { STATUS_SHEET_NAME, statusReportOf, toRows } from '../../src/core/status-report';
import {
  DEFAULT_OPTIONS,
  runRollup,
  type RollupServer,
  type Served,
} from '../../src/sheets/client/rollup-client';

async function measure(n: number) {
  const drive = new FakeDrive();
  const city = new FakeWorld(DIST, drive, 'so@cantho.gov.vn');
  city.user = 'so@cantho.gov.vn';
  const rows: Value[][] = [[...COMMUNE_LIST_HEADER]];
  for (let i = 0; i < n; i++) {
    const book = new FakeWorld(DIST, drive, `xa${i}@x.vn`);
    const report = statusReportOf(checkSheet(generatedPlan(10 + (i % 30)), { today: '2026-12-19' }), {
      commune: `Xã số ${i + 1}`,
      planName: '',
    });
    book.addSheet(
      STATUS_SHEET_NAME,
      toRows(report).rows.map((r) =>
        r.map((c) => (typeof c === 'object' ? new Date(`${c.date}T00:00:00+07:00`) : c)),
      ),
    );
    drive.share(book.id, city.user);
    rows.push([`Xã số ${i + 1}`, `https://docs.google.com/spreadsheets/d/${book.id}/edit`]);
  }
  city.addSheet('Danh sách xã', rows);
  const addon = loadAddon(city, '2026-12-20T08:00:00+07:00');
  const sim = new DialogSimulator(city);
  const server: RollupServer = {
    rollupStartRun: (restart) =>
      sim.call('rollupStartRun', () => addon.rollupStartRun(restart) as Served<never>),
    rollupReadChunk: (id, k) =>
      sim.call('rollupReadChunk', () => addon.rollupReadChunk(id, k) as Served<never>),
    rollupFinishRun: (id) => sim.call('rollupFinishRun', () => addon.rollupFinishRun(id) as Served<never>),
  };
  drive.clock.longest = 0;
  const { result, wallMs } = await sim.drive(() =>
    runRollup(
      server,
      { progress: () => undefined },
      {
        ...DEFAULT_OPTIONS,
        restart: false,
        now: () => sim.now(),
        sleep: (ms) => sim.sleep(ms),
      },
    ),
  );
  if (result.kind !== 'finished')
    throw new Error(`roll-up of ${n} did not finish: ${JSON.stringify(result)}`);
  return { n, wallMs, longestMs: drive.clock.longest, calls: sim.calls };
}

async function main() {
  await ensureBuilt();
  console.log(
    `Roll-up of the city (virtual clock, ${DEFAULT_OPTIONS.workers} calls in flight, ${DEFAULT_OPTIONS.chunk} communes a call, ~1 s per commune read)`,
  );
  console.log('  communes   wall time   longest execution   server calls   vs. one after another');
  for (const n of [200, 1000]) {
    const m = await measure(n);
    const sequential = n * 1000;
    console.log(
      `  ${String(n).padStart(8)}   ${(m.wallMs / 1000).toFixed(1).padStart(8)} s   ${(m.longestMs / 1000).toFixed(1).padStart(15)} s   ${String(m.calls).padStart(12)}   ${(m.wallMs / sequential).toFixed(2).padStart(8)}×`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
