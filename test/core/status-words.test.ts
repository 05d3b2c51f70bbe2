/** The status cell and the lead cell as officers fill them (domain §4 and §5). */
import { isMissingLead, parseStatus } from '../../src/core/status-words';

describe('parseStatus', () => {
  test('an empty or blank status cell is no status, and nothing to flag as an unknown word', () => {
    for (const cell of ['', '   ', '\n'])
      expect(parseStatus(cell)).toEqual({ status: 'unknown', recognised: true, late: false, onTime: false });
  });

  test('a word outside the vocabulary is not recognised, so it can be flagged', () => {
    expect(parseStatus('Đang chờ kinh phí')).toMatchObject({ status: 'unknown', recognised: false });
  });

  test('done words say whether the task was late or on time', () => {
    expect(parseStatus('Đã hoàn thành quá hạn')).toMatchObject({ status: 'done', late: true, onTime: false });
    expect(parseStatus('Hoàn thành đúng hạn')).toMatchObject({ status: 'done', late: false, onTime: true });
    expect(parseStatus('hoàn thành')).toMatchObject({ status: 'done', late: false, onTime: false });
  });
});

describe('isMissingLead', () => {
  test('an empty cell, a dash of any length or a placeholder word names nobody', () => {
    for (const cell of ['', '  ', '-', '--', '…', '...', '(.)', 'x', 'X', 'không', 'Chưa có'])
      expect([cell, isMissingLead(cell)]).toEqual([cell, true]);
  });

  test('a unit is a lead, even a short one', () => {
    for (const cell of ['UBND xã', 'Công an xã', 'VP', 'Phòng VH-XH'])
      expect([cell, isMissingLead(cell)]).toEqual([cell, false]);
  });
});
