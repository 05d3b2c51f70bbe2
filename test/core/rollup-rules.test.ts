/**
 * The city's roll-up rules, one by one, on small reports: which reports count (age limits to the
 * day), which of two reports of one commune counts, how unnamed communes are named and kept apart,
 * the order of the tables, the pillar sums, and the communes on the list that sent nothing.
 */
import { checkSheet } from '../../src/core/check';
import { rollup, type RollupEntry } from '../../src/core/rollup';
import { statusReportOf, type StatusReport } from '../../src/core/status-report';
import type { CellValue } from '../../src/core/grid';
import { sheet } from '../helpers/grid';

const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Trạng thái'];
const TODAY = '2026-12-20';

/** A commune's report: `late` overdue tasks and `done` done tasks under Nhận thức số, one on track under Kinh tế số. */
function report(commune: string, asOf = TODAY, late = 1, done = 1): StatusReport {
  const rows: CellValue[][] = [['I', 'Nhận thức số']];
  for (let i = 0; i < late; i++)
    rows.push([`${i + 1}`, `Việc trễ ${i + 1}`, 'Phòng Kinh tế', '01/01/2026', '']);
  for (let i = 0; i < done; i++)
    rows.push([`${late + i + 1}`, `Việc xong ${i + 1}`, 'Phòng Kinh tế', '01/01/2026', 'Hoàn thành']);
  rows.push(['II', 'Kinh tế số'], ['1', 'Việc còn hạn', 'Công an xã', '31/12/2027', '']);
  const result = checkSheet(sheet(rows, HEADER, 'KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026'), { today: asOf });
  return statusReportOf(result, { commune, planName: '' });
}
const ok = (name: string, source: string, r: StatusReport): RollupEntry => ({
  name,
  source,
  outcome: { ok: true, report: r },
});

describe('which reports count', () => {
  it('counts a report dated a day ahead (clocks and zones), refuses two days ahead', () => {
    const r = rollup(
      [ok('A', 'a', report('Xã An Bình', '2026-12-21')), ok('B', 'b', report('Xã Bình Minh', '2026-12-22'))],
      { today: TODAY },
    );
    expect(r.communes.map((c) => c.commune)).toEqual(['Xã An Bình']);
    expect(r.failures).toEqual([
      { name: 'B', source: 'b', reason: 'ngày “Tính đến” 22/12/2026 ở tương lai: số liệu không đáng tin' },
    ]);
  });

  it('counts a report exactly as old as the limit, refuses one a day older', () => {
    const r = rollup(
      [ok('A', 'a', report('Xã An Bình', '2026-11-20')), ok('B', 'b', report('Xã Bình Minh', '2026-11-19'))],
      { today: TODAY, staleDays: 30 },
    );
    expect(r.communes.map((c) => c.commune)).toEqual(['Xã An Bình']);
    expect(r.failures.map((f) => f.reason)).toEqual(['số liệu quá cũ: tính đến 19/11/2026 (31 ngày trước)']);
  });
});

describe('two reports of one commune', () => {
  it('counts the newer, wherever it is in the list, and says why the older is left out', () => {
    const r = rollup(
      [
        ok('An Bình (cũ)', 'a1', report('Xã An Bình', '2026-12-10', 3)),
        ok('Bình Minh', 'b', report('Xã Bình Minh')),
        ok('An Bình', 'a2', report('xã An Bình', '2026-12-15', 1)),
      ],
      { today: TODAY },
    );
    expect(r.communes.map((c) => [c.commune, c.asOf, c.overdue])).toEqual([
      ['xã An Bình', '2026-12-15', 1],
      ['Xã Bình Minh', TODAY, 1],
    ]);
    expect(r.failures).toEqual([
      {
        name: 'An Bình (cũ)',
        source: 'a1',
        reason: 'xã An Bình đã có bảng mới hơn (tính đến 15/12/2026)',
      },
    ]);
    // The detail follows the city's list: a commune sits where its counted report was listed.
    expect([...new Set(r.detail.map((d) => d.commune))]).toEqual(['Xã Bình Minh', 'xã An Bình']);
  });

  it('names the commune once in the reason, with “xã” only when its name lacks one', () => {
    const reasons = (commune: string) =>
      rollup([ok('1', 'a1', report(commune, '2026-12-10')), ok('2', 'a2', report(commune))], {
        today: TODAY,
      }).failures.map((f) => f.reason);
    expect(reasons('Phường Bến Thành')).toEqual([
      'Phường Bến Thành đã có bảng mới hơn (tính đến 20/12/2026)',
    ]);
    expect(reasons('An Bình')).toEqual(['xã An Bình đã có bảng mới hơn (tính đến 20/12/2026)']);
  });

  it('on the same day counts the one listed later, and the older-listed is left out', () => {
    const r = rollup(
      [ok('A1', 'a1', report('Xã An Bình', TODAY, 3)), ok('A2', 'a2', report('Xã An Bình', TODAY, 1))],
      { today: TODAY },
    );
    expect(r.communes.map((c) => c.overdue)).toEqual([1]);
    expect(r.failures.map((f) => f.source)).toEqual(['a1']);
  });
});

