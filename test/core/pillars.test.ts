/** Section headings as typed in real plans, read to the pillars the city's report counts (domain §2). */
import { matchPillar, sectionName, stripNumbering } from '../../src/core/pillars';

describe('stripNumbering', () => {
  test.each([
    ['1. Nhận thức số', 'Nhận thức số'],
    ['12. Tổng kết', 'Tổng kết'],
    ['1 Nhận thức số', 'Nhận thức số'],
    ['II - Thể chế số', 'Thể chế số'],
    ['IV) Hạ tầng số', 'Hạ tầng số'],
    ['Phần 2: Kinh tế số', 'Kinh tế số'],
    ['Mục 3. Xã hội số', 'Xã hội số'],
    ['MỤC 3. XÃ HỘI SỐ', 'XÃ HỘI SỐ'],
    ['PHẦN II - CÁC NHIỆM VỤ KHÁC', 'CÁC NHIỆM VỤ KHÁC'],
    ['phan 1) Tổng kết', 'Tổng kết'],
    ['1.2.3 Dữ liệu số', 'Dữ liệu số'],
    ['1.10. Chính quyền số', 'Chính quyền số'],
    ['a) Tuyên truyền', 'Tuyên truyền'],
    ['đ) Sơ kết', 'Sơ kết'],
  ])('“%s” → “%s”', (text, stripped) => {
    expect(stripNumbering(text)).toBe(stripped);
  });

  test('text that only begins like a number keeps its words', () => {
    expect(stripNumbering('C. Kinh tế số')).toBe('C. Kinh tế số');
    expect(stripNumbering('Internet cáp quang')).toBe('Internet cáp quang');
    expect(stripNumbering('II')).toBe('II');
  });
});

describe('matchPillar', () => {
  test('a short name is the whole heading or found inside one', () => {
    expect(matchPillar('Thể chế')).toBe('Thể chế số');
    expect(matchPillar('II. NHÂN LỰC')).toBe('Nhân lực số');
    expect(matchPillar('II. Phát triển hạ tầng')).toBe('Hạ tầng số');
  });

  test('a longer name is found inside a heading, punctuation around it or not', () => {
    expect(matchPillar('Công tác xây dựng chính quyền số.')).toBe('Chính quyền số');
    expect(matchPillar('3. Hoàn thiện thể chế về quản lý')).toBe('Thể chế số');
  });

  test('a name inside a longer name of another pillar is not counted twice', () => {
    expect(matchPillar('Phát triển hạ tầng và nền tảng số cho xã')).toBe('Hạ tầng số');
    expect(matchPillar('Đảm bảo an toàn thông tin mạng')).toBe('An toàn thông tin mạng');
  });

  test('one pillar named twice is that pillar; two pillars named is none', () => {
    expect(matchPillar('Kinh tế số và kinh tế số nông thôn')).toBe('Kinh tế số');
    expect(matchPillar('Phát triển kinh tế số và xã hội số')).toBeNull();
  });

  test('an empty heading, or one of numbers and signs only, names no pillar', () => {
    expect(matchPillar('')).toBeNull();
    expect(matchPillar('   ')).toBeNull();
    expect(matchPillar('1. –')).toBeNull();
  });
});

describe('sectionName', () => {
  test('a heading that names no pillar keeps its words, without the part number in front', () => {
    expect(sectionName('Phần 3: Các nhiệm vụ khác')).toBe('Các nhiệm vụ khác');
  });

  test('a pillar by its standard name, else the heading without its number', () => {
    expect(sectionName('I. CHÍNH PHỦ SỐ')).toBe('Chính quyền số');
    expect(sectionName('III. Chuyển đổi số trong y tế')).toBe('Chuyển đổi số trong y tế');
  });
});
