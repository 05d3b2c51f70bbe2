/**
 * Command line: `check FILE [--sheet NAME] [--today YYYY-MM-DD] [--plan-year YYYY] [--json] [--out FILE.xlsx]`.
 * Exit codes: 0 checked without error findings, 1 checked with error findings, 2 could not check.
 */
import { parseArgs } from 'node:util';
import { checkSheet, type CheckResult } from '../core/check';
import { dayInZone, isIsoDay } from '../core/dates';
import { DEFAULT_DUE_SOON_DAYS } from '../core/timeliness';
import { DEFAULT_TIME_ZONE, hasTaskHeader } from '../core/plan';
import { toReport } from '../core/report';
import { UserError, isUserError } from '../core/errors';
import { statusReportOf } from '../core/status-report';
import { communeFromTitle, planNameFromTitle } from '../core/title';
import { formatSummary } from './format';
import { loadFile, type LoadedBook } from './read';
import { csvWorkbook, writeChecked } from './write';
import { formatRollup, runRollup } from './rollup';
import { DEFAULT_STALE_DAYS } from '../core/rollup';

export const USAGE = `Cách dùng:
  npm run --silent cli -- check TỆP [tùy chọn]
  npm run --silent cli -- rollup TỆP… --out TỔNG-HỢP.xlsx [--today YYYY-MM-DD] [--stale-days N]

  TỆP                    bảng phân công dạng .xlsx hoặc .csv (UTF-8)
  --sheet TÊN            trang cần kiểm tra (mặc định: trang đầu tiên có bảng phân công)
  --today YYYY-MM-DD     ngày tính hạn (mặc định: hôm nay, giờ Việt Nam)
  --plan-year YYYY       năm kế hoạch (mặc định: đọc từ tiêu đề hoặc các thời hạn)
  --due-soon-days N      số ngày coi là "sắp đến hạn" (mặc định ${DEFAULT_DUE_SOON_DAYS})
  --json                 in kết quả dạng JSON
  --out TỆP.xlsx         ghi bản sao đã đánh dấu kèm trang "Trạng thái theo trụ cột"

  rollup: tổng hợp các tệp đã kiểm tra (check --out) của nhiều xã vào một tệp của thành phố;
         xã có số liệu cũ hơn --stale-days ngày (mặc định ${DEFAULT_STALE_DAYS}) được liệt kê riêng.

Mã thoát: 0 = không có lỗi, 1 = có lỗi cần sửa (check) hoặc có xã không đọc được (rollup),
          2 = không kiểm tra/tổng hợp được.`;

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
  now: () => Date;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    return await runChecked(argv, io);
  } catch (e) {
    if (isUserError(e)) {
      io.stderr(`Lỗi: ${(e as Error).message}\n`);
      return 2;
    }
    const detail = e instanceof Error ? e.message : String(e);
    io.stderr(`Lỗi: không kiểm tra được tệp (${detail}).\n`);
    return 2;
  }
}

