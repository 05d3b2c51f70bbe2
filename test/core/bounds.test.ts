/**
 * Time and memory for the two heaviest workbooks the reader meets, each read in a process of its
 * own so that its peak resident memory is its own: under 512 MB and 10 s on a 2-core machine.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

interface Outcome {
  name: string;
  fileBytes: number;
  outcome: string;
  ms: number;
  peakMb: number;
}

function runCase(name: string): Promise<Outcome> {
  const root = join(__dirname, '..', '..');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(root, 'test', 'helpers', 'hostile-run.ts'), name],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${name}: ${stderr || err.message}`));
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1) as string) as Outcome);
      },
    );
  });
}

describe('bounded time and memory, each in its own process', () => {
  it('reads the largest sheet of numbers and a row of texts repeated to 63 MB, each within 512 MB and 10 s', async () => {
    const [largest, repeated] = await Promise.all([
      runCase('largest-accepted'),
      runCase('row-repeated-63mb'),
    ]);
    expect(largest.fileBytes).toBeLessThan(1 << 20);
    expect(largest.outcome).toBe('read 250000 × 16');
    expect(repeated.fileBytes).toBeLessThan(2 << 20);
    expect(repeated.outcome).toMatch(/^read 1\d{5} × 7$/);
    for (const r of [largest, repeated]) {
      expect(r.peakMb).toBeLessThan(512);
      expect(r.ms).toBeLessThan(10_000);
    }
  }, 60_000);
});
