import { zipSync, strToU8 } from 'fflate';
import { openZip, ZipError, DEFAULT_ZIP_LIMITS } from '../../src/core/zip';
import { scanXml, XmlError, decodeEntities } from '../../src/core/xml';

function problem(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof ZipError ? e.problem : e instanceof XmlError ? 'xml' : String(e);
  }
}

describe('openZip', () => {
  it('reads the entries of an archive, stored and deflated alike', () => {
    const bytes = zipSync({
      'a.xml': strToU8('<a>xin chào</a>'),
      'b.bin': [new Uint8Array([1, 2, 3]), { level: 0 }],
    });
    const z = openZip(bytes);
    expect(z.names().sort()).toEqual(['a.xml', 'b.bin']);
    expect(z.text('a.xml')).toBe('<a>xin chào</a>');
    expect([...(z.read('b.bin') as Uint8Array)]).toEqual([1, 2, 3]);
    expect(z.read('missing')).toBeNull();
  });

  it('refuses what is not a ZIP archive, and a truncated one', () => {
    expect(problem(() => openZip(strToU8('STT,Nhiệm vụ\n1,abc')))).toBe('not-zip');
    const bytes = zipSync({ 'a.xml': strToU8('<a/>'.repeat(100)) });
    expect(problem(() => openZip(bytes.subarray(0, bytes.length - 30)))).toBe('zip-corrupt');
  });

  it('refuses a bomb from its directory before inflating anything', () => {
    const zeros = new Uint8Array(12 * 1024 * 1024);
    const bytes = zipSync({ 'xl/sharedStrings.xml': zeros }, { level: 9 });
    expect(bytes.length).toBeLessThan(200_000);
    const t0 = Date.now();
    expect(problem(() => openZip(bytes))).toBe('zip-too-large');
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('stops an entry that inflates past what its directory declared', () => {
    const big = new Uint8Array(4 * 1024 * 1024).fill(65);
    const bytes = zipSync({ 'x.xml': big });
    // Forge the central directory's uncompressed size to 1,000 bytes.
    let cd = -1;
    for (let i = bytes.length - 22; i >= 0; i--)
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2) {
        cd = i;
        break;
      }
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(cd + 24, 1000, true);
    const z = openZip(bytes);
    expect(problem(() => z.read('x.xml'))).toBe('zip-too-large');
  });

  it('holds the total of all entries read to its limit', () => {
    const part = new Uint8Array(600_000).map((_, i) => (i * 7919) % 251);
    const bytes = zipSync({ a: part, b: part, c: part });
    const z = openZip(bytes, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 1_500_000 });
    z.read('a');
    z.read('b');
    expect(problem(() => z.read('c'))).toBe('zip-too-large');
  });

  it('says so for an encrypted entry', () => {
    const bytes = zipSync({ 'a.xml': strToU8('<a/>') });
    for (let i = 0; i < bytes.length - 4; i++)
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2)
        bytes[i + 8] = (bytes[i + 8] as number) | 1;
    expect(problem(() => openZip(bytes).read('a.xml'))).toBe('zip-encrypted');
  });
});

describe('scanXml', () => {
  function events(xml: string): string[] {
    const out: string[] = [];
    scanXml(xml, {
      open: (n, a, s) =>
        out.push(
          `<${n}${Object.entries(a)
            .map(([k, v]) => ` ${k}=${v}`)
            .join('')}${s ? '/' : ''}>`,
        ),
      close: (n) => out.push(`</${n}>`),
      text: (t) => out.push(t),
    });
    return out;
  }

  it('gives tags, attributes and decoded text', () => {
    expect(
      events(
        '<?xml version="1.0"?><w:p a="1 &amp; 2" b=\'x>y\'><!-- c --><w:t>Thể chế &lt;số&gt; &#272;&#x111;</w:t><br/></w:p>',
      ),
    ).toEqual(['<w:p a=1 & 2 b=x>y>', '<w:t>', 'Thể chế <số> Đđ', '</w:t>', '<br/>', '</w:p>']);
    expect(events('<a><![CDATA[<b>&amp;</b>]]></a>')).toEqual(['<a>', '<b>&amp;</b>', '</a>']);
  });

  it('refuses entity declarations and external entities instead of expanding them', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><l>&b;</l>';
    expect(problem(() => scanXml(bomb, {}))).toBe('xml');
    const xxe = '<!DOCTYPE x SYSTEM "file:///etc/passwd"><x>&xxe;</x>';
    expect(problem(() => scanXml(xxe, {}))).toBe('xml');
    expect(problem(() => decodeEntities('&nbsp;'))).toBe('xml');
  });

  it('stays linear on long and broken input', () => {
    const long = `<a>${'x'.repeat(5_000_000)}</a>`;
    const t0 = Date.now();
    let length = 0;
    scanXml(long, { text: (t) => (length += t.length) });
    expect(length).toBe(5_000_000);
    expect(problem(() => scanXml(`<a b="${'"'.repeat(1)}${'x'.repeat(1_000_000)}`, {}))).toBe('xml');
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
