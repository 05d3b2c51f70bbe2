/**
 * What a downloaded workbook brings back from earlier work: the officer's unit list and the hidden
 * history of checks. The command line and the browser page read them from the book the same way.
 */
import type { PlanBook } from '../../src/core/book';
import { carriedOver } from '../../src/core/carry-over';
import { checkSheet } from '../../src/core/check';
import { HISTORY_SHEET_NAME, historyRows, snapshotOf } from '../../src/core/history';
import { UNIT_LIST_SHEET_NAME } from '../../src/core/unit-list';
import { FOLLOW_WORDS } from '../../src/core/labels';
import type { SheetInput } from '../../src/core/grid';
import { sheet } from '../helpers/grid';

const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Trạng thái'];

/** A book holding the named sheets (values only), as a reader hands it over. */
function book(kind: PlanBook['kind'], sheets: Record<string, unknown[][]>): PlanBook & { read: string[] } {
  const read: string[] = [];
  return {
    kind,
    sheetNames: Object.keys(sheets),
    notes: [],
    read,
    sheet(name: string): SheetInput {
      read.push(name);
      const values = sheets[name];
      if (!values) throw new Error(`no sheet ${name}`);
      return { name, values: values as SheetInput['values'] };
    },
  };
}

const plan = () =>
  sheet([['1', 'Tuyên truyền', 'Phòng VH-XH', '30/11/2026', 'Đang thực hiện']], HEADER).values;
const unitRows = (rows: string[][]) => [[...FOLLOW_WORDS.unitListHeader], ...rows];
const historyValues = () => {
  const result = checkSheet(sheet([['1', 'Tuyên truyền', 'Phòng VH-XH', '30/11/2026', '']], HEADER), {
    today: '2026-12-02',
  });
  return historyRows([snapshotOf(result)]);
};

describe('carriedOver', () => {
  test('reads the unit list’s grouping and the snapshots of earlier checks from a workbook', () => {
    const b = book('xlsx', {
      'Phân công': plan(),
      [UNIT_LIST_SHEET_NAME]: unitRows([['Phòng Văn hóa - Xã hội', 'Phòng VH-XH', 'vhxh@example.vn']]),
      [HISTORY_SHEET_NAME]: historyValues(),
    });
    const carried = carriedOver(b);
    expect(carried.units?.overrides.get('Phòng Văn hóa - Xã hội')).toBe('Phòng VH-XH');
    expect(carried.history.snapshots).toHaveLength(1);
    expect(carried.history.snapshots[0]?.date).toBe('2026-12-02');
  });

  test('finds them when the product added a number to the sheet name, whatever the case', () => {
    const b = book('xlsx', {
      'Phân công': plan(),
      [`${UNIT_LIST_SHEET_NAME.toUpperCase()} (2)`]: unitRows([['UBND', 'UBND xã', '']]),
      [`${HISTORY_SHEET_NAME} (2)`]: historyValues(),
    });
    const carried = carriedOver(b);
    expect(carried.units?.overrides.get('UBND')).toBe('UBND xã');
    expect(carried.history.snapshots).toHaveLength(1);
  });

  test('a sheet that only ends with the name, or the user’s own sheet of that name, is not taken', () => {
    const b = book('xlsx', {
      'Phân công': plan(),
      [`Ghi chú ${UNIT_LIST_SHEET_NAME}`]: unitRows([['UBND', 'UBND xã', '']]),
      [HISTORY_SHEET_NAME]: [
        ['Ngày', 'Việc đã làm'],
        ['01/12/2026', 'Họp giao ban'],
      ],
    });
    const carried = carriedOver(b);
    expect(carried.units).toBeNull();
    expect(carried.history).toEqual({ snapshots: [], notes: [] });
  });

  test('the first unit-list sheet with a list header wins; one without a header is passed over', () => {
    const b = book('xlsx', {
      'Phân công': plan(),
      [UNIT_LIST_SHEET_NAME]: [['Danh sách cũ'], ['UBND', 'Văn phòng']],
      [`${UNIT_LIST_SHEET_NAME} (2)`]: unitRows([['UBND', 'UBND xã', '']]),
      [`${UNIT_LIST_SHEET_NAME} (3)`]: unitRows([['UBND', 'Văn phòng UBND', '']]),
    });
    expect(carriedOver(b).units?.overrides.get('UBND')).toBe('UBND xã');
  });

  test('a CSV or a Word plan carries nothing, and none of its sheets is read for it', () => {
    for (const kind of ['csv', 'docx'] as const) {
      const b = book(kind, { [UNIT_LIST_SHEET_NAME]: unitRows([['UBND', 'UBND xã', '']]) });
      expect(carriedOver(b)).toEqual({ units: null, history: { snapshots: [], notes: [] } });
      expect(b.read).toEqual([]);
    }
  });
});
