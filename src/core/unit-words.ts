/**
 * The words of lead-unit names, as data: abbreviations and their expansions, phrases that name
 * the same unit, the words that start a unit's name, the words dropped at the end, and the kinds
 * of "unit" that are really a collective ("các phòng, ban, ngành"). Everything is written folded
 * (lower case, no diacritics, đ → d: see fold() in text.ts), words separated by single spaces.
 * units.ts holds the matching code; adding a spelling here is the whole change needed.
 *
 * Rule of the table: a wrong merge is worse than a missed one. An entry may only equate two
 * spellings of one unit ("ca" → "cong an"), never two different units; "Phòng Kinh tế",
 * "Phòng Kinh tế - Hạ tầng" and "Phòng Kinh tế, Hạ tầng và Đô thị" keep their own words.
 */

/** One written word (token, folded) → the words it stands for, anywhere in a name. */
export const UNIT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  ub: 'uy ban',
  vp: 'van phong',
  vhxh: 'van hoa xa hoi',
  vh: 'van hoa',
  xh: 'xa hoi',
  vhtt: 'van hoa thong tin',
  tt: 'thong tin', // inside a name ("VH-TT"); at the start it is "trung tâm" (below)
  kt: 'kinh te',
  ktht: 'kinh te ha tang',
  kthtdt: 'kinh te ha tang do thi',
  chqs: 'chi huy quan su',
  bchqs: 'ban chi huy quan su',
  bch: 'ban chi huy',
  qs: 'quan su',
  pvhcc: 'phuc vu hanh chinh cong',
  hcc: 'hanh chinh cong',
  tthc: 'thu tuc hanh chinh',
  mttq: 'mat tran to quoc',
  ubmttq: 'uy ban mat tran to quoc',
  mtdt: 'mat tran doan the',
  vn: 'viet nam',
  cnscd: 'cong nghe so cong dong',
  cnsc: 'cong nghe so cong dong',
  cds: 'chuyen doi so',
  cntt: 'cong nghe thong tin',
  dtn: 'doan thanh nien',
  tn: 'thanh nien',
  tncs: 'thanh nien cong san',
  tncshcm: 'thanh nien cong san ho chi minh',
  hcm: 'ho chi minh',
  lhpn: 'lien hiep phu nu',
  hlhpn: 'hoi lien hiep phu nu',
  pn: 'phu nu',
  nd: 'nong dan',
  ccb: 'cuu chien binh',
  htx: 'hop tac xa',
  htcd: 'hoc tap cong dong',
  ttdt: 'thong tin dien tu',
  tyt: 'tram y te',
  thcs: 'trung hoc co so',
  thpt: 'trung hoc pho thong',
  mn: 'mam non',
  bcd: 'ban chi dao',
  bql: 'ban quan ly',
  ldtbxh: 'lao dong thuong binh xa hoi',
  tbxh: 'thuong binh xa hoi',
  tnmt: 'tai nguyen moi truong',
  tckh: 'tai chinh ke hoach',
  gddt: 'giao duc dao tao',
  tp: 'thanh pho',
  bp: 'bo phan',
  cb: 'can bo',
};

/**
 * Abbreviations read differently as the first word of a name: "P. Văn hóa" (phòng), "TT PVHCC"
 * (trung tâm), "CA xã" (công an). Elsewhere "TT" is "thông tin" and "P"/"CA" stay as written.
 */
export const UNIT_LEADING_ABBREVIATIONS: Readonly<Record<string, string>> = {
  p: 'phong',
  ph: 'phong',
  tt: 'trung tam',
  ca: 'cong an',
};

/**
 * Words that may be glued to an abbreviation without a space ("PhòngVH-XH"): a written word that
 * starts with one of these and continues with a known abbreviation is read as the two.
 */
export const UNIT_GLUED_HEADS: readonly string[] = ['phong', 'ban', 'to', 'tram', 'doan', 'hoi'];

/**
 * Phrases (after expansion) that name the same unit, rewritten to one form. Longest match first.
 * Only spellings of one unit: "Xã đoàn" is the commune's Youth Union, "Xã đội" its military
 * command, "Trung tâm HCC" the public-service centre.
 */
export const UNIT_PHRASES: readonly (readonly [string, string])[] = [
  ['doan thanh nien cong san ho chi minh', 'doan thanh nien'],
  ['doan thanh nien cong san', 'doan thanh nien'],
  ['doan cong san ho chi minh', 'doan thanh nien'],
  ['xa doan', 'doan thanh nien'],
  ['xa doi', 'ban chi huy quan su'],
  ['ban cong an', 'cong an'], // the name before 2019: "Ban Công an xã"
  ['uy ban mat tran to quoc viet nam', 'mat tran to quoc'],
  ['uy ban mat tran to quoc', 'mat tran to quoc'],
  ['mat tran to quoc viet nam', 'mat tran to quoc'],
  ['hoi lien hiep phu nu', 'hoi phu nu'],
  ['trung tam hanh chinh cong', 'trung tam phuc vu hanh chinh cong'],
  ['cong trang thong tin dien tu', 'cong thong tin dien tu'],
  ['kinh te ht do thi', 'kinh te ha tang do thi'],
  ['kinh te ha tang dt', 'kinh te ha tang do thi'],
  ['kinh te ht dt', 'kinh te ha tang do thi'],
  ['kinh te ht', 'kinh te ha tang'],
  ['1 cua', 'mot cua'],
];

/** A whole name (after every other step) that is a short form of another. */
export const UNIT_WHOLE_NAMES: Readonly<Record<string, string>> = {
  doan: 'doan thanh nien', // "Đoàn xã"
};

/** Words dropped at the start of a name when more follows: "Bộ phận Văn phòng" = "Văn phòng". */
export const UNIT_LEADING_DROPPED: readonly string[] = ['bo phan'];