describe('communes without a name', () => {
  it('are told apart by source, named from the list or else from the source', () => {
    const r = rollup(
      [ok('An Bình', 'a.xlsx', report('')), ok('', 'b.xlsx', report('')), ok('  ', 'c.xlsx', report(''))],
      { today: TODAY },
    );
    expect(r.communes.map((c) => c.commune).sort()).toEqual(
      ['An Bình (chưa ghi tên xã)', 'b.xlsx (chưa ghi tên xã)', 'c.xlsx (chưa ghi tên xã)'].sort(),
    );
    expect(r.failures).toEqual([]);
  });
});

describe('the tables', () => {
  it('leaves pillars without tasks out of the detail, and sums each pillar over the communes', () => {
    const r = rollup(
      [ok('A', 'a', report('Xã An Bình', TODAY, 2, 1)), ok('B', 'b', report('Xã Bình Minh', TODAY, 1, 3))],
      {
        today: TODAY,
      },
    );
    expect(r.detail.map((d) => [d.commune, d.pillar, d.total])).toEqual([
      ['Xã An Bình', 'Nhận thức số', 3],
      ['Xã An Bình', 'Kinh tế số', 1],
      ['Xã Bình Minh', 'Nhận thức số', 4],
      ['Xã Bình Minh', 'Kinh tế số', 1],
    ]);
    expect(r.pillars.map((p) => [p.commune, p.total, p.done, p.overdue, p.onTrack])).toEqual([
      ['Nhận thức số', 7, 4, 3, 0],
      ['Kinh tế số', 2, 0, 0, 2],
    ]);
  });

  it('ranks communes by share overdue, then by number overdue, then by name', () => {
    const r = rollup(
      [
        ok('C', 'c', report('Xã Cát Tiên', TODAY, 1, 1)),
        ok('A', 'a', report('Xã Ấp Bắc', TODAY, 2, 2)),
        ok('B', 'b', report('Xã Bình Minh', TODAY, 1, 1)),
        ok('D', 'd', report('Xã Đông Hòa', TODAY, 3, 0)),
      ],
      { today: TODAY },
    );
    // Shares overdue: Đông Hòa 3/4; Ấp Bắc 2/5; Bình Minh and Cát Tiên 1/3 each, by name.
    expect(r.communes.map((c) => c.commune)).toEqual([
      'Xã Đông Hòa',
      'Xã Ấp Bắc',
      'Xã Bình Minh',
      'Xã Cát Tiên',
    ]);
  });

  it('breaks a tie in share by the number overdue', () => {
    const r = rollup(
      [ok('A', 'a', report('Xã An Bình', TODAY, 1, 0)), ok('B', 'b', report('Xã Bình Minh', TODAY, 2, 1))],
      {
        today: TODAY,
      },
    );
    // 1 of 2 and 2 of 4: the same share, more tasks overdue first.
    expect(r.communes.map((c) => [c.commune, c.overdue])).toEqual([
      ['Xã Bình Minh', 2],
      ['Xã An Bình', 1],
    ]);
  });
});

describe('communes on the city’s list', () => {
  it('lists once those that sent nothing; not those counted, nor those already refused', () => {
    const r = rollup(
      [ok('An Bình', 'a', report('Xã An Bình')), ok('Cũ', 'c', report('Xã Cũ Chi', '2026-01-01'))],
      { today: TODAY, expected: ['Xã An Bình', 'xã Bình Minh', 'Bình Minh', '  ', 'Cũ'] },
    );
    expect(r.failures).toEqual([
      { name: 'Cũ', source: 'c', reason: 'số liệu quá cũ: tính đến 01/01/2026 (353 ngày trước)' },
      { name: 'xã Bình Minh', source: '', reason: 'chưa gửi bảng trạng thái' },
    ]);
  });
});
