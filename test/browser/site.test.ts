/**
 * The browser page site/kiem-tra.html in real Chromium: every seed fixture, written as the .xlsx
 * an officer would export, gives on the page exactly the JSON report of `check --json`; the
 * checked copy downloads and reads back; a CSV (also dropped) and a Word plan work; hostile files
 * stay inert or are refused in Vietnamese; the page makes no request beyond its own load.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { strToU8 } from 'fflate';
import { run } from '../../src/cli/main';
import { openXlsx } from '../../src/core/xlsx';
import { fromRows, STATUS_SHEET_NAME } from '../../src/core/status-report';
import { checkSheet } from '../../src/core/check';
import { checkedReport } from '../../src/workbook/checked';
import { buildPage, PAGE_FILE } from '../../src/tools/build';
import { launchChromium, servePages, type PageServer } from '../../src/tools/browser';
import { describeInBrowser as describeChromium } from '../helpers/chromium';
import { writeSheetsXlsx } from '../../src/tools/xlsx-writer';
import { samplePlan } from '../../src/tools/sample';
import { loadSeed, seedFiles, seedInput } from '../helpers/fixtures';
import { tempDir } from '../helpers/cli';
import { hostileXlsx } from '../helpers/xlsx';

const TODAY = '2026-11-22';
const ROOT = join(__dirname, '..', '..');
const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const SCRIPT_BREAK = '</script><script>window.__pwned=2</script>';

const describeInBrowser = describeChromium();

async function cliReport(
  file: string,
  more: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['check', file, '--json', '--today', TODAY, ...more], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTty: false,
    now: () => new Date(`${TODAY}T03:00:00Z`),
  });
  return { code, stdout, stderr };
}

let browser: Browser;
let context: BrowserContext;
let server: PageServer;
const dir = tempDir();
/** Requests any page made, other than loading the page itself. */
const stray: string[] = [];

async function openPage(query = `?today=${TODAY}`): Promise<Page> {
  const page = await context.newPage();
  const url = `${server.base}/kiem-tra.html${query}`;
  page.on('request', (r) => {
    if (r.url() !== url && !r.url().startsWith('blob:')) stray.push(r.url());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url);
  return page;
}

/** Gives the page a file and waits until it has read it (or refused it). */
async function give(page: Page, file: string): Promise<'ready' | 'error'> {
  await page.evaluate(() => (document.body.dataset.state = 'given'));
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state ?? ''));
  return (await page.evaluate(() => document.body.dataset.state)) as 'ready' | 'error';
}

const reportText = (page: Page) => page.locator('#report').textContent();

async function inert(page: Page): Promise<void> {
  const w = await page.evaluate(() => {
    const g = window as unknown as { __pwned?: number; __violations: string[] };
    return { pwned: g.__pwned, violations: g.__violations, imgs: document.querySelectorAll('img').length };
  });
  expect(w).toEqual({ pwned: undefined, violations: [], imgs: 0 });
}

/** Downloads the checked copy and reads it back with the core's reader. */
async function download(page: Page, name: string) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  expect(dl.suggestedFilename()).toBe(name);
  const path = join(dir, `dl-${name}`);
  await dl.saveAs(path);
  return openXlsx(new Uint8Array(readFileSync(path)));
}

