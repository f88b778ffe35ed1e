import type { Asserter } from '../model/citation';
import type { Stance } from '../model/vocab';
import { detectHedges } from '../provenance/hedges';
import type { Mention } from './mentions';
import type { Sentence } from './sentences';
import { fold } from './text';

/**
 * Stage 6, attribution and hedging: who says it and how. The hedge lexicon is the provenance
 * module's (so the status rules see the same words a curator's citation would get), plus a few
 * markers of doubt that matter only when reading raw text. The conservative reading wins: any
 * hedge or unnamed source makes the stance `alleges`, any denial `denies`.
 */
export interface Attribution {
  assertedBy: Asserter;
  via: Asserter[];
  stance: Stance;
  hedges: string[];
  /** True when the voice is an unnamed source ("selon certaines sources", "officials said"). */
  unnamed: boolean;
}

export interface Publisher {
  name: string;
  entityId: string | null;
}

const EXTRA_HEDGES: ReadonlyArray<[string, RegExp]> = [
  ['sources anonymes', /\b(sources? anonymes?|anonymous sources?|une source|a source|des sources|sources proches|sources close|people close|officials who|responsables? (?:qui ont|sous couvert)|on condition of anonymity|sous couvert d'anonymat)\b/],
  ['apparemment', /\b(apparemment|semble(?:rait)?|il semblerait|apparently|appears to|seems to|seemingly|possibly|probablement|probably|may have|might have|could have|pourrait avoir|pourraient avoir|aurait pu|auraient pu|would have)\b/],
  // Speculation: a suggestion or a modal "could" says what may be, not what is.
  ['suggéré', /\b(suggest(?:s|ed|ing)?|sugger\w*|laisse(?:nt)? entendre|speculat\w*|specul\w*|could (?!not\b)|might (?!not\b)|pourrai(?:t|ent) (?!pas\b))/],
  ['supposé', /\b(suppose|supposedly|presumed|presume|soupconne|suspected|purported|purportedly|accuse|accused|accusent|accuses)\b/],
  ['témoins', /\b(selon des temoins|witnesses said|according to witnesses|residents said|des habitants)\b/],
];
const UNNAMED = /\b(unnamed|unidentified|non identifie\w*|non nomme\w*|certaines sources|des sources|sources anonymes?|une source|anonymous|a source|sources said|sources say|people familiar|officials said|un responsable|un haut responsable|a senior official|an official|des temoins|witnesses|on-dit|on dit|rumeurs?|rumou?rs?|il est rapporte|it is reported|selon des|some reports|certains medias|some media|local media|medias locaux|reseaux sociaux|social media)\b/;
const DENIAL = /\b(dement\w*|a nie|ont nie|nie avoir|nient|nie que|nie toute|rejette (?:les|ces|toute)|a rejete|ont rejete|conteste\w*|infonde\w*|denied|denies|deny|denying|(?:rejected|dismissed) (?:the |these |those )?(?:claims?|reports?|allegations?|accusations?)|refuted|refutes|baseless|unfounded|fake news|never happened|n'a jamais eu lieu|did not happen|categorically)\b/;

/** Verbs of saying, in folded text (also used by the extractor to tell saying from doing). */
export const SPEECH = /\b(a declare|ont declare|a dit|ont dit|a affirme|ont affirme|affirme|a annonce|ont annonce|annonce|a indique|ont indique|indique|a assure|a confirme|confirme|a precise|precise|a ajoute|estime|a estime|a souligne|a explique|selon (?:lui|elle)|said|says|told|announced|stated|confirmed|declared|added|explained|insisted|wrote|tweeted|claimed|reported|rapporte|rapportent|a rapporte|a ecrit|a publie)\b/;
const ACCORDING = /\b(selon|d'apres|according to|comme le rapporte|comme l'a rapporte|as reported by|cite par|cited by|quoted by|reports|reported by|a rapporte|rapporte)\s*$/;
const TOLD = /\b(told|a declare a|a dit a|a indique a|a confie a|in an interview with|dans un entretien (?:accorde )?(?:a|au)|cite par|quoted by|speaking to)\s*$/;

export function detectAllHedges(text: string): string[] {
  const f = fold(text).replace(/’/g, "'");
  const found = new Set(detectHedges(text));
  for (const [label, re] of EXTRA_HEDGES) if (re.test(f)) found.add(label);
  return [...found];
}

export function attribute(sentence: Sentence, mentions: readonly Mention[], publisher: Publisher): Attribution {
  const f = fold(sentence.text).replace(/’/g, "'");
  const hedges = detectAllHedges(sentence.text);
  const own: Asserter = { kind: 'outlet', name: publisher.name, entityId: publisher.entityId };
  const inSentence = mentions.filter((m) => m.sentence === sentence.index);
  const rel = (m: Mention) => m.start - sentence.start;
  const asAsserter = (m: Mention): Asserter => ({
    kind: m.type === 'outlet' ? 'outlet' : m.type === 'person' ? 'person' : 'organisation',
    name: m.name,
    entityId: m.entityId,
  });
  const voices = inSentence.filter((m) => m.type === 'person' || m.type === 'organisation' || m.type === 'outlet' || m.type === 'group');

  let assertedBy: Asserter = own;
  const via: Asserter[] = [];
  let unnamed = false;

  // "selon X", "according to X", "comme le rapporte X": X is the next voice after the phrase.
  const named = voices.find((m) => ACCORDING.test(f.slice(Math.max(0, rel(m) - 40), rel(m)).replace(/\s+(le|la|les|l'|du|de la|des|the|journal|quotidien|site web militaire russe|site|agence|newspaper|agency|,)\s*/g, ' ').trimEnd() + ' '));
  const told = voices.find((m) => m.type === 'outlet' && TOLD.test(f.slice(Math.max(0, rel(m) - 40), rel(m)).replace(/\s+(le|la|l'|the|agence|agency)\s*$/g, ' ').trimEnd() + ' '));
  const speaker = voices.find((m) => m !== told && (SPEECH.test(f.slice(rel(m) + m.text.length, rel(m) + m.text.length + 40)) || SPEECH.test(f.slice(Math.max(0, rel(m) - 25), rel(m)))));
  if (UNNAMED.test(f) && !speaker) {
    unnamed = true;
    const m = UNNAMED.exec(f)!;
    assertedBy = { kind: 'unnamed', name: sentence.text.slice(m.index, m.index + m[0].length), entityId: null };
    if (named && named.type === 'outlet') via.push(asAsserter(named));
  } else if (speaker && speaker.type !== 'outlet') {
    assertedBy = asAsserter(speaker);
    if (told) via.push(asAsserter(told));
  } else if (named) {
    assertedBy = asAsserter(named);
  } else if (speaker) {
    assertedBy = asAsserter(speaker);
  }
  if (assertedBy.kind === 'outlet' && publisher.entityId && assertedBy.entityId === publisher.entityId) assertedBy = own;

  const denies = DENIAL.test(f);
  const ownVoice = assertedBy === own;
  const stance: Stance = denies ? 'denies' : hedges.length > 0 || unnamed ? 'alleges' : ownVoice ? 'asserts' : 'reports';
  return { assertedBy, via, stance, hedges, unnamed };
}
