/**
 * `npm run demo`: writes the bundled sample plan to out/, checks it as of a fixed day, prints the
 * summary and writes the checked copy next to it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../cli/main';
import { samplePlan } from './sample';
import { writeSheetsXlsx } from './xlsx-writer';

const DEMO_TODAY = '2026-12-20';

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const outDir = join(root, 'out');
  mkdirSync(outDir, { recursive: true });
  const input = join('out', 'mau-ke-hoach-cds-dai-hai-2026.xlsx');
  const checked = join('out', 'mau-ke-hoach-cds-dai-hai-2026-da-kiem-tra.xlsx');
  process.chdir(root);
  await writeSheetsXlsx(input, [samplePlan(root)]);
  const code = await run(['check', input, '--today', DEMO_TODAY, '--out', checked], {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    now: () => new Date(),
  });
  // 1 means "checked, with errors to fix": the expected outcome on this sample.
  if (code === 2) process.exitCode = 2;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 2;
});
