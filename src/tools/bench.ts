/**
 * `npm run bench [-- 20000 100000 …]`: checks generated plans of N tasks and compares the time
 * of the full check (read the .xlsx with the core reader, run the engine) with the time to merely
 * load the same workbook with ExcelJS. Prints medians of several runs and the ratio.
 * (src/tools/bench-read.ts compares the reading side with SheetJS and the unzip floor.)
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { checkSheet } from '../core/check';
import type { CellValue, SheetInput } from '../core/grid';
import { openXlsx } from '../core/xlsx';
import { PILLARS } from '../core/vocabulary';
import { writeSheetsXlsx } from './xlsx-writer';

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

type Mode = 'time' | 'bare' | 'full';

interface Measured {
  bareMs: number;
  fullMs: number;
  engineMs: number;
  tasks: number;
  peakMb: number;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/**
 * One measurement in a fresh process. "time" alternates bare loads and full checks so that both
 * see the same machine; "bare" and "full" run once each, for the process's peak memory.
 */
async function measure(mode: Mode, path: string, runs: number): Promise<Measured> {
  const bare: number[] = [];
  const full: number[] = [];
  const engine: number[] = [];
  let tasks = 0;
  const check = async () => {
    const t0 = performance.now();
    const book = openXlsx(readFileSync(path));
    const sheet = book.sheet(book.sheetNames[0] as string);
    const t1 = performance.now();
    tasks = checkSheet(sheet, { today: '2025-10-20' }).plan.tasks.length;
    engine.push(performance.now() - t1);
    full.push(performance.now() - t0);
  };
  const bareLoad = async () => {
    const t0 = performance.now();
    await load(path);
    bare.push(performance.now() - t0);
  };
  if (mode === 'time') {
    for (let i = 0; i < runs; i++) {
      await bareLoad();
      await check();
    }
  } else if (mode === 'bare') await bareLoad();
  else await check();
  return {
    bareMs: bare.length ? median(bare) : 0,
    fullMs: full.length ? median(full) : 0,
    engineMs: engine.length ? median(engine) : 0,
    tasks,
    peakMb: process.resourceUsage().maxRSS / 1024,
  };
}

function child(mode: Mode, path: string, runs: number): Measured {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, __filename, '--measure', mode, path, String(runs)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0) throw new Error(r.stderr || `measurement failed (${mode})`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as Measured;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') {
    const result = await measure(args[1] as Mode, args[2] as string, Number(args[3]));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const sizes = args.map(Number).filter((x) => x > 0);
  const dir = join(__dirname, '..', '..', 'out', 'bench');
  mkdirSync(dir, { recursive: true });
  console.log(
    `Node ${process.version}; bare loads and full checks alternate, medians of 7 runs (3 above 50,000 tasks);`,
  );
  console.log('peak memory: one bare load and one full check, each in a process of its own.');
  console.log(
    'tasks   | bare load | full check | time ratio | engine only | µs/task | peak RSS bare | peak RSS full | memory ratio',
  );
  for (const n of sizes.length ? sizes : [1_000, 20_000, 100_000]) {
    const path = join(dir, `plan-${n}.xlsx`);
    await writeSheetsXlsx(path, [generatedPlan(n)]);
    const t = child('time', path, n > 50_000 ? 3 : 7);
    const bare = child('bare', path, 1);
    const full = child('full', path, 1);
    if (t.tasks !== n || full.tasks !== n)
      throw new Error(`expected ${n} tasks, the engine found ${t.tasks}`);
    const cells = [
      String(n).padEnd(7),
      `${t.bareMs.toFixed(0)} ms`.padStart(9),
      `${t.fullMs.toFixed(0)} ms`.padStart(10),
      (t.fullMs / t.bareMs).toFixed(2).padStart(10),
      `${t.engineMs.toFixed(0)} ms`.padStart(11),
      ((t.engineMs * 1000) / n).toFixed(1).padStart(7),
      `${bare.peakMb.toFixed(0)} MB`.padStart(13),
      `${full.peakMb.toFixed(0)} MB`.padStart(13),
      (full.peakMb / bare.peakMb).toFixed(2).padStart(12),
    ];
    console.log(cells.join(' | '));
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
