/** The core CSV reader: encodings, separators, quotes, and huge or odd files within bounds. */
import iconv from 'iconv-lite';
import { strToU8 } from 'fflate';
import { decodeCp1258, readCsv } from '../../src/core/csv';
import { isUserError } from '../../src/core/errors';
import { TRUNCATION_MARK } from '../../src/core/table-limits';

const ROWS = [
  ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
  ['1', 'Tổ chức tập huấn kỹ năng số cho cán bộ', 'Phòng Văn hóa - Xã hội', 'Quý IV/2025'],
  ['2', 'Tuyên truyền trên hệ thống truyền thanh', 'Đài truyền thanh xã', 'Thường xuyên'],
];
const text = (sep = ',') => ROWS.map((r) => r.join(sep)).join('\r\n') + '\r\n';
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Windows-1258 as Excel writes it: the tone is a combining mark after the base letter. */
function cp1258(s: string): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const ch of s.normalize('NFC')) {
    const direct = iconv.encode(ch, 'windows1258');
    if (ch === '?' || direct.toString('latin1') !== '?') {
      parts.push(direct);
      continue;
    }
    const [base = '', ...marks] = [...ch.normalize('NFD')];
    const shape = marks.filter((m) => ['\u0302', '\u0306', '\u031b'].includes(m));
    const tones = marks.filter((m) => !shape.includes(m));
    parts.push(iconv.encode((base + shape.join('')).normalize('NFC') + tones.join(''), 'windows1258'));
  }
  return concat(...parts);
}

describe('encodings', () => {
  it('reads UTF-8 with and without a BOM, and decomposed text as composed (NFC)', () => {
    for (const bytes of [strToU8(text()), concat(Uint8Array.from([0xef, 0xbb, 0xbf]), strToU8(text()))]) {
      const r = readCsv(bytes, 'ke-hoach');
      expect(r.encoding).toBe('utf-8');
      expect(r.badBytes).toBe(0);
      expect(r.sheet).toEqual({ name: 'ke-hoach', values: ROWS, merges: [] });
    }
    expect(readCsv(strToU8(text().normalize('NFD')), 'x').sheet.values).toEqual(ROWS);
  });

  it('keeps UTF-8 when one stray 0xFF byte is in it, replacing and counting that byte', () => {
    const good = strToU8(text());
    const at = good.indexOf(0x2c); // the first comma
    const bytes = concat(good.subarray(0, at), Uint8Array.from([0xff]), good.subarray(at));
    const r = readCsv(bytes, 'x');
    expect(r.encoding).toBe('utf-8');
    expect(r.badBytes).toBe(1);
    expect(r.sheet.values[0]?.[0]).toBe('STT\ufffd');
    expect(r.sheet.values.slice(1)).toEqual(ROWS.slice(1));
  });

  it('reads Windows-1258 (letters with their tone as a combining mark) as composed text', () => {
    const bytes = cp1258(text());
    const r = readCsv(bytes, 'x');
    expect(r.encoding).toBe('windows-1258');
    expect(r.sheet.values).toEqual(ROWS);
  });

  it('maps every byte of Windows-1258 as the code page does', () => {
    for (let b = 0x80; b <= 0xff; b++) {
      const expected = iconv.decode(Buffer.from([0x41, b]), 'windows1258').normalize('NFC');
      if (expected.includes('\ufffd') || /[\u0080-\u009f]/.test(expected)) continue; // undefined in the code page
      expect([b, decodeCp1258(Uint8Array.from([0x41, b])).text]).toEqual([b, expected]);
    }
  });

  it('reads UTF-16 little- and big-endian with their BOM', () => {
    const le = concat(Uint8Array.from([0xff, 0xfe]), iconv.encode(text('\t'), 'utf16le'));
    const be = concat(Uint8Array.from([0xfe, 0xff]), iconv.encode(text('\t'), 'utf16be'));
    expect(readCsv(le, 'x')).toMatchObject({
      encoding: 'utf-16le',
      delimiter: '\t',
      sheet: { values: ROWS },
    });
    expect(readCsv(be, 'x')).toMatchObject({
      encoding: 'utf-16be',
      delimiter: '\t',
      sheet: { values: ROWS },
    });
  });
});

