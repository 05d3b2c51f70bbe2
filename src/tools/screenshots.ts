/**
 * `npm run screenshots`: the pictures of the user guide (docs/huong-dan-su-dung.md), made from
 * the product itself so they never go stale: the add-on's built pages (sidebar, settings, import,
 * reminder and roll-up dialogs) and the browser page in headless Chromium, with the real check of
 * the sample plan; the checked workbook's flagged task sheet, status sheet (with the changes since
 * the last check), "Theo đơn vị" and one printable reminder, and the city's "Tổng hợp", printed by
 * LibreOffice (soffice → PDF → pdftoppm). The sample's earlier checks are the sample as it stood
 * at the end of earlier months (a task completed later not yet marked done), recorded with the
 * product's own history. Each picture is cropped to its content and kept under 150 KB; they go to
 * docs/anh/ and are committed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { checkSheet, type CheckResult } from '../core/check';
import { MAX_FILE_BYTES } from '../core/book';
import type { SheetInput } from '../core/grid';
import { followUpOf, type Snapshot } from '../core/history';
import { FOLLOW_WORDS } from '../core/labels';
import { DEFAULT_TIME_ZONE } from '../core/plan';
import { previewUnit, remindersOf } from '../core/reminders';
import { STATUS_SHEET_NAME, toRows } from '../core/status-report';
import { columnLetter } from '../core/text';
import { UNIT_LIST_HEADER, addressesOf, newListRows, parseUnitList } from '../core/unit-list';
import { run } from '../cli/main';
import { sidebarData } from '../sheets/commands';
import type { PreviewUnit, RemindPreview } from '../sheets/follow';
import { isEmail } from '../sheets/settings';
import { jsonForScript } from '../sheets/ui';
import { checkedCopy, checkedReport, followUpSheets } from '../workbook/checked';
import { addonPage, launchChromium, servePages } from './browser';
import { PAGE_FILE } from './build';
import { samplePlan } from './sample';
import { sheetWorkbook } from './xlsx-writer';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'docs', 'anh');
const MAX_BYTES = 150 * 1024;
/** The sample plan is checked as of this day, as in `npm run demo`. */
const TODAY = '2026-12-20';
/** The sample's earlier checks: the end of each month before, so the history has a monthly series. */
const EARLIER_CHECKS = [
  '2026-03-31',
  '2026-04-30',
  '2026-05-31',
  '2026-06-30',
  '2026-07-31',
  '2026-08-31',
  '2026-09-30',
  '2026-10-31',
  '2026-11-30',
];
const COMMUNE = 'Đại Hải';
/** Addresses the officer wrote in "Đơn vị" for the reminder dialog (one unit left without). */
const UNIT_EMAILS: Record<string, string> = {
  'Phòng Kinh tế': 'phongkinhte.daihai@cantho.gov.vn',
  'Trung tâm Phục vụ hành chính công': 'tthcc.daihai@cantho.gov.vn',
  'Phòng Văn hoá - Xã hội': 'vhxh.daihai@cantho.gov.vn, chuyendoiso.daihai@cantho.gov.vn',
  'Công an xã': 'conganxa.daihai@cantho.gov.vn',
};
/** A unit reminded earlier today, at this time: the dialog offers "gửi lại". */
const SENT_TODAY: Record<string, string> = { 'Phòng Kinh tế': '08:15' };
/** The daily mail quota left, as MailApp.getRemainingDailyQuota() gives it on a personal account. */
const QUOTA = 97;

