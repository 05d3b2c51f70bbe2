/** The city's roll-up believes nothing it reads: each report is validated, dated, identified. */
import { checkSheet } from '../../src/core/check';
import { rollup, type RollupEntry } from '../../src/core/rollup';
import { DATA_TAG, fromRows, statusReportOf, toRows, type StatusReport } from '../../src/core/status-report';
import { generatedPlan } from '../../src/tools/bench';
import { rollupLayout, type RollupTable } from '../../src/core/rollup-sheet';
import { COUNT_LABELS } from '../../src/core/labels';

const base = statusReportOf(checkSheet(generatedPlan(30), { today: '2026-12-10' }), {
  commune: 'Xã An Bình',
  planName: 'Kế hoạch CĐS 2026',
});

/** The report as the city reads it back from a sheet (values only), after `edit` forged it. */
function read(edit: (r: StatusReport) => void = () => undefined) {
  const report = structuredClone(base);
  edit(report);
  const rows = toRows(report).rows.map((r) => r.map((c) => (typeof c === 'object' ? c.date : c)));
  return fromRows(rows);
}

const entry = (name: string, source: string, outcome: ReturnType<typeof read>): RollupEntry => ({
  name,
  source,
  outcome,
});

describe('fromRows refuses forged numbers with the reason', () => {
  it.each([
    [
      'counts of 1e308',
      (r: StatusReport) => void (r.total.total = 1e308),
      /số liệu không hợp lệ \(total\.total\)/,
    ],
    [
      'half a task',
      (r: StatusReport) => void ((r.rows[0] as { total: number }).total = 0.5),
      /số liệu không hợp lệ/,
    ],
    [
      '7 done of 0.5',
      (r: StatusReport) => {
        const row = r.rows[0] as { total: number; done: number };
        row.total = 0.5;
        row.done = 7;
      },
      /số liệu không hợp lệ/,
    ],
    [
      'a total of 4000 against rows summing to 30',
      (r: StatusReport) => {
        r.total.total = 4000;
        r.total.onTrack += 3970;
        r.total.doneRate = Math.round((r.total.done / 4000) * 10_000) / 10_000;
        r.tasks = 4000;
      },
      /các dòng trụ cột cộng lại không bằng dòng “Tổng cộng”/,
    ],
    [
      'a share done that does not match',
      (r: StatusReport) => void (r.total.doneRate = 0.9),
      /tỷ lệ hoàn thành sai/,
    ],
    [
      'a negative count',
      (r: StatusReport) => void ((r.rows[1] as { overdue: number }).overdue = -1),
      /số liệu không hợp lệ/,
    ],
  ])('%s', (_name, edit, reason) => {
    const r = read(edit);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('reads the report as written', () => {
    const r = read();
    expect(r.ok && r.report.total.total).toBe(30);
  });
});

/** The status sheet as the city reads it (values only), edited by `edit` after it was written. */
function readSheet(edit: (rows: unknown[][]) => void) {
  const rows: unknown[][] = toRows(base).rows.map((r) => r.map((c) => (typeof c === 'object' ? c.date : c)));
  edit(rows);
  return fromRows(rows);
}
const dataRowOf = (rows: unknown[][]) => rows.findIndex((r) => r[0] === DATA_TAG);
const tableRowOf = (rows: unknown[][], pillar: string) => rows.findIndex((r) => r[0] === pillar);

describe('fromRows tells the city why a sheet is not believed, row by row', () => {
  const row0 = (r: StatusReport) => r.rows[0] as StatusReport['total'];
  it.each([
    [
      'classes that do not add up to the total',
      (r: StatusReport) => void (row0(r).done += 1),
      /các loại cộng lại không bằng tổng số nhiệm vụ/,
    ],
    [
      'tasks without a deadline that do not match their kinds',
      (r: StatusReport) => void (row0(r).recurring += 1),
      /số nhiệm vụ không có hạn không khớp/,
    ],
    [
      'more done on time and late than done',
      (r: StatusReport) => void (row0(r).doneLate = row0(r).done - row0(r).doneOnTime + 1),
      /đúng hạn và trễ hạn nhiều hơn số đã hoàn thành/,
    ],
    [
      'more due soon than on track',
      (r: StatusReport) => void (row0(r).dueSoon = row0(r).onTrack + 1),
      /số sắp đến hạn nhiều hơn số còn hạn/,
    ],
    [
      'more without a lead than tasks',
      (r: StatusReport) => void (row0(r).missingLead = row0(r).total + 1),
      /số thiếu chủ trì nhiều hơn tổng số/,
    ],
    [
      'a total row under another name',
      (r: StatusReport) => void (r.total.pillar = 'Cộng'),
      /dòng tổng phải là “Tổng cộng”/,
    ],
    [
      'a total that is not the plan’s number of tasks',
      (r: StatusReport) => void (r.tasks = 31),
      /tổng số nhiệm vụ không khớp với số nhiệm vụ của bảng/,
    ],
    [
      'a commune key of another commune',
      (r: StatusReport) => void (r.communeKey = 'xa-khac'),
      /mã định danh của xã không khớp với tên xã/,
    ],
  ])('%s', (_name, edit, reason) => {
    const r = read(edit);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it.each([
    [
      'a sheet the add-on did not make',
      (rows: unknown[][]) => rows.splice(dataRowOf(rows), 1),
      /^không phải bảng trạng thái do tiện ích Kế hoạch CĐS tạo/,
    ],
    [
      'a sheet of the first version',
      (rows: unknown[][]) => rows.splice(dataRowOf(rows), 1, ['CDS-TRANG-THAI v1']),
      /^bảng trạng thái theo mẫu cũ: xã cần chạy lại “Cập nhật bảng trạng thái”/,
    ],
    [
      'a data cell that is not JSON',
      (rows: unknown[][]) => ((rows[dataRowOf(rows)] as unknown[])[1] = '{"version":2,'),
      /^dòng dữ liệu cho thành phố bị hỏng$/,
    ],
    [
      'a data cell that is a number',
      (rows: unknown[][]) => ((rows[dataRowOf(rows)] as unknown[])[1] = 2),
      /^dòng dữ liệu cho thành phố bị hỏng$/,
    ],
    [
      'a data cell longer than any report',
      (rows: unknown[][]) => ((rows[dataRowOf(rows)] as unknown[])[1] = ' '.repeat(50_001)),
      /^dòng dữ liệu cho thành phố bị hỏng$/,
    ],
    [
      'a report of a newer version',
      (rows: unknown[][]) =>
        ((rows[dataRowOf(rows)] as unknown[])[1] = JSON.stringify({ ...base, version: 3 })),
      /^bảng trạng thái theo mẫu mới hơn: hãy cập nhật tiện ích/,
    ],
    [
      'a report without a version',
      (rows: unknown[][]) =>
        ((rows[dataRowOf(rows)] as unknown[])[1] = JSON.stringify({ ...base, version: undefined })),
      /^dòng dữ liệu cho thành phố không đúng mẫu$/,
    ],
    [
      'a visible count edited by hand',
      (rows: unknown[][]) => ((rows[tableRowOf(rows, 'Tổng cộng')] as unknown[])[1] = 31),
      /^bảng số liệu đã bị sửa tay/,
    ],
    [
      'a visible pillar renamed',
      (rows: unknown[][]) =>
        ((rows[tableRowOf(rows, (base.rows[0] as { pillar: string }).pillar)] as unknown[])[0] =
          'Trụ cột khác'),
      /^bảng số liệu đã bị sửa tay/,
    ],
    [
      'the visible table removed',
      (rows: unknown[][]) => rows.splice(tableRowOf(rows, 'Trụ cột'), 1),
      /^bảng trạng thái thiếu phần bảng số liệu$/,
    ],
  ])('%s', (_name, edit, reason) => {
    const r = readSheet(edit);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('reads counts typed as text in the visible table, as a sheet may hold them', () => {
    const r = readSheet((rows) => {
      const total = rows[tableRowOf(rows, 'Tổng cộng')] as unknown[];
      total[1] = ` ${String(total[1])} `;
    });
    expect(r.ok).toBe(true);
  });
});

describe('rollup', () => {
  const today = '2026-12-20';

  it('counts each commune once (the newest report), the same source once, and says why the others are not counted', () => {
    const older = read((r) => (r.asOf = '2026-12-01'));
    const newer = read((r) => (r.asOf = '2026-12-15'));
    const result = rollup(
      [
        entry('An Bình', 'a.xlsx', older),
        entry('An Bình', 'b.xlsx', newer),
        entry('An Bình', 'b.xlsx', newer),
      ],
      { today },
    );
    expect(result.communes.map((c) => [c.commune, c.asOf])).toEqual([['Xã An Bình', '2026-12-15']]);
    expect(result.failures.map((f) => [f.source, f.reason])).toEqual([
      ['b.xlsx', 'trùng nguồn với dòng 2 của danh sách'],
      ['a.xlsx', 'Xã An Bình đã có bảng mới hơn (tính đến 15/12/2026)'],
    ]);
  });

  it('refuses a report dated in the future and one older than the limit', () => {
    const result = rollup(
      [
        entry(
          'A',
          'a',
          read((r) => (r.asOf = '2099-12-31')),
        ),
        entry(
          'B',
          'b',
          read((r) => (r.asOf = '2026-10-01')),
        ),
      ],
      { today, staleDays: 45 },
    );
    expect(result.communes).toEqual([]);
    expect(result.failures.map((f) => f.reason)).toEqual([
      'ngày “Tính đến” 31/12/2099 ở tương lai: số liệu không đáng tin',
      'số liệu quá cũ: tính đến 01/10/2026 (80 ngày trước)',
    ]);
  });

  it('a commune whose name is only invisible characters is named by its source, never an empty row', () => {
    const ghost = read((r) => {
      r.commune = '\u200b\u2060';
      r.communeKey = '';
    });
    const result = rollup([entry('', 'xa-khong-ten.xlsx', ghost)], { today });
    expect(result.communes.map((c) => c.commune)).toEqual(['xa-khong-ten.xlsx (chưa ghi tên xã)']);
  });

  it('lists the communes of the city’s list that sent nothing', () => {
    const result = rollup([entry('An Bình', 'a', read())], {
      today,
      expected: ['Xã An Bình', 'Hòa Bình', ' '],
    });
    expect(result.failures).toEqual([{ name: 'Hòa Bình', source: '', reason: 'chưa gửi bảng trạng thái' }]);
  });

  it('shares are the share of the commune’s tasks (done ÷ total, overdue ÷ total)', () => {
    const result = rollup([entry('An Bình', 'a', read())], { today });
    const c = result.communes[0];
    expect(c?.doneRate).toBeCloseTo((c?.done ?? 0) / (c?.total ?? 1), 4);
    expect(c?.overdueRate).toBeCloseTo((c?.overdue ?? 0) / (c?.total ?? 1), 4);
    expect(c?.total).toBe(30);
  });
});

describe('rollupLayout: the city’s “Tổng hợp” sheet', () => {
  const today = '2026-12-20';
  // Made before each test, never at load time: mutation testing credits a line only to the tests
  // that run it.
  let result: ReturnType<typeof rollup>;
  let layout: ReturnType<typeof rollupLayout>;
  beforeEach(() => {
    const other = statusReportOf(checkSheet(generatedPlan(12), { today: '2026-12-10' }), {
      commune: 'Phường Bến Thành',
      planName: 'Kế hoạch CĐS 2026',
    });
    const otherRows = toRows(other).rows.map((r) => r.map((c) => (typeof c === 'object' ? c.date : c)));
    result = rollup(
      [
        entry('An Bình', 'a.xlsx', read()),
        entry('Bến Thành', 'b.xlsx', fromRows(otherRows)),
        entry('Hỏng', 'c.xlsx', { ok: false, reason: 'tệp hỏng' }),
      ],
      { today, staleDays: 30 },
    );
    layout = rollupLayout(result);
  });
  const table = (t: number) => layout.tables[t] as RollupTable;
  const header = (t: number) => layout.rows[table(t).header] as (string | number)[];

  it('titles the sheet with the day and says what was counted and what was not', () => {
    expect(layout.rows[0]?.[0]).toBe('TỔNG HỢP TIẾN ĐỘ CHUYỂN ĐỔI SỐ CÁC XÃ, PHƯỜNG — tính đến 20/12/2026');
    expect(layout.rows[1]?.[0]).toBe(
      '2 xã đọc được, 1 nguồn không tính (xem bảng 4). Số liệu cũ hơn 30 ngày không được tính.',
    );
    expect(layout.rows.every((r) => r.length === layout.width)).toBe(true);
  });

  it('has its four tables in order, each with its rows', () => {
    expect(layout.tables.map((t) => layout.rows[t.title]?.[0])).toEqual([
      '1. Tổng hợp theo xã (xếp theo tỷ lệ quá hạn)',
      '2. Tổng hợp theo trụ cột (tất cả các xã)',
      '3. Chi tiết theo xã và trụ cột',
      '4. Các nguồn không tính',
    ]);
    const [communes, pillars, detail, failures] = layout.tables as [
      RollupTable,
      RollupTable,
      RollupTable,
      RollupTable,
    ];
    expect(communes.last - communes.first + 1).toBe(2);
    expect(pillars.last - pillars.first + 1).toBe(result.pillars.length);
    expect(detail.last - detail.first + 1).toBe(result.detail.length);
    expect(layout.rows.slice(failures.first, failures.last + 1).map((r) => r.slice(0, 3))).toEqual([
      ['Hỏng', 'c.xlsx', 'tệp hỏng'],
    ]);
    expect(layout.rows[communes.first]?.slice(0, 2)).toEqual([result.communes[0]?.commune, '10/12/2026']);
  });

  it('puts each count under its own header, the shares and class columns where the formats look', () => {
    const first = table(0).first;
    const c = result.communes[0] as (typeof result.communes)[number];
    const at = (label: string) => header(0).indexOf(label);
    expect(layout.rows[first]?.[at('Tổng số nhiệm vụ')]).toBe(c.total);
    expect(layout.rateColumns.map((k) => layout.rows[first]?.[k])).toEqual([c.doneRate, c.overdueRate]);
    expect(layout.classColumns).toEqual({
      done: at(COUNT_LABELS.done.long),
      onTrack: at(COUNT_LABELS.onTrack.long),
      overdue: at(COUNT_LABELS.overdue.long),
      noDeadline: at(COUNT_LABELS.noDeadline.long),
    });
    expect(layout.rows[first]?.[layout.classColumns.overdue]).toBe(c.overdue);
    expect(header(2).at(-1)).toBe('Tính đến');
    expect(layout.widths).toHaveLength(layout.width);
  });

  it('charts the pillar table by class, in the status sheet’s colours', () => {
    const pillars = table(1);
    expect(layout.chart).toMatchObject({ headerRow: pillars.header, lastRow: pillars.last, labelColumn: 0 });
    const cls = layout.classColumns;
    expect(layout.chart?.series.map((s) => s.column)).toEqual([
      cls.done,
      cls.onTrack,
      cls.overdue,
      cls.noDeadline,
    ]);
    expect(new Set(layout.chart?.series.map((s) => s.color)).size).toBe(4);
  });

  it('an empty roll-up has its tables, empty, and no chart', () => {
    const empty = rollupLayout(rollup([], { today }));
    expect(empty.chart).toBeNull();
    expect(empty.tables.every((t) => t.last === t.first - 1)).toBe(true);
    expect(empty.rows[1]?.[0]).toMatch(/^0 xã đọc được, 0 nguồn không tính/);
  });
});
