/**
 * The command line's arguments, read with Vietnamese errors that say what is wrong and how to
 * fix it (an unknown option with the closest known one, a missing value with an example, a bad
 * number with its range), never Node's English.
 */
import { UserError } from '../core/errors';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Shown in the help and in "needs a value" messages, e.g. "TỆP.xlsx". */
  value?: string;
  /** An example value for the messages, e.g. "da-kiem-tra.xlsx". */
  example?: string;
  short?: string;
  /** May be given several times (its values collected). */
  multiple?: boolean;
}

export interface Parsed {
  options: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, sub));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The closest of `names` to `word`, when close enough to be a typo. */
export function closest(word: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const n of names) {
    const dd = distance(word, n);
    if (dd < bestD) {
      bestD = dd;
      best = n;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

/** Reads `argv` for a command whose options are `spec`. Throws UserError. */
export function parseOptions(
  command: string,
  argv: readonly string[],
  spec: Record<string, OptionSpec>,
): Parsed {
  const options: Parsed['options'] = {};
  const positionals: string[] = [];
  const byShort = new Map(
    Object.entries(spec).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])),
  );
  const help = ` Xem: ke-hoach-cds ${command} --help`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    } else if (/^-[A-Za-z]$/.test(arg)) {
      name = byShort.get(arg.slice(1));
      if (!name) throw new UserError(`Không có tùy chọn “${arg}” cho lệnh ${command}.${help}`);
    } else {
      positionals.push(arg);
      continue;
    }
    const s = spec[name];
    if (!s) {
      const guess = closest(name, Object.keys(spec));
      throw new UserError(
        `Không có tùy chọn “--${name}” cho lệnh ${command}.${guess ? ` Có phải ý là “--${guess}”?` : ''}${help}`,
      );
    }
    if (s.type === 'boolean') {
      if (inline !== undefined)
        throw new UserError(`Tùy chọn “--${name}” không nhận giá trị (bỏ “=${inline}”).${help}`);
      options[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next.length > 1 && !/^-\d/.test(next))) {
        throw new UserError(
          `Tùy chọn “--${name}” cần một giá trị (${s.value ?? 'giá trị'})${s.example ? `, ví dụ: --${name} ${s.example}` : ''}.${help}`,
        );
      }
      value = next;
      i++;
    }
    if (s.multiple) options[name] = [...((options[name] as string[] | undefined) ?? []), value];
    else options[name] = value;
  }
  return { options, positionals };
}

/** An integer option within a range, or its default; a clear message otherwise. */
export function intOption(
  value: string | boolean | string[] | undefined,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const text = String(value).trim();
  if (!/^\d{1,9}$/.test(text) || Number(text) < min || Number(text) > max)
    throw new UserError(
      `Giá trị “${text}” của --${name} không hợp lệ: ghi một số nguyên từ ${min} đến ${max}.`,
    );
  return Number(text);
}
