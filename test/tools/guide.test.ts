/**
 * The user guide docs/huong-dan-su-dung.md against the product: every menu item is named in the
 * menu's own words, every message it quotes (in italics; "…" for the parts that vary) is one the
 * code can show, and every picture it shows exists, is small, and was made by npm run screenshots.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const GUIDE = readFileSync(join(ROOT, 'docs', 'huong-dan-su-dung.md'), 'utf8');
const ANH = join(ROOT, 'docs', 'anh');

/** Every source file a message can come from. */
function sources(dir: string): string {
  let text = '';
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, f.name);
    if (f.isDirectory()) text += sources(path);
    else if (/\.(ts|html)$/.test(f.name)) text += `${readFileSync(path, 'utf8')}\n`;
  }
  return text;
}
const SOURCE = sources(join(ROOT, 'src'));

/** The menu of src/sheets/main.ts: its labels in order. */
const MENU = [
  ...readFileSync(join(ROOT, 'src', 'sheets', 'main.ts'), 'utf8').matchAll(/\.addItem\('([^']+)'/g),
].map((m) => m[1] as string);

describe('docs/huong-dan-su-dung.md', () => {
  it('names every menu item in the menu’s own words', () => {
    expect(MENU.length).toBeGreaterThanOrEqual(11);
    for (const item of MENU) expect(GUIDE).toContain(`**${item}**`);
  });

  it('quotes only messages the product shows', () => {
    const prose = GUIDE.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
    const quoted = [...prose.matchAll(/(?<![\w*])_([^_\n]+)_(?![\w*])/g)].map((m) => m[1] as string);
    expect(quoted.length).toBeGreaterThan(30);
    for (const message of quoted) {
      const pieces = message
        .split('…')
        .map((p) => p.trim())
        .filter((p) => p.length >= 6);
      expect([message, pieces.length]).not.toEqual([message, 0]);
      for (const piece of pieces) expect([message, SOURCE.includes(piece)]).toEqual([message, true]);
    }
  });

  it('shows pictures that exist, under 150 KB each, and every picture of docs/anh/', () => {
    const shown = [...GUIDE.matchAll(/!\[[^\]]+\]\(anh\/([^)]+)\)/g)].map((m) => m[1] as string);
    const files = readdirSync(ANH).filter((f) => f.endsWith('.png'));
    expect([...new Set(shown)].sort()).toEqual(files.sort());
    for (const f of files) {
      const bytes = readFileSync(join(ANH, f));
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(statSync(join(ANH, f)).size).toBeLessThanOrEqual(150 * 1024);
    }
  });
});
