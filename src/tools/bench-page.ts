/**
 * `npm run bench:page`: the browser page's size and how fast it opens and works, in headless
 * Chromium from the saved file (file://): the page's script run (the "kiem-tra:ready" mark),
 * DOMContentLoaded and load, against an empty page on the same machine; then the check of the
 * sample plan and of a 5,000-task Word plan, and the first and a second checked-copy download.
 * Medians of 7 page loads.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { buildPage, PAGE_FILE } from './build';
import { launchChromium } from './browser';
import { samplePlan } from './sample';
import { writeSheetsXlsx } from './xlsx-writer';

const ROOT = join(__dirname, '..', '..');
const RUNS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function timings(page: Page): Promise<{ ready: number; dcl: number; load: number }> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const ready = performance.getEntriesByName('kiem-tra:ready')[0]?.startTime ?? NaN;
    return { ready, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
}

async function main(): Promise<void> {
  const built = await buildPage();
  const html = readFileSync(PAGE_FILE);
  const dir = mkdtempSync(join(tmpdir(), 'kiem-tra-bench-'));
  const empty = join(dir, 'empty.html');
  writeFileSync(empty, '<!doctype html><html lang="vi"><meta charset="utf-8"><title>x</title><p>x</p>');
  const sample = join(dir, 'mau.xlsx');
  await writeSheetsXlsx(sample, [samplePlan(ROOT)]);
  const big = join(ROOT, 'test', 'fixtures', 'docx', '5000-nhiem-vu.docx');

  const browser = await launchChromium();
  const context = await browser.newContext({ acceptDownloads: true });
  const loads: { ready: number; dcl: number; load: number }[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const b = await context.newPage();
    await b.goto(`file://${empty}`);
    bare.push((await timings(b)).dcl);
    await b.close();
    const p = await context.newPage();
    await p.goto(`file://${PAGE_FILE}?today=2026-12-20`);
    loads.push(await timings(p));
    await p.close();
  }
  const page = await context.newPage();
  await page.goto(`file://${PAGE_FILE}?today=2026-12-20`);
  const give = async (file: string) => {
    await page.evaluate(() => (document.body.dataset.state = 'given'));
    const t0 = Date.now();
    await page.setInputFiles('#file', file);
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    return Date.now() - t0;
  };
  const download = async () => {
    const t0 = Date.now();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    await dl.path();
    return Date.now() - t0;
  };
  const checkSample = await give(sample);
  const firstDownload = await download();
  const secondDownload = await download();
  const checkBig = await give(big);
  const bigDownload = await download();
  await browser.close();

  const kb = (n: number) => `${Math.round(n / 1024)} KB`;
  const ms = (n: number) => `${Math.round(n)} ms`;
  console.log(`site/kiem-tra.html: ${kb(built.bytes)} (${kb(gzipSync(html).length)} gzipped)`);
  console.log(
    `  page script ${kb(built.pageScript)} inline; checked-copy script ${kb(built.workbookScript)}, stored deflated`,
  );
  console.log(
    `Opening from file:// (median of ${RUNS}; an empty page: DOMContentLoaded ${ms(median(bare))}):`,
  );
  console.log(
    `  page script run ${ms(median(loads.map((l) => l.ready)))}, DOMContentLoaded ${ms(median(loads.map((l) => l.dcl)))}, load ${ms(median(loads.map((l) => l.load)))}`,
  );
  console.log(
    `Sample plan (51 tasks, .xlsx): check ${ms(checkSample)}; checked copy: first ${ms(firstDownload)} (runs the checked-copy script), again ${ms(secondDownload)}`,
  );
  console.log(`Word plan of 5,000 tasks: check ${ms(checkBig)}; checked copy ${ms(bigDownload)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
