/**
 * `npm run bench [-- 20000 100000 …]`: the command line measured as a user runs it, beside what it
 * is compared with, in one run (ratios, medians; not timed tests):
 * - checking a generated plan of N tasks: in process and as a whole process, against a bare
 *   SheetJS load and against an unzip plus one scan of the sheet's XML (the floor), with peak
 *   memory (bench-read.ts);
 * - a 50-task CSV, whole process;
 * - the city's roll-up of 200 checked workbooks, whole process.
 * The add-on's roll-up on the virtual clock follows (test/bench/rollup-wall.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import type { CellValue, SheetInput } from '../core/grid';
import { PILLARS } from '../core/vocabulary';

const DEADLINES = [
  'Quý IV/2025',
  'Thường xuyên',
  'Trước 15/10/2025',
  'Tháng 10/2025',
  '',
  'Năm 2025',
  '30/11/2025',
  'Theo kế hoạch của tỉnh',
];
const LEADS = ['UBND xã', 'Phòng Văn hóa - Xã hội', 'Công an xã', '', 'Văn phòng HĐND và UBND', 'Trạm Y tế'];
const STATUSES = ['Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', '', 'Gần xong'];

/** A plan of n tasks under the canonical pillars, with title rows and every kind of cell. */
export function generatedPlan(n: number): SheetInput {
  const values: CellValue[][] = [
    ['KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ AN BÌNH NĂM 2025', '', '', '', '', '', ''],
    [
      'STT',
      'Nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Sản phẩm',
      'Thời gian hoàn thành',
      'Trạng thái',
    ],
  ];
  const perPillar = Math.ceil(n / PILLARS.length);
  let made = 0;
  PILLARS.forEach((pillar, p) => {
    if (made >= n) return;
    values.push([String(p + 1), pillar.toUpperCase(), '', '', '', '', '']);
    for (let i = 1; i <= perPillar && made < n; i++, made++) {
      values.push([
        `${p + 1}.${i}`,
        `Triển khai nhiệm vụ chuyển đổi số số ${made + 1} về ${pillar.toLowerCase()} trên địa bàn xã`,
        LEADS[made % LEADS.length] as string,
        'Các phòng, ban, ngành',
        'Báo cáo kết quả',
        DEADLINES[made % DEADLINES.length] as string,
        STATUSES[made % STATUSES.length] as string,
      ]);
    }
  });
  return { name: 'Phân công', values, merges: [{ row: 0, column: 0, numRows: 1, numColumns: 7 }] };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const root = join(__dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'ke-hoach-cds.cjs');

/** Wall time of the built command, median of `runs`. */
function timed(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
    times.push(performance.now() - t0);
    if (r.status === 2) throw new Error(r.stderr);
  }
  return median(times);
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((x) => x > 0);
  const { buildCli } = await import('./build');
  await buildCli();
  const { main: readBench } = await import('./bench-read');
  await readBench(sizes.length ? sizes.map(String) : ['20000', '100000']);

  const dir = join(root, 'out', 'bench');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, 'plan-50.csv');
  const plan = generatedPlan(50);
  writeFileSync(
    csv,
    plan.values.map((r) => r.map((v) => `"${String(v ?? '').replace(/"/g, '""')}"`).join(',')).join('\r\n'),
  );
  const bare = timed(['--version'], 9);
  const csvMs = timed(['check', csv, '--today', '2025-10-20'], 9);
  console.log(
    `\n50-task CSV, whole process (median of 9): ${csvMs.toFixed(0)} ms (Node start + --version alone: ${bare.toFixed(0)} ms)`,
  );

  // 200 communes' checked workbooks, then the city's roll-up of them.
  const communes = join(dir, 'cac-xa');
  rmSync(communes, { recursive: true, force: true });
  mkdirSync(communes);
  const { writeSheetsXlsx } = await import('./xlsx-writer');
  const { run } = await import('../cli/main');
  const quiet = { stdout: () => undefined, stderr: () => undefined, isTty: false, now: () => new Date() };
  for (let i = 0; i < 200; i++) {
    const p = generatedPlan(20 + (i % 40));
    p.values[0] = [`KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ SỐ ${i + 1} NĂM 2025`, ...(p.values[0] ?? []).slice(1)];
    const input = join(dir, 'xa.xlsx');
    await writeSheetsXlsx(input, [p]);
    await run(['check', input, '--today', '2025-10-20', '--out', join(communes, `xa-${i + 1}.xlsx`)], quiet);
  }
  const rollupMs = timed(
    ['rollup', communes, '--today', '2025-10-21', '--out', join(dir, 'thanh-pho.xlsx')],
    3,
  );
  console.log(
    `City roll-up of 200 checked workbooks, whole process (median of 3): ${rollupMs.toFixed(0)} ms`,
  );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
