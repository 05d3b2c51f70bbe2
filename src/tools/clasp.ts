/**
 * What `npm run release` and `npm run template` share: running the steps one after another
 * (stopping at the first that fails), the clasp 3 command lines, and reading clasp's answers.
 * The runner is injected, so the tests drive everything with a fake and no network.
 */
import { spawn } from 'node:child_process';

export interface RunResult {
  /** Exit code (a process killed by a signal counts as 1). */
  code: number;
  /** stdout then stderr, as printed (captured only when asked). */
  output: string;
}

/**
 * Runs one command. `capture`: also collect its output (clasp's answers are parsed); the output
 * is shown live either way.
 */
export type Runner = (
  command: string,
  args: string[],
  options: { cwd: string; capture: boolean },
) => Promise<RunResult>;

/** A step that failed: the release or template run stops there. */
export class StepError extends Error {
  constructor(
    readonly step: string,
    readonly code: number,
    readonly output: string,
  ) {
    super(`Dừng ở bước “${step}” (mã thoát ${code}); các bước sau không chạy.`);
    this.name = 'StepError';
  }
}

/** A problem found before anything ran (a missing or wrong clasp project file): a Vietnamese message. */
export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupError';
  }
}

export interface Step {
  /** Vietnamese label, shown before it runs and in the failure message. */
  label: string;
  command: string;
  args: string[];
  capture: boolean;
}

/** Runs a step; throws StepError unless it exits 0. */
export async function runStep(
  run: Runner,
  cwd: string,
  step: Step,
  log: (line: string) => void,
): Promise<RunResult> {
  log(`\n▶ ${step.label}: ${[step.command, ...step.args].map(shellQuote).join(' ')}`);
  const result = await run(step.command, step.args, { cwd, capture: step.capture });
  if (result.code !== 0) throw new StepError(step.label, result.code, result.output);
  return result;
}

/** `npm test`: type-check, lint, build dist/, the whole jest suite. */
export function testStep(): Step {
  return {
    label: 'Kiểm tra kiểu, lint, build và toàn bộ test',
    command: 'npm',
    args: ['test'],
    capture: false,
  };
}

/** `npm run build`: dist/ again (after create-script pulled Google's default files into it). */
export function buildStep(): Step {
  return { label: 'Build lại dist/', command: 'npm', args: ['run', 'build'], capture: false };
}

/** `npx clasp -P <project> [--json] <command> …`: clasp 3 with a project file other than .clasp.json. */
export function clasp(project: string, command: string[], json = false): { command: string; args: string[] } {
  return { command: 'npx', args: ['clasp', '-P', project, ...(json ? ['--json'] : []), ...command] };
}

export function pushStep(project: string): Step {
  return { label: 'Đẩy dist/ lên dự án Apps Script', ...clasp(project, ['push', '--force']), capture: true };
}

/**
 * The last JSON object clasp printed with --json (it prints one, indented, on lines of its own;
 * anything printed before it is skipped). Null when there is none.
 */
export function lastJsonObject(output: string): Record<string, unknown> | null {
  let found: Record<string, unknown> | null = null;
  for (let i = output.indexOf('{'); i >= 0; i = output.indexOf('{', i + 1)) {
    if (i > 0 && output[i - 1] !== '\n') continue;
    const end = output.lastIndexOf('}');
    if (end < i) break;
    try {
      const value: unknown = JSON.parse(output.slice(i, end + 1));
      if (value && typeof value === 'object' && !Array.isArray(value))
        found = value as Record<string, unknown>;
    } catch {
      // not the start of the object: keep looking
    }
  }
  return found;
}

/** A parameter as the shell would need it (for the log line only; commands run without a shell). */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The real runner: spawns without a shell, output shown live and, when asked, collected. */
export const spawnRunner: Runner = (command, args, { cwd, capture }) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: capture ? ['inherit', 'pipe', 'pipe'] : 'inherit' });
    const chunks: string[] = [];
    child.stdout?.on('data', (d: Buffer) => {
      process.stdout.write(d);
      chunks.push(d.toString('utf8'));
    });
    child.stderr?.on('data', (d: Buffer) => {
      process.stderr.write(d);
      chunks.push(d.toString('utf8'));
    });
    child.on('error', (e) => resolve({ code: 127, output: `${command}: ${e.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output: chunks.join('') }));
  });
