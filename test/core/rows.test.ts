/** The row classifier: one test per named rule, then the rules at work on small sheets. */
import { checkSheet } from '../../src/core/check';
import { assessTask } from '../../src/core/findings';
import { classifyRow, looksLikeTitle, parsePlan, ROW_RULES, type RowFacts } from '../../src/core/plan';
import { yearFromTitle } from '../../src/core/title';
import { parseStatus } from '../../src/core/status-words';
import { TWO_STATUS_HEADER, sheet } from '../helpers/grid';
import { HEADING_FACTS, facts } from '../helpers/row-facts';

const today = '2025-10-20';

const heading = HEADING_FACTS;
const rule = (over: Partial<RowFacts>) => classifyRow(facts(over));

const cases: [string, Partial<RowFacts>, string][] = [
  ['blank', { blank: true, stt: '', task: '' }, 'blank'],
  ['repeated-header', { repeatedHeader: true, stt: 'TT', task: 'Tên nhiệm vụ' }, 'skip'],
  ['column-numbers', { columnNumbers: true, stt: '(1)', task: '(2)' }, 'skip'],
  ['wide-merge-empty', { wideMerge: true, mergedText: '', stt: '', task: '' }, 'skip'],
  ['wide-merge', { wideMerge: true, mergedText: 'I. NHẬN THỨC SỐ', stt: '' }, 'section'],
  ['block', { ...heading, stt: 'A', task: 'NHIỆM VỤ NĂM 2025' }, 'block'],
  ['roman-section', { ...heading, stt: 'II', task: 'Thể chế số' }, 'section'],
  [
    'roman-section-stray-cell',
    { ...heading, stt: 'IV', task: 'Phát triển nhân lực', hasDeadline: true, nextStt: '77' },
    'section',
  ],
  ['integer-section', { ...heading, stt: '2', task: 'Thương mại điện tử', hasChildren: true }, 'section'],
  ['numbered-subgroup', { ...heading, stt: '2.1', task: 'Thương mại điện tử', hasChildren: true }, 'group'],
  ['heading-in-number-cell', { ...heading, stt: 'I. NHẬN THỨC SỐ', task: '' }, 'section'],
  ['unnumbered-pillar', { ...heading, stt: '', task: 'CHÍNH QUYỀN SỐ' }, 'section'],
  ['unnumbered-group', { ...heading, stt: '', task: 'Nhiệm vụ trọng tâm', nextStt: '1' }, 'group'],
  [
    'repeated-number-continuation',
    { stt: '19', task: 'Sửa đổi Luật Thuế', current: { stt: '19', task: 'Sửa đổi Luật Thuế' } },
    'continuation',
  ],
  ['empty-number-continuation', { stt: '', task: '', hasLead: true }, 'continuation'],
  [
    'text-continuation',
    { stt: '', task: 'kết quả xét nghiệm; để cơ sở khám chữa bệnh khai thác' },
    'continuation',
  ],
  ['task', {}, 'task'],
];

