/**
 * The roll-up dialog's driver (runs in the browser, bundled into Rollup.html at build time; the
 * tests run this same code against the add-on with a simulated google.script.run). It starts or
 * joins a run, keeps a few chunk calls in flight, reports progress and time left, retries a
 * failed chunk, and finishes the run once every commune is read.
 */

export type Served<T> = { ok: true; value: T } | { ok: false; error: string };

export interface RunState {
  runId: string;
  total: number;
  done: number;
  reading: string[];
  started: number;
  updated: number;
}

export interface StepResult {
  state: RunState;
  read: string[];
  stale: boolean;
}

export interface FinishResult {
  finished: boolean;
  remaining: number;
  communes: number;
  failures: number;
}

/** The server functions, as google.script.run exposes them (one promise per call). */
export interface RollupServer {
  rollupStartRun(restart: boolean): Promise<Served<RunState>>;
  rollupReadChunk(runId: string, n: number): Promise<Served<StepResult>>;
  rollupFinishRun(runId: string): Promise<Served<FinishResult>>;
}

export interface Progress {
  done: number;
  total: number;
  reading: string[];
  /** Seconds left, estimated from the pace so far; null until there is a pace. */
  secondsLeft: number | null;
}

export interface RollupView {
  progress(p: Progress): void;
}

export type RollupOutcome =
  | { kind: 'finished'; communes: number; failures: number }
  | { kind: 'stopped'; message: string; done: number; total: number }
  | { kind: 'taken-over' };

export interface RollupOptions {
  /** Chunk calls in flight at once (Google runs up to ten of a page's calls at a time). */
  workers: number;
  /** Communes per call: each call stays seconds long, far under the 6-minute limit. */
  chunk: number;
  restart: boolean;
  now: () => number;
  /** Tries per chunk before the run stops with the error (a closed dialog resumes later). */
  tries?: number;
  /** Waits (the page: setTimeout). */
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_OPTIONS = { workers: 8, chunk: 4, tries: 3 };

export async function runRollup(
  server: RollupServer,
  view: RollupView,
  opts: RollupOptions,
): Promise<RollupOutcome> {
  const started = await server.rollupStartRun(opts.restart);
  if (!started.ok) return { kind: 'stopped', message: started.error, done: 0, total: 0 };
  const runId = started.value.runId;
  let state = started.value;
  const t0 = opts.now();
  const doneAtStart = state.done;
  const report = () => {
    const elapsed = (opts.now() - t0) / 1000;
    const gained = state.done - doneAtStart;
    const secondsLeft =
      gained > 0 && elapsed > 0 ? Math.round(((state.total - state.done) * elapsed) / gained) : null;
    view.progress({ done: state.done, total: state.total, reading: state.reading, secondsLeft });
  };
  report();
  let stopped: string | null = null;
  let takenOver = false;
  const tries = opts.tries ?? DEFAULT_OPTIONS.tries;
  const worker = async () => {
    while (!stopped && !takenOver) {
      let result: Served<StepResult> | null = null;
      for (let attempt = 1; attempt <= tries; attempt++) {
        result = await server.rollupReadChunk(runId, opts.chunk).catch((e: unknown) => ({
          ok: false as const,
          error: e instanceof Error ? e.message : String(e),
        }));
        if (result.ok) break;
      }
      if (!result || !result.ok) {
        stopped = result ? result.error : 'Không rõ lỗi';
        return;
      }
      if (result.value.stale) {
        takenOver = true;
        return;
      }
      if (result.value.state.done >= state.done) state = result.value.state;
      report();
      if (result.value.read.length === 0) return;
    }
  };
  const waitStep = 15_000;
  for (let waited = 0; ; waited += waitStep) {
    await Promise.all(Array.from({ length: Math.max(1, opts.workers) }, () => worker()));
    if (takenOver) return { kind: 'taken-over' };
    if (stopped) return { kind: 'stopped', message: stopped, done: state.done, total: state.total };
    let fin: Served<FinishResult> | null = null;
    for (let attempt = 1; attempt <= tries && !(fin && fin.ok); attempt++)
      fin = await server.rollupFinishRun(runId);
    if (!fin || !fin.ok)
      return {
        kind: 'stopped',
        message: fin ? fin.error : 'Không rõ lỗi',
        done: state.done,
        total: state.total,
      };
    if (fin.value.finished)
      return { kind: 'finished', communes: fin.value.communes, failures: fin.value.failures };
    // Communes claimed by another window are still being read: wait for them (their claims
    // expire if that window was closed), then read what is left.
    if (waited >= MAX_WAIT_MS)
      return {
        kind: 'stopped',
        message: `Còn ${fin.value.remaining} xã đang được đọc ở một cửa sổ khác. Hãy đợi cửa sổ đó xong, hoặc mở lại và bấm “Tiếp tục”.`,
        done: state.done,
        total: state.total,
      };
    await opts.sleep(waitStep);
  }
}

/** Longest wait for communes another window is reading. */
export const MAX_WAIT_MS = 180_000;
