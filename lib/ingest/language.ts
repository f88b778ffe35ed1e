import { fold } from './text';

/**
 * Stage 2a, language. The pipeline's lexicons (dates, hedges, triggers) exist for French and
 * English, so detection only has to tell those apart and flag anything else. A stop-word vote does
 * that reliably on a paragraph and costs microseconds; a general n-gram detector (franc, cld)
 * would add weight without adding a language the later stages can read.
 */
const PROFILES: Record<string, readonly string[]> = {
  fr: ['le', 'la', 'les', 'des', 'du', 'de', 'et', 'est', 'une', 'un', 'que', 'qui', 'dans', 'pour', 'pas', 'sur', 'au', 'aux', 'avec', 'ont', 'selon', 'il', 'elle', 'a', 'ete', 'par', 'ce', 'cette', 'sont', 'mais', 'ou'],
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'was', 'that', 'for', 'on', 'with', 'by', 'as', 'at', 'from', 'it', 'he', 'she', 'has', 'have', 'were', 'said', 'an', 'be', 'this', 'which', 'after', 'but', 'not', 'are'],
  es: ['el', 'los', 'las', 'del', 'y', 'que', 'en', 'por', 'con', 'una', 'es', 'para', 'se', 'su', 'al', 'lo', 'como', 'pero', 'fue'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'ein', 'eine', 'auf', 'dem', 'sich', 'auch', 'wurde', 'im'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'non', 'una', 'sono', 'del', 'della', 'con', 'gli', 'nel', 'alla', 'anche', 'stato'],
};
/** Word → the profiles it belongs to: one map lookup per word instead of one set per language. */
const VOTES = new Map<string, string[]>();
for (const [lang, words] of Object.entries(PROFILES)) for (const w of words) VOTES.set(w, [...(VOTES.get(w) ?? []), lang]);
export const SUPPORTED_LANGUAGES = ['fr', 'en'] as const;

export interface LanguageGuess {
  language: string;
  /** Share of the winning profile's hits among all profile hits, 0-1. */
  confidence: number;
  supported: boolean;
}

export function detectLanguage(text: string): LanguageGuess {
  const scores: Record<string, number> = Object.fromEntries(Object.keys(PROFILES).map((k) => [k, 0]));
  const words = fold(text.slice(0, 20_000)).match(/\p{L}+/gu) ?? [];
  for (const w of words) for (const lang of VOTES.get(w) ?? []) scores[lang]!++;
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [best, bestScore] = ranked[0]!;
  const total = ranked.reduce((n, [, s]) => n + s, 0);
  if (bestScore < 3) return { language: 'und', confidence: 0, supported: false };
  const language = best;
  return { language, confidence: bestScore / total, supported: (SUPPORTED_LANGUAGES as readonly string[]).includes(language) };
}