describe('separators and quotes', () => {
  it('takes a comma file whose quoted task texts hold ";" as comma-separated', () => {
    const csv =
      'STT,Nhiệm vụ,Cơ quan chủ trì\n' +
      '1,"Rà soát; cập nhật; công khai thủ tục","UBND xã; Công an xã"\n' +
      '2,"Số hóa hồ sơ; lưu trữ",Văn phòng\n';
    const r = readCsv(strToU8(csv), 'x');
    expect(r.delimiter).toBe(',');
    expect(r.sheet.values).toEqual([
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì'],
      ['1', 'Rà soát; cập nhật; công khai thủ tục', 'UBND xã; Công an xã'],
      ['2', 'Số hóa hồ sơ; lưu trữ', 'Văn phòng'],
    ]);
  });

  it('takes semicolons as the separator when they give every row the same columns', () => {
    const csv =
      'STT;Nhiệm vụ;Cơ quan chủ trì\n1;Tập huấn, tuyên truyền;UBND xã\n2;Rà soát, cập nhật, công khai;Văn phòng\n';
    const r = readCsv(strToU8(csv), 'x');
    expect(r.delimiter).toBe(';');
    expect(r.sheet.values[2]).toEqual(['2', 'Rà soát, cập nhật, công khai', 'Văn phòng']);
  });

  it('reads doubled quotes and line breaks inside quotes, in any line-ending style', () => {
    const csv = 'a,b\r\n"Nhiệm vụ ""số 1""","dòng 1\r\ndòng 2"\r"x"y,\n';
    expect(readCsv(strToU8(csv), 'x').sheet.values).toEqual([
      ['a', 'b'],
      ['Nhiệm vụ "số 1"', 'dòng 1\r\ndòng 2'],
      ['xy', ''],
    ]);
  });
});

describe('huge or odd files, bounded', () => {
  it('reads a header ending in 1,000,000 commas as its real columns, quickly', () => {
    const csv = text().replace('\r\n', ','.repeat(1_000_000) + '\r\n');
    const t0 = Date.now();
    const r = readCsv(strToU8(csv), 'x');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(r.sheet.values).toEqual(ROWS);
  });

  it('reads a 130,000-row file (no stack overflow)', () => {
    const lines = ['STT,Nhiệm vụ,Cơ quan chủ trì'];
    for (let i = 1; i <= 130_000; i++) lines.push(`${i},Nhiệm vụ số ${i},UBND xã`);
    const t0 = Date.now();
    const r = readCsv(strToU8(lines.join('\n')), 'x');
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r.sheet.values).toHaveLength(130_001);
    expect(r.sheet.values[130_000]).toEqual(['130000', 'Nhiệm vụ số 130000', 'UBND xã']);
  });

  it('cuts a 10 MB field at 50,000 characters, marked', () => {
    const big = 'Nhiệm vụ '.repeat(1_100_000);
    for (const csv of [`a,${big}\n`, `a,"${big}"\n`]) {
      const t0 = Date.now();
      const v = readCsv(strToU8(csv), 'x').sheet.values[0]?.[1] as string;
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(v).toBe(big.slice(0, 50_000) + TRUNCATION_MARK);
    }
  });

  it('drops columns past the 200th and refuses more rows than the limit, saying so', () => {
    const wide = readCsv(strToU8(`a${',x'.repeat(300)}\n`), 'x').sheet.values;
    expect(wide[0]).toHaveLength(200);
    let message = '';
    try {
      readCsv(strToU8('STT\n' + '1\n'.repeat(250_000)), 'ke-hoach', { fileName: 'ke-hoach.csv' });
    } catch (e) {
      if (isUserError(e)) message = e.message;
    }
    expect(message).toBe(
      'Trang “ke-hoach” của tệp “ke-hoach.csv” có dữ liệu đến dòng 250.001, vượt giới hạn 250.000 dòng mà công cụ đọc được. Hãy xóa các dòng thừa ở cuối trang (hoặc tách bảng thành nhiều tệp) rồi thử lại.',
    );
  });

  it('drops trailing empty rows and columns', () => {
    expect(readCsv(strToU8('a,b,,\n,,,\n\n\n'), 'x').sheet.values).toEqual([['a', 'b']]);
  });
});
