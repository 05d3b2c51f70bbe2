/** Pillar names (domain §2): section text → canonical pillar, or the section's own text. */
import { collapse, fold, foldKey } from './text';
import { PILLARS, PILLAR_VARIANTS, type Pillar } from './vocabulary';

const EXACT = new Map<string, Pillar>();
const PHRASES: { folded: string; pillar: Pillar }[] = [];
for (const pillar of PILLARS) {
  for (const v of PILLAR_VARIANTS[pillar]) {
    EXACT.set(foldKey(v), pillar);
    // Names of two or more words are also searched inside longer headings ("Phát triển hạ tầng").
    if (v.includes(' ')) PHRASES.push({ folded: words(v), pillar });
  }
}
PHRASES.sort((a, b) => b.folded.length - a.folded.length);

/** Folded text with punctuation turned into spaces: "An toàn, an ninh mạng" → "an toan an ninh mang". */
function words(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Removes a leading section number: "1. ", "II - ", "IV) ", "Phần 2:", "MỤC 3.". */
export function stripNumbering(text: string): string {
  return collapse(text).replace(
    /^(?:(?:[Pp]h[aầ]n|PH[AẦ]N|[Mm][uụ]c|M[UỤ]C)\s+)?(?:[IVXLivxl]+|\d+(?:\.\d+)*|[a-zđ])\s*[.):/-]?\s+(?=\S)/u,
    '',
  );
}

/** The canonical pillar a text names, or null when it names none or several. */
export function matchPillar(text: string): Pillar | null {
  const key = foldKey(stripNumbering(text));
  if (key === '') return null;
  const exact = EXACT.get(key);
  if (exact) return exact;
  // Search phrases inside the text, longest first, blanking each match.
  let rest = ` ${words(stripNumbering(text))} `;
  const found = new Set<Pillar>();
  for (const p of PHRASES) {
    const needle = ` ${p.folded} `;
    let at = rest.indexOf(needle);
    while (at >= 0) {
      found.add(p.pillar);
      rest = rest.slice(0, at) + ' '.repeat(needle.length - 1) + rest.slice(at + needle.length - 1);
      at = rest.indexOf(needle);
    }
  }
  return found.size === 1 ? ([...found][0] as Pillar) : null;
}

/** The name a section goes by in reports: its canonical pillar, else its own text. */
export function sectionName(text: string): string {
  return matchPillar(text) ?? stripNumbering(text);
}
