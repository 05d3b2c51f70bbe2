/**
 * `npm run bench [-- 20000 100000 …]`: checks generated plans of N tasks and compares the time
 * of the full check (load the .xlsx, read the sheet, run the engine) with the time to merely
 * load the same workbook with the reading library. Prints medians of several runs and the ratio.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { checkSheet } from '../core/check';
import type { CellValue, SheetInput } from '../core/grid';
import { worksheetInput } from '../cli/read';
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

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((x) => x > 0);
  const dir = join(__dirname, '..', '..', 'out', 'bench');
  mkdirSync(dir, { recursive: true });
  const runs = 5;
  console.log(`Node ${process.version}, ${runs} runs each, medians.`);
  console.log('tasks    | bare load (ExcelJS) | full check | ratio | engine only | peak heap');
  for (const n of sizes.length ? sizes : [20_000]) {
    const path = join(dir, `plan-${n}.xlsx`);
    const input = generatedPlan(n);
    await writeSheetsXlsx(path, [input]);
    const bare: number[] = [];
    const full: number[] = [];
    const engine: number[] = [];
    let peak = 0;
    let tasks = 0;
    for (let i = 0; i < runs; i++) {
      bare.push(await time(() => new ExcelJS.Workbook().xlsx.readFile(path)));
      full.push(
        await time(async () => {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.readFile(path);
          const sheet = worksheetInput(wb.worksheets[0] as ExcelJS.Worksheet);
          const t = performance.now();
          const result = checkSheet(sheet, { today: '2025-10-20' });
          engine.push(performance.now() - t);
          tasks = result.plan.tasks.length;
          peak = Math.max(peak, process.memoryUsage().heapUsed);
        }),
      );
    }
    if (tasks !== n) throw new Error(`expected ${n} tasks, the engine found ${tasks}`);
    const b = median(bare);
    const f = median(full);
    console.log(
      `${String(n).padEnd(8)} | ${`${b.toFixed(0)} ms`.padStart(19)} | ${`${f.toFixed(0)} ms`.padStart(10)} | ${(f / b).toFixed(2).padStart(5)} | ${`${median(engine).toFixed(0)} ms`.padStart(11)} | ${(peak / 1024 / 1024).toFixed(0)} MB`,
    );
  }
}

if (require.main === module)
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
