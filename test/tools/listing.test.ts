/**
 * What the Marketplace listing, the consent screen and the privacy policy say must match what
 * the add-on asks for: the scopes written in docs/phat-hanh.md, docs/niem-yet.md and
 * site/chinh-sach-rieng-tu.html are exactly appsscript.json's oauthScopes, each with its reason,
 * and the icons exist at the sizes the docs promise.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { SCOPES } from '../../src/sheets/scopes';
import { ASSETS, BANNER, ICONS, LISTING_SHOTS } from '../../src/tools/icons';
import {
  TARGETS,
  blockOf,
  markdownTable,
  readManifestScopes,
  scopeDoc,
  scopesIn,
  withBlock,
} from '../../src/tools/scope-docs';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const sorted = (list: readonly string[]) => [...list].sort();
const manifest = readManifestScopes();
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Texts formatted by the Prettier command line with the repository's settings, as `npm run lint`
 * checks them (one process for all; Prettier's API cannot be loaded inside jest).
 */
function prettier(texts: { file: string; text: string }[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'scope-docs-'));
  try {
    const paths = texts.map((t, i) => join(dir, `${i}-${basename(t.file)}`));
    texts.forEach((t, i) => writeFileSync(paths[i] as string, t.text));
    const bin = join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
    const run = spawnSync(
      process.execPath,
      [bin, '--config', join(ROOT, '.prettierrc.json'), '--write', ...paths],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    return paths.map((p) => readFileSync(p, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('scopes in the publishing documents', () => {
  it('the manifest asks for scopes the code knows (src/sheets/scopes.ts), each once', () => {
    expect(manifest.length).toBeGreaterThan(0);
    expect(new Set(manifest).size).toBe(manifest.length);
    const known: string[] = Object.values(SCOPES);
    for (const scope of manifest) expect(known).toContain(scope);
  });

  it.each(TARGETS.map((t) => t.file))('%s names exactly the manifest’s scopes (order aside)', (file) => {
    expect(sorted(scopesIn(read(file)))).toEqual(sorted(manifest));
    // …and the generated block holds all of them, so no scope is listed only in prose.
    expect(sorted(scopesIn(blockOf(read(file))))).toEqual(sorted(manifest));
  });

  it('docs/phat-hanh.md gives every scope the commands that need it and a reason', () => {
    const rows = blockOf(read('docs/phat-hanh.md'))
      .split('\n')
      .filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(manifest.length);
    for (const scope of manifest) {
      const row = rows.find((r) => r.startsWith(`| \`${scope}\``));
      expect(row).toBeDefined();
      const cells = (row as string)
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      expect(cells).toHaveLength(3);
      expect(cells[1]).not.toBe('');
      expect(cells[2]).toBe(scopeDoc(scope).why);
      expect((cells[2] as string).length).toBeGreaterThan(60);
    }
  });

  it('the privacy policy says what the add-on does with each scope', () => {
    const block = blockOf(read('site/chinh-sach-rieng-tu.html'));
    for (const scope of manifest) {
      const row = new RegExp(
        `<tr>\\s*<td><code>${scope.replace(/\./g, '\\.')}</code></td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>\\s*</tr>`,
      ).exec(block);
      expect(row).not.toBeNull();
      expect(collapse(row?.[1] ?? '')).toBe(scopeDoc(scope).commands);
      expect(collapse(row?.[2] ?? '')).toBe(scopeDoc(scope).why);
    }
  });

  it('every generated block is what src/tools/scope-docs.ts writes today, and a changed scope list makes it stale', () => {
    const files = TARGETS.map((t) => t.file);
    // Today's manifest, then the manifest without reminders by e-mail.
    const fewer = manifest.filter((s) => s !== SCOPES.sendMail);
    expect(fewer).toHaveLength(manifest.length - 1);
    const out = prettier([
      ...files.map((file) => ({ file, text: withBlock(file, manifest) })),
      ...files.map((file) => ({ file, text: withBlock(file, fewer) })),
    ]);
    files.forEach((file, i) => {
      expect(out[i]).toBe(read(file));
      const next = out[files.length + i] as string;
      expect(next).not.toBe(read(file));
      expect(sorted(scopesIn(blockOf(next)))).toEqual(sorted(fewer));
    });
  });

  it('a scope without a written reason cannot be documented', () => {
    expect(() => markdownTable([...manifest, 'https://www.googleapis.com/auth/drive'])).toThrow(
      /no reason written for this scope/,
    );
  });
});

describe('the listing text (docs/niem-yet.md)', () => {
  const text = read('docs/niem-yet.md');

  it('has a short description of at most 80 characters', () => {
    const after = text.split('<!-- short-description -->')[1] ?? '';
    const line = after.split('\n').find((l) => l.trim() !== '') ?? '';
    const description = line.trim();
    expect(description.length).toBeGreaterThan(20);
    expect([...description].length).toBeLessThanOrEqual(80);
  });

  it('lists as screenshots the PNGs the page tests write, and the listing images made from them', () => {
    const listed = [...new Set(text.match(/out\/[\w/.-]+\.png/g) ?? [])];
    expect(sorted(listed)).toEqual(sorted(LISTING_SHOTS.flatMap((s) => [s.source, s.file])));
    const testSources = readdirSync(join(ROOT, 'test', 'browser'))
      .map((f) => read(join('test', 'browser', f)))
      .join('\n');
    for (const shot of LISTING_SHOTS) {
      const name = shot.source.replace(/^out\//, '');
      expect(testSources).toContain(`'${name}'`);
    }
  });

  it('links to pages that exist in site/', () => {
    const pages = [...new Set(text.match(/https:\/\/<tên-miền>\/([\w.-]+)/g) ?? [])].map((u) =>
      u.replace('https://<tên-miền>/', ''),
    );
    expect(sorted(pages)).toEqual(['chinh-sach-rieng-tu.html', 'dieu-khoan.html', 'index.html']);
    for (const page of pages) expect(statSync(join(ROOT, 'site', page)).isFile()).toBe(true);
  });
});

/** Width, height, colour type and the alpha of the top-left pixel (null without alpha). */
function pngInfo(bytes: Buffer): {
  width: number;
  height: number;
  colorType: number;
  cornerAlpha: number | null;
} {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const depth = bytes[24];
  const colorType = bytes[25] as number;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT')
      idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  // The first pixel of the first row reads the same under every filter type (no left or upper pixel).
  const raw = inflateSync(Buffer.concat(idat));
  const cornerAlpha = colorType === 6 && depth === 8 ? (raw[4] as number) : null;
  return { width, height, colorType, cornerAlpha };
}

describe('icons and card banner (site/)', () => {
  it.each(ASSETS.map((a) => [a.file, a.width, a.height] as const))(
    '%s is a PNG of %i×%i',
    (file, width, height) => {
      const info = pngInfo(readFileSync(join(ROOT, 'site', file)));
      expect([info.width, info.height]).toEqual([width, height]);
    },
  );

  it('the square icons have transparent rounded corners; the banner is opaque', () => {
    for (const icon of ICONS)
      expect(pngInfo(readFileSync(join(ROOT, 'site', icon.file))).cornerAlpha).toBe(0);
    expect(pngInfo(readFileSync(join(ROOT, 'site', BANNER.file))).cornerAlpha).not.toBe(0);
  });

  it('docs/phat-hanh.md says where each one is uploaded, with its size', () => {
    const rows = read('docs/phat-hanh.md').split('\n');
    for (const a of ASSETS) {
      const row = rows.find((r) => r.includes(`\`site/${a.file}\``) && r.trim().startsWith('|'));
      expect(row).toBeDefined();
      expect(row).toContain(`${a.width}×${a.height}`);
    }
  });

  it('the SVG source is there and has no external reference', () => {
    const svg = read('site/icon.svg');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 128 128"/);
    expect(svg).not.toMatch(/href=|url\(|<image|<script/);
  });
});