/** The PNG as drawn on a canvas: cropped to what is not white (plus a margin), at most `maxHeight`, scaled by `scale`. */
async function reshape(
  browser: Browser,
  png: Buffer,
  opts: { trim?: boolean; maxHeight?: number; scale?: number; posterize?: boolean } = {},
): Promise<Buffer> {
  const page = await browser.newPage();
  await page.setContent('<canvas id="c"></canvas>');
  const dataUrl = await page.evaluate(
    async ({ src, trim, maxHeight, scale, posterize }) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const full = document.createElement('canvas');
      full.width = img.width;
      full.height = img.height;
      const ctx = full.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      let [x0, y0, x1, y1] = [0, 0, img.width - 1, img.height - 1];
      if (trim) {
        const { data } = ctx.getImageData(0, 0, img.width, img.height);
        [x0, y0, x1, y1] = [img.width, img.height, -1, -1];
        for (let y = 0; y < img.height; y++)
          for (let x = 0; x < img.width; x++) {
            const i = (y * img.width + x) * 4;
            if ((data[i] as number) < 245 || (data[i + 1] as number) < 245 || (data[i + 2] as number) < 245) {
              if (x < x0) x0 = x;
              if (x > x1) x1 = x;
              if (y < y0) y0 = y;
              if (y > y1) y1 = y;
            }
          }
        const m = 12;
        [x0, y0, x1, y1] = [
          Math.max(0, x0 - m),
          Math.max(0, y0 - m),
          Math.min(img.width - 1, x1 + m),
          Math.min(img.height - 1, y1 + m),
        ];
      }
      const w = x1 - x0 + 1;
      const h = Math.min(y1 - y0 + 1, maxHeight ?? Infinity);
      const out = document.getElementById('c') as HTMLCanvasElement;
      out.width = Math.round(w * scale);
      out.height = Math.round(h * scale);
      const o = out.getContext('2d') as CanvasRenderingContext2D;
      o.fillStyle = '#fff';
      o.fillRect(0, 0, out.width, out.height);
      o.imageSmoothingQuality = 'high';
      o.drawImage(full, x0, y0, w, h, 0, 0, out.width, out.height);
      if (posterize) {
        // Fewer shades of each colour: a printed page's text then compresses to a third.
        const pixels = o.getImageData(0, 0, out.width, out.height);
        const d = pixels.data;
        for (let i = 0; i < d.length; i += 4)
          for (let k = 0; k < 3; k++) d[i + k] = Math.min(255, Math.round((d[i + k] as number) / 16) * 16);
        o.putImageData(pixels, 0, 0);
      }
      return out.toDataURL('image/png');
    },
    {
      src: `data:image/png;base64,${png.toString('base64')}`,
      trim: opts.trim ?? false,
      maxHeight: opts.maxHeight ?? null,
      scale: opts.scale ?? 1,
      posterize: opts.posterize ?? false,
    },
  );
  await page.close();
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

const written: { name: string; bytes: number; size: string }[] = [];

/** Writes docs/anh/<name>, scaled down until it is under 150 KB. */
async function save(browser: Browser, name: string, png: Buffer): Promise<void> {
  let out = png;
  for (let scale = 0.9; out.length > MAX_BYTES && scale > 0.4; scale -= 0.1)
    out = await reshape(browser, png, { scale, posterize: true });
  if (out.length > MAX_BYTES) throw new Error(`${name}: ${out.length} bytes, over 150 KB`);
  writeFileSync(join(OUT, name), out);
  const w = out.readUInt32BE(16);
  const h = out.readUInt32BE(20);
  written.push({ name, bytes: out.length, size: `${w}×${h}` });
}

// ---- the sample's follow-up ------------------------------------------------------------------

/**
 * The sample as it stood on an earlier day: a task marked done with a completion date after that
 * day was still "Đang thực hiện" then.
 */
function sampleOn(sample: SheetInput, day: string): SheetInput {
  const header = sample.values.findIndex((r) => r[0] === 'STT');
  const head = sample.values[header] ?? [];
  const status = head.indexOf('Trạng thái');
  const doneOn = head.indexOf('Ngày hoàn thành');
  const values = sample.values.map((row, r) => {
    const done = row[doneOn];
    if (r <= header || typeof done !== 'string' || done === '') return row;
    const iso = done.split('/').reverse().join('-');
    if (iso <= day) return row;
    const copy = [...row];
    copy[status] = 'Đang thực hiện';
    copy[doneOn] = '';
    return copy;
  });
  return { ...sample, values };
}

/** The history the sample's earlier checks leave (each recorded as the add-on records it). */
function sampleHistory(sample: SheetInput): Snapshot[] {
  return EARLIER_CHECKS.reduce<Snapshot[]>(
    (snapshots, day) =>
      followUpOf(snapshots, checkSheet(sampleOn(sample, day), { today: day, timeZone: DEFAULT_TIME_ZONE }))
        .snapshots,
    [],
  );
}

/**
 * The reminder dialog's data as the add-on builds it (follow.ts, previewOf) for the sample: its
 * unit list as "Lập danh sách đơn vị" makes it, with the officer's addresses, read back as the
 * add-on reads it; the reminders, deadlines and days in the core's words.
 */
