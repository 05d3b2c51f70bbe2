/**
 * The JSON report of `check --json`: a public contract. What it says about a small sheet, and the
 * schema that holds every report to the contract (a broken one is refused, a good one kept whole).
 */
import { checkSheet } from '../../src/core/check';
import { toReport, type Report } from '../../src/core/report';
import { ReportSchema } from '../../src/core/report-schema';
import { sheet } from '../helpers/grid';

const H = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Trạng thái'];
const report = (): Report =>
  toReport(
    checkSheet(
      sheet(
        [
          ['I', 'Nhận thức số'],
          ['1', 'Số hóa hồ sơ', 'Phòng VH-XH', 'Công an xã', 'Tháng 9/2025', 'Đang thực hiện'],
          ['', '', 'Công an xã', '', 'Tháng 8/2025'],
          ['2', 'Tập huấn', '', '', 'Thường xuyên', 'Hoàn thành'],
          ['3', 'Lắp camera', 'Công an xã', '', '22/10/2025', 'Trạng thái lạ'],
        ],
        H,
      ),
      { today: '2025-10-20' },
    ),
  );

describe('toReport', () => {
  test('the header, the columns by letter and the headings', () => {
    const r = report();
    expect([r.sheet, r.headerRow, r.planYear, r.today, r.dueSoonDays]).toEqual([
      'Phân công',
      2,
      2025,
      '2025-10-20',
      14,
    ]);
    expect(r.columns).toEqual({ stt: 'A', task: 'B', lead: 'C', partners: 'D', deadline: 'E', status: 'F' });
    expect(r.missingColumns).toEqual([]);
    expect(r.headings).toEqual([{ row: 3, text: 'Nhận thức số', rule: 'roman-section' }]);
  });

  test('the summary counts findings by severity and by code', () => {
    const r = report();
    expect(r.summary).toEqual({
      tasks: 3,
      errors: 1,
      warnings: 2,
      infos: 1,
      byCode: { overdue: 1, 'missing-lead': 1, 'unknown-status': 1, 'due-soon': 1 },
    });
    expect(r.findings).toHaveLength(4);
  });

  test('each task: its rows, leads once each, its lines and its state', () => {
    const [first, second] = report().tasks;
    expect(first).toMatchObject({
      row: 4,
      lastRow: 5,
      stt: '1',
      pillar: 'Nhận thức số',
      task: 'Số hóa hồ sơ',
      lead: 'Phòng VH-XH; Công an xã',
      deadline: { kind: 'date', due: '2025-09-30' },
      status: 'in-progress',
      statusText: 'Đang thực hiện',
      statusLate: false,
      completedOn: null,
      state: 'overdue',
      doneTimeliness: null,
      noDeadline: null,
      overdueDays: 50,
      dueSoon: false,
      missingLead: false,
    });
    expect(first?.lines).toEqual([
      {
        row: 4,
        lead: 'Phòng VH-XH',
        partners: 'Công an xã',
        deadline: expect.objectContaining({ due: '2025-09-30' }),
      },
      { row: 5, lead: 'Công an xã', partners: '', deadline: expect.objectContaining({ due: '2025-08-31' }) },
    ]);
    expect(first?.leadUnits).toHaveLength(2);
    expect(second).toMatchObject({ lead: '', state: 'done', noDeadline: null, missingLead: true });
    expect(second?.leadUnits).toEqual([]);
  });

  test('by lead unit: every count of the follow-up table', () => {
    const units = report().byLeadUnit;
    const police = units.find((u) => u.unit === 'Công an xã');
    expect(police).toEqual({
      unit: 'Công an xã',
      variants: ['Công an xã'],
      kind: 'unit',
      total: 2,
      done: 0,
      onTrack: 1,
      overdue: 1,
      dueSoon: 1,
      noDeadline: 0,
      oldestOverdueDays: 50,
    });
    expect(units.find((u) => u.kind === 'missing')?.total).toBe(1);
  });
});

describe('ReportSchema', () => {
  test('keeps a report whole', () => {
    const r = report();
    expect(ReportSchema.parse(r)).toEqual(r);
  });

  const broken: [string, (r: Report) => void][] = [
    ['a day that is no ISO day', (r) => void (r.today = '20/10/2025')],
    ['a day with text after it', (r) => void (r.today = '2025-10-20T00:00')],
    ['a column that is no letter', (r) => void (r.columns.lead = 'c')],
    ['a column letter with a digit', (r) => void (r.columns.lead = 'C1')],
    ['a header row of 0', (r) => void (r.headerRow = 0)],
    ['a fractional plan year', (r) => void (r.planYear = 2025.5)],
    ['a negative due-soon window', (r) => void (r.dueSoonDays = -1)],
    ['a heading without its rule', (r) => void ((r.headings[0] as { rule: string }).rule = '')],
    ['a heading on row 0', (r) => void ((r.headings[0] as { row: number }).row = 0)],
    ['a negative count of tasks', (r) => void (r.summary.tasks = -1)],
    ['a code counted 0 times', (r) => void (r.summary.byCode.overdue = 0)],
    ['an unknown finding code', (r) => void ((r.findings[0] as { code: string }).code = 'other')],
    ['an empty finding message', (r) => void ((r.findings[0] as { message: string }).message = '')],
    ['a finding on a lower-case column', (r) => void ((r.findings[0] as { column: string }).column = 'e')],
    ['a pillar row without a name', (r) => void ((r.pivot[0] as { pillar: string }).pillar = '')],
    ['a rate above 1', (r) => void ((r.pivot[0] as { doneRate: number }).doneRate = 1.5)],
    ['a negative rate', (r) => void ((r.pivot[0] as { doneRate: number }).doneRate = -0.1)],
    ['a fractional count', (r) => void ((r.pivot[0] as { overdue: number }).overdue = 0.5)],
    ['a negative count', (r) => void ((r.pivot[0] as { dueSoon: number }).dueSoon = -1)],
    ['a task on row 0', (r) => void ((r.tasks[0] as { row: number }).row = 0)],
    ['an unknown state', (r) => void ((r.tasks[0] as { state: string }).state = 'late')],
    [
      'an unknown deadline kind',
      (r) => void ((r.tasks[0] as { deadline: { kind: string } }).deadline.kind = 'soon'),
    ],
    ['0 days overdue', (r) => void ((r.tasks[0] as { overdueDays: number }).overdueDays = 0)],
    [
      'a completion date that is no ISO day',
      (r) => void ((r.tasks[0] as { completedOn: string }).completedOn = 'hôm qua'),
    ],
    ['an unknown status', (r) => void ((r.tasks[0] as { status: string }).status = 'xong')],
    ['a unit without a name', (r) => void ((r.byLeadUnit[0] as { unit: string }).unit = '')],
    ['an unknown unit kind', (r) => void ((r.byLeadUnit[0] as { kind: string }).kind = 'other')],
    [
      'a unit overdue 0 days',
      (r) => void ((r.byLeadUnit[0] as { oldestOverdueDays: number }).oldestOverdueDays = 0),
    ],
    ['a line on row 0', (r) => void ((r.tasks[0]?.lines[0] as { row: number }).row = 0)],
  ];
  test.each(broken)('refuses %s', (_name, edit) => {
    const r = structuredClone(report());
    edit(r);
    expect(ReportSchema.safeParse(r).success).toBe(false);
  });
});