describe('row rules (each one named, each one tested)', () => {
  it.each(cases)('%s', (name, over, kind) => {
    expect(rule(over)).toEqual({ kind, rule: name });
  });

  it('every rule of the classifier has its case above, in the classifier’s order', () => {
    expect(cases.map((c) => c[0])).toEqual(ROW_RULES.map((r) => r.name));
  });

  it('a numbered row with a lead or a readable deadline is a task, whatever its number', () => {
    expect(rule({ stt: 'II', task: 'Thể chế số', hasDetail: false }).kind).toBe('task');
    expect(rule({ stt: '2.1', hasLead: false, hasChildren: true }).kind).toBe('task');
    expect(rule({ stt: 'A', task: 'Lắp camera', hasLead: true }).kind).toBe('task');
    // A stray word in the deadline cell with no numbered rows below stays a task row.
    expect(
      rule({ ...heading, stt: 'IV', task: 'Phát triển nhân lực', hasDeadline: true, nextStt: '' }).kind,
    ).toBe('task');
  });

  it('n.m without children is a task (seed 003 numbers its tasks n.m)', () => {
    expect(rule({ ...heading, stt: '4.2', hasLead: false }).rule).toBe('task');
  });

  it('an un-numbered title is a group only when numbered rows follow; otherwise it continues the task', () => {
    expect(rule({ ...heading, stt: '', task: 'Nhiệm vụ trọng tâm', nextStt: '' }).rule).toBe(
      'text-continuation',
    );
    expect(rule({ ...heading, stt: '', task: 'Nhiệm vụ trọng tâm', nextStt: '', current: null }).rule).toBe(
      'task',
    );
  });

  it('a title is short, capitalised and not a broken sentence', () => {
    expect(looksLikeTitle('Các nhiệm vụ thường xuyên')).toBe(true);
    expect(looksLikeTitle('Nhiệm vụ trọng tâm:')).toBe(true);
    expect(looksLikeTitle('trực tuyến và định kỳ tổ chức đánh giá, công bố kết quả.')).toBe(false);
    expect(looksLikeTitle('- Sửa đổi một số quy định trong Luật Viên chức')).toBe(false);
    expect(looksLikeTitle('(5) Ứng dụng dữ liệu dân cư')).toBe(false);
    expect(
      looksLikeTitle('Kết quả xét nghiệm; để cơ sở khám chữa bệnh, bác sĩ khai thác thông tin Sổ sức khỏe'),
    ).toBe(false);
  });
});

const H = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Trạng thái'];