function remindPreview(result: CheckResult): RemindPreview {
  const rows = newListRows(result, null).map(([written, unit]) => [
    written ?? '',
    unit ?? '',
    UNIT_EMAILS[written ?? ''] ?? '',
  ]);
  const list = parseUnitList([[...UNIT_LIST_HEADER], ...rows], isEmail);
  const units: PreviewUnit[] = remindersOf(result).map((r) => {
    const unit = result.units.find((u) => u.key === r.key);
    return previewUnit(r, unit ? addressesOf(list, unit, COMMUNE) : [], SENT_TODAY[r.unit] ?? null);
  });
  return {
    today: result.today,
    commune: COMMUNE,
    quota: QUOTA,
    recipients: units.filter((u) => u.status === 'ready').reduce((n, u) => n + u.emails.length, 0),
    listSheet: FOLLOW_WORDS.unitList,
    units,
    notes: [],
  };
}

/** The names of a workbook's sheets, in order. */
function sheetNames(xlsx: Uint8Array): string[] {
  const wb = strFromU8(unzipSync(xlsx)['xl/workbook.xml'] as Uint8Array);
  return [...wb.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) =>
    (m[1] as string).replace(/&amp;/g, '&').replace(/&quot;/g, '"'),
  );
}

// ---- LibreOffice ----------------------------------------------------------------------------

/** The parts of a workbook named by sheet: xl/worksheets/sheetN.xml for each sheet name. */
function sheetPart(files: Record<string, Uint8Array>, name: string): string {
  const wb = strFromU8(files['xl/workbook.xml'] as Uint8Array);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels'] as Uint8Array);
  const sheet = [...wb.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((s) => s.includes(`name="${name}"`));
  const id = sheet && /r:id="([^"]+)"/.exec(sheet)?.[1];
  const target = id && new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet “${name}”`);
  return `xl/${target.replace(/^\/?xl\//, '')}`;
}

/** A cell range in A1 notation, absolute ("$A$1:$L$22"), from 0-based rows and columns. */
function range(r0: number, c0: number, r1: number, c1: number): string {
  return `$${columnLetter(c0)}$${r0 + 1}:$${columnLetter(c1)}$${r1 + 1}`;
}

/** The cells each chart of a sheet covers (its two-cell anchors), in the drawing's order. */
function chartRanges(xlsx: Uint8Array, name: string): string[] {
  const files = unzipSync(xlsx);
  const part = sheetPart(files, name);
  const rels = files[part.replace(/worksheets\/(sheet\d+\.xml)$/, 'worksheets/_rels/$1.rels')];
  const target = rels && /Target="([^"]*drawings\/[^"/]+\.xml)"/.exec(strFromU8(rels))?.[1];
  const drawing = target && files[`xl/drawings/${target.split('/').pop() ?? ''}`];
  if (!drawing) throw new Error(`no chart on “${name}”`);
  const at = (xml: string, tag: string) => Number(new RegExp(`<xdr:${tag}>(\\d+)<`).exec(xml)?.[1]);
  return [
    ...strFromU8(drawing).matchAll(/<xdr:from>([\s\S]*?)<\/xdr:from><xdr:to>([\s\S]*?)<\/xdr:to>/g),
  ].map((m) =>
    range(at(m[1] ?? '', 'row'), at(m[1] ?? '', 'col'), at(m[2] ?? '', 'row'), at(m[2] ?? '', 'col')),
  );
}

/**
 * The workbook with only `keep` in it (the other sheets dropped from the workbook's list; their
 * parts stay, unused), that sheet fitted to one page wide and, with `onePage`, one page tall.
 * With `areas`, only those ranges are printed, each from a new page.
 */
function printOnly(xlsx: Uint8Array, keep: string, onePage: boolean, areas: string[] = []): Uint8Array {
  const files = unzipSync(xlsx);
  const part = sheetPart(files, keep);
  let wb = strFromU8(files['xl/workbook.xml'] as Uint8Array);
  wb = wb.replace(/<sheet\b[^>]*\/>/g, (tag) => (tag.includes(`name="${keep}"`) ? tag : ''));
  wb = wb.replace(/<definedNames>[\s\S]*?<\/definedNames>/, '').replace(/activeTab="\d+"/, 'activeTab="0"');
  if (areas.length > 0) {
    const ranges = areas.map((a) => `'${keep}'!${a}`).join(',');
    wb = wb.replace(
      '</sheets>',
      `</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">${ranges}</definedName></definedNames>`,
    );
  }
  files['xl/workbook.xml'] = strToU8(wb);
  if (onePage)
    files[part] = strToU8(strFromU8(files[part] as Uint8Array).replace(/fitToHeight="0"/, 'fitToHeight="1"'));
  return zipSync(files);
}

/** The pages of a workbook printed by LibreOffice (the first unless told how many), as PNGs at `dpi`. */
function printedPages(xlsx: Uint8Array, dir: string, name: string, dpi: number, pages = 1): Buffer[] {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, xlsx);
  const profile = `file://${join(dir, 'lo-profile')}`;
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const out: Buffer[] = [];
  for (let p = 1; p <= pages; p++) {
    const png = join(dir, `${name}-${p}`);
    execFileSync('pdftoppm', [
      '-f',
      String(p),
      '-l',
      String(p),
      '-r',
      String(dpi),
      '-png',
      '-singlefile',
      join(dir, `${name}.pdf`),
      png,
    ]);
    out.push(readFileSync(`${png}.png`));
  }
  return out;
}

