/**
 * `npx tsx src/tools/bench-read.ts [20000 100000 …]`: the reading side, measured side by side.
 * For a generated plan of N tasks it times, alternating the modes within one process (medians):
 *   floor    unzip the sheet and shared strings (Node's zlib) + one scan of their bytes (what no
 *            reader beats)
 *   sheetjs  a bare SheetJS load, XLSX.read(bytes)
 *   exceljs  a bare ExcelJS load
 *   ours     the core reader: openXlsx(bytes) + sheet()
 *   check    the core reader + the engine's checkSheet
 * then runs each mode as a whole process of its own, plus `cli`, the built command line's
 * `check FILE`, for wall time and peak memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { nodeInflater } from '../cli/inflate';
import { useRawInflater } from '../core/zip';

// Every mode that unzips with the core (floor, ours, check) inflates as the command line does.
useRawInflater(nodeInflater);

type Mode = 'floor' | 'sheetjs' | 'exceljs' | 'ours' | 'check' | 'cli';
/** Timed within one process; every mode is also run as a process of its own. */
const MODES: Mode[] = ['floor', 'sheetjs', 'exceljs', 'ours', 'check'];
const PROCESS_MODES: Mode[] = [...MODES, 'cli'];
const TODAY = '2025-10-20';

/** Does one mode's work once; resolves to the number of data rows seen (a sanity check). */
async function work(mode: Mode, path: string, bytes: Uint8Array): Promise<number> {
  switch (mode) {
    case 'floor': {
      const { openZip } = await import('../core/zip');
      const zip = openZip(bytes);
      let tags = 0;
      for (const part of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']) {
        const b = zip.read(part) as Uint8Array;
        for (let i = b.indexOf(60); i >= 0; i = b.indexOf(60, i + 1)) tags++;
      }
      return tags;
    }
    case 'sheetjs': {
      const XLSX = await import('xlsx');
      const wb = XLSX.read(bytes);
      const ws = wb.Sheets[wb.SheetNames[0] as string];
      return ws?.['!ref'] ? XLSX.utils.decode_range(ws['!ref']).e.r + 1 : 0;
    }
    case 'exceljs': {
      const { Workbook } = (await import('exceljs')).default;
      const wb = new Workbook();
      await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) as unknown as ArrayBuffer);
      return wb.worksheets[0]?.rowCount ?? 0;
    }
    case 'ours': {
      const { openXlsx } = await import('../core/xlsx');
      const book = openXlsx(bytes);
      return book.sheet(book.sheetNames[0] as string).values.length;
    }
    case 'check': {
      const { openXlsx } = await import('../core/xlsx');
      const { checkSheet } = await import('../core/check');
      const book = openXlsx(bytes);
      return checkSheet(book.sheet(book.sheetNames[0] as string), { today: TODAY }).plan.tasks.length;
    }
    case 'cli': {
      // The command line as a user runs it; its output is counted, not kept.
      const { run } = await import('../cli/main');
      let head = '';
      const code = await run(['check', path, '--json', '--today', TODAY], {
        stdout: (s) => {
          if (head.length < 4096) head += s.slice(0, 4096);
        },
        stderr: () => undefined,
        isTty: false,
        now: () => new Date(),
      });
      const tasks = /"summary":\s*\{\s*"tasks":\s*(\d+)/.exec(head);
      if (code === 2 || !tasks) throw new Error('the check failed');
      return Number(tasks[1]);
    }
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

interface Child {
  wallMs: number;
  peakMb: number;
}

const root = join(__dirname, '..', '..');
const PEAK = `process.on('exit',()=>process.stderr.write('\\n@peak '+process.resourceUsage().maxRSS+'\\n'))`;

/**
 * The floor as a script of its own: the two parts found through the zip's central directory,
 * inflated by Node's zlib (the fastest inflater here, the one the command line uses), and one
 * scan of their bytes for "<".
 */
const FLOOR = `${PEAK};
const zlib=require('zlib');const b=require('fs').readFileSync(process.argv[2]);
const u16=(a)=>b[a]|(b[a+1]<<8),u32=(a)=>(u16(a)|(u16(a+2)<<16))>>>0;
let e=b.length-22;while(e>=0&&u32(e)!==0x06054b50)e--;
const want=new Set(['xl/worksheets/sheet1.xml','xl/sharedStrings.xml']);let n=0;
for(let p=u32(e+16),k=u16(e+10);k>0;k--){const nl=u16(p+28),name=b.toString('utf8',p+46,p+46+nl);
if(want.has(name)){const lo=u32(p+42),cs=u32(p+20),st=lo+30+u16(lo+26)+u16(lo+28);
const x=u16(p+10)===8?zlib.inflateRawSync(b.subarray(st,st+cs)):b.subarray(st,st+cs);
for(let i=x.indexOf(60);i>=0;i=x.indexOf(60,i+1))n++;}p+=46+nl+u16(p+30)+u16(p+32);}
if(!n)process.exit(3);
`;

/**
 * One mode as a whole process, as a user would start it: wall time from spawn to exit and the
 * child's peak RSS. The command line is the built bundle; SheetJS and the floor are plain Node
 * scripts (no TypeScript loader for any of them); the other modes run through tsx.
 */
function child(mode: Mode, path: string): Child {
  const node = process.execPath;
  const [cmd, args]: [string, string[]] =
    mode === 'cli'
      ? [
          node,
          [
            '--require',
            join(root, 'out', 'bench', 'peak.cjs'),
            join(root, 'dist', 'cli', 'ke-hoach-cds.cjs'),
            'check',
            path,
            '--today',
            TODAY,
          ],
        ]
      : mode === 'sheetjs'
        ? [
            node,
            [
              '-e',
              `${PEAK};const X=require('xlsx');const wb=X.read(require('fs').readFileSync(process.argv[1]));if(!wb.SheetNames.length)process.exit(3)`,
              path,
            ],
          ]
        : mode === 'floor'
          ? [node, [join(root, 'out', 'bench', 'floor.cjs'), path]]
          : [node, ['--import', 'tsx', __filename, '--child', mode, path]];
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, cwd: root });
  const wallMs = performance.now() - t0;
  if (r.status !== 0 && !(mode === 'cli' && r.status === 1))
    throw new Error(r.stderr || `the ${mode} process failed`);
  const fromStderr = /@peak (\d+)/.exec(r.stderr ?? '');
  const peakMb = fromStderr
    ? Number(fromStderr[1]) / 1024
    : (JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as { peakMb: number }).peakMb;
  return { wallMs, peakMb };
}

