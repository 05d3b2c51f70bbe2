/**
 * The built HTML pages in a real browser: dist/*.html served on loopback to headless Chromium,
 * with google.script.run stubbed. Hostile task text must show literally; a click must reach
 * the server function with the finding's cell.
 */
import { readFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { describeInBrowser as describeChromium } from '../helpers/chromium';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ensureBuilt, DIST } from '../helpers/addon';
import { jsonForScript } from '../../src/sheets/ui';
import { sidebarData, type SidebarData } from '../../src/sheets/commands';
import type { RemindPreview } from '../../src/sheets/follow';
import { checkSheet } from '../../src/core/check';
import { samplePlan } from '../../src/tools/sample';
import { MAX_FILE_BYTES } from '../../src/core/book';
import { readWordPlan } from '../../src/sheets/client/import-page';
import { addonPage, launchChromium, servePages, type PageServer } from '../../src/tools/browser';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const SCRIPT_BREAK = '</script><script>window.__pwned=2</script>';

const describeInBrowser = describeChromium();

const pages = new Map<string, string>();
let server: PageServer;
let base = '';
let browser: Browser;

function page(name: string, data: unknown): string {
  return addonPage(DIST, name, jsonForScript(data));
}

const IMPORT_DATA = { today: '2026-11-22', timeZone: 'Asia/Ho_Chi_Minh', maxBytes: MAX_FILE_BYTES };
const DOCX = join(__dirname, '..', 'fixtures', 'docx');

const sidebar: SidebarData = {
  sheet: 'Phụ lục',
  tasks: 51,
  pillars: 9,
  planYear: 2026,
  today: '2026-12-20',
  counts: [
    { code: 'missing-lead', label: 'Chưa có cơ quan chủ trì', severity: 'error', count: 1 },
    { code: 'overdue', label: 'Quá hạn', severity: 'warning', count: 2 },
    { code: 'due-soon', label: 'Sắp đến hạn', severity: 'info', count: 1 },
  ],
  findings: [
    {
      row: null,
      column: null,
      severity: 'warning',
      severityLabel: 'Cảnh báo',
      label: 'Thiếu cột chuẩn',
      message: 'Chưa có cột “Trạng thái” (nên có).',
    },
    {
      row: 28,
      column: 'C',
      severity: 'error',
      severityLabel: 'Lỗi',
      label: 'Chưa có cơ quan chủ trì',
      message: `Nhiệm vụ 19 chưa có cơ quan chủ trì (đang ghi “${HOSTILE}”).`,
    },
    {
      row: 46,
      column: 'F',
      severity: 'warning',
      severityLabel: 'Cảnh báo',
      label: 'Quá hạn',
      message: `Nhiệm vụ 35 đã quá hạn 264 ngày. ${SCRIPT_BREAK}`,
    },
    {
      row: 52,
      column: 'F',
      severity: 'warning',
      severityLabel: 'Cảnh báo',
      label: 'Quá hạn',
      message: 'Nhiệm vụ 40 đã quá hạn 173 ngày (hạn 30/06/2026) mà chưa hoàn thành.',
    },
    {
      row: 6,
      column: 'F',
      severity: 'info',
      severityLabel: 'Lưu ý',
      label: 'Sắp đến hạn',
      message: 'Nhiệm vụ 1 sắp đến hạn: còn 11 ngày (hạn 31/12/2026).',
    },
  ],
};

