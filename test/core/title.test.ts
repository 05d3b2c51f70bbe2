/** What the title rows above a task table tell the city: which commune, which plan, which year. */
import { checkSheet } from '../../src/core/check';
import { communeFromTitle, communeKey, planNameFromTitle, yearFromTitle } from '../../src/core/title';
import { loadSeed, seedInput } from '../helpers/fixtures';

describe('the five seeds’ title rows', () => {
  it.each([
    [
      '000-my-hoa-hung.json',
      'Mỹ Hòa Hưng',
      'PHÂN CÔNG THỰC HIỆN NHIỆM VỤ NÂNG CAO CHỈ SỐ DTI XÃ MỸ HÒA HƯNG NĂM 2024',
      2024,
    ],
    ['001-my-hoa-hung-du-an.json', 'Mỹ Hòa Hưng', 'Kế hoạch số 494/KH-UBND ngày 20 tháng 4 năm 2024', 2024],
    ['002-tinh-long.json', 'Tịnh Long', 'PHÂN CÔNG NHIỆM VỤ CHUYỂN ĐỔI SỐ XÃ TỊNH LONG NĂM 2024', 2024],
    ['003-mo-cay.json', 'Mỏ Cày', 'Kế hoạch số 51/KH-UBND ngày 08/10/2025', 2025],
    [
      '004-dai-hai.json',
      'Đại Hải',
      'PHÂN CÔNG TRIỂN KHAI MỤC TIÊU, NHIỆM VỤ KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026',
      2026,
    ],
  ])('%s names commune %s, plan “%s”, year %d', (file, commune, plan, year) => {
    const title = checkSheet(seedInput(loadSeed(file)), { today: '2025-10-20' }).plan.title;
    expect(communeFromTitle(title)).toBe(commune);
    expect(planNameFromTitle(title)).toBe(plan);
    expect(yearFromTitle(title)).toBe(year);
  });
});

describe('the commune', () => {
  it.each([
    [['KẾ HOẠCH CHUYỂN ĐỔI SỐ PHƯỜNG BẾN THÀNH NĂM 2025'], 'Bến Thành'],
    [['Kế hoạch của UBND thị trấn Long Hồ, tỉnh Vĩnh Long'], 'Long Hồ'],
    [['(Kèm theo Kế hoạch số 12/KH-UBND của UBND xã An Bình)'], 'An Bình'],
    [['NHIỆM VỤ XÃ ĐẠI HẢI; NĂM 2026'], 'Đại Hải'],
    [['Phụ lục', 'NHIỆM VỤ XÃ HÒA BÌNH THEO KẾ HOẠCH'], 'Hòa Bình'],
    [['Xã Mỹ Hòa Hưng giai đoạn 2021-2025'], 'Mỹ Hòa Hưng'],
    [['NHIỆM VỤ PHƯỜNG TÂN THÀNH, THÀNH PHỐ BUÔN MA THUỘT'], 'Tân Thành'],
    [['Kế hoạch của UBND xã Thị Cầu'], 'Thị Cầu'],
    [['Kế hoạch của UBND phường An Lạc thành phố Hồ Chí Minh'], 'An Lạc'],
    [['Kế hoạch của UBND phường Bình Minh Thị xã Hoài Nhơn'], 'Bình Minh'],
  ])('%j → %s', (lines, commune) => {
    expect(communeFromTitle(lines)).toBe(commune);
  });

  it.each([
    [['Kế hoạch của Ủy ban nhân dân xã']],
    [['công tác chuyển đổi số của xã năm 2025']],
    [['XÃ AN BÌNH ĐÔNG TÂY NAM BẮC']],
    [['Phân công nhiệm vụ chuyển đổi số']],
    [[]],
  ])('no commune in %j', (lines) => {
    expect(communeFromTitle(lines)).toBe('');
  });

  it('looks only at the start of a very long line', () => {
    expect(communeFromTitle([`${'x '.repeat(300)}xã An Bình`])).toBe('');
  });

  it('is one commune however its name is written', () => {
    const key = communeKey('Xã Mỹ Hòa Hưng');
    expect(key).toBe('my hoa hung');
    for (const name of [
      'MỸ HOÀ HƯNG',
      'UBND xã Mỹ Hòa Hưng',
      'Ủy ban nhân dân xã Mỹ Hòa Hưng',
      '  mỹ hòa   hưng ',
      'Mỹ Hòa Hưng',
    ])
      expect(communeKey(name)).toBe(key);
    expect(communeKey('Phường Mỹ Hòa')).not.toBe(key);
    expect(communeKey('Thị trấn Long Hồ')).toBe('long ho');
    expect(communeKey('Đặc khu Phú Quốc')).toBe('phu quoc');
    expect(communeKey('')).toBe('');
  });
});