describe('the rules at work', () => {
  it('un-numbered group rows are headings; the tasks below keep the pillar and get their lead', () => {
    const plan = parsePlan(
      sheet([
        ['', 'CHÍNH QUYỀN SỐ'],
        ['', 'Nhiệm vụ trọng tâm'],
        ['1', 'Số hóa hồ sơ', 'TT PVHCC', '', 'Quý IV/2025'],
        ['', 'Các nhiệm vụ thường xuyên'],
        ['2', 'Cập nhật trang TTĐT', 'VP HĐND-UBND', '', 'Thường xuyên'],
      ]),
      { today },
    );
    expect(plan.headings).toEqual([
      { row: 3, text: 'CHÍNH QUYỀN SỐ', rule: 'unnumbered-pillar' },
      { row: 4, text: 'Nhiệm vụ trọng tâm', rule: 'unnumbered-group' },
      { row: 6, text: 'Các nhiệm vụ thường xuyên', rule: 'unnumbered-group' },
    ]);
    expect(plan.tasks.map((t) => [t.stt, t.pillar, t.lines[0]?.lead])).toEqual([
      ['1', 'Chính quyền số', 'TT PVHCC'],
      ['2', 'Chính quyền số', 'VP HĐND-UBND'],
    ]);
  });

  it('n.m is a heading when n.m.k rows follow, a task elsewhere', () => {
    const plan = parsePlan(
      sheet([
        ['2', 'Kinh tế số'],
        ['2.1', 'Thương mại điện tử'],
        ['2.1.1', 'Đưa sản phẩm OCOP lên sàn', 'Phòng Kinh tế', '', 'Tháng 11/2025'],
        ['2.1.2', 'Tập huấn bán hàng trực tuyến', 'Phòng Kinh tế', '', 'Quý IV/2025'],
        ['3', 'Xã hội số'],
        ['3.1', 'Hướng dẫn cài VNeID', 'Công an xã', '', 'Thường xuyên'],
      ]),
      { today },
    );
    expect(plan.headings.map((h) => [h.row, h.rule])).toEqual([
      [3, 'integer-section'],
      [4, 'numbered-subgroup'],
      [7, 'integer-section'],
    ]);
    expect(plan.tasks.map((t) => [t.stt, t.pillar])).toEqual([
      ['2.1.1', 'Kinh tế số'],
      ['2.1.2', 'Kinh tế số'],
      ['3.1', 'Xã hội số'],
    ]);
  });

  it('blocks above sections: numbering restarts without a duplicate-number warning', () => {
    const result = checkSheet(
      sheet([
        ['A', 'NHIỆM VỤ NĂM 2025'],
        ['I', 'Nhận thức số'],
        ['1', 'Tuyên truyền', 'Phòng VH-XH', '', 'Quý IV/2025'],
        ['B', 'NHIỆM VỤ NĂM 2026'],
        ['I', 'Nhận thức số'],
        ['1', 'Tập huấn', 'Phòng VH-XH', '', 'Quý I/2026'],
        ['Phần III', 'CÁC NHIỆM VỤ KHÁC'],
        ['1', 'Sơ kết', 'UBND xã', '', 'Tháng 12/2026'],
      ]),
      { today },
    );
    const { plan } = result;
    expect(plan.headings.filter((h) => h.rule === 'block').map((h) => h.text)).toEqual([
      'NHIỆM VỤ NĂM 2025',
      'NHIỆM VỤ NĂM 2026',
      'CÁC NHIỆM VỤ KHÁC',
    ]);
    expect(plan.tasks.map((t) => t.pillar)).toEqual(['Nhận thức số', 'Nhận thức số', 'CÁC NHIỆM VỤ KHÁC']);
    expect(result.findings.filter((f) => f.code === 'duplicate-stt')).toEqual([]);
  });

  it('tasks straight under blocks take the block as their section: no false duplicate numbers', () => {
    const result = checkSheet(
      sheet([
        ['A', 'NHIỆM VỤ TRỌNG TÂM'],
        ['1', 'Tuyên truyền', 'Phòng VH-XH', '', 'Quý IV/2025'],
        ['2', 'Tập huấn', 'Phòng VH-XH', '', 'Quý IV/2025'],
        ['B', 'NHIỆM VỤ THƯỜNG XUYÊN'],
        ['1', 'Cập nhật trang TTĐT', 'VP HĐND-UBND', '', 'Thường xuyên'],
        ['2', 'Trực hệ thống', 'TT PVHCC', '', 'Thường xuyên'],
        ['2', 'Trực hệ thống ngoài giờ', 'TT PVHCC', '', 'Thường xuyên'],
      ]),
      { today },
    );
    expect(result.plan.tasks.map((t) => t.pillar)).toEqual([
      'NHIỆM VỤ TRỌNG TÂM',
      'NHIỆM VỤ TRỌNG TÂM',
      'NHIỆM VỤ THƯỜNG XUYÊN',
      'NHIỆM VỤ THƯỜNG XUYÊN',
      'NHIỆM VỤ THƯỜNG XUYÊN',
    ]);
    // Only the real duplicate, inside block B, is reported.
    expect(result.findings.filter((f) => f.code === 'duplicate-stt').map((f) => f.row)).toEqual([9]);
  });

  it('a header repeated at a page break, with its column-number row, is skipped', () => {
    const plan = parsePlan(
      sheet([
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
        ['I', 'Nhận thức số'],
        ['1', 'Tuyên truyền', 'Phòng VH-XH', '', 'Quý IV/2025'],
        ['STT', 'Nhiệm vụ', 'Cơ quan\nchủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Trạng thái'],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
        ['2', 'Tập huấn', 'Phòng VH-XH', '', 'Quý IV/2025'],
      ]),
      { today },
    );
    expect(plan.tasks.map((t) => t.stt)).toEqual(['1', '2']);
  });

  it('continuation rows: text joins the task, own lead or deadline makes a line, a lost merge repeats', () => {
    const plan = parsePlan(
      sheet([
        ['I', 'Thể chế số'],
        ['1', 'Ban hành kế hoạch', 'UBND xã', '', 'Tháng 10/2025'],
        ['', 'chuyển đổi số năm 2025', '', '', ''],
        ['', '', 'Phòng VH-XH', '', 'Tháng 11/2025'],
        ['2', 'Rà soát quy chế', 'VP HĐND-UBND', '', 'Quý IV/2025'],
        ['2', 'Rà soát quy chế', 'Phòng Kinh tế', '', 'Tháng 12/2025'],
        ['3', 'Sơ kết', 'UBND xã', '', 'Tháng 12/2025'],
      ]),
      { today },
    );
    expect(
      plan.tasks.map((t) => [t.stt, t.task, t.row, t.lastRow, t.lines.map((l) => [l.row, l.lead])]),
    ).toEqual([
      [
        '1',
        'Ban hành kế hoạch chuyển đổi số năm 2025',
        4,
        6,
        [
          [4, 'UBND xã'],
          [6, 'Phòng VH-XH'],
        ],
      ],
      [
        '2',
        'Rà soát quy chế',
        7,
        8,
        [
          [7, 'VP HĐND-UBND'],
          [8, 'Phòng Kinh tế'],
        ],
      ],
      ['3', 'Sơ kết', 9, 9, [[9, 'UBND xã']]],
    ]);
  });

  it('a Roman heading with a stray word in its deadline cell stays a heading', () => {
    const plan = parsePlan(
      sheet([
        ['IV', 'Phát triển nhân lực số', '', '', 'năm tiếp theo'],
        ['1', 'Tập huấn', 'Phòng VH-XH', '', 'Quý IV/2025'],
      ]),
      { today },
    );
    expect(plan.headings).toEqual([
      { row: 3, text: 'Phát triển nhân lực số', rule: 'roman-section-stray-cell' },
    ]);
    expect(plan.tasks.map((t) => [t.stt, t.pillar])).toEqual([['1', 'Nhân lực số']]);
  });
});

