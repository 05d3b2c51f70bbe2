/** Self-reported status (domain §4) and lead placeholders (domain §5). */
import { foldKey } from './text';
import {
  LEAD_PLACEHOLDERS,
  STATUS_LATE_VALUES,
  STATUS_ON_TIME_VALUES,
  STATUS_VALUES,
  type Status,
} from './vocabulary';

const STATUS_BY_TEXT = new Map<string, Status>();
for (const [status, values] of Object.entries(STATUS_VALUES) as [Status, string[]][]) {
  for (const v of values) STATUS_BY_TEXT.set(foldKey(v), status);
}
const LATE = new Set(STATUS_LATE_VALUES.map(foldKey));
const ON_TIME = new Set(STATUS_ON_TIME_VALUES.map(foldKey));

export interface ParsedStatus {
  status: Status;
  /** False for a non-empty value outside the vocabulary. */
  recognised: boolean;
  /** A done word that says "late" ("Đã hoàn thành quá hạn"). */
  late: boolean;
  /** A done word that says "on time" ("Hoàn thành đúng hạn", "… trước hạn"). */
  onTime: boolean;
}

/** Normalises a status cell (domain §4 and the official progress words). */
export function parseStatus(text: string): ParsedStatus {
  const key = foldKey(text);
  if (key === '') return { status: 'unknown', recognised: true, late: false, onTime: false };
  const status = STATUS_BY_TEXT.get(key);
  if (!status) return { status: 'unknown', recognised: false, late: false, onTime: false };
  return { status, recognised: true, late: LATE.has(key), onTime: ON_TIME.has(key) };
}

const PLACEHOLDERS = new Set(LEAD_PLACEHOLDERS.map((p) => foldKey(p) || p));

/** True when a lead cell names nobody: empty, whitespace or a placeholder. */
export function isMissingLead(text: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  const key = foldKey(t);
  return key === '' || PLACEHOLDERS.has(key) || PLACEHOLDERS.has(t);
}
