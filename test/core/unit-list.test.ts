/**
 * Reading the officer's unit list ("Đơn vị") as a sheet gives it: the header found among the
 * first five rows, each row's sheet number, names written in either column, addresses split and
 * checked, blank and odd cells passed over without a stop.
 */
import {
  addressesOf,
  parseUnitList,
  splitAddresses,
  UNIT_LIST_HEADER,
  type UnitList,
} from '../../src/core/unit-list';
import { unitKey, type LeadUnitRow } from '../../src/core/units';

const isEmail = (s: string) => /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(s);
const header = (): string[] => [...UNIT_LIST_HEADER];
const read = (values: unknown[][]): UnitList => {
  const list = parseUnitList(values, isEmail);
  if (!list) throw new Error('no unit list');
  return list;
};

describe('parseUnitList', () => {
  it('numbers each entry by its sheet row, below a header written after a title and a blank row', () => {
    const list = read([
      ['DANH SÁCH ĐƠN VỊ', '', ''],
      ['', '', ''],
      header(),
      ['Phòng VH-XH', 'Phòng Văn hóa - Xã hội', 'vhxh@anbinh.gov.vn'],
      ['', '', ''],
      ['', 'Công an xã', ''],
      ['Phòng Kinh tế', '', 'kt@anbinh.gov.vn'],
    ]);
    expect(list.headerRow).toBe(3);
    expect(list.entries).toEqual([
      { row: 4, written: 'Phòng VH-XH', unit: 'Phòng Văn hóa - Xã hội', emails: ['vhxh@anbinh.gov.vn'] },
      { row: 6, written: 'Công an xã', unit: 'Công an xã', emails: [] },
      { row: 7, written: 'Phòng Kinh tế', unit: 'Phòng Kinh tế', emails: ['kt@anbinh.gov.vn'] },
    ]);
    expect([...list.overrides]).toEqual([['Phòng VH-XH', 'Phòng Văn hóa - Xã hội']]);
  });

  it('finds the header in the fifth row but not in the sixth', () => {
    const above = (n: number) => Array.from({ length: n }, (_, i) => [`Dòng ${i + 1}`, '', '']);
    expect(read([...above(4), header(), ['Phòng Kinh tế', '', '']]).headerRow).toBe(5);
    expect(parseUnitList([...above(5), header(), ['Phòng Kinh tế', '', '']], isEmail)).toBeNull();
  });

  it('needs both name columns of the header, in any case and spacing', () => {
    expect(parseUnitList([[UNIT_LIST_HEADER[0], 'Ghi chú', '']], isEmail)).toBeNull();
    expect(parseUnitList([['Ghi chú', UNIT_LIST_HEADER[1], '']], isEmail)).toBeNull();
    const loose = read([
      [`  ${(UNIT_LIST_HEADER[0] as string).toUpperCase()} `, (UNIT_LIST_HEADER[1] as string).toLowerCase()],
      ['Phòng Kinh tế', '', ''],
    ]);
    expect(loose.entries.map((e) => e.written)).toEqual(['Phòng Kinh tế']);
  });

  it('tidies names (spaces, line breaks), reads a number as its text, and cuts a pasted essay', () => {
    const list = read([
      header(),
      ['  Phòng   Kinh\ntế ', ' Phòng  Kinh tế - Hạ tầng', ''],
      [115, '', ''],
      ['x'.repeat(400), '', ''],
    ]);
    expect(list.entries.map((e) => [e.written, e.unit])).toEqual([
      ['Phòng Kinh tế', 'Phòng Kinh tế - Hạ tầng'],
      ['115', '115'],
      ['x'.repeat(300), 'x'.repeat(300)],
    ]);
  });

  it('passes over a missing row, a date or a number where an address goes, and keeps the rest', () => {
    const values = [
      header(),
      undefined as unknown as unknown[],
      ['Phòng Kinh tế', '', 2383123456],
      ['Công an xã', '', new Date(Date.UTC(2026, 11, 1))],
      ['Văn phòng', '', 'vp@anbinh.gov.vn'],
    ];
    const list = read(values);
    expect(list.entries).toEqual([
      { row: 3, written: 'Phòng Kinh tế', unit: 'Phòng Kinh tế', emails: [] },
      { row: 4, written: 'Công an xã', unit: 'Công an xã', emails: [] },
      { row: 5, written: 'Văn phòng', unit: 'Văn phòng', emails: ['vp@anbinh.gov.vn'] },
    ]);
    expect(list.invalid).toEqual([]);
  });

  it('reports addresses that are not addresses with their row, cut to a hundred characters', () => {
    const list = read([
      header(),
      ['Phòng Kinh tế', '', `kt@anbinh.gov.vn, ${'a'.repeat(150)}`],
      ['', '', 'sai-dia-chi'],
    ]);
    expect(list.invalid).toEqual([
      { row: 2, text: 'a'.repeat(100) },
      { row: 3, text: 'sai-dia-chi' },
    ]);
    expect(list.entries.map((e) => e.emails)).toEqual([['kt@anbinh.gov.vn']]);
  });
});

describe('splitAddresses', () => {
  it('splits on commas, semicolons, spaces and line breaks, however many in a row', () => {
    expect(splitAddresses(' a@x.vn,, b@x.vn ;\n\tc@x.vn  ')).toEqual(['a@x.vn', 'b@x.vn', 'c@x.vn']);
    expect(splitAddresses(' ;, ')).toEqual([]);
  });
});

describe('addressesOf', () => {
  const row = (over: Partial<LeadUnitRow>): LeadUnitRow => ({
    unit: 'UBND xã',
    key: unitKey('UBND xã'),
    kind: 'unit',
    variants: ['UBND xã'],
    total: 1,
    done: 0,
    onTrack: 0,
    overdue: 1,
    dueSoon: 0,
    noDeadline: 0,
    oldestOverdueDays: 3,
    ...over,
  });

  it('drops the commune’s own name from a listed unit, as the check does, when the commune is known', () => {
    const list = read([header(), ['UBND xã An Bình', '', 'ubnd@anbinh.gov.vn']]);
    expect(addressesOf(list, row({}), 'An Bình')).toEqual(['ubnd@anbinh.gov.vn']);
    expect(addressesOf(list, row({}))).toEqual([]);
  });

  it('gives no address to the rows of shared tasks and of tasks without a lead', () => {
    const list = read([header(), ['UBND xã', '', 'ubnd@anbinh.gov.vn']]);
    expect(addressesOf(list, row({}))).toEqual(['ubnd@anbinh.gov.vn']);
    expect(addressesOf(list, row({ kind: 'shared' }))).toEqual([]);
    expect(addressesOf(list, row({ kind: 'missing' }))).toEqual([]);
  });
});
