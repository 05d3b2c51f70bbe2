/**
 * The static pages (site/*.html) and `npm run site`, which fills in the publisher and the support
 * address: the pages load nothing from elsewhere, link only to each other, and none is served
 * with a placeholder left in it.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SetupError } from '../../src/tools/clasp';
import { BUILT_PAGES, PLACEHOLDERS, buildSite, fill, parseArgs, placeholdersIn } from '../../src/tools/site';

const ROOT = join(__dirname, '..', '..');
const SITE = join(ROOT, 'site');
// The browser page npm run build writes there is tested in test/build.test.ts and test/browser/site.test.ts.
const PAGES = readdirSync(SITE).filter((f) => f.endsWith('.html') && !BUILT_PAGES.includes(f));
const read = (f: string) => readFileSync(join(SITE, f), 'utf8');

describe('site/*.html', () => {
  it('has the home/support page, the privacy policy and the terms', () => {
    expect(PAGES.sort()).toEqual(['chinh-sach-rieng-tu.html', 'dieu-khoan.html', 'index.html']);
  });

  it.each(PAGES)(
    '%s is a Vietnamese UTF-8 page that loads nothing from elsewhere and runs no script',
    (page) => {
      const html = read(page);
      expect(html).toMatch(/^<!doctype html>\s*<html lang="vi">/);
      expect(html).toContain('<meta charset="utf-8" />');
      expect(html).not.toMatch(/<script|<link\b|<img\b|<iframe|@import|url\(/i);
      for (const [, target] of html.matchAll(/\b(?:href|src)="([^"]*)"/g)) {
        const t = target as string;
        if (t.startsWith('mailto:')) continue;
        // Links between the pages only, to files that exist next to them.
        expect(t).toMatch(/^[\w-]+\.html$/);
        expect(statSync(join(SITE, t)).isFile()).toBe(true);
      }
    },
  );

  it.each(PAGES)('%s uses only the placeholders npm run site fills', (page) => {
    for (const p of placeholdersIn(read(page))) expect(Object.keys(PLACEHOLDERS)).toContain(p);
    expect(placeholdersIn(read(page))).toContain('THU_HO_TRO');
  });

  it('the privacy policy says what leaves the spreadsheet, who sees it, and how to remove the add-on', () => {
    const text = read('chinh-sach-rieng-tu.html').replace(/\s+/g, ' ');
    expect(text).toContain('Nhà phát triển không thu thập');
    expect(text).toContain('Không có nội dung nhiệm vụ, không có tên cơ quan, đơn vị.');
    expect(text).toContain('Ai thấy dữ liệu');
    expect(text).toContain('Gỡ cài đặt');
    expect(text).toContain('Thùng rác');
  });
});

describe('npm run site', () => {
  const values = { DON_VI: 'Sở Khoa học & Công nghệ <tỉnh>', THU_HO_TRO: 'hotro@example.gov.vn' };

  it('fills every placeholder, HTML-escaped', () => {
    const out = fill('<p>{{DON_VI}} · <a href="mailto:{{THU_HO_TRO}}">{{THU_HO_TRO}}</a></p>', values);
    expect(out).toBe(
      '<p>Sở Khoa học &amp; Công nghệ &lt;tỉnh&gt; · <a href="mailto:hotro@example.gov.vn">hotro@example.gov.vn</a></p>',
    );
  });

  it('refuses to leave a placeholder unfilled, naming the option to give', () => {
    expect(() => fill('{{DON_VI}} {{THU_HO_TRO}}', { DON_VI: 'Sở' })).toThrow(/Thiếu giá trị cho --thu/);
  });

  it('reads and checks its options', () => {
    expect(parseArgs(['--don-vi', ' Sở A ', '--thu', 'a@b.vn'])).toEqual({
      DON_VI: 'Sở A',
      THU_HO_TRO: 'a@b.vn',
    });
    expect(() => parseArgs(['--thu', 'a@b.vn'])).toThrow(SetupError);
    expect(() => parseArgs(['--don-vi', 'Sở A', '--thu', 'không phải thư'])).toThrow(/--thu/);
    expect(() => parseArgs(['--don-vi', '--thu', 'a@b.vn'])).toThrow(/--don-vi/);
  });

  it('writes out/site/ with the three pages filled and the icons, leaving site/ as it was', () => {
    const root = mkdtempSync(join(tmpdir(), 'site-'));
    try {
      cpSync(SITE, join(root, 'site'), { recursive: true });
      // The built browser page goes out as it is, even where its code looks like a placeholder.
      const built = '<!doctype html><script>var t="{{DON_VI}}";</script>';
      writeFileSync(join(root, 'site', 'kiem-tra.html'), built);
      const files = buildSite(values, root);
      expect(files).toContain('kiem-tra.html');
      expect(readFileSync(join(root, 'out', 'site', 'kiem-tra.html'), 'utf8')).toBe(built);
      expect(files).toEqual(
        expect.arrayContaining([...PAGES, 'icon.svg', 'icon-128.png', 'banner-220x140.png']),
      );
      for (const page of PAGES) {
        const html = readFileSync(join(root, 'out', 'site', page), 'utf8');
        expect(html).not.toContain('{{');
        expect(html).toContain('hotro@example.gov.vn');
        expect(readFileSync(join(root, 'site', page), 'utf8')).toBe(read(page));
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
