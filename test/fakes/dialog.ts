/**
 * A page's google.script.run calls, side by side on the virtual clock: each call is its own
 * execution starting when the page made it; the calls run in order of their start times and each
 * answer reaches the page at its end time, so a page that keeps several calls in flight sees the
 * same interleaving, and the same wall time, as on Google.
 */
import type { FakeWorld } from './apps-script';

interface Pending {
  start: number;
  seq: number;
  run: () => void;
}

export class DialogSimulator {
  private queue: Pending[] = [];
  private seq = 0;
  /** The virtual time the page is at (the end of the call it was last answered). */
  private time: number;
  readonly t0: number;
  /** Latest end of any call: the wall time of the page's work. */
  end: number;
  calls = 0;

  constructor(private readonly world: FakeWorld) {
    this.time = world.drive.now;
    this.t0 = this.time;
    this.end = this.time;
  }

  /** A google.script.run call: runs `fn` as an execution when its turn comes. */
  call<T>(name: string, fn: () => T): Promise<T> {
    const start = this.time;
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        start,
        seq: this.seq++,
        run: () => {
          const clock = this.world.drive.clock;
          clock.now = start;
          this.calls++;
          let outcome: { ok: true; value: T } | { ok: false; error: unknown };
          try {
            outcome = { ok: true, value: clock.run(name, fn) };
          } catch (error) {
            outcome = { ok: false, error };
          }
          this.time = clock.now;
          this.end = Math.max(this.end, clock.now);
          if (outcome.ok) resolve(outcome.value);
          else reject(outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error)));
        },
      });
    });
  }

  /** A timer of the page (setTimeout). */
  sleep(ms: number): Promise<void> {
    const start = this.time + ms;
    return new Promise<void>((resolve) => {
      this.queue.push({
        start,
        seq: this.seq++,
        run: () => {
          this.time = start;
          this.end = Math.max(this.end, start);
          resolve();
        },
      });
    });
  }

  now(): number {
    return this.time;
  }

  /** Runs the page's work to its end; returns its result and the wall time in milliseconds. */
  async drive<T>(work: () => Promise<T>): Promise<{ result: T; wallMs: number }> {
    let finished = false;
    let result!: T;
    let failure: unknown = null;
    const running = work().then(
      (r) => {
        result = r;
        finished = true;
      },
      (e: unknown) => {
        failure = e;
        finished = true;
      },
    );
    for (let idle = 0; ;) {
      // Let the page's continuations run and make their next calls.
      await new Promise((r) => setImmediate(r));
      if (finished) break;
      if (this.queue.length === 0) {
        if (++idle > 1000) throw new Error('the page waits for nothing: no call and no timer pending');
        continue;
      }
      idle = 0;
      this.queue.sort((a, b) => a.start - b.start || a.seq - b.seq);
      (this.queue.shift() as Pending).run();
    }
    await running;
    if (failure) throw failure;
    return { result, wallMs: this.end - this.t0 };
  }
}