async function runChecked(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        sheet: { type: 'string' },
        today: { type: 'string' },
        'plan-year': { type: 'string' },
        'due-soon-days': { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        'stale-days': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UserError(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const [command, file, ...extra] = positionals;
  const today = values.today ?? dayInZone(io.now(), DEFAULT_TIME_ZONE);
  if ((command === 'check' || command === 'rollup') && !isIsoDay(today)) {
    throw new UserError(`Ngày “${today}” không hợp lệ; ghi theo dạng YYYY-MM-DD, ví dụ 2025-10-31.`);
  }
  if (command === 'rollup') {
    if (values.out === undefined || !/\.xlsx$/i.test(values.out)) {
      throw new UserError(`Cần --out TỆP.xlsx cho bảng tổng hợp.\n\n${USAGE}`);
    }
    const stale = values['stale-days'];
    if (stale !== undefined && !/^\d{1,4}$/.test(stale))
      throw new UserError(`Số ngày “${stale}” không hợp lệ.`);
    const files = positionals.slice(1);
    const { result, code } = await runRollup(files, {
      out: values.out,
      today,
      staleDays: stale === undefined ? undefined : Number(stale),
    });
    io.stdout(`${formatRollup(result, code === 2 ? null : values.out)}\n`);
    return code;
  }
  if (command !== 'check' || !file || extra.length > 0) throw new UserError(USAGE);
  let planYear: number | undefined;
  if (values['plan-year'] !== undefined) {
    planYear = Number(values['plan-year']);
    if (!/^\d{4}$/.test(values['plan-year']) || planYear < 2000 || planYear > 2100) {
      throw new UserError(`Năm kế hoạch “${values['plan-year']}” không hợp lệ; ghi 4 chữ số, ví dụ 2025.`);
    }
  }
  let dueSoonDays = DEFAULT_DUE_SOON_DAYS;
  if (values['due-soon-days'] !== undefined) {
    dueSoonDays = Number(values['due-soon-days']);
    if (!/^\d{1,3}$/.test(values['due-soon-days'])) {
      throw new UserError(`Số ngày “${values['due-soon-days']}” không hợp lệ; ghi một số từ 0 đến 365.`);
    }
  }
  if (values.out !== undefined && !/\.xlsx$/i.test(values.out)) {
    throw new UserError(`Tệp kết quả “${values.out}” phải có đuôi .xlsx.`);
  }

  const book = await loadFile(file);
  for (const note of book.notes) io.stderr(`Chú ý: ${note}\n`);
  const sheet = pickSheet(book, file, values.sheet);
  const result: CheckResult = checkSheet(sheet, {
    today,
    planYear,
    dueSoonDays,
    timeZone: DEFAULT_TIME_ZONE,
  });

  if (values.out !== undefined) {
    const report = statusReportOf(result, {
      commune: communeFromTitle(result.plan.title),
      planName: planNameFromTitle(result.plan.title),
    });
    const wb = book.workbook ? await book.workbook() : await csvWorkbook([sheet], result.plan.headerRow);
    await writeChecked(
      wb,
      book.workbook ? sheet.name : (wb.worksheets[0]?.name ?? sheet.name),
      result,
      report,
      file,
      values.out,
    );
  }

  if (values.json) io.stdout(`${JSON.stringify(toReport(result), null, 2)}\n`);
  else {
    io.stdout(`${formatSummary(result, file, io.isTty)}\n`);
    if (values.out !== undefined) io.stdout(`\nĐã ghi bản đã đánh dấu: ${values.out}\n`);
  }
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function pickSheet(book: LoadedBook, file: string, name: string | undefined) {
  if (name !== undefined) {
    const found =
      book.sheetNames.find((s) => s === name) ??
      book.sheetNames.find((s) => s.trim().toLowerCase() === name.trim().toLowerCase());
    if (found === undefined) {
      const names = book.sheetNames.map((s) => `“${s}”`).join(', ');
      throw new UserError(`Tệp “${file}” không có trang “${name}”. Các trang hiện có: ${names}.`);
    }
    const sheet = book.sheet(found);
    if (!hasTaskHeader(sheet)) throw new UserError(noHeaderMessage(file, found));
    return sheet;
  }
  // Sheets are read one at a time, up to the first with a task table.
  let anyData = false;
  for (const n of book.sheetNames) {
    const sheet = book.sheet(n);
    if (sheet.values.length > 0) anyData = true;
    if (hasTaskHeader(sheet)) return sheet;
  }
  if (!anyData) throw new UserError(`Tệp “${file}” không có dữ liệu.`);
  throw new UserError(noHeaderMessage(file));
}

function noHeaderMessage(file: string, sheet?: string): string {
  const where = sheet ? `trang “${sheet}” của tệp “${file}”` : `tệp “${file}”`;
  return `Không tìm thấy bảng phân công nhiệm vụ trong ${where}: cần một dòng tiêu đề có các cột như “STT”, “Nhiệm vụ”, “Cơ quan chủ trì”, “Thời gian hoàn thành”.`;
}

if (require.main === module) {
  run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    now: () => new Date(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.stderr.write('Lỗi: không kiểm tra được tệp.\n');
      process.exitCode = 2;
    },
  );
}
