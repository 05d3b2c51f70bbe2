/**
 * Files on disk, safely: the input is never overwritten (compared as files — device and inode,
 * real path — not as path strings, so a symlink or a hard link to it is caught), and an output is
 * written whole or not at all (a temporary file in the same folder, renamed over the target).
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../core/errors';

/** True when the two paths name the same file (or, for a path not yet there, the same place). */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    if (sa.dev === sb.dev && sa.ino === sb.ino) return true;
  } catch {
    // One of them does not exist yet: compare where they point.
  }
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      try {
        return join(realpathSync(dirname(resolve(p))), basename(p));
      } catch {
        return resolve(p);
      }
    }
  };
  return real(a) === real(b);
}

/** Refuses an output that is one of the inputs. */
export function guardOutput(out: string, inputs: readonly string[]): void {
  const clash = inputs.find((i) => sameFile(i, out));
  if (clash !== undefined)
    throw new UserError(
      `Tệp kết quả “${out}” chính là tệp đầu vào “${clash}” (hoặc một liên kết tới nó). Hãy chọn tên khác để giữ nguyên bản gốc.`,
    );
}

/** Writes bytes to `path` all or nothing; on failure no partial file is left and an earlier file stays. */
export function writeAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to remove
    }
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'không có quyền ghi vào thư mục này'
        : code === 'ENOSPC' || code === 'EFBIG'
          ? 'ổ đĩa đầy hoặc tệp vượt giới hạn kích thước'
          : code === 'ENOENT'
            ? 'thư mục không tồn tại'
            : (e as Error).message;
    throw new UserError(`Không ghi được tệp “${path}”: ${why}. Tệp cũ (nếu có) vẫn giữ nguyên.`);
  }
}

/**
 * The files the arguments name: a file as it is, a folder as the .xlsx files in it, a pattern
 * such as "xa-*.xlsx" (which a Windows shell passes on unexpanded) as the files it matches. Each
 * comes back as its real path, so the same file reached twice is recognised as one.
 */
export function expandInputs(args: readonly string[]): { files: string[]; notes: string[] } {
  const files: string[] = [];
  const notes: string[] = [];
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  for (const arg of args) {
    let st: ReturnType<typeof statSync> | null;
    try {
      st = statSync(arg);
    } catch {
      st = null;
    }
    if (st?.isDirectory()) {
      const found = readdirSync(arg)
        .filter((f) => /\.xlsx$/i.test(f) && !f.startsWith('~$') && !f.startsWith('.'))
        .sort((a, b) => a.localeCompare(b, 'vi'));
      if (found.length === 0) notes.push(`Thư mục “${arg}” không có tệp .xlsx nào.`);
      files.push(...found.map((f) => real(join(arg, f))));
    } else if (!st && /[*?]/.test(basename(arg))) {
      const dir = dirname(arg);
      const pattern = new RegExp(
        `^${basename(arg)
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        'i',
      );
      let found: string[];
      try {
        found = readdirSync(dir)
          .filter((f) => pattern.test(f))
          .sort((a, b) => a.localeCompare(b, 'vi'));
      } catch {
        found = [];
      }
      if (found.length === 0) notes.push(`Không có tệp nào khớp “${arg}”.`);
      files.push(...found.map((f) => real(join(dir, f))));
    } else files.push(st ? real(arg) : arg);
  }
  return { files, notes };
}