const REMIND: RemindPreview = {
  today: '2026-12-20',
  commune: 'An Bình',
  quota: 3,
  recipients: 3,
  listSheet: 'Đơn vị',
  notes: [`Địa chỉ “${HOSTILE}” ở dòng 5 của trang “Đơn vị” không hợp lệ: bỏ qua.`],
  units: [
    {
      key: 'phong kinh te',
      unit: 'Phòng Kinh tế',
      emails: ['kt@anbinh.gov.vn', 'ld@anbinh.gov.vn'],
      overdue: 1,
      dueSoon: 0,
      tasks: [
        {
          stt: '3',
          task: `Sàn thương mại điện tử ${HOSTILE}`,
          pillar: 'Kinh tế số',
          deadline: '31/10/2026',
          situation: 'quá hạn 50 ngày',
          overdue: true,
        },
      ],
      status: 'ready',
      sentAt: null,
    },
    {
      key: 'phong van hoa xa hoi',
      unit: `Phòng Văn hóa ${SCRIPT_BREAK}`,
      emails: ['vhxh@anbinh.gov.vn'],
      overdue: 0,
      dueSoon: 1,
      tasks: [
        {
          stt: '2',
          task: 'Tập huấn',
          pillar: 'Nhận thức số',
          deadline: '25/12/2026',
          situation: 'còn 5 ngày',
          overdue: false,
        },
      ],
      status: 'sent-today',
      sentAt: '09:30',
    },
    {
      key: 'cong an xa',
      unit: 'Công an xã',
      emails: [],
      overdue: 0,
      dueSoon: 1,
      tasks: [],
      status: 'no-address',
      sentAt: null,
    },
  ],
};

