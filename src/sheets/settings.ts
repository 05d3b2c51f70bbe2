/** The add-on's settings, kept in document properties and validated with zod at both ends. */
import * as z from 'zod/mini';
import { DEFAULT_STALE_DAYS, MAX_STALE_DAYS } from '../core/rollup';
import { DEFAULT_DUE_SOON_DAYS, MAX_DUE_SOON_DAYS } from '../core/timeliness';
import { DEFAULT_SHARE_MESSAGE } from './share';

// zod/mini keeps the Apps Script bundle small; messages are the officer's.
const email = z.email({ error: 'Địa chỉ thư không hợp lệ.' });
const YEAR = 'Năm kế hoạch phải là số từ 2000 đến 2100.';
const DAYS = `Số ngày “sắp đến hạn” phải là số từ 0 đến ${MAX_DUE_SOON_DAYS}.`;
const STALE = `Số ngày số liệu còn được tính phải là số từ 0 đến ${MAX_STALE_DAYS}.`;

export const SettingsSchema = z.object({
  commune: z
    .string({ error: 'Tên xã phải là chữ.' })
    .check(z.trim(), z.maxLength(100, 'Tên xã tối đa 100 ký tự.')),
  planYear: z.nullable(
    z.number({ error: YEAR }).check(z.int({ error: YEAR }), z.minimum(2000, YEAR), z.maximum(2100, YEAR)),
  ),
  dueSoonDays: z
    .number({ error: DAYS })
    .check(z.int({ error: DAYS }), z.minimum(0, DAYS), z.maximum(MAX_DUE_SOON_DAYS, DAYS)),
  /** (City) a commune's status older than this many days is not counted in the roll-up. */
  staleDays: z
    .number({ error: STALE })
    .check(z.int({ error: STALE }), z.minimum(0, STALE), z.maximum(MAX_STALE_DAYS, STALE)),
  cityEmails: z.array(email).check(z.maxLength(50, 'Tối đa 50 địa chỉ thư.')),
  /** Whether Google e-mails the city's addresses when the status is first shared with them. */
  notifyCity: z.boolean(),
  /** The message of that e-mail. */
  cityMessage: z.string().check(z.trim(), z.maxLength(500, 'Lời nhắn tối đa 500 ký tự.')),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  commune: '',
  planYear: null,
  dueSoonDays: DEFAULT_DUE_SOON_DAYS,
  staleDays: DEFAULT_STALE_DAYS,
  cityEmails: [],
  notifyCity: true,
  cityMessage: DEFAULT_SHARE_MESSAGE,
};

const KEY = 'keHoachCds.settings';

/** The form as the dialog sends it: all strings. */
export interface SettingsForm {
  commune: string;
  planYear: string;
  dueSoonDays: string;
  /** Absent in forms of earlier versions: the default. */
  staleDays?: string;
  cityEmails: string;
  notifyCity?: boolean | string;
  cityMessage?: string;
}

/** Parses the dialog's form; returns the settings or the Vietnamese reasons it was refused. */
export function parseSettingsForm(
  form: SettingsForm,
): { ok: true; settings: Settings } | { ok: false; errors: string[] } {
  const emails = String(form.cityEmails ?? '')
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = emails.filter((e) => !email.safeParse(e).success);
  const errors: string[] = bad.map((e) => `Địa chỉ thư “${e}” không hợp lệ.`);
  const year = String(form.planYear ?? '').trim();
  const days = String(form.dueSoonDays ?? '').trim();
  const stale = String(form.staleDays ?? '').trim();
  const candidate = {
    commune: String(form.commune ?? ''),
    planYear: year === '' ? null : /^\d+$/.test(year) ? Number(year) : Number.NaN,
    dueSoonDays: days === '' ? DEFAULT_SETTINGS.dueSoonDays : /^\d+$/.test(days) ? Number(days) : Number.NaN,
    staleDays: stale === '' ? DEFAULT_SETTINGS.staleDays : /^\d+$/.test(stale) ? Number(stale) : Number.NaN,
    cityEmails: emails.filter((e) => !bad.includes(e)),
    notifyCity:
      form.notifyCity === undefined
        ? true
        : form.notifyCity === true || form.notifyCity === 'on' || form.notifyCity === 'true',
    cityMessage: String(form.cityMessage ?? DEFAULT_SETTINGS.cityMessage),
  };
  const parsed = SettingsSchema.safeParse(candidate);
  if (!parsed.success) errors.push(...parsed.error.issues.map((i) => i.message));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: [...new Set(errors)] };
  return { ok: true, settings: parsed.data };
}

export function loadSettings(): Settings {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!raw) return { ...DEFAULT_SETTINGS };
  try {
    // Settings saved by an earlier version lack the newer fields: they take their defaults.
    const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as object) });
    return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function storeSettings(settings: Settings): void {
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(SettingsSchema.parse(settings)));
}

/** True for a well-formed e-mail address: the one check of the add-on (settings, unit list). */
export function isEmail(text: string): boolean {
  return email.safeParse(text).success;
}

/** The addresses that are well-formed e-mail addresses (the others are dropped). */
export function validEmails(list: readonly string[]): string[] {
  return list.filter((e) => email.safeParse(e).success);
}