/** The first page of a workbook printed by LibreOffice, as a PNG at `dpi`. */
function printed(xlsx: Uint8Array, dir: string, name: string, dpi: number): Buffer {
  return printedPages(xlsx, dir, name, dpi)[0] as Buffer;
}

/** Pictures one under the other (each cropped to its content), on white, aligned left. */
async function stack(browser: Browser, pngs: Buffer[]): Promise<Buffer> {
  const parts = await Promise.all(pngs.map((png) => reshape(browser, png, { trim: true })));
  const page = await browser.newPage();
  const dataUrl = await page.evaluate(
    async (srcs) => {
      const imgs = await Promise.all(
        srcs.map(async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          return img;
        }),
      );
      const gap = 16;
      const c = document.createElement('canvas');
      c.width = Math.max(...imgs.map((i) => i.width));
      c.height = imgs.reduce((h, i) => h + i.height, 0) + gap * (imgs.length - 1);
      const ctx = c.getContext('2d') as CanvasRenderingContext2D;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, c.width, c.height);
      let y = 0;
      for (const i of imgs) {
        ctx.drawImage(i, 0, y);
        y += i.height + gap;
      }
      return c.toDataURL('image/png');
    },
    parts.map((p) => `data:image/png;base64,${p.toString('base64')}`),
  );
  await page.close();
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

// ---- the pictures ---------------------------------------------------------------------------

