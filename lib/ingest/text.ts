/**
 * Small text helpers shared by the stages: accent folding and the matching key used to resolve
 * names written differently in different languages (Tokaïev, Tokayev, Токаев).
 */

/** Lowercase without diacritics: "Tokaïev" → "tokaiev", "Biélorussie" → "bielorussie". */
export function fold(s: string): string {
  // Fast path: most text (English, and most French words) is plain ASCII, where folding is only
  // lowercasing; NFD plus a Unicode-property regex over every string was the pipeline's top self-time.
  if (ASCII.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(MARKS, '').toLowerCase();
}
const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}/gu;

// Scientific-ish transliteration of Russian/Kazakh Cyrillic into Latin, enough to meet the
// English and French spellings after the `nameKey` reductions below.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', қ: 'k', ғ: 'g', ң: 'n',
  ө: 'o', ұ: 'u', ү: 'u', һ: 'h', ә: 'a',
};

export function transliterate(s: string): string {
  return s.replace(/[\u0400-\u04ff]/g, (ch) => {
    const lower = ch.toLowerCase();
    return CYRILLIC[lower] ?? ch;
  });
}

/**
 * A key under which spellings of one name meet: folded, transliterated, punctuation dropped, and
 * the usual French/English/German transcription differences reduced (tch/ch/sh, ou/u, dj/j, y/i,
 * w/v, doubled letters). Lossy on purpose; used only to propose a match that a person reviews.
 */
const keyCache = new Map<string, string>();
export function nameKey(s: string): string {
  const hit = keyCache.get(s);
  if (hit !== undefined) return hit;
  const k = computeNameKey(s);
  // Bounded memo: names repeat across sentences and articles; the cache must not grow without end.
  if (keyCache.size > 50_000) keyCache.clear();
  keyCache.set(s, k);
  return k;
}

function computeNameKey(s: string): string {
  let k = fold(transliterate(s))
    .replace(/[’'`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  k = k
    .replace(/shch/g, 'sh')
    .replace(/tch/g, 'ch')
    .replace(/sch/g, 'sh')
    .replace(/ch/g, 'sh')
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/ou/g, 'u')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    // Токаев → "tokaev", Tokayev → "tokaiev": a glide between a back vowel and e is written or not.
    .replace(/([aou])i?e/g, '$1ie')
    .replace(/(\p{L})\1+/gu, '$1');
  return k;
}

/** Word tokens with their offsets. Apostrophes split ("d’Almaty" → "d", "Almaty"); hyphens join. */
export interface Token {
  text: string;
  start: number;
  end: number;
}
const WORD = /[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu;
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

export const isCapitalized = (w: string) => /^\p{Lu}/u.test(w);
export const isAllCaps = (w: string) => /^[\p{Lu}\p{N}.-]{2,}$/u.test(w) && /\p{Lu}.*\p{Lu}/u.test(w);
