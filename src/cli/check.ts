/** `ke-hoach-cds check TỆP`: one task sheet checked, the summary (or JSON) printed, a checked copy written. */
import { pickSheet } from '../core/book';
import { carriedOver } from '../core/carry-over';
import { checkSheet } from '../core/check';
import { dayInZone, isIsoDay } from '../core/dates';
import { UserError } from '../core/errors';
import { followUpOf } from '../core/history';
import { DEFAULT_TIME_ZONE } from '../core/plan';
import { toReport } from '../core/report';
import { DEFAULT_DUE_SOON_DAYS, MAX_DUE_SOON_DAYS } from '../core/timeliness';
import { checkedReport, followUpSheets } from '../workbook/checked';
import { intOption, parseOptions, type OptionSpec } from './args';
import { formatSummary, safeLine } from './format';
import type { CliIo } from './main';
import { loadFile } from './read';
import { writeChecked } from './write';

export const CHECK_OPTIONS: Record<string, OptionSpec> = {
  sheet: { type: 'string', value: 'TÊN', example: '"Phụ lục"' },
  today: { type: 'string', value: 'YYYY-MM-DD', example: '2025-10-31' },
  'plan-year': { type: 'string', value: 'YYYY', example: '2025' },
  'due-soon-days': { type: 'string', value: 'N', example: '14' },
  commune: { type: 'string', value: 'TÊN XÃ', example: '"Mỏ Cày"' },
  json: { type: 'boolean' },
  out: { type: 'string', value: 'TỆP.xlsx', example: 'da-kiem-tra.xlsx' },
};

export const CHECK_HELP = `ke-hoach-cds check TỆP [tùy chọn]

Kiểm tra bảng phân công nhiệm vụ: cột chuẩn, nhiệm vụ chưa có cơ quan chủ trì, quá hạn, sắp đến
hạn, thời hạn chưa ghi hoặc không đọc được; in bảng trạng thái theo trụ cột và theo đơn vị.

  TỆP                      .xlsx (trang đầu tiên có bảng phân công), .csv (UTF-8, UTF-16 hoặc
                           Windows-1258; dấu phẩy, chấm phẩy hoặc tab) hoặc .docx (bảng phụ lục
                           hoặc các nhiệm vụ viết thành đoạn văn)
  --sheet TÊN              trang cần kiểm tra
  --today YYYY-MM-DD       ngày tính hạn (mặc định: hôm nay, giờ Việt Nam)
  --plan-year YYYY         năm kế hoạch (mặc định: đọc từ tiêu đề hoặc các thời hạn)
  --due-soon-days N        số ngày coi là "sắp đến hạn", 0 đến ${MAX_DUE_SOON_DAYS} (mặc định ${DEFAULT_DUE_SOON_DAYS})
  --commune TÊN            tên xã ghi vào bảng trạng thái (mặc định: đọc từ tiêu đề)
  --json                   in kết quả dạng JSON (xem README)
  --out TỆP.xlsx           ghi bản sao đã đánh dấu (màu và ghi chú ở ô có vấn đề) kèm các trang
                           "Trạng thái theo trụ cột", "Theo đơn vị" và phiếu nhắc việc in được
                           cho từng đơn vị; kiểm tra lại bản sao này để thấy thay đổi so với lần
                           trước. Tệp gốc không bao giờ bị ghi đè

Ví dụ:
  ke-hoach-cds check "Ke hoach CDS 2025.xlsx"
  ke-hoach-cds check phan-cong.csv --today 2025-10-20 --out da-kiem-tra.xlsx
  ke-hoach-cds check ke-hoach.docx --json > bao-cao.json

Mã thoát: 0 = không có lỗi cần sửa, 1 = có lỗi cần sửa, 2 = không kiểm tra được.`;

export interface CheckSettings {
  today: string;
  planYear: number | undefined;
  dueSoonDays: number;
  commune: string | undefined;
}

/** The check's settings from its options (the same ranges as the add-on's settings). */
export function checkSettings(options: Record<string, unknown>, io: CliIo): CheckSettings {
  const today = (options.today as string | undefined) ?? dayInZone(io.now(), DEFAULT_TIME_ZONE);
  if (!isIsoDay(today))
    throw new UserError(
      `Ngày “${today}” của --today không hợp lệ; ghi theo dạng YYYY-MM-DD, ví dụ 2025-10-31.`,
    );
  const planYear =
    options['plan-year'] === undefined
      ? undefined
      : intOption(options['plan-year'] as string, 'plan-year', 2000, 2100, 0);
  const dueSoonDays = intOption(
    options['due-soon-days'] as string | undefined,
    'due-soon-days',
    0,
    MAX_DUE_SOON_DAYS,
    DEFAULT_DUE_SOON_DAYS,
  );
  const commune = options.commune === undefined ? undefined : String(options.commune).trim().slice(0, 100);
  return { today, planYear, dueSoonDays, commune };
}

export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const { options, positionals } = parseOptions('check', argv, CHECK_OPTIONS);
  const [file, ...extra] = positionals;
  if (file === undefined)
    throw new UserError('Thiếu tệp cần kiểm tra. Cách dùng: ke-hoach-cds check TỆP [tùy chọn]');
  if (extra.length > 0)
    throw new UserError(
      `Lệnh check nhận một tệp; thừa: ${extra.map((e) => `“${e}”`).join(', ')}. Để kiểm tra nhiều tệp, chạy lệnh cho từng tệp.`,
    );
  const out = options.out as string | undefined;
  if (out !== undefined && !/\.xlsx$/i.test(out))
    throw new UserError(`Tệp kết quả “${out}” của --out phải có đuôi .xlsx.`);
  const settings = checkSettings(options, io);

  const book = await loadFile(file);
  for (const note of book.notes) io.stderr(`Chú ý: ${safeLine(note)}\n`);
  const sheet = pickSheet(book, file, options.sheet as string | undefined);
  const { units, history } = carriedOver(book);
  for (const note of history.notes) io.stderr(`Chú ý: ${safeLine(note)}\n`);
  const result = checkSheet(sheet, {
    today: settings.today,
    planYear: settings.planYear,
    dueSoonDays: settings.dueSoonDays,
    timeZone: DEFAULT_TIME_ZONE,
    commune: settings.commune,
    unitOverrides: units?.overrides,
  });
  const follow = followUpOf(history.snapshots, result);

  if (out !== undefined) {
    const report = checkedReport(result, settings.commune);
    const wb = book.workbook ? await book.workbook() : null;
    await writeChecked(wb, sheet, result, report, file, out, followUpSheets(result, report, history));
  }

  if (options.json) io.stdout(`${JSON.stringify(toReport(result))}\n`);
  else {
    io.stdout(`${formatSummary(result, file, io.isTty)}\n`);
    if (follow.line) io.stdout(`\n${follow.line}\n`);
    if (out !== undefined) io.stdout(`\nĐã ghi bản đã đánh dấu: ${safeLine(out)}\n`);
  }
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
