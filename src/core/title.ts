/** What the title rows above a task table say: the commune's name and the plan's name. */
import { collapse, fold } from './text';

/** The commune named in title rows ("… XÃ MỸ HÒA HƯNG NĂM 2024", "của UBND xã Mỏ Cày)"), else "". */
export function communeFromTitle(lines: readonly string[]): string {
  const stop = /^(năm|giai|về|trên|tỉnh|huyện|quận|kèm|ban|của|ngày|số|theo|và|để|nhằm|cds|chuyển)$/iu;
  // "thành phố", "thị xã" end the name; "Bến Thành", "Thị Cầu" are names.
  const stopPair = /^(thành phố|thị xã)$/iu;
  for (const raw of lines) {
    const line = collapse(raw.length > 500 ? raw.slice(0, 500) : raw);
    const m = /(?:^|[\s(])(xã|phường|thị trấn)\s+(.+)$/iu.exec(line);
    if (!m) continue;
    const words: string[] = [];
    const all = (m[2] as string).split(' ');
    for (let i = 0; i < all.length; i++) {
      const w = all[i] as string;
      const clean = w.replace(/[),.;:]+$/, '');
      const pair = clean === w ? `${clean} ${(all[i + 1] ?? '').replace(/[),.;:]+$/, '')}` : '';
      if (stop.test(clean) || stopPair.test(pair) || !/^\p{Lu}/u.test(clean)) break;
      words.push(clean);
      if (clean !== w) break;
    }
    if (words.length > 0 && words.length <= 5) return words.map(titleCase).join(' ');
  }
  return '';
}

function titleCase(word: string): string {
  if (word !== word.toUpperCase()) return word;
  const lower = word.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** The plan's name from title rows: "Kế hoạch số 51/KH-UBND ngày 08/10/2025", else the table's title. */
export function planNameFromTitle(lines: readonly string[]): string {
  for (const raw of lines) {
    const line = collapse(raw.length > 500 ? raw.slice(0, 500) : raw);
    // JavaScript's \b knows no Vietnamese letters: "về" is ended by a space or the line's end.
    const m = /(kế hoạch\s+số\s*:?\s*\d[^()]*?)(?:\s+(?:của|về)(?=\s|$)|\)|$)/iu.exec(line);
    if (m) return collapse((m[1] as string).replace(/số\s*:\s*/iu, 'số '));
  }
  const title = lines.find((l) => l.length > 12 && !/^\(/.test(l)) ?? lines[0] ?? '';
  return collapse(title.length > 300 ? title.slice(0, 300) : title);
}

/**
 * A commune's identity for the city's roll-up: its name folded, without the "xã/phường/thị trấn"
 * or "UBND xã" in front, so "Xã Mỹ Hòa Hưng", "MỸ HOÀ HƯNG" and "UBND xã Mỹ Hòa Hưng" are one
 * commune. "" when the name is empty.
 */
export function communeKey(name: string): string {
  return plainName(name).replace(COMMUNE_KIND, '');
}

/** "xã/phường/thị trấn/đặc khu", possibly after "UBND", in front of a folded name. */
const COMMUNE_KIND = /^(uy ban nhan dan |ubnd )?(xa |phuong |thi tran |dac khu )/;
const plainName = (name: string): string =>
  fold(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The name as said in a sentence: "Phường Bến Thành", "UBND xã …" as written, "An Bình" as "xã An Bình". */
export function communeWords(name: string): string {
  return COMMUNE_KIND.test(`${plainName(name)} `) ? name : `xã ${name}`;
}

/**
 * The plan year named in title rows: "… năm 2026" (not the end of a full date such as "ngày 22
 * tháng 12 năm 2024", which names another document's date), else the date of the plan (the date
 * on the "Kèm theo …" line first), else any date in the title.
 */
export function yearFromTitle(lines: readonly string[]): number | null {
  const folded = lines.map(fold);
  for (const f of folded) {
    if (/giai doan/.test(f) && /(19|20)\d{2}\s*-\s*(19|20)\d{2}/.test(f)) continue;
    const re = /(?<![a-z])nam\s+((?:19|20)\d{2})(?!\d)/g;
    for (let m = re.exec(f); m; m = re.exec(f)) {
      if (!/thang\s+\d{1,2}\s+$/.test(f.slice(0, m.index))) return Number(m[1]);
    }
  }
  const dateYear = (f: string): number | null => {
    const m =
      /(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d{2})(?!\d)/.exec(f) ??
      /thang\s+\d{1,2}\s+nam\s+((?:19|20)\d{2})(?!\d)/.exec(f);
    return m ? Number(m[1]) : null;
  };
  for (const f of folded) {
    if (!/kem theo/.test(f)) continue;
    const y = dateYear(f);
    if (y) return y;
  }
  for (const f of folded) {
    const y = dateYear(f);
    if (y) return y;
  }
  return null;
}
