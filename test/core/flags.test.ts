/**
 * The marks the product puts on a task sheet: which cells, which colour, which reason, and how
 * they come off again leaving exactly what the officer wrote.
 */
import { checkSheet } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import {
  compactA1,
  flaggedNote,
  flagsOf,
  NOTE_MARKER,
  ownRuleSeverity,
  rangesBySeverity,
  ruleExpression,
  SEVERITY_COLORS,
  userNote,
} from '../../src/core/flags';
import { loadSeed, seedInput } from '../helpers/fixtures';

const finding = (over: Partial<Finding>): Finding => ({
  code: 'overdue',
  severity: 'warning',
  row: 5,
  column: 'F',
  message: 'Nhiệm vụ 1 đã quá hạn',
  ...over,
});

describe('flagsOf', () => {
  it('puts one mark per cell, with the most severe colour and every reason once', () => {
    const flags = flagsOf([
      finding({ severity: 'info', message: 'Nhiệm vụ 1 sắp đến hạn' }),
      finding({ severity: 'warning', message: 'Nhiệm vụ 1 đã quá hạn' }),
      finding({ severity: 'warning', message: 'Nhiệm vụ 1 đã quá hạn' }),
      finding({ severity: 'error', row: 5, column: 'C', message: 'Nhiệm vụ 1 chưa có cơ quan chủ trì' }),
      finding({ severity: 'info', row: 5, column: 'C', message: 'Lưu ý' }),
    ]);
    expect(flags).toEqual([
      { row: 5, column: 'C', severity: 'error', note: 'Nhiệm vụ 1 chưa có cơ quan chủ trì\nLưu ý' },
      { row: 5, column: 'F', severity: 'warning', note: 'Nhiệm vụ 1 sắp đến hạn\nNhiệm vụ 1 đã quá hạn' },
    ]);
  });

  it('an error is not softened by a later warning', () => {
    const [flag] = flagsOf([
      finding({ severity: 'error' }),
      finding({ severity: 'warning', message: 'khác' }),
    ]);
    expect(flag?.severity).toBe('error');
  });

  it('marks every line of a task written over several rows, and nothing for sheet-wide findings', () => {
    const flags = flagsOf([
      finding({ rows: [7, 8, 9] }),
      finding({ row: null, column: null, code: 'missing-column', severity: 'error', message: 'Thiếu cột' }),
      finding({ row: 3, column: null, message: 'cả dòng' }),
    ]);
    expect(flags.map((f) => `${f.column}${f.row}`)).toEqual(['F7', 'F8', 'F9']);
  });

  it('orders marks by row, then by column as the sheet does (Z before AA)', () => {
    const flags = flagsOf([
      finding({ row: 9, column: 'B' }),
      finding({ row: 2, column: 'AA' }),
      finding({ row: 2, column: 'Z' }),
      finding({ row: 2, column: 'C' }),
    ]);
    expect(flags.map((f) => `${f.column}${f.row}`)).toEqual(['C2', 'Z2', 'AA2', 'B9']);
  });

  it('on a real plan, marks the lead cells of tasks without a lead in red and late deadlines in amber', () => {
    const result = checkSheet(seedInput(loadSeed('003-mo-cay.json')), { today: '2026-11-22' });
    const flags = flagsOf(result.findings);
    const byCode = (code: string) =>
      result.findings.filter((f) => f.code === code && f.row !== null && f.column !== null);
    for (const f of byCode('missing-lead'))
      expect(flags.find((x) => x.row === f.row && x.column === f.column)?.severity).toBe('error');
    for (const f of byCode('overdue')) {
      const mark = flags.find((x) => x.row === f.row && x.column === f.column);
      expect(mark?.note).toContain(f.message);
    }
    expect(byCode('overdue').length).toBeGreaterThan(0);
    expect(byCode('missing-lead').length + byCode('overdue').length).toBeLessThanOrEqual(flags.length);
  });
});

