/**
 * `npx tsx src/tools/icons.ts`: renders site/icon.svg into the PNGs the Marketplace listing and
 * the OAuth consent screen take (square icons and the 220×140 card banner), in headless Chromium
 * through playwright-core. The PNGs are committed; run this again after changing the SVG.
 *
 * `npx tsx src/tools/icons.ts --screenshots`: also lays the screenshots the page tests write
 * (out/sidebar.png, out/rollup.png) on 1280×800 listing images in out/niem-yet/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const SITE = join(ROOT, 'site');

export interface Asset {
  /** File name in site/. */
  file: string;
  width: number;
  height: number;
}

/** Where each is uploaded: docs/phat-hanh.md, A4 (test/tools/listing.test.ts checks it says so). */
export const ICONS: Asset[] = [
  { file: 'icon-32.png', width: 32, height: 32 },
  { file: 'icon-48.png', width: 48, height: 48 },
  { file: 'icon-96.png', width: 96, height: 96 },
  { file: 'icon-120.png', width: 120, height: 120 },
  { file: 'icon-128.png', width: 128, height: 128 },
];

export const BANNER: Asset = { file: 'banner-220x140.png', width: 220, height: 140 };

export const ASSETS: Asset[] = [...ICONS, BANNER];

/** A listing screenshot: a PNG the page tests write, laid on a 1280×800 image with a caption. */
export interface ListingShot {
  source: string;
  file: string;
  caption: string;
  detail: string;
}

export const LISTING_SHOTS: ListingShot[] = [
  {
    source: 'out/sidebar.png',
    file: 'out/niem-yet/1-kiem-tra.png',
    caption: 'Kiểm tra bảng phân công',
    detail:
      'Ô có vấn đề được tô màu và ghi chú lý do; danh sách bên phải dẫn tới từng ô: thiếu cơ quan chủ trì, quá hạn, sắp đến hạn.',
  },
  {
    source: 'out/rollup.png',
    file: 'out/niem-yet/2-tong-hop.png',
    caption: 'Thành phố tổng hợp các xã',
    detail: 'Đọc bảng trạng thái các xã đã chia sẻ, có thanh tiến độ; kết quả ghi vào trang “Tổng hợp”.',
  },
];

const COLORS = { green: '#0F6B45', tint: '#EAF5EF', ink: '#1F2D27' };
const FONTS = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

/** The SVG with its width and height set to the given box. */
export function sized(svg: string, width: number, height: number): string {
  return svg.replace(/<svg\b([^>]*)>/, (_m, attrs: string) => {
    const rest = attrs.replace(/\s(width|height)="[^"]*"/g, '');
    return `<svg${rest} width="${width}" height="${height}">`;
  });
}

function pageHtml(body: string, background: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
html,body{margin:0;padding:0;background:${background};overflow:hidden}
body{font-family:${FONTS};color:${COLORS.ink}}
svg{display:block}
</style></head><body>${body}</body></html>`;
}

/** A square icon: the SVG alone on a transparent page. */
export function iconHtml(svg: string, size: number): string {
  return pageHtml(sized(svg, size, size), 'transparent');
}

/** The card banner: the icon above the add-on's name, on the light tint. */
export function bannerHtml(svg: string): string {
  const body = `<div style="width:${BANNER.width}px;height:${BANNER.height}px;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:8px">
${sized(svg, 80, 80)}
<div style="color:${COLORS.green};font-weight:bold;font-size:20px;line-height:1;white-space:nowrap">Kế hoạch CĐS</div>
</div>`;
  return pageHtml(body, COLORS.tint);
}

/** A 1280×800 listing image: caption on the left, the screenshot framed on the right. */
export function listingHtml(shot: ListingShot, pngBase64: string): string {
  const body = `<div style="width:1280px;height:800px;display:flex;align-items:center;gap:56px;padding:0 72px;box-sizing:border-box">
<div style="flex:1">
<div style="color:${COLORS.green};font-weight:bold;font-size:44px;line-height:1.2;margin-bottom:24px">${escapeHtml(shot.caption)}</div>
<div style="font-size:24px;line-height:1.5">${escapeHtml(shot.detail)}</div>
</div>
<img src="data:image/png;base64,${pngBase64}" style="max-height:720px;max-width:640px;border:1px solid #C9D8CF;box-shadow:0 6px 24px rgba(0,0,0,.15);background:#fff">
</div>`;
  return pageHtml(body, COLORS.tint);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function main(argv: string[]): Promise<void> {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(
      `Không thấy Chromium ở ${executablePath} (đặt CHROMIUM_PATH, hoặc apt-get install chromium).`,
    );
  const svg = readFileSync(join(SITE, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const render = async (
      html: string,
      width: number,
      height: number,
      path: string,
      transparent: boolean,
    ) => {
      const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
      await page.setContent(html, { waitUntil: 'load' });
      await page.screenshot({ path, omitBackground: transparent, clip: { x: 0, y: 0, width, height } });
      await page.close();
      console.log(`${path.slice(ROOT.length + 1)}  ${width}×${height}`);
    };
    for (const icon of ICONS)
      await render(iconHtml(svg, icon.width), icon.width, icon.height, join(SITE, icon.file), true);
    await render(bannerHtml(svg), BANNER.width, BANNER.height, join(SITE, BANNER.file), false);
    if (argv.includes('--screenshots')) {
      for (const shot of LISTING_SHOTS) {
        const source = join(ROOT, shot.source);
        if (!existsSync(source)) {
          console.log(`${shot.source}: chưa có (chạy npx jest test/browser trước), bỏ qua.`);
          continue;
        }
        mkdirSync(join(ROOT, 'out', 'niem-yet'), { recursive: true });
        const png = readFileSync(source).toString('base64');
        await render(listingHtml(shot, png), 1280, 800, join(ROOT, shot.file), false);
      }
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