describe('status columns and the official progress words', () => {
  const header = TWO_STATUS_HEADER;
  const rows = [
    ['I', 'Chính quyền số'],
    ['1', 'Số hóa hồ sơ', 'TT PVHCC', 'Tháng 6/2025', 'Đã số hóa 95% hồ sơ', 'Đã hoàn thành quá hạn'],
    ['2', 'Ký số', 'VP HĐND-UBND', 'Tháng 9/2025', 'Đã cấp chữ ký số', 'Hoàn thành đúng hạn'],
    ['3', 'Camera', 'Công an xã', 'Tháng 9/2025', 'Chờ kinh phí', 'Chưa hoàn thành'],
    ['4', 'Wifi', 'Phòng Kinh tế', 'Tháng 12/2025', '', 'Đang triển khai'],
    ['5', 'Họp không giấy', 'VP HĐND-UBND', 'Tháng 12/2025', '', 'Gần xong'],
  ];

  it('takes the column whose values are status words, and says so in the column notes', () => {
    const plan = parsePlan(sheet(rows, header), { today });
    expect(plan.columns.status).toBe(5);
    expect(plan.columnNotes).toEqual([
      'Cột F “Tiến độ” được dùng làm trạng thái (cột E “Kết quả thực hiện” là nội dung thuyết minh).',
    ]);
    expect(plan.tasks.map((t) => [t.status, t.statusLate])).toEqual([
      ['done', true],
      ['done', false],
      ['in-progress', false],
      ['in-progress', false],
      ['unknown', false],
    ]);
  });

  it('maps to the four official classes; an unknown word is still flagged', () => {
    const result = checkSheet(sheet(rows, header), { today });
    expect(result.assessments.map((a) => [a.state, a.doneTimeliness])).toEqual([
      ['done', 'late'],
      ['done', 'on-time'],
      ['overdue', null],
      ['on-track', null],
      ['on-track', null],
    ]);
    expect(result.findings.filter((f) => f.code === 'unknown-status').map((f) => [f.row, f.column])).toEqual([
      [8, 'F'],
    ]);
  });

  it('a single status column is left alone and gets no note', () => {
    const plan = parsePlan(sheet([['1', 'Tập huấn', 'UBND xã', '', 'Quý IV/2025', 'Hoàn thành']], H), {
      today,
    });
    expect(plan.columns.status).toBe(5);
    expect(plan.columnNotes).toEqual([]);
  });

  it('parseStatus: done late, done on time, not done', () => {
    expect(parseStatus('Đã hoàn thành quá hạn')).toEqual({
      status: 'done',
      recognised: true,
      late: true,
      onTime: false,
    });
    expect(parseStatus('hoàn thành đúng hạn')).toEqual({
      status: 'done',
      recognised: true,
      late: false,
      onTime: true,
    });
    expect(parseStatus('Đang hoàn thành').status).toBe('in-progress');
    expect(parseStatus('Chưa triển khai').status).toBe('not-started');
    expect(parseStatus('Gần xong')).toEqual({
      status: 'unknown',
      recognised: false,
      late: false,
      onTime: false,
    });
  });

  it('a bare “Quá hạn” is a task not done past its deadline, as reports count it', () => {
    expect(parseStatus('Quá hạn')).toEqual({
      status: 'in-progress',
      recognised: true,
      late: false,
      onTime: false,
    });
    const result = checkSheet(
      sheet(
        [['1', 'Thành lập Ủy ban dữ liệu', 'Công an xã', 'Tháng 3/2025', 'Quá hạn']],
        ['TT', 'Nhiệm vụ', 'Cơ quan thực hiện', 'Thời gian hoàn thành', 'Tiến độ'],
      ),
      { today },
    );
    expect(result.assessments.map((a) => a.state)).toEqual(['overdue']);
    expect(result.findings.filter((f) => f.code === 'unknown-status')).toEqual([]);
  });

  it('“Kết quả hiện nay” beside “Tiến độ” is narrative: the column of progress words wins, with a note', () => {
    const plan = parsePlan(
      sheet(
        [
          [
            '1',
            'Ban hành văn bản hướng dẫn',
            'Tháng 3/2025',
            'Phòng VH-XH',
            'Hoàn thành',
            'Đã ban hành ngày 31/3',
          ],
          ['2', 'Số hóa hồ sơ', 'Tháng 5/2025', 'TT PVHCC', 'Đang thực hiện', 'Đạt 60%'],
        ],
        ['TT', 'NHIỆM VỤ', 'THỜI GIAN HOÀN THÀNH', 'CƠ QUAN THỰC HIỆN', 'TIẾN ĐỘ', 'KẾT QUẢ HIỆN NAY'],
      ),
      { today },
    );
    expect(plan.columns.status).toBe(4);
    expect(plan.columnNotes).toEqual([
      'Cột E “TIẾN ĐỘ” được dùng làm trạng thái (cột F “KẾT QUẢ HIỆN NAY” là nội dung thuyết minh).',
    ]);
    expect(plan.tasks.map((t) => t.status)).toEqual(['done', 'in-progress']);
  });

  it('a completion date still decides when the word does not say late', () => {
    const plan = parsePlan(sheet([['1', 'Tập huấn', 'UBND xã', '', '30/06/2025', 'Hoàn thành']], H), {
      today,
    });
    const first = plan.tasks[0];
    if (!first) throw new Error('no task');
    const task = { ...first, completedOn: '2025-07-10' };
    expect(assessTask(task, { today }).doneTimeliness).toBe('late');
  });
});

