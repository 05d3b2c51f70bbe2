/**
 * `npm run mutate [-- --fresh | --table] [-- FILE …]`: mutation testing of the core one file at a time, so a
 * long run can stop and go on later. Each file's result is kept in out/mutation/files/ with the
 * hash of its source and of the tests; a file is run again when its source changed, when it is
 * named, or with --fresh. Results measured with older tests are kept and marked as such in the
 * table (run the file again to bring it up to date). A rerun starts from the file's last report
 * (StrykerJS's incremental mode: only mutants whose code or covering tests changed run again);
 * --fresh runs every mutant; --table only prints the table of the results kept. At the end the results of all files are
 * merged into one table and one score: detected (killed + timed out) ÷ (detected + survived + not
 * covered), as StrykerJS counts it.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  existsSync,
  writeFileSync,
  statSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = process.cwd();
const OUT = join(ROOT, 'out', 'mutation', 'files');
const base = JSON.parse(readFileSync(join(ROOT, 'stryker.config.json'), 'utf8')) as Record<
  string,
  unknown
> & {
  mutate: string[];
};

/** The files the configuration mutates: every .ts file under src/core minus its "!" patterns. */
function mutatedFiles(): string[] {
  const skip = base.mutate.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const skipped = (f: string) =>
    skip.some((p) => (p.endsWith('/**') ? f.startsWith(p.slice(0, -2)) : f === p));
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [relative(ROOT, p)] : [];
    });
  return walk(join(ROOT, 'src', 'core'))
    .filter((f) => !skipped(f))
    .sort();
}

const hash = (parts: string[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(readFileSync(p));
  return h.digest('hex').slice(0, 16);
};
const testFiles = (): string[] => {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  return ['core', 'helpers', 'fixtures'].flatMap((d) => walk(join(ROOT, 'test', d))).sort();
};

interface Counts {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  errors: number;
  /** Mutants the source marks as changing no result (a "Stryker disable" comment with its reason). */
  marked?: number;
}
interface FileResult {
  file: string;
  sourceHash: string;
  testsHash: string;
  counts: Counts;
  survived: string[];
}

function countsOf(reportPath: string, file: string): { counts: Counts; survived: string[] } {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
    files: Record<
      string,
      {
        mutants: {
          status: string;
          mutatorName: string;
          replacement?: string;
          statusReason?: string;
          location: { start: { line: number } };
        }[];
      }
    >;
  };
  const counts: Counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, marked: 0 };
  const survived: string[] = [];
  for (const [name, f] of Object.entries(report.files)) {
    if (name !== file) continue;
    for (const m of f.mutants) {
      if (m.status === 'Killed') counts.killed++;
      else if (m.status === 'Timeout') counts.timeout++;
      else if (m.status === 'Survived') {
        counts.survived++;
        survived.push(`${file}:${m.location.start.line} ${m.mutatorName} ${m.replacement ?? ''}`.trim());
      } else if (m.status === 'NoCoverage') {
        counts.noCoverage++;
        survived.push(`${file}:${m.location.start.line} ${m.mutatorName} (not covered)`);
      } else if (m.status === 'CompileError' || m.status === 'RuntimeError') counts.errors++;
      else if (m.status === 'Ignored' && !(m.statusReason ?? '').startsWith('Static mutant'))
        counts.marked = (counts.marked ?? 0) + 1;
    }
  }
  return { counts, survived };
}