describeInBrowser('the browser page kiem-tra.html', () => {
  beforeAll(async () => {
    if (!existsSync(PAGE_FILE)) await buildPage();
    server = await servePages(new Map([['/kiem-tra.html', readFileSync(PAGE_FILE, 'utf8')]]));
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('one page given every file in turn', () => {
    let page: Page;
    beforeAll(async () => {
      page = await openPage();
    });
    afterAll(async () => {
      await page.close();
    });

    it.each(seedFiles())(
      '%s: the command line’s JSON report, and a checked copy that reads back',
      async (seed) => {
        const fixture = loadSeed(seed);
        const file = join(dir, seed.replace(/\.json$/, '.xlsx'));
        await writeSheetsXlsx(file, [seedInput(fixture)]);
        const cli = await cliReport(file);
        expect(cli.stderr).toBe('');

        expect(await give(page, file)).toBe('ready');
        const text = await reportText(page);
        expect(text).toBe(cli.stdout.trim().replace(/</g, '\\u003c'));
        expect(JSON.parse(text ?? '')).toEqual(JSON.parse(cli.stdout));
        const report = JSON.parse(cli.stdout) as { summary: { tasks: number; errors: number } };
        await expect(page.locator('#meta').textContent()).resolves.toContain(
          `${report.summary.tasks} nhiệm vụ · `,
        );

        const book = await download(page, seed.replace(/\.json$/, '-da-kiem-tra.xlsx'));
        // The same sheets as the command line's copy: the plan, the status sheet, the sheet by
        // unit, a reminder per unit, the hidden history.
        const out = join(dir, seed.replace(/\.json$/, '-cli.xlsx'));
        expect((await cliReport(file, ['--out', out])).stderr).toBe('');
        expect(book.sheetNames).toEqual(openXlsx(readFileSync(out)).sheetNames);
        expect(book.sheetNames.slice(0, 3)).toEqual([fixture.sheetName, STATUS_SHEET_NAME, 'Theo đơn vị']);
        const back = fromRows(book.sheet(STATUS_SHEET_NAME).values);
        if (!back.ok) throw new Error(back.reason);
        const result = checkSheet(book.sheet(fixture.sheetName), { today: TODAY });
        expect(back.report).toEqual(checkedReport(result));
        expect(back.report.tasks).toBe(report.summary.tasks);
      },
      30_000,
    );

    it('reads a CSV given through the input and one dropped on the zone', async () => {
      const csv = join(dir, 'phan-cong.csv');
      writeFileSync(
        csv,
        '\ufeffSTT,Nhiệm vụ,Cơ quan chủ trì,Thời gian hoàn thành,Trạng thái\n1,Tập huấn kỹ năng số,UBND xã,30/11/2026,Đang thực hiện\n2,Số hóa hồ sơ,,31/10/2026,\n',
      );
      const cli = await cliReport(csv);
      expect(await give(page, csv)).toBe('ready');
      expect(JSON.parse((await reportText(page)) ?? '')).toEqual(JSON.parse(cli.stdout));
      const findings = (JSON.parse(cli.stdout) as { findings: { message: string }[] }).findings;
      await expect(page.locator('table.findings tbody tr td:last-child').allTextContents()).resolves.toEqual(
        findings.map((f) => f.message),
      );
      const book = await download(page, 'phan-cong-da-kiem-tra.xlsx');
      expect(fromRows(book.sheet(STATUS_SHEET_NAME).values).ok).toBe(true);

      const dropped = await openPage();
      await dropped.evaluate(
        (text) => {
          const data = new DataTransfer();
          data.items.add(new File([text], 'keo-tha.csv', { type: 'text/csv' }));
          document
            .getElementById('drop')
            ?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
        },
        readFileSync(csv, 'utf8'),
      );
      await dropped.waitForSelector('#report', { state: 'attached' });
      const droppedReport = JSON.parse((await reportText(dropped)) ?? '') as { sheet: string };
      expect(droppedReport).toEqual({ ...JSON.parse(cli.stdout), sheet: 'keo-tha' });
      await inert(dropped);
      await dropped.close();
    }, 30_000);

    it('reads a Word plan, says which paragraphs it could not read, and makes its checked copy', async () => {
      const docx = join(ROOT, 'test', 'fixtures', 'docx', '002-tinh-long.docx');
      const cli = await cliReport(docx);
      expect(await give(page, docx)).toBe('ready');
      expect(await reportText(page)).toBe(cli.stdout.trim().replace(/</g, '\\u003c'));
      const notes = cli.stderr
        .trim()
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.replace(/^Chú ý: /, ''));
      // Where the tasks were read from, and the one paragraph of this prose plan that could not be read.
      expect(notes).toHaveLength(2);
      expect(notes[1]).toMatch(/^Không đọc được đoạn: /);
      await expect(page.locator('.notes li').allTextContents()).resolves.toEqual(notes);
      const book = await download(page, '002-tinh-long-da-kiem-tra.xlsx');
      expect(fromRows(book.sheet(STATUS_SHEET_NAME).values).ok).toBe(true);
    }, 30_000);

    it('shows hostile cell text literally: no markup, no script, the report intact', async () => {
      const file = join(dir, 'doc-hai.xlsx');
      await writeSheetsXlsx(file, [
        {
          name: 'Phân công',
          values: [
            ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Trạng thái'],
            ['I', SCRIPT_BREAK, '', '', ''],
            ['1', `Nhiệm vụ ${HOSTILE}`, HOSTILE, '15/11/2026', SCRIPT_BREAK],
            ['2', 'Số hóa hồ sơ', 'Chưa phân công', '30/11/2026', HOSTILE],
          ],
        },
      ]);
      const cli = await cliReport(file);
      expect(await give(page, file)).toBe('ready');
      const text = (await reportText(page)) ?? '';
      expect(text).not.toContain('</script');
      expect(JSON.parse(text)).toEqual(JSON.parse(cli.stdout));
      const body = (await page.locator('#results').textContent()) ?? '';
      expect(body).toContain(HOSTILE);
      expect(body).toContain(SCRIPT_BREAK);
      // No text of the file became a script: the only one holding it is the JSON report.
      await expect(
        page.evaluate(
          () =>
            Array.from(document.scripts).filter(
              (x) => x.type !== 'application/json' && (x.textContent ?? '').includes('__pwned'),
            ).length,
        ),
      ).resolves.toBe(0);
      await download(page, 'doc-hai-da-kiem-tra.xlsx');
    }, 30_000);

    it.each([
      [
        'a zip bomb',
        'bom.xlsx',
        () =>
          hostileXlsx({ sheets: [{ name: 'S', rows: '' }] }, 'xl/worksheets/sheet1.xml', {
            head: '<worksheet><sheetData>',
            unit: '<row/>',
            times: 70_000_000,
            tail: '</sheetData></worksheet>',
          }),
      ],
      ['a PDF renamed .xlsx', 'bao-cao.xlsx', () => strToU8('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n')],
      ['an empty file', 'rong.csv', () => new Uint8Array()],
    ])(
      'refuses %s with the command line’s Vietnamese message',
      async (_what, name, bytes) => {
        const file = join(dir, name);
        writeFileSync(file, bytes());
        const cli = await cliReport(file);
        expect(cli.code).toBe(2);
        const t0 = Date.now();
        expect(await give(page, file)).toBe('error');
        expect(Date.now() - t0).toBeLessThan(5000);
        const message = (await page.locator('#error').textContent()) ?? '';
        expect(`Lỗi: ${message}\n`).toBe(cli.stderr.replace(file, name));
        await expect(page.locator('#report').count()).resolves.toBe(0);
        await expect(page.isVisible('#results')).resolves.toBe(false);
      },
      30_000,
    );

    it('lists the first 500 findings of a long plan and says the checked copy has them all', async () => {
      const csv = join(dir, 'dai.csv');
      const rows = Array.from({ length: 600 }, (_, i) => `${i + 1},Nhiệm vụ ${i + 1},,31/12/2026`);
      writeFileSync(csv, ['STT,Nhiệm vụ,Cơ quan chủ trì,Thời gian hoàn thành', ...rows].join('\n'));
      expect(await give(page, csv)).toBe('ready');
      const report = JSON.parse((await reportText(page)) ?? '') as { findings: unknown[] };
      expect(report.findings.length).toBeGreaterThan(600);
      await expect(page.locator('table.findings tbody tr').count()).resolves.toBe(500);
      await expect(page.locator('#chi-tiet p.muted').textContent()).resolves.toBe(
        `Còn ${report.findings.length - 500} phát hiện nữa không hiện ở đây: bản đã đánh dấu (.xlsx) có đủ, ở đúng từng ô.`,
      );
    }, 30_000);

    it('stayed inert: no script ran, no policy was broken', async () => {
      await inert(page);
    });
  });

  it('takes the day from ?today= and the window from the page, and says when ?today= is wrong', async () => {
    const file = join(dir, 'mau.xlsx');
    await writeSheetsXlsx(file, [samplePlan(ROOT)]);
    const page = await openPage('?today=2026-02-30');
    await expect(page.locator('#notice').textContent()).resolves.toContain('“2026-02-30”');
    await page.fill('#today', '20/12/2026');
    await page.fill('#due-soon', '30');
    expect(await give(page, file)).toBe('ready');
    const report = JSON.parse((await reportText(page)) ?? '') as { today: string; dueSoonDays: number };
    expect([report.today, report.dueSoonDays]).toEqual(['2026-12-20', 30]);
    await page.fill('#due-soon', '400');
    await page.dispatchEvent('#due-soon', 'change');
    await expect(page.locator('#error').textContent()).resolves.toBe(
      '“Số ngày sắp đến hạn” phải là số nguyên từ 0 đến 365.',
    );
    await page.fill('#due-soon', '14');
    await page.fill('#today', '31/02/2026');
    await page.dispatchEvent('#today', 'change');
    await expect(page.locator('#error').textContent()).resolves.toBe(
      '“Ngày tính hạn” “31/02/2026” không hợp lệ; ghi theo dạng ngày/tháng/năm, ví dụ 20/12/2026.',
    );
    await page.close();
  }, 30_000);

  it('shows the sample plan: counts, findings, the table and chart by pillar, units (screenshot)', async () => {
    const file = join(dir, 'mau-ke-hoach-cds-dai-hai-2026.xlsx');
    await writeSheetsXlsx(file, [samplePlan(ROOT)]);
    const page = await openPage('?today=2026-12-20');
    await expect(page.inputValue('#today')).resolves.toBe('20/12/2026');
    expect(await give(page, file)).toBe('ready');
    await expect(page.locator('#file-name').textContent()).resolves.toBe(
      'mau-ke-hoach-cds-dai-hai-2026.xlsx',
    );
    await expect(page.locator('.count').allTextContents()).resolves.toEqual(['1Lỗi', '5Cảnh báo', '13Lưu ý']);
    await expect(page.locator('table.findings tbody tr').count()).resolves.toBe(19);
    // Nine pillars with tasks, then the totals; the chart has a bar per pillar with tasks.
    await expect(page.locator('table.pivot tbody tr').count()).resolves.toBe(10);
    await expect(page.locator('table.pivot tbody tr.total').textContent()).resolves.toMatch(/^Tổng cộng515/);
    await expect(page.locator('svg.chart text.label').count()).resolves.toBe(9);
    await expect(page.locator('svg.chart rect.seg.overdue').count()).resolves.toBe(2);
    await expect(page.locator('table.units tbody tr').count()).resolves.toBeGreaterThan(3);
    const out = join(ROOT, 'out');
    mkdirSync(out, { recursive: true });
    await page.screenshot({ path: join(out, 'kiem-tra.png'), fullPage: true });
    await page.close();
  }, 30_000);

  it('works as a saved file, without a server (file://)', async () => {
    const csv = join(dir, 'ngoai-tuyen.csv');
    writeFileSync(csv, 'STT;Nhiệm vụ;Cơ quan chủ trì;Thời gian hoàn thành\n1;Tập huấn;UBND xã;Quý IV/2026\n');
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(`file://${PAGE_FILE}?today=${TODAY}`);
    expect(await give(page, csv)).toBe('ready');
    expect(JSON.parse((await reportText(page)) ?? '')).toEqual(JSON.parse((await cliReport(csv)).stdout));
    expect(failed).toEqual([]);
    await page.close();
  }, 30_000);

  it('made no request beyond loading the page itself', () => {
    expect(server.asked.length).toBeGreaterThan(0);
    expect(server.asked.every((u) => u.startsWith('/kiem-tra.html?'))).toBe(true);
    expect(stray).toEqual([]);
  });
});