describe('notes', () => {
  it('keeps the officer’s note above the marker and gives it back alone after clearing', () => {
    const note = flaggedNote('Đã nhắc anh Tâm', 'Nhiệm vụ 1 đã quá hạn');
    expect(note).toBe(`Đã nhắc anh Tâm\n\n${NOTE_MARKER}\nNhiệm vụ 1 đã quá hạn`);
    expect(userNote(note)).toBe('Đã nhắc anh Tâm');
  });

  it('a cell without a note of its own has only the marker and the reason, and clears to nothing', () => {
    const note = flaggedNote('', 'Thiếu chủ trì');
    expect(note).toBe(`${NOTE_MARKER}\nThiếu chủ trì`);
    expect(userNote(note)).toBe('');
    expect(userNote(NOTE_MARKER)).toBe('');
  });

  it('never takes the officer’s own text for the product’s', () => {
    expect(userNote('Ghi chú\nnhiều dòng')).toBe('Ghi chú\nnhiều dòng');
    expect(userNote(`Trích: ${NOTE_MARKER} ở giữa dòng`)).toBe(`Trích: ${NOTE_MARKER} ở giữa dòng`);
    expect(userNote(`${NOTE_MARKER} của tôi`)).toBe(`${NOTE_MARKER} của tôi`);
    // Checking again replaces the reasons, never piles them up.
    const twice = flaggedNote(userNote(flaggedNote('A', 'lý do 1')), 'lý do 2');
    expect(twice).toBe(`A\n\n${NOTE_MARKER}\nlý do 2`);
  });
});

describe('colour rules', () => {
  it('names the product, so its own rules are found again and nobody else’s', () => {
    for (const s of ['error', 'warning', 'info'] as const) {
      expect(ownRuleSeverity(ruleExpression(s))).toBe(s);
      expect(ownRuleSeverity(`=${ruleExpression(s)}`)).toBe(s);
    }
    expect(ruleExpression('warning')).toBe('ISTEXT("Kế hoạch CĐS: warning")');
    expect(ownRuleSeverity('=ISTEXT("Kế hoạch CĐS: other")')).toBeNull();
    expect(ownRuleSeverity('=$F2<TODAY()')).toBeNull();
    expect(ownRuleSeverity(`==${ruleExpression('error')}`)).toBeNull();
  });

  it('uses light red, amber and blue', () => {
    expect(SEVERITY_COLORS).toEqual({ error: '#F4C7C3', warning: '#FCE8B2', info: '#CFE2F3' });
  });

  it('covers each severity’s cells with as few ranges as runs of rows allow', () => {
    expect(
      compactA1([
        { row: 6, column: 'F' },
        { row: 8, column: 'F' },
        { row: 7, column: 'F' },
        { row: 7, column: 'F' },
        { row: 12, column: 'F' },
        { row: 3, column: 'C' },
        { row: 14, column: 'F' },
        { row: 15, column: 'F' },
      ]),
    ).toEqual(['F6:F8', 'F12', 'F14:F15', 'C3']);
    expect(compactA1([])).toEqual([]);

    const ranges = rangesBySeverity([
      { row: 2, column: 'C', severity: 'error', note: '' },
      { row: 3, column: 'C', severity: 'error', note: '' },
      { row: 2, column: 'F', severity: 'info', note: '' },
    ]);
    expect([...ranges]).toEqual([
      ['error', ['C2:C3']],
      ['info', ['F2']],
    ]);
  });
});

describe('flagsOf, findings without a cell', () => {
  it('marks no cell for a finding with a column but no row, nor with a row but no column', () => {
    expect(
      flagsOf([
        finding({ row: null, column: 'F', message: 'Thiếu cột Thời hạn' }),
        finding({ row: 7, column: null, message: 'Dòng 7 không đọc được' }),
      ]),
    ).toEqual([]);
  });
});

describe('userNote', () => {
  it('gives an empty note back when the product’s block follows a blank first line', () => {
    expect(userNote(`\n\n${NOTE_MARKER}\nNhiệm vụ 1 đã quá hạn`)).toBe('');
  });
});
