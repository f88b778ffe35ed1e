/**
 * Hedging and attribution markers: words with which a text signals that it does not vouch for what
 * it relays. They are kept on each citation and feed the status rules.
 *
 * Matching is on whole words, case- and accent-insensitive ("Selon", "selon"; "rapporté",
 * "rapporte"). JavaScript's `\b` only knows ASCII letters, so word edges are Unicode lookarounds.
 */
const HEDGES: ReadonlyArray<{ label: string; forms: readonly string[] }> = [
  // French: the conditional of hearsay, attribution, rumour.
  { label: 'aurait', forms: ['aurait', 'auraient'] },
  { label: 'serait', forms: ['serait', 'seraient'] },
  { label: 'selon', forms: ['selon'] },
  { label: 'rapporte', forms: ['rapporte', 'rapportent', 'rapporte que', 'il est rapporte'] },
  { label: 'on-dit', forms: ['on-dit', 'on dit'] },
  { label: 'peut-être', forms: ['peut-etre'] },
  { label: 'prétendument', forms: ['pretendument', 'supposement', 'presume'] },
  { label: 'certaines sources', forms: ['certaines sources', 'de source'] },
  // English.
  { label: 'allegedly', forms: ['allegedly', 'alleged', 'alleges'] },
  { label: 'reportedly', forms: ['reportedly', 'it is reported', 'was reported'] },
  { label: 'claimed', forms: ['claim', 'claims', 'claimed'] },
  { label: 'according to', forms: ['according to'] },
  { label: 'rumour', forms: ['rumour', 'rumours', 'rumor', 'rumors', 'rumoured', 'rumored'] },
  { label: 'unconfirmed', forms: ['unconfirmed', 'unverified'] },
  { label: 'people familiar', forms: ['people familiar', 'sources said', 'sources say'] },
];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const MATCHERS = HEDGES.map(({ label, forms }) => ({
  label,
  re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map((f) => escape(fold(f))).join('|')})(?![\\p{L}\\p{N}])`, 'u'),
}));

/** The hedge markers present in a passage, by label, in lexicon order. */
export function detectHedges(text: string): string[] {
  const folded = fold(text);
  return MATCHERS.filter(({ re }) => re.test(folded)).map(({ label }) => label);
}