/** A page's screenshot, its empty bottom and sides cut off. */
async function shoot(page: Page, name: string, browser: Browser): Promise<void> {
  await save(browser, name, await reshape(browser, await page.screenshot(), { trim: true }));
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (f.endsWith('.png')) rmSync(join(OUT, f));
  const tmp = mkdtempSync(join(tmpdir(), 'huong-dan-'));
  const sample = samplePlan(ROOT);
  const result = checkSheet(sample, { today: TODAY, timeZone: DEFAULT_TIME_ZONE });
  const follow = followUpOf(sampleHistory(sample), result);
  const docx = join(ROOT, 'test', 'fixtures', 'docx', '004-dai-hai.docx');

  const pages = new Map<string, string>([
    ['/sidebar', addonPage(DIST, 'Sidebar', jsonForScript(sidebarData(result, follow.line)))],
    ['/remind', addonPage(DIST, 'Remind', jsonForScript(remindPreview(result)))],
    [
      '/settings',
      addonPage(
        DIST,
        'Settings',
        jsonForScript({
          commune: 'Đại Hải',
          planYear: 2026,
          dueSoonDays: 14,
          staleDays: 45,
          cityEmails: 'vanphong@ubnd.cantho.gov.vn\nphongvhxh@cantho.gov.vn',
          notifyCity: true,
          cityMessage: 'Xã Đại Hải gửi bảng trạng thái nhiệm vụ chuyển đổi số năm 2026.',
        }),
      ),
    ],
    [
      '/import',
      addonPage(
        DIST,
        'Import',
        jsonForScript({ today: TODAY, timeZone: DEFAULT_TIME_ZONE, maxBytes: MAX_FILE_BYTES }),
      ),
    ],
    [
      '/rollup',
      addonPage(DIST, 'Rollup', jsonForScript({ communes: 4, run: null, now: 0, idleMs: 600_000 })),
    ],
    ['/kiem-tra.html', readFileSync(PAGE_FILE, 'utf8')],
  ]);
  const server = await servePages(pages);
  const browser = await launchChromium();
  try {
    // The sidebar after "Kiểm tra bảng phân công" on the sample plan.
    let page = await browser.newPage({ viewport: { width: 300, height: 620 } });
    await page.goto(`${server.base}/sidebar`);
    await shoot(page, 'thanh-ben.png', browser);
    await page.close();

    // "Gửi nhắc việc cho các đơn vị…": the preview, one unit's tasks unfolded.
    page = await browser.newPage({ viewport: { width: 680, height: 600 } });
    await page.goto(`${server.base}/remind`);
    await page
      .locator('#units details')
      .nth(1)
      .evaluate((d) => d.setAttribute('open', ''));
    await save(
      browser,
      'nhac-viec-hop-thoai.png',
      await reshape(browser, await page.screenshot({ fullPage: true }), { trim: true }),
    );
    await page.close();

    // "Cài đặt…"
    page = await browser.newPage({ viewport: { width: 480, height: 600 } });
    await page.goto(`${server.base}/settings`);
    await shoot(page, 'cai-dat.png', browser);
    await page.close();

    // "Nhập kế hoạch từ tệp Word…" after the file was read.
    page = await browser.newPage({ viewport: { width: 560, height: 340 } });
    await page.goto(`${server.base}/import`);
    await page.setInputFiles('#file', docx);
    await page.waitForFunction(() => document.getElementById('summary')?.textContent?.startsWith('Đọc được'));
    await shoot(page, 'nhap-word.png', browser);
    await page.close();

    // The city's roll-up dialog, once every commune is read.
    page = await browser.newPage({ viewport: { width: 520, height: 300 } });
    await page.goto(`${server.base}/rollup`);
    // Plain data only in evaluate: tsx would wrap a function defined inside it in a helper the page lacks.
    const state = (done: number) => ({ runId: 'r1', total: 4, done, reading: [], started: 0, updated: 0 });
    await page.evaluate(
      (results) => {
        (globalThis as unknown as { __results: unknown }).__results = results;
      },
      {
        rollupStartRun: { ok: true, value: state(0) },
        rollupReadChunk: [
          {
            ok: true,
            value: { state: state(4), read: ['Mỹ Hòa Hưng', 'Tịnh Long', 'Mỏ Cày', 'Đại Hải'], stale: false },
          },
          { ok: true, value: { state: state(4), read: [], stale: false } },
        ],
        rollupFinishRun: { ok: true, value: { finished: true, remaining: 0, communes: 4, failures: 0 } },
      },
    );
    await page.click('#start');
    await page.waitForFunction(() => document.getElementById('result')?.textContent?.startsWith('Xong'));
    await page.waitForTimeout(400);
    await shoot(page, 'tong-hop-hop-thoai.png', browser);
    await page.close();

    // The browser page after reading the sample plan: the top, and the table and chart by pillar.
    const sampleFile = join(tmp, 'mau-ke-hoach-cds-dai-hai-2026.xlsx');
    await sheetWorkbook([sample]).xlsx.writeFile(sampleFile);
    page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${server.base}/kiem-tra.html?today=${TODAY}`);
    await page.setInputFiles('#file', sampleFile);
    await page.waitForSelector('#report', { state: 'attached' });
    // From the top to the counts by kind of finding.
    const counts = await page.locator('#tong-hop').boundingBox();
    const height = Math.ceil((counts?.y ?? 0) + (counts?.height ?? 900) + 16);
    await save(
      browser,
      'trang-kiem-tra.png',
      await page.screenshot({ clip: { x: 0, y: 0, width: 1000, height }, fullPage: true }),
    );
    await save(browser, 'trang-kiem-tra-tru-cot.png', await page.locator('#tru-cot').screenshot());
    await page.close();

    // The checked workbook, printed: the task sheet's first rows with their colours, and the status sheet.
    const wb = sheetWorkbook([sample]);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    // A readable page: narrower columns that wrap, rows as tall as their text, and only the rows
    // that show each colour (the title and header, the first tasks, rows 26–30 and 44–54).
    // Columns D and E (partners, output) are never flagged: hidden, so the rest stays legible.
    const widths = [6, 50, 24, 0, 0, 18, 16, 12];
    widths.forEach((w, i) => {
      const column = ws.getColumn(i + 1);
      if (w === 0) column.hidden = true;
      else column.width = w;
      column.alignment = { wrapText: true, vertical: 'top' };
    });
    const shown = (r: number) =>
      r <= 9 || (r >= 26 && r <= 29) || (r >= 44 && r <= 47) || (r >= 51 && r <= 53);
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (!shown(r)) row.hidden = true;
      else {
        let lines = 1;
        row.eachCell((cell, c) => {
          // A merged title or section row has the whole width: one line.
          if (cell.isMerged || !widths[c - 1]) return;
          const width = (widths[c - 1] ?? 12) - 1;
          const text = String(cell.value ?? '');
          const n = text
            .split('\n')
            .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / width)), 0);
          lines = Math.max(lines, n);
        });
        row.height = 13 * Math.min(lines, 5) + 3;
      }
    });
    ws.pageSetup = {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      showRowColHeaders: true,
    };
    // As `check --out` writes it for a copy checked before: the follow-up sheets and the history.
    const report = checkedReport(result);
    const checked = await checkedCopy(
      wb,
      sample,
      result,
      report,
      followUpSheets(result, report, { snapshots: sampleHistory(sample), notes: [] }),
    );
    const task = printed(printOnly(checked, sample.name, true), tmp, 'bang-phan-cong', 100);
    await save(
      browser,
      'bang-da-danh-dau.png',
      await reshape(browser, task, { trim: true, posterize: true }),
    );
    // The status sheet in two pictures: the table and its chart; the changes since the last
    // check, the overdue tasks by month and their chart.
    const model = toRows(report, follow.diff ? { diff: follow.diff, monthly: follow.monthly } : null);
    const ch = model.changes;
    if (!ch) throw new Error('no changes block: the sample has no earlier check');
    const [pillarChart, monthChart] = chartRanges(checked, STATUS_SHEET_NAME);
    if (!pillarChart || !monthChart) throw new Error('the status sheet lacks a chart');
    for (const [name, areas] of [
      ['bang-trang-thai.png', [range(0, 0, model.legendRow, model.width - 1), pillarChart]],
      ['thay-doi.png', [range(ch.titleRow, 0, ch.lastMonthRow, model.width - 1), monthChart]],
    ] as const) {
      const book = printOnly(checked, STATUS_SHEET_NAME, false, [...areas]);
      const pages = printedPages(book, tmp, name.replace(/\.png$/, ''), 100, 2);
      await save(browser, name, await reshape(browser, await stack(browser, pages), { posterize: true }));
    }
    const units = printed(printOnly(checked, FOLLOW_WORDS.unitSheet, true), tmp, 'theo-don-vi', 100);
    await save(browser, 'theo-don-vi.png', await reshape(browser, units, { trim: true, posterize: true }));
    // The printable reminder of a unit with both overdue and due-soon tasks.
    const center = sheetNames(checked).find((n) =>
      n.startsWith(`${FOLLOW_WORDS.remindSheetPrefix}Trung tâm`),
    );
    if (!center) throw new Error('no reminder sheet for Trung tâm Phục vụ hành chính công');
    const slip = printed(printOnly(checked, center, true), tmp, 'nhac-viec', 100);
    await save(browser, 'phieu-nhac-viec.png', await reshape(browser, slip, { trim: true, posterize: true }));

    // The city's "Tổng hợp" from four communes' checked copies (the command line's roll-up).
    const copies: string[] = [];
    for (const seed of ['000-my-hoa-hung', '002-tinh-long', '003-mo-cay']) {
      const src = join(ROOT, 'test', 'fixtures', 'docx', `${seed}.docx`);
      const out = join(tmp, `${seed}-da-kiem-tra.xlsx`);
      await cli(['check', src, '--today', TODAY, '--out', out]);
      copies.push(out);
    }
    const daiHai = join(tmp, 'dai-hai-da-kiem-tra.xlsx');
    writeFileSync(daiHai, checked);
    copies.push(daiHai);
    const city = join(tmp, 'thanh-pho.xlsx');
    await cli(['rollup', ...copies, '--out', city, '--today', TODAY]);
    const rollup = printed(readFileSync(city), tmp, 'tong-hop', 110);
    await save(
      browser,
      'tong-hop-trang.png',
      await reshape(browser, rollup, { trim: true, maxHeight: 1100, posterize: true }),
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const w of written) console.log(`docs/anh/${w.name}: ${w.size}, ${Math.round(w.bytes / 1024)} KB`);
}

async function cli(args: string[]): Promise<void> {
  let err = '';
  const code = await run(args, {
    stdout: () => undefined,
    stderr: (s) => (err += s),
    isTty: false,
    now: () => new Date(`${TODAY}T03:00:00Z`),
  });
  if (code === 2) throw new Error(`ke-hoach-cds ${args[0]}: ${err}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
