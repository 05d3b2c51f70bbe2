/** The command line's native inflater keeps the core's contract: same bytes, same limits, same errors. */
import { deflateRawSync } from 'node:zlib';
import { inflateLimited, ZipError } from '../../src/core/zip';
import { nodeInflater } from '../../src/cli/inflate';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof ZipError ? e.problem : 'other';
  }
  return 'none';
};

describe('nodeInflater', () => {
  const text = Buffer.from('<row r="1"><c t="s"><v>0</v></c></row>'.repeat(5_000));
  const packed = deflateRawSync(text);

  it('gives the bytes the JavaScript inflater gives', () => {
    expect(Buffer.from(nodeInflater(packed, text.length))).toEqual(
      Buffer.from(inflateLimited(packed, text.length)),
    );
  });

  it('stops at the limit as the JavaScript inflater does', () => {
    expect(code(() => nodeInflater(packed, text.length - 1))).toBe('zip-too-large');
    expect(code(() => inflateLimited(packed, text.length - 1))).toBe('zip-too-large');
  });

  it('calls data that is not DEFLATE corrupt, as the JavaScript inflater does', () => {
    const junk = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x13]);
    expect(code(() => nodeInflater(junk, 1000))).toBe('zip-corrupt');
    expect(code(() => inflateLimited(junk, 1000))).toBe('zip-corrupt');
  });

  it('reads an empty entry under a zero limit', () => {
    expect(nodeInflater(deflateRawSync(Buffer.alloc(0)), 0)).toHaveLength(0);
  });
});