describe('plan year from the title rows', () => {
  it('skips the full date of another document, takes the date of the plan', () => {
    expect(
      yearFromTitle([
        'DANH MỤC CÁC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22 THÁNG 12 NĂM 2024 CỦA BỘ CHÍNH TRỊ',
        '(Kèm theo Chương trình hành động tại Nghị quyết số /NQ-CP ngày 01 tháng 01 năm 2025 của Chính phủ)',
      ]),
    ).toBe(2025);
    expect(yearFromTitle(['KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026', 'ngày 15/12/2025'])).toBe(2026);
    expect(yearFromTitle(['(Ban hành kèm theo Kế hoạch số 51/KH-UBND ngày 08/10/2025)'])).toBe(2025);
  });
});

describe('a repeated header', () => {
  it('is skipped when only the lower row of a two-row header is repeated at a page break', () => {
    const values = [
      ['PHÂN CÔNG NHIỆM VỤ', '', '', '', ''],
      ['STT', 'Nhiệm vụ', 'Đơn vị thực hiện', '', 'Thời hạn'],
      ['', '', 'Chủ trì', 'Phối hợp', ''],
      ['I', 'Nhận thức số', '', '', ''],
      ['1', 'Tập huấn', 'UBND xã', 'Công an xã', 'Quý IV/2025'],
      ['', '', 'Chủ trì', 'Phối hợp', ''],
      ['2', 'Tuyên truyền', 'Công an xã', '', 'Quý IV/2025'],
    ];
    const r = checkSheet({ name: 'S', values, merges: [] }, { today: '2025-10-20' });
    expect(r.plan.tasks.map((t) => [t.stt, t.lines.map((l) => l.lead)])).toEqual([
      ['1', ['UBND xã']],
      ['2', ['Công an xã']],
    ]);
    expect(r.units.map((u) => u.unit).sort()).toEqual(['Công an xã', 'UBND xã']);
  });
});

