import { checkSheet } from '../../src/core/check';
import { type FindingCode } from '../../src/core/findings';
import { TOTAL_ROW } from '../../src/core/pivot';
import { PILLARS } from '../../src/core/vocabulary';
import { loadSeed, seedFiles, seedInput } from '../helpers/fixtures';
import { STANDARD_HEADER, sheet } from '../helpers/grid';
import { samplePlan } from '../../src/tools/sample';
import { join } from 'node:path';

const opts = { today: '2025-10-20' };
const codes = (input: ReturnType<typeof sheet>, o = opts) => checkSheet(input, o).findings.map((f) => f.code);

describe('findings', () => {
  const section = ['I', 'Nhận thức số'];

  it('missing-lead: empty, whitespace and placeholders, at the lead cell, as an error', () => {
    const result = checkSheet(
      sheet([
        section,
        ['1', 'Tập huấn', '', '', 'Thường xuyên'],
        ['2', 'Tuyên truyền', '   ', '', 'Thường xuyên'],
        ['3', 'Hội nghị', 'chưa phân công', '', 'Thường xuyên'],
        ['4', 'Sơ kết', '–', '', 'Thường xuyên'],
        ['5', 'Có chủ trì', 'UBND xã', '', 'Thường xuyên'],
      ]),
      opts,
    );
    const leads = result.findings.filter((f) => f.code === 'missing-lead');
    expect(leads.map((f) => [f.row, f.column, f.severity])).toEqual([
      [4, 'C', 'error'],
      [5, 'C', 'error'],
      [6, 'C', 'error'],
      [7, 'C', 'error'],
    ]);
    expect(leads[2]?.message).toContain('chưa phân công');
    expect(result.pivot.find((r) => r.pillar === 'Nhận thức số')?.missingLead).toBe(4);
  });

  it('overdue and due-soon: judged against today, not for done tasks, per line', () => {
    const result = checkSheet(
      sheet([
        section,
        ['1', 'Quá hạn', 'UBND xã', '', '15/10/2025', 'Đang thực hiện'],
        ['2', 'Quá hạn nhưng đã xong', 'UBND xã', '', '15/10/2025', 'Hoàn thành'],
        ['3', 'Đến hạn hôm nay', 'UBND xã', '', '20/10/2025'],
        ['4', 'Còn 14 ngày', 'UBND xã', '', '03/11/2025'],
        ['5', 'Còn 15 ngày', 'UBND xã', '', '04/11/2025'],
      ]),
      opts,
    );
    const pick = (code: FindingCode) => result.findings.filter((f) => f.code === code).map((f) => f.row);
    expect(pick('overdue')).toEqual([4]);
    expect(pick('due-soon')).toEqual([6, 7]);
    expect(result.findings.find((f) => f.code === 'overdue')?.message).toBe(
      'Nhiệm vụ 1 “Quá hạn” (Nhận thức số) đã quá hạn 5 ngày (hạn 15/10/2025) mà chưa hoàn thành; chủ trì: UBND xã. Đôn đốc đơn vị chủ trì hoặc cập nhật trạng thái.',
    );
    expect(result.findings.find((f) => f.row === 6)?.message).toContain('đến hạn hôm nay');
    expect(result.assessments.map((a) => a.state)).toEqual([
      'overdue',
      'done',
      'on-track',
      'on-track',
      'on-track',
    ]);
  });

  it('due-soon honours a different window', () => {
    const input = sheet([section, ['1', 'Còn 20 ngày', 'UBND xã', '', '09/11/2025']]);
    expect(codes(input)).not.toContain('due-soon');
    expect(codes(input, { ...opts, dueSoonDays: 30 } as typeof opts)).toContain('due-soon');
  });

  it('missing-deadline and unparsed-deadline', () => {
    const result = checkSheet(
      sheet([
        section,
        ['1', 'Chưa ghi hạn', 'UBND xã', '', ''],
        ['2', 'Hạn lạ', 'UBND xã', '', 'Sớm nhất có thể'],
      ]),
      opts,
    );
    expect(result.findings.map((f) => [f.code, f.row, f.column])).toEqual([
      ['missing-deadline', 4, 'E'],
      ['unparsed-deadline', 5, 'E'],
    ]);
    expect(result.findings[1]?.message).toContain('“Sớm nhất có thể”');
  });

  it('duplicate-stt: within one section only', () => {
    const result = checkSheet(
      sheet([
        ['1', 'Nhận thức số'],
        ['1.1', 'A', 'UBND xã', '', 'Thường xuyên'],
        ['1.1', 'B', 'UBND xã', '', 'Thường xuyên'],
        ['2', 'Thể chế số'],
        ['2.1', 'C', 'UBND xã', '', 'Thường xuyên'],
        ['II', 'Hạ tầng số'],
        ['1', 'D', 'UBND xã', '', 'Thường xuyên'],
        ['III', 'Dữ liệu số'],
        ['1', 'E', 'UBND xã', '', 'Thường xuyên'],
      ]),
      opts,
    );
    const dups = result.findings.filter((f) => f.code === 'duplicate-stt');
    expect(dups.map((f) => [f.row, f.column])).toEqual([[5, 'A']]);
    expect(dups[0]?.message).toContain('dòng 4');
  });

  it('duplicate-stt is not raised for the continuation lines of one task', () => {
    const input = sheet([
      section,
      ['1', 'Nhiều dòng', 'UBND xã', '', 'Quý IV/2025'],
      ['', '', 'Công an xã', '', 'Thường xuyên'],
    ]);
    const result = checkSheet(input, opts);
    expect(result.plan.tasks).toHaveLength(1);
    expect(result.plan.tasks[0]?.lines).toHaveLength(2);
    expect(result.findings.map((f) => f.code)).toEqual([]);
  });

  it('unknown-status: a value outside the vocabulary is reported and treated as unknown', () => {
    const result = checkSheet(
      sheet([
        section,
        ['1', 'A', 'UBND xã', '', 'Thường xuyên', 'Gần xong'],
        ['2', 'B', 'UBND xã', '', 'Thường xuyên', 'ĐÃ HOÀN THÀNH'],
      ]),
      opts,
    );
    expect(result.findings.map((f) => [f.code, f.row, f.column])).toEqual([['unknown-status', 4, 'F']]);
    expect(result.plan.tasks.map((t) => t.status)).toEqual(['unknown', 'done']);
  });

  it('missing-column: errors for required keys, warnings for recommended, once for the sheet', () => {
    const header = ['STT', 'Nhiệm vụ', 'Thời gian hoàn thành'];
    const result = checkSheet(
      sheet([section, ['1', 'A', 'Thường xuyên'], ['2', 'B', 'Thường xuyên']], header),
      opts,
    );
    expect(result.findings.filter((f) => f.row === null).map((f) => [f.code, f.severity])).toEqual([
      ['missing-column', 'error'],
      ['missing-column', 'warning'],
      ['missing-column', 'warning'],
    ]);
    expect(result.findings[0]?.message).toContain('Cơ quan chủ trì');
  });

  it('with no lead column every task lacks a lead: each is flagged at its task cell, as the pivot counts it', () => {
    const header = ['STT', 'Nhiệm vụ', 'Thời gian hoàn thành'];
    const result = checkSheet(
      sheet([section, ['1', 'A', 'Thường xuyên'], ['2', 'B', 'Thường xuyên']], header),
      opts,
    );
    const leads = result.findings.filter((f) => f.code === 'missing-lead');
    expect(leads.map((f) => [f.row, f.column, f.severity])).toEqual([
      [4, 'B', 'error'],
      [5, 'B', 'error'],
    ]);
    expect(leads[0]?.message).toContain('bảng chưa có cột “Cơ quan chủ trì”');
    expect(result.pivot.at(-1)?.missingLead).toBe(2);
  });

  it('a task of several lines gets one overdue finding, at its most overdue line, naming every late line', () => {
    const result = checkSheet(
      sheet([
        section,
        ['1', 'Số hóa hồ sơ', 'UBND xã', '', '30/09/2025'],
        ['', '', 'Công an xã', '', '10/10/2025'],
        ['', '', 'Trạm Y tế', '', 'Quý IV/2025'],
        ['', '', '', '', 'Thường xuyên'],
      ]),
      opts,
    );
    const overdue = result.findings.filter((f) => f.code === 'overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ row: 4, column: 'E', rows: [4, 5] });
    expect(overdue[0]?.message).toContain('quá hạn 20 ngày (hạn 30/09/2025)');
    expect(overdue[0]?.message).toContain('chủ trì: UBND xã, Công an xã, Trạm Y tế');
    expect(result.findings.filter((f) => f.code === 'due-soon')).toEqual([]);
    const lead = result.findings.filter((f) => f.code === 'missing-lead');
    expect(lead.map((f) => [f.row, f.rows])).toEqual([[7, [7]]]);
    expect(lead[0]?.message).toContain('ở dòng 7');
  });

  it('the summary counts of overdue, due-soon and missing lead equal the pivot’s totals on every seed', () => {
    for (const file of seedFiles()) {
      const r = checkSheet(seedInput(loadSeed(file)), { today: '2025-10-20' });
      const n = (code: FindingCode) => r.findings.filter((f) => f.code === code).length;
      const total = r.pivot.at(-1);
      expect([n('overdue'), n('due-soon'), n('missing-lead')]).toEqual([
        total?.overdue,
        total?.dueSoon,
        total?.missingLead,
      ]);
    }
  });

  it('due-soon window edges: due today and due on the window’s last day are due soon, the day after is not', () => {
    const rows = [
      section,
      ['1', 'Hôm qua', 'UBND xã', '', '19/10/2025'],
      ['2', 'Hôm nay', 'UBND xã', '', '20/10/2025'],
      ['3', 'Ngày cuối', 'UBND xã', '', '27/10/2025'],
      ['4', 'Ngày sau', 'UBND xã', '', '28/10/2025'],
    ];
    const r = checkSheet(sheet(rows), { today: '2025-10-20', dueSoonDays: 7 });
    expect(r.assessments.map((a) => [a.state, a.dueSoon, a.daysLeft, a.overdueDays])).toEqual([
      ['overdue', false, null, 1],
      ['on-track', true, 0, null],
      ['on-track', true, 7, null],
      ['on-track', false, null, null],
    ]);
    const zero = checkSheet(sheet(rows), { today: '2025-10-20', dueSoonDays: 0 });
    expect(zero.assessments.map((a) => a.dueSoon)).toEqual([false, true, false, false]);
  });

  it('completed on its due day is on time, the day after is late, and status words decide without a date', () => {
    const header = [...STANDARD_HEADER, 'Ngày hoàn thành'];
    const r = checkSheet(
      sheet(
        [
          section,
          ['1', 'Đúng ngày', 'UBND xã', '', '15/10/2025', 'Hoàn thành', '15/10/2025'],
          ['2', 'Trễ một ngày', 'UBND xã', '', '15/10/2025', 'Hoàn thành', '16/10/2025'],
          ['3', 'Không ghi ngày', 'UBND xã', '', '15/10/2025', 'Hoàn thành', ''],
        ],
        header,
      ),
      opts,
    );
    expect(r.assessments.map((a) => [a.state, a.doneTimeliness])).toEqual([
      ['done', 'on-time'],
      ['done', 'late'],
      ['done', null],
    ]);
    const total = r.pivot.at(-1);
    expect([total?.done, total?.doneOnTime, total?.doneLate]).toEqual([3, 1, 1]);
  });

  it('tasks without a deadline are told apart: recurring, by a higher plan, or undated', () => {
    const r = checkSheet(
      sheet([
        section,
        ['1', 'A', 'UBND xã', '', 'Thường xuyên'],
        ['2', 'B', 'UBND xã', '', 'Theo kế hoạch của tỉnh'],
        ['3', 'C', 'UBND xã', '', ''],
        ['4', 'D', 'UBND xã', '', 'Sớm nhất có thể'],
      ]),
      opts,
    );
    expect(r.assessments.map((a) => a.noDeadline)).toEqual([
      'recurring',
      'conditional',
      'undated',
      'undated',
    ]);
    const row = r.pivot.find((p) => p.pillar === 'Nhận thức số');
    expect([row?.noDeadline, row?.recurring, row?.conditional, row?.undated]).toEqual([4, 1, 1, 2]);
  });
});

describe('timeliness of every task in whole seed fixtures', () => {
  it('Mỏ Cày 2025 as of 20/10/2025', () => {
    const f = loadSeed('003-mo-cay.json');
    const result = checkSheet(seedInput(f), { today: '2025-10-20' });
    const states = Object.fromEntries(
      result.plan.tasks.map((t, i) => [`${t.row}:${t.stt}`, result.assessments[i]?.state]),
    );
    const byState = (s: string) =>
      Object.entries(states)
        .filter(([, v]) => v === s)
        .map(([k]) => k.split(':')[1]);
    expect(byState('overdue')).toEqual(['1.2', '4.1']);
    expect(byState('on-track')).toEqual(['1.1', '2.1', '2.2', '5.1', '5.2', '7.4']);
    expect(byState('done')).toEqual([]);
    expect(byState('no-deadline')).toHaveLength(27 - 8);
    const soon = result.plan.tasks.filter((_, i) => result.assessments[i]?.dueSoon).map((t) => t.stt);
    expect(soon).toEqual(['1.1', '2.1', '5.2']);
    const count = (code: FindingCode) => result.findings.filter((x) => x.code === code).length;
    expect(count('missing-deadline')).toBe(1);
    expect(count('duplicate-stt')).toBe(1);
    expect(count('overdue')).toBe(2);
    expect(count('due-soon')).toBe(3);
    expect(count('missing-lead')).toBe(0);
  });

  it('Đại Hải 2026 with statuses filled in, as of 20/12/2026', () => {
    const input = samplePlan(join(__dirname, '..', '..'));
    const result = checkSheet(input, { today: '2026-12-20' });
    const list = (pred: (i: number) => boolean) =>
      result.plan.tasks.filter((_, i) => pred(i)).map((t) => t.stt);
    const state = (i: number) => result.assessments[i]?.state;
    expect(list((i) => state(i) === 'done')).toEqual(['5', '9', '21', '34', '44']);
    expect(list((i) => result.assessments[i]?.doneTimeliness === 'late')).toEqual(['34']);
    expect(list((i) => state(i) === 'overdue')).toEqual(['35', '40', '41']);
    expect(list((i) => state(i) === 'on-track')).toEqual([
      '1',
      '3',
      '4',
      '7',
      '8',
      '10',
      '11',
      '12',
      '20',
      '42',
      '43',
      '45',
      '46',
    ]);
    expect(list((i) => state(i) === 'no-deadline')).toHaveLength(30);
    expect(list((i) => !!result.assessments[i]?.dueSoon)).toEqual(list((i) => state(i) === 'on-track'));
    expect(list((i) => !!result.assessments[i]?.missingLead)).toEqual(['19']);
  });
});

describe('pivot', () => {
  const results = seedFiles().map((file) => checkSheet(seedInput(loadSeed(file)), { today: '2025-10-20' }));

  it.each(results.map((r) => [r.plan.sheet + ' ' + r.plan.tasks.length, r] as const))(
    '%s: classes add up, totals are the sum of the rows',
    (_name, r) => {
      const total = r.pivot.at(-1);
      expect(total?.pillar).toBe(TOTAL_ROW);
      for (const row of r.pivot)
        expect(row.done + row.onTrack + row.overdue + row.noDeadline).toBe(row.total);
      for (const row of r.pivot) expect(row.recurring + row.conditional + row.undated).toBe(row.noDeadline);
      const rows = r.pivot.slice(0, -1);
      for (const key of [
        'total',
        'done',
        'onTrack',
        'overdue',
        'noDeadline',
        'recurring',
        'conditional',
        'undated',
        'dueSoon',
        'missingLead',
      ] as const) {
        expect(rows.reduce((s, row) => s + row[key], 0)).toBe(total?.[key]);
      }
      expect(total?.total).toBe(r.plan.tasks.length);
      // Canonical pillars first, in report order, always present.
      expect(r.pivot.slice(0, PILLARS.length).map((p) => p.pillar)).toEqual([...PILLARS]);
    },
  );

  it('puts sections that name no pillar after the canonical ones and tasks outside sections under "Khác"', () => {
    const r = checkSheet(seedInput(loadSeed('003-mo-cay.json')), { today: '2025-10-20' });
    expect(r.pivot.map((p) => p.pillar).slice(PILLARS.length)).toEqual(['Khác', TOTAL_ROW]);
    expect(r.pivot.find((p) => p.pillar === 'Khác')?.total).toBe(1);
    const d = checkSheet(seedInput(loadSeed('004-dai-hai.json')), { today: '2025-10-20' });
    expect(d.pivot[PILLARS.length]?.pillar).toMatch(/^Tăng cường công tác lãnh đạo/);
    expect(d.pivot[PILLARS.length]?.total).toBe(4);
  });

  it('computes the share done', () => {
    const r = checkSheet(samplePlan(join(__dirname, '..', '..')), { today: '2026-12-20' });
    const total = r.pivot.at(-1);
    expect(total?.done).toBe(5);
    expect(total?.doneRate).toBeCloseTo(5 / 51, 4);
  });
});
