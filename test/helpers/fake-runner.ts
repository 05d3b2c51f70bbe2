/** A stand-in for the command runner: records every command, answers from a script. */
import type { RunResult, Runner } from '../../src/tools/clasp';

export type Answer = (command: string, args: string[]) => RunResult | undefined;

export interface FakeRunner {
  run: Runner;
  /** Each call as one line: "npm test", "npx clasp -P .clasp-prod.json push --force", … */
  calls: string[];
}

/** Commands the answer does not cover succeed with no output. */
export function fakeRunner(answer: Answer = () => undefined): FakeRunner {
  const calls: string[] = [];
  const run: Runner = async (command, args) => {
    calls.push([command, ...args].join(' '));
    return answer(command, args) ?? { code: 0, output: '' };
  };
  return { run, calls };
}

/** The clasp subcommand of a call (after -P <file> and --json), or null for npm. */
export function claspCommand(command: string, args: string[]): string | null {
  if (command !== 'npx' || args[0] !== 'clasp') return null;
  return args.slice(1).find((a, i, rest) => !a.startsWith('-') && rest[i - 1] !== '-P') ?? null;
}