describeInBrowser('HTML pages in Chromium', () => {
  beforeAll(async () => {
    await ensureBuilt();
    pages.set('/sidebar', page('Sidebar', sidebar));
    pages.set(
      '/settings',
      page('Settings', { commune: HOSTILE, planYear: 2026, dueSoonDays: 14, staleDays: 60, cityEmails: '' }),
    );
    pages.set('/help', page('Help', {}));
    pages.set('/rollup', page('Rollup', { communes: 3, run: null, now: 0, idleMs: 600000 }));
    pages.set(
      '/rollup-resume',
      page('Rollup', {
        communes: 200,
        run: { runId: 'r1', total: 200, done: 120, reading: [], started: 0, updated: 0, today: '2026-12-20' },
        now: 3_600_000,
        idleMs: 600_000,
      }),
    );
    pages.set(
      '/sent',
      page('Sent', {
        url: 'https://docs.google.com/spreadsheets/d/1AbC/edit',
        created: true,
        recipients: ['so@cantho.gov.vn', HOSTILE],
        added: ['so@cantho.gov.vn'],
        failed: [{ email: HOSTILE, reason: 'Sharing outside the domain is not allowed' }],
      }),
    );
    pages.set('/remind', page('Remind', REMIND));
    pages.set(
      '/sidebar-sample',
      page(
        'Sidebar',
        sidebarData(checkSheet(samplePlan(join(__dirname, '..', '..')), { today: '2026-12-20' })),
      ),
    );
    pages.set('/import', page('Import', IMPORT_DATA));
    server = await servePages(pages);
    base = server.base;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('sidebar', () => {
    it('shows the summary, shows hostile text literally, and selects the clicked finding’s cell', async () => {
      const p = await browser.newPage({ viewport: { width: 300, height: 640 } });
      const dialogs: string[] = [];
      p.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await p.goto(`${base}/sidebar`);
      await expect(p.textContent('#meta')).resolves.toContain(
        '51 nhiệm vụ · 9 trụ cột · năm kế hoạch 2026 · tính đến 20/12/2026',
      );
      await expect(p.locator('#counts li').allTextContents()).resolves.toEqual([
        'Chưa có cơ quan chủ trì1',
        'Quá hạn2',
        'Sắp đến hạn1',
      ]);
      const items = p.locator('.finding');
      await expect(items.count()).resolves.toBe(5);
      await expect(items.nth(1).textContent()).resolves.toContain(HOSTILE);
      await expect(items.nth(2).textContent()).resolves.toContain(SCRIPT_BREAK);
      await expect(p.locator('img').count()).resolves.toBe(0);
      await expect(
        p.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
      ).resolves.toBeUndefined();

      await items.nth(1).click();
      await items.nth(3).press('Enter');
      await items.nth(0).click(); // the whole-sheet finding has no cell to select
      await p.waitForTimeout(50);
      await expect(
        p.evaluate(() => (globalThis as unknown as { __calls: unknown[] }).__calls),
      ).resolves.toEqual([
        ['selectCell', 'Phụ lục', 28, 'C'],
        ['selectCell', 'Phụ lục', 52, 'F'],
      ]);
      expect(dialogs).toEqual([]);
      await p.close();
    }, 30_000);

    it('renders the real check of the sample plan (the README screenshot)', async () => {
      const p = await browser.newPage({ viewport: { width: 300, height: 760 } });
      await p.goto(`${base}/sidebar-sample`);
      await expect(p.locator('.finding').count()).resolves.toBe(19);
      await expect(p.textContent('#meta')).resolves.toContain('51 nhiệm vụ');
      const dir = join(__dirname, '..', '..', 'out');
      mkdirSync(dir, { recursive: true });
      await p.screenshot({ path: join(dir, 'sidebar.png') });
      if (process.env.UPDATE_SCREENSHOTS)
        copyFileSync(join(dir, 'sidebar.png'), join(__dirname, '..', 'screenshots', 'sidebar.png'));
      await p.close();
    }, 30_000);
  });

  describe('settings dialog', () => {
    it('shows saved values literally, sends the form, shows the reasons a bad value was refused', async () => {
      const p = await browser.newPage();
      await p.goto(`${base}/settings`);
      await expect(p.inputValue('#commune')).resolves.toBe(HOSTILE);
      await expect(p.inputValue('#planYear')).resolves.toBe('2026');
      await expect(p.inputValue('#staleDays')).resolves.toBe('60');
      await p.evaluate(() => {
        (globalThis as unknown as { __result: unknown }).__result = {
          ok: false,
          errors: ['Địa chỉ thư “abc” không hợp lệ.'],
        };
      });
      await p.fill('#commune', 'Đại Hải');
      await p.fill('#cityEmails', 'abc');
      await p.click('#save');
      await p.waitForSelector('#errors li');
      await expect(p.locator('#errors li').allTextContents()).resolves.toEqual([
        'Địa chỉ thư “abc” không hợp lệ.',
      ]);
      const calls = await p.evaluate(() => (globalThis as unknown as { __calls: unknown[][] }).__calls);
      expect(calls).toEqual([
        [
          'saveSettings',
          {
            commune: 'Đại Hải',
            planYear: '2026',
            dueSoonDays: '14',
            staleDays: '60',
            cityEmails: 'abc',
            notifyCity: true,
            cityMessage: '',
          },
        ],
      ]);
      await expect(
        p.evaluate(() => (globalThis as unknown as { __closed?: boolean }).__closed),
      ).resolves.toBeUndefined();
      await p.evaluate(() => {
        (globalThis as unknown as { __result: unknown }).__result = { ok: true, errors: [] };
      });
      await p.click('#save');
      await p.waitForFunction(() => (globalThis as unknown as { __closed?: boolean }).__closed === true);
      await p.close();
    }, 30_000);
  });

  describe('reminder dialog', () => {
    it('previews units and tasks literally, keeps a unit sent today unticked until “gửi lại”, and sends the choice', async () => {
      const p = await browser.newPage({ viewport: { width: 680, height: 600 } });
      await p.goto(`${base}/remind`);
      await expect(p.textContent('#intro')).resolves.toContain(
        '3 đơn vị có nhiệm vụ quá hạn hoặc sắp đến hạn',
      );
      await expect(p.locator('#notes li').allTextContents()).resolves.toEqual(REMIND.notes);
      const boxes = p.locator('.unit > .head input');
      await expect(
        boxes.evaluateAll((b) =>
          b.map((x) => [(x as HTMLInputElement).checked, (x as HTMLInputElement).disabled]),
        ),
      ).resolves.toEqual([
        [true, false],
        [false, false],
        [false, true],
      ]);
      await expect(p.locator('.unit').nth(1).textContent()).resolves.toContain(SCRIPT_BREAK);
      await expect(p.locator('.unit').nth(2).textContent()).resolves.toContain('chưa có địa chỉ');
      await expect(p.textContent('#quota')).resolves.toBe(
        'Đã chọn 1 đơn vị, 2 người nhận. Hạn mức gửi thư của Google hôm nay còn 3 người nhận.',
      );
      // "Gửi lại" ticks the unit; the quota line follows.
      await p.locator('.unit').nth(1).locator('label.problem input').check();
      await expect(p.textContent('#quota')).resolves.toBe(
        'Đã chọn 2 đơn vị, 3 người nhận. Hạn mức gửi thư của Google hôm nay còn 3 người nhận.',
      );
      await p.locator('.unit').nth(0).locator('details summary').click();
      await expect(p.locator('.unit').nth(0).locator('td').nth(1).textContent()).resolves.toContain(HOSTILE);
      const dir = join(__dirname, '..', '..', 'out');
      mkdirSync(dir, { recursive: true });
      await p.screenshot({ path: join(dir, 'remind.png') });
      await expect(p.locator('img').count()).resolves.toBe(0);
      await expect(
        p.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
      ).resolves.toBeUndefined();
      await p.evaluate(() => {
        (globalThis as unknown as { __result: unknown }).__result = {
          ok: true,
          value: {
            sent: 2,
            message: 'Đã gửi thư nhắc việc cho 2 đơn vị.',
            outcomes: [
              { unit: 'Phòng Kinh tế', emails: [], outcome: 'sent', detail: 'đã gửi tới kt@anbinh.gov.vn' },
            ],
          },
        };
      });
      await p.click('#send');
      await p.waitForFunction(() => document.getElementById('result')?.textContent?.startsWith('Đã gửi'));
      const calls = await p.evaluate(() => (globalThis as unknown as { __calls: unknown[][] }).__calls);
      expect(calls).toEqual([
        ['remindSend', { keys: ['phong kinh te', 'phong van hoa xa hoi'], resend: ['phong van hoa xa hoi'] }],
      ]);
      await expect(p.locator('#outcomes li').allTextContents()).resolves.toEqual([
        'Phòng Kinh tế: đã gửi tới kt@anbinh.gov.vn',
      ]);
      await expect(p.isHidden('#send')).resolves.toBe(true);
      await p.close();
    }, 30_000);
  });

  describe('help dialog', () => {
    it('renders in Vietnamese', async () => {
      const p = await browser.newPage();
      await p.goto(`${base}/help`);
      await expect(p.textContent('body')).resolves.toContain(
        'Tiện ích không bao giờ sửa nội dung anh/chị đã nhập.',
      );
      await p.close();
    }, 30_000);
  });

  describe('roll-up dialog', () => {
    it('starts, reads in chunks with a progress bar, finishes, and shows commune names literally', async () => {
      const p = await browser.newPage({ viewport: { width: 520, height: 380 } });
      await p.goto(`${base}/rollup`);
      await expect(p.textContent('#intro')).resolves.toContain('Đọc bảng trạng thái của 3 xã');
      await p.evaluate((hostile) => {
        const state = (done: number, reading: string[]) => ({
          runId: 'r1',
          total: 3,
          done,
          reading,
          started: 0,
          updated: 0,
        });
        (globalThis as unknown as { __results: unknown }).__results = {
          rollupStartRun: { ok: true, value: state(0, []) },
          rollupReadChunk: [
            { ok: true, value: { state: state(2, [hostile]), read: ['Xã A', 'Xã B'], stale: false } },
            { ok: true, value: { state: state(3, []), read: ['Xã C'], stale: false } },
            { ok: true, value: { state: state(3, []), read: [], stale: false } },
          ],
          rollupFinishRun: { ok: true, value: { finished: true, remaining: 0, communes: 3, failures: 1 } },
        };
      }, HOSTILE);
      await p.click('#start');
      await p.waitForFunction(() => document.getElementById('result')?.textContent?.startsWith('Xong'));
      await expect(p.textContent('#result')).resolves.toBe(
        'Xong: đã tổng hợp 3 xã vào trang “Tổng hợp”. 1 nguồn không tính: xem bảng 4 của trang đó.',
      );
      await expect(p.textContent('#count')).resolves.toBe('Đã đọc 3/3 xã (100%).');
      await expect(p.getAttribute('#bar', 'aria-valuenow')).resolves.toBe('3');
      await expect(p.locator('img').count()).resolves.toBe(0);
      const calls = await p.evaluate(() => (globalThis as unknown as { __calls: unknown[][] }).__calls);
      expect(calls[0]).toEqual(['rollupStartRun', false]);
      expect(calls.filter((c) => c[0] === 'rollupReadChunk').every((c) => c[1] === 'r1' && c[2] === 4)).toBe(
        true,
      );
      expect(calls.at(-1)).toEqual(['rollupFinishRun', 'r1']);
      const dir = join(__dirname, '..', '..', 'out');
      mkdirSync(dir, { recursive: true });
      await p.waitForTimeout(400);
      await p.screenshot({ path: join(dir, 'rollup.png') });
      await p.close();
    }, 30_000);

    it('offers to resume a run that stopped, and shows a server error in Vietnamese', async () => {
      const p = await browser.newPage({ viewport: { width: 520, height: 380 } });
      await p.goto(`${base}/rollup-resume`);
      await expect(p.textContent('#intro')).resolves.toContain('dừng lại khi đã đọc 120/200 xã');
      await expect(p.textContent('#start')).resolves.toBe('Tiếp tục');
      await expect(p.isVisible('#restart')).resolves.toBe(true);
      await p.evaluate(() => {
        (globalThis as unknown as { __results: unknown }).__results = {
          rollupStartRun: {
            ok: true,
            value: { runId: 'r1', total: 200, done: 120, reading: [], started: 0, updated: 0 },
          },
          rollupReadChunk: {
            ok: false,
            error:
              'Không thực hiện được lệnh (Service timed out). Bảng tính không bị thay đổi dở dang; vui lòng thử lại sau ít phút.',
          },
        };
      });
      await p.click('#start');
      await p.waitForFunction(() =>
        (document.getElementById('result')?.textContent ?? '').includes('Đã dừng'),
      );
      await expect(p.textContent('#result')).resolves.toBe(
        'Đã dừng khi đọc được 120/200 xã: Không thực hiện được lệnh (Service timed out). Bảng tính không bị thay đổi dở dang; vui lòng thử lại sau ít phút. Bấm “Tiếp tục” để đọc nốt.',
      );
      await expect(p.isEnabled('#start')).resolves.toBe(true);
      await p.close();
    }, 30_000);
  });

  describe('sent dialog', () => {
    it('gives the link, who can see it, and who could not be invited, all as text', async () => {
      const p = await browser.newPage({ viewport: { width: 500, height: 340 } });
      await p.goto(`${base}/sent`);
      await expect(p.getAttribute('#link', 'href')).resolves.toBe(
        'https://docs.google.com/spreadsheets/d/1AbC/edit',
      );
      await expect(p.textContent('#failed')).resolves.toContain(
        `Chưa chia sẻ được cho: ${HOSTILE} (Sharing outside the domain is not allowed)`,
      );
      await expect(p.locator('img').count()).resolves.toBe(0);
      await p.close();
    }, 30_000);
  });

  describe('import dialog', () => {
    it('reads the picked Word file in the dialog, shows what it read, and sends the standard sheet’s rows', async () => {
      const p = await browser.newPage({ viewport: { width: 560, height: 540 } });
      await p.goto(`${base}/import`);
      await expect(p.isEnabled('#create')).resolves.toBe(false);
      const file = join(DOCX, '002-tinh-long.docx');
      await p.setInputFiles('#file', file);
      await p.waitForFunction(() => document.getElementById('summary')?.textContent?.startsWith('Đọc được'));
      const plan = readWordPlan(new Uint8Array(readFileSync(file)), '002-tinh-long.docx', IMPORT_DATA);
      await expect(p.textContent('#summary')).resolves.toBe(
        `Đọc được ${plan.tasks} nhiệm vụ (${plan.sections} mục) từ các đoạn văn của “002-tinh-long.docx”.`,
      );
      await expect(p.locator('#problems li').allTextContents()).resolves.toEqual(
        plan.problems.map((x) => x.text),
      );
      await expect(p.isVisible('#problems-box')).resolves.toBe(true);
      const dir = join(__dirname, '..', '..', 'out');
      mkdirSync(dir, { recursive: true });
      await p.screenshot({ path: join(dir, 'import.png') });

      await p.evaluate((tasks) => {
        (globalThis as unknown as { __result: unknown }).__result = {
          ok: true,
          value: { sheet: 'Phân công nhiệm vụ', tasks, errors: 0, warnings: 2, infos: 1, problems: 1 },
        };
      }, plan.tasks);
      await p.click('#create');
      await p.waitForFunction(() =>
        (document.getElementById('result')?.textContent ?? '').startsWith('Đã tạo'),
      );
      const calls = await p.evaluate(() => (globalThis as unknown as { __calls: unknown[][] }).__calls);
      // Exactly what the dialog's code computes in Node: the same function, the same bytes.
      expect(calls).toEqual([['importPlanRows', plan.payload]]);
      await expect(p.textContent('#result')).resolves.toBe(
        `Đã tạo trang “Phân công nhiệm vụ” với ${plan.tasks} nhiệm vụ và kiểm tra xong: 0 lỗi, 2 cảnh báo, 1 lưu ý (chi tiết ở thanh bên). Các đoạn chưa đọc được ghi ở ghi chú của ô A1.`,
      );
      await expect(p.isVisible('#create')).resolves.toBe(false);
      await p.close();
    }, 30_000);

    it('says in Vietnamese what a wrong file is, and shows a server refusal, keeping the button usable', async () => {
      const p = await browser.newPage({ viewport: { width: 560, height: 540 } });
      await p.goto(`${base}/import`);
      await p.setInputFiles('#file', {
        name: 'ke-hoach.docx',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n'),
      });
      await p.waitForSelector('#error:not([hidden])');
      await expect(p.textContent('#error')).resolves.toMatch(/^Tệp “ke-hoach\.docx” là tài liệu PDF/);
      await expect(p.isEnabled('#create')).resolves.toBe(false);

      await p.setInputFiles('#file', join(DOCX, '003-mo-cay.docx'));
      await p.waitForFunction(() => document.getElementById('summary')?.textContent?.startsWith('Đọc được'));
      await expect(p.isVisible('#error')).resolves.toBe(false);
      await expect(p.isVisible('#problems-box')).resolves.toBe(false);
      const refusal =
        'Một lệnh khác của Kế hoạch CĐS đang chạy trên bảng tính này. Vui lòng đợi vài giây rồi thử lại.';
      await p.evaluate((error) => {
        (globalThis as unknown as { __result: unknown }).__result = { ok: false, error };
      }, refusal);
      await p.click('#create');
      await p.waitForSelector('#error:not([hidden])');
      await expect(p.textContent('#error')).resolves.toBe(refusal);
      await expect(p.isEnabled('#create')).resolves.toBe(true);
      await expect(p.locator('img').count()).resolves.toBe(0);
      await p.close();
    }, 30_000);
  });
});
