/**
 * The command line `ke-hoach-cds`: `check`, `rollup` and `import`, each with its own --help.
 * Exit codes: check 0 = checked without error findings, 1 = checked with error findings;
 * rollup 0 = every file counted, 1 = some not; import 0 = imported, 1 = imported with paragraphs
 * not read; 2 = could not (a usage error, an unreadable file, no task table). Errors are one
 * Vietnamese line on stderr, never a stack trace.
 */
import { isUserError, UserError } from '../core/errors';
import { useRawInflater } from '../core/zip';
import { closest } from './args';
import { nodeInflater } from './inflate';
import { safeLine } from './format';
import { checkCommand, CHECK_HELP } from './check';
import { importCommand, IMPORT_HELP } from './import';
import { rollupCommand, ROLLUP_HELP } from './rollup';
import { version } from '../../package.json';

// Workbooks and Word files are inflated by Node's zlib here, with the same limits.
useRawInflater(nodeInflater);

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
  now: () => Date;
}

export const USAGE = `ke-hoach-cds ${version}: kiểm tra bảng phân công nhiệm vụ chuyển đổi số của xã.

Cách dùng:
  ke-hoach-cds check TỆP [tùy chọn]          kiểm tra một bảng phân công (.xlsx, .csv, .docx)
  ke-hoach-cds rollup TỆP|THƯ-MỤC… --out TỔNG-HỢP.xlsx
                                             tổng hợp bảng trạng thái của nhiều xã (thành phố)
  ke-hoach-cds import KẾ-HOẠCH.docx --out BẢNG.xlsx
                                             lấy bảng phân công từ tệp Word

  ke-hoach-cds LỆNH --help                   hướng dẫn và ví dụ của từng lệnh
  ke-hoach-cds --version                     phiên bản

Trong thư mục mã nguồn, thay "ke-hoach-cds" bằng "npm run --silent cli --".`;

const COMMANDS: Record<string, { run: (argv: string[], io: CliIo) => Promise<number>; help: string }> = {
  check: { run: checkCommand, help: CHECK_HELP },
  rollup: { run: rollupCommand, help: ROLLUP_HELP },
  import: { run: importCommand, help: IMPORT_HELP },
};

export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stderr(`${USAGE}\n`);
      return 2;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (first === '--version' || first === '-v') {
      io.stdout(`${version}\n`);
      return 0;
    }
    const command = COMMANDS[first];
    if (!command) {
      const guess = closest(first, Object.keys(COMMANDS));
      throw new UserError(
        first.startsWith('-')
          ? `Cần ghi lệnh trước các tùy chọn: check, rollup hoặc import. Xem: ke-hoach-cds --help`
          : `Không có lệnh “${first}”.${guess ? ` Có phải ý là “${guess}”?` : ''} Các lệnh: check, rollup, import. Xem: ke-hoach-cds --help`,
      );
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${command.help}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (isUserError(e)) {
      io.stderr(`Lỗi: ${safeLine((e as Error).message)}\n`);
      return 2;
    }
    const detail = e instanceof Error ? e.message : String(e);
    io.stderr(`Lỗi: không thực hiện được (${safeLine(detail)}).\n`);
    return 2;
  }
}

/** Runs as the installed command (or `npm run cli`). */
export function main(): void {
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
      process.stderr.write('Lỗi: không thực hiện được.\n');
      process.exitCode = 2;
    },
  );
}

if (require.main === module) main();