describe('the plan', () => {
  it('is the numbered plan of the “Kèm theo” line, its “số:” written as “số”', () => {
    expect(
      planNameFromTitle(['PHỤ LỤC', '(Kèm theo Kế hoạch số: 7/KH-UBND ngày 02/01/2026 về chuyển đổi số)']),
    ).toBe('Kế hoạch số 7/KH-UBND ngày 02/01/2026');
  });

  it('else the first title line of some length, not the parenthesis', () => {
    expect(
      planNameFromTitle(['Phụ lục', '(Kèm theo Kế hoạch ngày 02/01/2026)', 'DANH MỤC NHIỆM VỤ NĂM 2026']),
    ).toBe('DANH MỤC NHIỆM VỤ NĂM 2026');
    expect(planNameFromTitle(['Phụ lục'])).toBe('Phụ lục');
    expect(planNameFromTitle([])).toBe('');
    expect(planNameFromTitle(['K'.repeat(400)])).toHaveLength(300);
  });
});

describe('the plan year', () => {
  it.each([
    [['KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026'], 2026],
    [['Kế hoạch giai đoạn 2021 - 2025', 'Nhiệm vụ năm 2024'], 2024],
    [['(Kèm theo Kế hoạch số 3/KH-UBND ngày 22 tháng 12 năm 2025)', 'DANH MỤC NHIỆM VỤ'], 2025],
    [['Căn cứ Quyết định ngày 22/12/2024', '(Kèm theo Kế hoạch ngày 05/01/2026)'], 2026],
    [['Nhiệm vụ', 'ngày 05.01.2026'], 2026],
    [['Nhiệm vụ kế hoạch', 'không có năm'], null],
    [['Kế hoạch giai đoạn 2021-2025'], null],
    [['Tổng năm 20255'], null],
  ])('%j → %s', (lines, year) => {
    expect(yearFromTitle(lines)).toBe(year);
  });

  it('a full date is another document’s date, not the plan year', () => {
    expect(
      yearFromTitle(['Căn cứ Nghị quyết ngày 22 tháng 12 năm 2024', 'PHÂN CÔNG NHIỆM VỤ NĂM 2025']),
    ).toBe(2025);
  });
});

