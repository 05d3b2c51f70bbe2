/// <reference lib="dom" />
/**
 * The roll-up dialog's page script: wires the driver (rollup-client.ts) to the page's elements and
 * to google.script.run. Bundled into Rollup.html by the build.
 */
import { DEFAULT_OPTIONS, runRollup, type RollupServer, type RunState } from './rollup-client';

declare const DATA: { communes: number; run: RunState | null; now: number; idleMs: number };
declare const google: {
  script: {
    run: Record<string, (...args: unknown[]) => void> & {
      withSuccessHandler(f: (v: unknown) => void): {
        withFailureHandler(f: (e: unknown) => void): Record<string, (...args: unknown[]) => void>;
      };
    };
    host: { close(): void };
  };
};

const $ = (id: string) => document.getElementById(id) as HTMLElement;

function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as T))
      .withFailureHandler((e) =>
        reject(e instanceof Error ? e : new Error(String((e as { message?: string })?.message ?? e))),
      );
    const fn = runner[name];
    if (fn) fn(...args);
    else reject(new Error(`Không có hàm ${name}`));
  });
}

const server: RollupServer = {
  rollupStartRun: (restart) => call('rollupStartRun', restart),
  rollupReadChunk: (runId, n) => call('rollupReadChunk', runId, n),
  rollupFinishRun: (runId) => call('rollupFinishRun', runId),
};

function minutes(seconds: number): string {
  if (seconds < 60) return `khoảng ${Math.max(1, seconds)} giây`;
  return `khoảng ${Math.round(seconds / 60)} phút`;
}

function show(done: number, total: number): void {
  const pct = total > 0 ? Math.round((done / total) * 100) : 0;
  ($('fill') as HTMLElement).style.width = `${pct}%`;
  $('bar').setAttribute('aria-valuemax', String(total));
  $('bar').setAttribute('aria-valuenow', String(done));
  $('count').textContent = `Đã đọc ${done}/${total} xã (${pct}%).`;
}

function intro(): void {
  const run = DATA.run;
  if (run && run.total > 0 && run.done < run.total) {
    const idle = DATA.now - run.updated > DATA.idleMs;
    $('intro').textContent = idle
      ? `Lần tổng hợp trước dừng lại khi đã đọc ${run.done}/${run.total} xã. Bấm “Tiếp tục” để đọc nốt, hoặc “Bắt đầu lại”.`
      : `Đang có một lần tổng hợp (có thể ở cửa sổ của người khác): đã đọc ${run.done}/${run.total} xã. Bấm “Tiếp tục” để cùng đọc.`;
    $('start').textContent = 'Tiếp tục';
    $('restart').hidden = false;
    show(run.done, run.total);
  } else {
    $('intro').textContent =
      `Đọc bảng trạng thái của ${DATA.communes} xã trong trang “Danh sách xã” rồi ghi kết quả vào trang “Tổng hợp”. Có thể đóng cửa sổ này giữa chừng: lần sau bấm “Tiếp tục”.`;
    show(0, DATA.communes);
  }
}

async function go(restart: boolean): Promise<void> {
  ($('start') as HTMLButtonElement).disabled = true;
  ($('restart') as HTMLButtonElement).disabled = true;
  $('result').textContent = '';
  $('result').className = '';
  const outcome = await runRollup(
    server,
    {
      progress: (p) => {
        show(p.done, p.total);
        $('reading').textContent =
          (p.reading.length > 0
            ? `Đang đọc: ${p.reading.slice(0, 4).join(', ')}${p.reading.length > 4 ? '…' : ''}. `
            : '') + (p.secondsLeft !== null && p.done < p.total ? `Còn ${minutes(p.secondsLeft)}.` : '');
      },
    },
    {
      ...DEFAULT_OPTIONS,
      restart,
      now: () => Date.now(),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    },
  );
  $('reading').textContent = '';
  if (outcome.kind === 'finished') {
    $('result').className = 'ok';
    $('result').textContent =
      `Xong: đã tổng hợp ${outcome.communes} xã vào trang “Tổng hợp”.${outcome.failures > 0 ? ` ${outcome.failures} nguồn không tính: xem bảng 4 của trang đó.` : ''}`;
    $('start').hidden = true;
    $('restart').hidden = true;
  } else if (outcome.kind === 'taken-over') {
    $('result').className = 'problem';
    $('result').textContent = 'Người khác vừa bắt đầu lại việc tổng hợp; cửa sổ này dừng để không làm trùng.';
  } else {
    $('result').className = 'problem';
    $('result').textContent =
      `Đã dừng khi đọc được ${outcome.done}/${outcome.total} xã: ${outcome.message} Bấm “Tiếp tục” để đọc nốt.`;
    $('start').textContent = 'Tiếp tục';
    ($('start') as HTMLButtonElement).disabled = false;
    $('restart').hidden = false;
    ($('restart') as HTMLButtonElement).disabled = false;
  }
}

intro();
$('start').addEventListener('click', () => void go(false));
$('restart').addEventListener('click', () => void go(true));
$('close').addEventListener('click', () => google.script.host.close());
