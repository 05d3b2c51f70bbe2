/** Small helpers for WordprocessingML read with scanXml: names without prefixes, attribute look-up. */

/** "w:tbl" → "tbl"; "tbl" stays. Documents may bind the main namespace to any prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by its local name ("val" finds "w:val", "val", "ns0:val"). */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  const prefixed = attrs[`w:${local}`];
  if (prefixed !== undefined) return prefixed;
  const bare = attrs[local];
  if (bare !== undefined) return bare;
  const suffix = `:${local}`;
  for (const k in attrs) if (k.endsWith(suffix)) return attrs[k];
  return undefined;
}

/** An on/off property (<w:b/>, <w:tblHeader w:val="0"/>): absent value means on. */
export function isOn(attrs: Record<string, string>): boolean {
  const v = attr(attrs, 'val');
  return v === undefined || !/^(0|false|off)$/i.test(v);
}

/** A non-negative integer attribute, or undefined when absent or not a number. */
export function intAttr(attrs: Record<string, string>, local: string): number | undefined {
  const v = attr(attrs, local);
  if (v === undefined || !/^-?\d{1,9}$/.test(v.trim())) return undefined;
  return Number(v.trim());
}
