/** Self-reported status (domain §4) and lead placeholders (domain §5). */
import { foldKey } from './text';
import { LEAD_PLACEHOLDERS, STATUS_VALUES, type Status } from './vocabulary';

const STATUS_BY_TEXT = new Map<string, Status>();
for (const [status, values] of Object.entries(STATUS_VALUES) as [Status, string[]][]) {
  for (const v of values) STATUS_BY_TEXT.set(foldKey(v), status);
}

/** Normalises a status cell; `recognised` is false for a non-empty value outside the vocabulary. */
export function parseStatus(text: string): { status: Status; recognised: boolean } {
  const key = foldKey(text);
  if (key === '') return { status: 'unknown', recognised: true };
  const status = STATUS_BY_TEXT.get(key);
  return status ? { status, recognised: true } : { status: 'unknown', recognised: false };
}

const PLACEHOLDERS = new Set(LEAD_PLACEHOLDERS.map((p) => foldKey(p) || p));

/** True when a lead cell names nobody: empty, whitespace or a placeholder. */
export function isMissingLead(text: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  const key = foldKey(t);
  return key === '' || PLACEHOLDERS.has(key) || PLACEHOLDERS.has(t);
}