describe('title rows as officers type them', () => {
  it('the commune: a name ends at its punctuation, whatever capitalised words follow', () => {
    expect(communeFromTitle(['KẾ HOẠCH CỦA XÃ TÂN HÒA. ĐẢNG ỦY GIAO'])).toBe('Tân Hòa');
    expect(communeFromTitle(['(của UBND xã Mỏ Cày).'])).toBe('Mỏ Cày');
  });

  it('the commune: a line that says “xã” with no name after it does not hide the name below', () => {
    expect(communeFromTitle(['Xã hội số là một trụ cột', 'UBND xã An Bình'])).toBe('An Bình');
  });

  it('the commune: up to five words; a longer run of capitals is no name', () => {
    expect(communeFromTitle(['XÃ TÂN PHÚ ĐÔNG HÒA LẠC'])).toBe('Tân Phú Đông Hòa Lạc');
    expect(communeFromTitle(['XÃ TÂN PHÚ ĐÔNG HÒA LẠC BẮC'])).toBe('');
  });

  it('the commune: a word that only begins like a stop word is part of the name', () => {
    expect(communeFromTitle(['KẾ HOẠCH CỦA UBND XÃ SỐP CỘP NĂM 2025'])).toBe('Sốp Cộp');
  });

  it('the commune: a name written in mixed case keeps its capitals', () => {
    expect(communeFromTitle(["Kế hoạch của UBND xã Ia H'Drai năm 2025"])).toBe("Ia H'Drai");
  });

  it('the plan: “Kế hoạch số:51” with no space, and a name that ends the line with “về”', () => {
    expect(planNameFromTitle(['Kèm theo Kế hoạch số:51/KH-UBND ngày 08/10/2025'])).toBe(
      'Kế hoạch số 51/KH-UBND ngày 08/10/2025',
    );
    expect(planNameFromTitle(['Theo Kế hoạch số 12/KH-UBND về'])).toBe('Kế hoạch số 12/KH-UBND');
  });

  it('the plan: without a plan number, the first real title line (not a document number or a note in brackets)', () => {
    expect(planNameFromTitle(['Số 5/KH-UBND', 'KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025'])).toBe(
      'KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025',
    );
    expect(planNameFromTitle(['KẾ HOẠCH CHUYỂN ĐỔI SỐ (DỰ THẢO)', 'PHÂN CÔNG NHIỆM VỤ'])).toBe(
      'KẾ HOẠCH CHUYỂN ĐỔI SỐ (DỰ THẢO)',
    );
  });

  it('the plan: only the first 500 characters of a line are searched for the plan number', () => {
    const long = `${'Ghi chú '.repeat(80)}Kế hoạch số 12/KH-UBND`;
    const name = planNameFromTitle([long]);
    expect(name).not.toContain('Kế hoạch số');
    expect(name.length).toBeLessThanOrEqual(300);
  });

  it('the commune key: punctuation and runs of spaces do not split one commune in two', () => {
    expect(communeKey('Xã Mỹ-Hòa Hưng')).toBe('my hoa hung');
    expect(communeKey('Mỹ - Hòa  Hưng')).toBe('my hoa hung');
  });

  it('the year: a stage of years is skipped only when it says “giai đoạn”', () => {
    expect(yearFromTitle(['KẾ HOẠCH GIAI ĐOẠN MỚI NĂM 2025'])).toBe(2025);
    expect(yearFromTitle(['CHƯƠNG TRÌNH 2021-2025, KẾ HOẠCH NĂM 2024'])).toBe(2024);
    for (const stage of ['2021-2025', '2021 - 2025', '2021 -2025', '2021- 2025'])
      expect(yearFromTitle([`CHƯƠNG TRÌNH GIAI ĐOẠN ${stage}, BẮT ĐẦU NĂM 2021`, 'KẾ HOẠCH NĂM 2024'])).toBe(
        2024,
      );
  });

  it('the year: “năm” right after a month belongs to a full date; a later “năm” names the plan', () => {
    expect(yearFromTitle(['NGHỊ QUYẾT NGÀY 22 THÁNG 12 NĂM 2024, KẾ HOẠCH NĂM 2025'])).toBe(2025);
  });

  it('the year: a date written with spaces around its slashes, and a “Kèm theo” line with no date', () => {
    expect(yearFromTitle(['(Kèm theo Kế hoạch số 51/KH-UBND ngày 08 / 10 / 2025)'])).toBe(2025);
    expect(yearFromTitle(['(Kèm theo Kế hoạch của UBND xã)', 'Ngày 15/12/2025'])).toBe(2025);
    expect(yearFromTitle(['Ban hành ngày 8 tháng 10 năm 2025'])).toBe(2025);
  });
});