const fmtMs = (ms: number) => `${ms.toFixed(0)} ms`;

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const args = argv;
  if (args[0] === '--child') {
    const path = args[2] as string;
    await work(args[1] as Mode, path, readFileSync(path));
    process.stdout.write(`${JSON.stringify({ peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
    return;
  }
  const { generatedPlan } = await import('./bench');
  const { writeSheetsXlsx } = await import('./xlsx-writer');
  const sizes = args.map(Number).filter((x) => x > 0);
  const dir = join(__dirname, '..', '..', 'out', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'peak.cjs'), `${PEAK};\n`);
  writeFileSync(join(dir, 'floor.cjs'), FLOOR);
  console.log(`Node ${process.version}, ${process.arch}; in-process times are medians, modes alternating.`);
  for (const n of sizes.length ? sizes : [20_000, 100_000]) {
    const path = join(dir, `plan-${n}.xlsx`);
    await writeSheetsXlsx(path, [generatedPlan(n)]);
    const bytes = readFileSync(path);
    const runs = n > 50_000 ? 5 : 7;
    const times: Record<Mode, number[]> = {
      floor: [],
      sheetjs: [],
      exceljs: [],
      ours: [],
      check: [],
      cli: [],
    };
    const seen: Partial<Record<Mode, number>> = {};
    for (let i = 0; i < runs; i++) {
      for (const mode of MODES) {
        const t0 = performance.now();
        seen[mode] = await work(mode, path, bytes);
        times[mode].push(performance.now() - t0);
      }
    }
    if (seen.check !== n || seen.ours !== seen.sheetjs)
      throw new Error(`expected ${n} tasks, saw ${seen.check}`);
    const whole: Record<Mode, Child[]> = {
      floor: [],
      sheetjs: [],
      exceljs: [],
      ours: [],
      check: [],
      cli: [],
    };
    const processRuns = 5;
    for (let i = 0; i < processRuns; i++)
      for (const mode of PROCESS_MODES) whole[mode].push(child(mode, path));

    const med = (m: Mode) => (times[m].length ? median(times[m]) : NaN);
    const wall = (m: Mode) => median(whole[m].map((c) => c.wallMs));
    const peak = (m: Mode) => Math.max(...whole[m].map((c) => c.peakMb));
    console.log(
      `\n${n.toLocaleString('en')} tasks, ${(bytes.length / 1024 / 1024).toFixed(1)} MB file; ${runs} runs in one process, ${processRuns} whole processes per mode`,
    );
    console.log(
      'mode     | in process | ÷ sheetjs | ÷ floor | whole process | ÷ sheetjs | ÷ floor | peak RSS | ÷ sheetjs',
    );
    // cli: the installed command, `ke-hoach-cds check FILE`, printing its summary.
    for (const m of PROCESS_MODES) {
      console.log(
        [
          m.padEnd(8),
          (Number.isNaN(med(m)) ? '—' : fmtMs(med(m))).padStart(10),
          (Number.isNaN(med(m)) ? '—' : (med(m) / med('sheetjs')).toFixed(2)).padStart(9),
          (Number.isNaN(med(m)) ? '—' : (med(m) / med('floor')).toFixed(2)).padStart(7),
          fmtMs(wall(m)).padStart(13),
          (wall(m) / wall('sheetjs')).toFixed(2).padStart(9),
          (wall(m) / wall('floor')).toFixed(2).padStart(7),
          `${peak(m).toFixed(0)} MB`.padStart(8),
          (peak(m) / peak('sheetjs')).toFixed(2).padStart(9),
        ].join(' | '),
      );
    }
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