function runFile(file: string, sourceHash: string, testsHash: string, fresh: boolean): FileResult {
  const name = file.replace(/[/\\]/g, '__');
  const reportPath = join('out', 'mutation', 'files', `${name}.report.json`);
  // The file's last full report seeds StrykerJS's incremental mode: a mutant whose code and
  // covering tests are unchanged keeps its result, the others (new tests, changed lines) run.
  const previous = join('out', 'mutation', 'files', `${name}.previous.json`);
  const incremental = !fresh && existsSync(reportPath);
  if (incremental) copyFileSync(reportPath, previous);
  const config = {
    ...base,
    mutate: [file],
    incremental,
    ...(incremental ? { incrementalFile: previous } : {}),
    reporters: ['json', 'progress-append-only'],
    jsonReporter: { fileName: reportPath },
  };
  if (!incremental) delete (config as Record<string, unknown>).incrementalFile;
  delete (config as Record<string, unknown>).htmlReporter;
  const configPath = join(OUT, 'stryker.file.config.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const started = Date.now();
  const r = spawnSync('npx', ['stryker', 'run', configPath], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`StrykerJS failed on ${file} (exit ${r.status})`);
  const result: FileResult = { file, sourceHash, testsHash, ...countsOf(reportPath, file) };
  writeFileSync(join(OUT, `${name}.json`), JSON.stringify(result, null, 2));
  const c = result.counts;
  console.log(
    `${file}: ${score(c).toFixed(1)} % (${c.killed + c.timeout} detected, ${c.survived} survived, ${c.noCoverage} not covered) in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  return result;
}

const score = (c: Counts) => {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid === 0 ? 100 : (100 * (c.killed + c.timeout)) / valid;
};

function main(): void {
  const args = process.argv.slice(2);
  const fresh = args.includes('--fresh');
  // --table: only the merged table of the results kept, nothing run.
  const tableOnly = args.includes('--table');
  const only = args.filter((a) => !a.startsWith('--'));
  mkdirSync(OUT, { recursive: true });
  const files = mutatedFiles();
  const testsHash = hash(testFiles());
  const results: FileResult[] = [];
  const pending: string[] = [];
  for (const file of files) {
    const saved = join(OUT, `${file.replace(/[/\\]/g, '__')}.json`);
    const sourceHash = hash([file]);
    const prev = existsSync(saved) ? (JSON.parse(readFileSync(saved, 'utf8')) as FileResult) : null;
    const wanted = only.length === 0 || only.includes(file);
    const named = only.includes(file);
    if (!tableOnly && wanted && (fresh || named || !prev || prev.sourceHash !== sourceHash))
      pending.push(file);
    else if (prev && prev.sourceHash === sourceHash) {
      // Counted again from the kept report, so the table follows how results are counted now.
      const report = join(OUT, `${file.replace(/[/\\]/g, '__')}.report.json`);
      results.push(existsSync(report) ? { ...prev, ...countsOf(report, file) } : prev);
    }
  }
  // Files named on the command line run in the order given.
  if (only.length > 0) pending.sort((a, b) => only.indexOf(a) - only.indexOf(b));
  // A file whose run fails (a failing test in the dry run, a crash) is reported and skipped, so
  // one bad file does not cost the hours of the others; the command still fails at the end.
  const failed: string[] = [];
  for (const file of pending) {
    try {
      results.push(runFile(file, hash([file]), testsHash, fresh));
    } catch (e) {
      failed.push(file);
      console.log(`${file}: not measured (${(e as Error).message})`);
      const prev = join(OUT, `${file.replace(/[/\\]/g, '__')}.json`);
      if (existsSync(prev)) {
        const old = JSON.parse(readFileSync(prev, 'utf8')) as FileResult;
        if (old.sourceHash === hash([file])) results.push(old);
      }
    }
  }

  const total: Counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, marked: 0 };
  console.log('\nfile | score | detected | survived | not covered');
  for (const r of results.sort((a, b) => a.file.localeCompare(b.file))) {
    const c = r.counts;
    for (const k of Object.keys(total) as (keyof Counts)[]) total[k] = (total[k] ?? 0) + (c[k] ?? 0);
    const older = r.testsHash === testsHash ? '' : ' (older tests)';
    console.log(
      `${r.file}${older} | ${score(c).toFixed(1)} % | ${c.killed + c.timeout} | ${c.survived} | ${c.noCoverage}`,
    );
  }
  const missing = files.filter((f) => !results.some((r) => r.file === f));
  console.log(
    `\nsrc/core: ${score(total).toFixed(1)} % over ${results.length} of ${files.length} files (${total.killed + total.timeout} detected, ${total.survived} survived, ${total.noCoverage} not covered)`,
  );
  if (total.marked)
    console.log(`${total.marked} mutants marked in the source as changing no result (not counted)`);
  if (missing.length > 0) console.log(`not yet run (or changed since): ${missing.join(', ')}`);
  // The last result of a file changed since it ran, for reference (not in the score above).
  for (const file of missing) {
    const saved = join(OUT, `${file.replace(/[/\\]/g, '__')}.json`);
    if (!existsSync(saved)) continue;
    const c = (JSON.parse(readFileSync(saved, 'utf8')) as FileResult).counts;
    console.log(
      `  ${file} before its last change: ${score(c).toFixed(1)} % (${c.killed + c.timeout} detected, ${c.survived} survived, ${c.noCoverage} not covered)`,
    );
  }
  if (failed.length > 0) process.exitCode = 1;
  writeFileSync(
    join(ROOT, 'out', 'mutation', 'summary.json'),
    JSON.stringify({ score: score(total), total, files: results, missing }, null, 2),
  );
}

main();