describe('around the table', () => {
  const H = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Trạng thái'];
  const today = '2026-12-02';
  const yearOf = (deadlines: string[], o: { planYear?: number; defaultPlanYear?: number } = {}) => {
    const rows = deadlines.map((d, i) => [String(i + 1), `Việc ${i + 1}`, 'UBND xã', '', d]);
    const p = parsePlan(sheet(rows, H, 'PHÂN CÔNG NHIỆM VỤ'), { today, ...o });
    return [p.planYear, p.planYearSource];
  };

  it('the plan year, when the title names none: the year the deadlines name most, the earlier on a tie', () => {
    expect(yearOf(['Quý I/2025', 'Quý II/2026', 'Quý III/2026'])).toEqual([2026, 'deadlines']);
    expect(yearOf(['Quý I/2026', 'Quý II/2025'])).toEqual([2025, 'deadlines']);
    expect(yearOf(['Thường xuyên'], { defaultPlanYear: 2027 })).toEqual([2027, 'setting']);
    expect(yearOf(['Thường xuyên'])).toEqual([2026, 'today']);
    expect(yearOf(['Quý I/2026'], { planYear: 2024 })).toEqual([2024, 'option']);
  });

  it.each([
    [['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'], ['1']],
    [['1', '2', '3', '4', '5', '6'], ['1']],
    [['(1)', '(2)', '(3)'], ['1']],
    [
      ['1', '1', '1'],
      ['1', '1'],
    ],
    [
      ['1', '2'],
      ['1', '1'],
    ],
  ])(
    'a column-number row %j under the header is skipped only when it counts up over three cells',
    (row, stts) => {
      const p = parsePlan(
        sheet([row, ['I', 'Nhận thức số'], ['1', 'Tập huấn', 'UBND xã', '', 'Quý I/2026']], H),
        {
          today,
        },
      );
      expect(p.tasks.map((t) => t.stt)).toEqual(stts);
    },
  );

  it('a row is a heading across the table only when one merge covers the task, lead and deadline columns', () => {
    const withMerge = (numColumns: number) =>
      parsePlan(
        {
          name: 'S',
          values: [
            ['KẾ HOẠCH', '', '', '', '', ''],
            H,
            ['2', 'Nhiệm vụ chung của xã', '', '', '', ''],
            ['3', 'Họp', 'UBND xã', '', 'Quý I/2026', ''],
          ],
          merges: [{ row: 2, column: 1, numRows: 1, numColumns }],
        },
        { today },
      );
    expect(withMerge(4).sections.map((s) => s.name)).toEqual(['Nhiệm vụ chung của xã']);
    expect(withMerge(4).tasks.map((t) => t.stt)).toEqual(['3']);
    expect(withMerge(3).sections).toEqual([]);
    expect(withMerge(3).tasks.map((t) => t.stt)).toEqual(['2', '3']);
  });

  it('a heading typed in the number cell names the section, with its number', () => {
    const p = parsePlan(
      sheet(
        [
          ['I. NHẬN THỨC SỐ'],
          ['1', 'Tập huấn', 'UBND xã', '', 'Quý I/2026'],
          ['II. Công tác khác'],
          ['1', 'Họp', 'UBND xã', '', 'Quý I/2026'],
        ],
        H,
      ),
      { today },
    );
    expect(p.sections.map((s) => [s.name, s.number])).toEqual([
      ['Nhận thức số', 'I'],
      ['Công tác khác', 'II'],
    ]);
    expect(p.tasks.map((t) => t.pillar)).toEqual(['Nhận thức số', 'Công tác khác']);
  });

  it('a heading merged across the table loses the number typed in front of it', () => {
    const p = parsePlan(
      {
        name: 'S',
        values: [
          ['KẾ HOẠCH', '', '', '', '', ''],
          H,
          ['II', 'Công tác khác', '', '', '', ''],
          ['1', 'Tập huấn', 'UBND xã', '', 'Quý I/2026', ''],
        ],
        merges: [{ row: 2, column: 1, numRows: 1, numColumns: 5 }],
      },
      { today },
    );
    expect(p.sections.map((s) => s.name)).toEqual(['Công tác khác']);
    expect(p.tasks.map((t) => t.pillar)).toEqual(['Công tác khác']);
  });
});