/** Words dropped at the end of a name: the commune level ("Công an xã" = "Công an") and place. */
export const UNIT_TRAILING_DROPPED: readonly string[] = [
  'xa',
  'phuong',
  'thi tran',
  'tren dia ban',
  'dia ban',
  'thuoc uy ban nhan dan', // "Các trường học thuộc UBND": every unit of the plan is the commune's
  'truc thuoc uy ban nhan dan',
];

/** Names whose last word is a commune word that belongs to the name: "Hợp tác xã". */
export const UNIT_TRAILING_KEPT: readonly string[] = ['hop tac xa'];

/** Roles written after a unit ("Phòng VHXH tham mưu"): not part of its name. */
export const UNIT_ROLE_WORDS: readonly string[] = ['tham muu', 'chu tri', 'phoi hop'];

/** A part made only of these is a label, not a unit: "Chủ trì: Phòng KT". */
export const UNIT_LABELS: readonly string[] = [
  'chu tri',
  'phoi hop',
  'tham muu',
  'don vi chu tri',
  'co quan chu tri',
  'bo phan chu tri',
  'bo phan thuc hien',
  'don vi thuc hien',
];

/**
 * Words that start a unit's name, also after a number ("09 ấp"). After "," or "." (and after "-", "&", "/", "và") a segment that
 * starts with one of these begins a new unit; any other segment continues the name before it
 * ("Phòng Văn hóa - Xã hội", "Tổ Ứng cứu công nghệ và nghiệp vụ …").
 */
export const UNIT_HEADS: readonly string[] = [
  'phong',
  'ban',
  'van phong',
  'uy ban',
  'hoi dong nhan dan',
  'cong an',
  'trung tam',
  'to',
  'doan',
  'chi doan',
  'hoi',
  'tram',
  'truong',
  'bo phan',
  'can bo',
  'cong chuc',
  'mat tran',
  'dang uy',
  'chi bo',
  'hop tac xa',
  'buu dien',
  'buu chinh',
  'thon',
  'ap',
  'khu pho',
  'to dan pho',
  'xa doan',
  'xa doi',
  'ngan hang',
  'chi nhanh',
  'cong ty',
  'doanh nghiep',
  'so',
  'thanh vien',
  'lanh dao',
  'chu tich',
  'pho chu tich',
  'thuong truc',
  'dai truyen thanh',
  'nha van hoa',
  'vnpt',
  'viettel',
  'mobifone',
  // collectives start a new part too: "Phòng VH-XH và các phòng"
  'cac',
  'toan the',
  'tat ca',
];

/**
 * Units whose sibling units are listed after a comma without repeating the word: "bộ phận Văn
 * phòng, Văn hóa-Xã hội" names two bộ phận.
 */
export const UNIT_LIST_HEADS: readonly string[] = ['bo phan'];

/**
 * Pairs of names that stay one unit across a separator even though the second starts like a
 * unit: "Văn phòng HĐND - UBND" (only inside a Văn phòng: "HĐND và UBND xã" alone are two
 * bodies), "cán bộ, công chức", "Lao động, Thương binh và Xã hội".
 */
export const UNIT_JOINED_PAIRS: readonly { left: string; right: string; within?: string }[] = [
  { left: 'hoi dong nhan dan', right: 'uy ban nhan dan', within: 'van phong' },
  { left: 'dang uy', right: 'hoi dong nhan dan', within: 'van phong' },
  { left: 'can bo', right: 'cong chuc' },
  { left: 'lao dong', right: 'thuong binh' },
  { left: 'kinh te', right: 'ha tang' },
  { left: 'van hoa', right: 'the thao' },
  { left: 'van hoa', right: 'thong tin' },
  { left: 'khoa hoc', right: 'cong nghe' },
  { left: 'giao duc', right: 'dao tao' },
  { left: 'tai nguyen', right: 'moi truong' },
  { left: 'tai chinh', right: 'ke hoach' },
  { left: 'tu phap', right: 'ho tich' },
  { left: 'xa', right: 'phuong' },
];

/** First words of a collective: "Các phòng, ban", "Toàn thể cán bộ". */
export const UNIT_COLLECTIVE_MARKERS: readonly string[] = ['cac', 'toan the', 'tat ca', 'moi'];

/**
 * Generic kinds: "các" + one of these is not a unit to chase ("các cơ quan, đơn vị liên quan",
 * "UBND các xã, phường"); "các thôn", "các trường học" name real units and stay.
 */
export const UNIT_GENERIC_KINDS: readonly string[] = [
  'phong',
  'ban',
  'nganh',
  'co quan',
  'don vi',
  'bo phan',
  'to chuc',
  'doan the',
  'hoi',
  'dia phuong',
  'xa',
  'phuong',
  'thi tran',
  'huyen',
  'tinh',
  'cap',
  'so',
  'can bo',
  'cong chuc',
  'vien chuc',
];

/**
 * Words that, after a generic kind and with generic kinds only, still make a collective ("Cán
 * bộ, công chức chuyên môn", "Tổ chức chính trị - xã hội").
 */
export const UNIT_GENERIC_FILLERS: readonly string[] = [
  'chuyen mon',
  'su nghiep',
  'truc thuoc',
  'thuoc',
  'cua',
  'co',
  'lien quan',
  'chinh tri xa hoi',
];

/** A name ending so is a collective: "các bộ phận liên quan". */
export const UNIT_COLLECTIVE_ENDINGS: readonly string[] = ['lien quan'];

/** A lead text starting so names no unit (a deadline or condition typed into the lead column). */
export const NOT_A_UNIT_STARTS: readonly string[] = ['theo', 'khi co', 'thuong xuyen'];
