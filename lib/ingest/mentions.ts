import type { EntityType } from '../model/vocab';
import type { Sentence } from './sentences';
import { fold, isAllCaps, isCapitalized, nameKey, tokenize, type Token } from './text';

/**
 * Stage 4, mentions and entities. A mention is the name as written; it resolves to a case entity
 * by its name or aliases, compared under `nameKey` (accents, Cyrillic transliteration, the usual
 * French/English spelling shifts: Tokaïev = Tokayev = Токаев), by acronym (OTSC → CSTO through the
 * French name's initials or a small FR↔EN table), or by a person's surname. Names that resolve to
 * nothing are proposed as new entities with a guessed type; a person decides.
 */
export interface KnownEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: ReadonlyArray<{ name: string }>;
}

export type MatchHow = 'name' | 'alias' | 'spelling' | 'acronym' | 'surname' | 'new';

export interface Mention {
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** The existing entity it resolves to, or null for a proposed new one. */
  entityId: string | null;
  /** Grouping key: the entity id, or `new:<nameKey>` for a proposed entity. */
  ref: string;
  name: string;
  type: EntityType;
  how: MatchHow;
}

interface Entry {
  entityId: string;
  name: string;
  type: EntityType;
  how: MatchHow;
  /** Curators write generic aliases ("terroristes") in lowercase on purpose: those match lowercase text. */
  lowercaseOk: boolean;
}

export interface Gazetteer {
  byKey: Map<string, Entry[]>;
  firstTokens: Set<string>;
  maxTokens: number;
  entities: Map<string, KnownEntity>;
}

const CONNECTORS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'of', 'the', 'and', 'for', 'et', 'pour', 'on', 'al', 'bin', 'von', 'van']);
/** Connectors allowed inside a capitalised run ("Bank of England", "Ministère de la Défense"); not "et"/"and", which join two names. */
const RUN_CONNECTORS = new Set(['de', 'du', 'des', 'la', 'l', 'd', 'of', 'the', 'al', 'bin', 'von', 'van']);
/** Lowercase heads of institution names written in French style ("ministère de la Défense"). */
const ORG_HEADS = new Set(['ministere', 'ministry', 'departement', 'department', 'parquet', 'tribunal', 'cour', 'conseil', 'banque', 'agence']);
/** French ↔ English acronyms of international bodies (the initials differ by language). */
const ACRONYM_PAIRS: ReadonlyArray<[string, string]> = [
  ['OTAN', 'NATO'], ['ONU', 'UN'], ['UE', 'EU'], ['OMS', 'WHO'], ['FMI', 'IMF'], ['OTSC', 'CSTO'], ['CEI', 'CIS'],
  ['AIEA', 'IAEA'], ['OCS', 'SCO'], ['OSCE', 'OSCE'], ['BCE', 'ECB'], ['CPI', 'ICC'], ['CIJ', 'ICJ'], ['OMC', 'WTO'],
];

function initials(name: string): string | null {
  const words = name.split(/[\s\-’']+/).filter((w) => w && !CONNECTORS.has(fold(w)));
  if (words.length < 2) return null;
  return words.map((w) => w[0]!.toUpperCase()).join('');
}

const tokenKey = (t: string) => nameKey(t);

export function buildGazetteer(entities: readonly KnownEntity[]): Gazetteer {
  const byKey = new Map<string, Entry[]>();
  const firstTokens = new Set<string>();
  let maxTokens = 1;
  const add = (surface: string, e: KnownEntity, how: MatchHow, lowercaseOk = false) => {
    const key = tokenize(surface).map((t) => tokenKey(t.text)).join(' ');
    if (!key) return;
    const list = byKey.get(key) ?? [];
    if (!list.some((x) => x.entityId === e.id)) list.push({ entityId: e.id, name: e.name, type: e.type, how, lowercaseOk });
    byKey.set(key, list);
    const parts = key.split(' ');
    firstTokens.add(parts[0]!);
    maxTokens = Math.max(maxTokens, tokenize(surface).length);
  };
  const surnameCount = new Map<string, number>();
  const surnames: Array<[string, KnownEntity]> = [];
  for (const e of entities) {
    add(e.name, e, 'name');
    for (const a of e.aliases) add(a.name, e, 'alias', !isCapitalized(a.name));
    for (const n of [e.name, ...e.aliases.map((a) => a.name)]) {
      const ini = initials(n);
      if (ini && ini.length >= 2 && /^[\p{Lu}]+$/u.test(ini)) add(ini, e, 'acronym');
      const upper = n.toUpperCase();
      for (const [fr, en] of ACRONYM_PAIRS) {
        if (upper === en || ini === en) add(fr, e, 'acronym');
        if (upper === fr || ini === fr) add(en, e, 'acronym');
      }
    }
    if (e.type === 'person') {
      for (const n of [e.name, ...e.aliases.map((a) => a.name)]) {
        const toks = tokenize(n);
        const last = toks[toks.length - 1];
        if (toks.length >= 2 && last && last.text.length >= 3) {
          const k = tokenKey(last.text);
          surnames.push([last.text, e]);
          surnameCount.set(k, (surnameCount.get(k) ?? 0) + (surnames.filter(([s, x]) => tokenKey(s) === k && x.id === e.id).length === 1 ? 1 : 0));
        }
      }
    }
  }
  for (const [s, e] of surnames) if (surnameCount.get(tokenKey(s)) === 1) add(s, e, 'surname');
  return { byKey, firstTokens, maxTokens: Math.min(maxTokens, 10), entities: new Map(entities.map((e) => [e.id, e])) };
}

// ---------------------------------------------------------------------------------------------
// Unknown names

const STOP_CAPS = new Set(
  fold(
    `le la les un une des du de l d au aux ce cette ces il elle ils elles on nous vous je tu mais et ou donc or ni car selon
     apres avant depuis pendant lors dans sur sous pour par avec sans entre vers chez comme si quand lorsque alors ainsi
     cependant neanmoins toutefois pourtant enfin puis ensuite deja aussi plus moins tres tout tous toute toutes leur leurs
     son sa ses mon ma mes notre nos votre vos qui que quoi dont ou certains certaines plusieurs aucun aucune autre autres
     the a an this that these those he she it they we you i but and or so yet for nor after before since during while
     when if as at by in on of to from with without into over under about according however meanwhile also then there
     here some many several most other others his her its their our your who whom whose which what where why how
     mr mrs ms dr m mme president ministre minister lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday
     wednesday thursday friday saturday sunday janvier fevrier mars avril mai juin juillet aout septembre octobre novembre
     decembre january february march april may june july august september october november december lire read share
     partager photo video aujourd hui hier demain today yesterday tomorrow no yes oui non ok etat state gouvernement
     government police armee army`,
  ).split(/\s+/),
);

const PERSON_TITLES = new Set(
  fold(
    `president presidente ministre minister m mme mr mrs ms dr general gen secretaire secretary porte-parole spokesman
     spokeswoman spokesperson journaliste journalist correspondant correspondent chef leader premier senateur senator
     gouverneur governor maire mayor ambassadeur ambassador colonel capitaine captain commandant commander pdg ceo
     directeur directrice director juge judge depute deputy opposant dissident avocat lawyer docteur professeur professor
     prince roi king reine queen pape pope militant activist chercheur researcher commissioner commissaire chancellor
     chancelier prefet prefect`,
  ).split(/\s+/),
);
const ORG_WORDS = /\b(organisation|organization|ministere|ministry|parti|party|banque|bank|company|compagnie|societe|inc|ltd|corp|agence|agency|conseil|council|union|comite|committee|forces?|armee|army|cour|court|universite|university|institut|institute|airlines|group|groupe|fondation|foundation|federation|assemblee|assembly|parlement|parliament|senat|senate|commission|office|service|front|mouvement|movement|brigade|police|gendarmerie|ong|ngo|tribunal|department|departement|international|internationale|nations|ministere de|ministry of|holdings|mining|industries|centre|center|cross|croix|trust|board|authority|autorite|association|syndicat|network|reseau)\b/;
const FACILITY_WORDS = /\b(aeroport|airport|laboratoire|laboratory|lab|hopital|hospital|centrale|plant|port|stade|stadium|palais|palace|pont|bridge|base|prison|usine|factory|mine|raffinerie|refinery|ambassade|embassy|gare|station|universite|ecole|school|barrage|dam)\b/;
const PLACE_WORDS = /\b(ville|city|province|region|oblast|district|rue|street|avenue|boulevard|place|square|quartier|village|comte|county|etat de|state of|republique|republic|royaume|kingdom|ile|island|mer|sea|lac|lake|vallee|valley|river|riviere|fleuve|mount|mont|peninsula|peninsule)\b/;
const KNOWN_OUTLETS = new Set(
  fold(
    `reuters|afp|ap|associated press|tass|ria novosti|interfax|bbc|cnn|al jazeera|le monde|le figaro|liberation|the guardian|
     new york times|the new york times|washington post|the washington post|sputnik|rt|xinhua|bloomberg|financial times|politico|kommersant|
     tengrinews|france 24|euronews|dpa|ansa|efe|la croix|l'humanite|mediapart|ouest-france|the times|the telegraph|nhk|yonhap|anadolu|
     press tv|avia.pro|radio free europe|rfe/rl|radio liberty|azattyq|le temps|la tribune|les echos|le parisien|the economist|axios|npr|abc news|nbc news`,
  )
    .split('|')
    .map((s) => s.trim()),
);
const OUTLET_CUES = /(journal|quotidien|hebdomadaire|magazine|agence de presse|agence|site web|site|chaine|television|radio|newspaper|news agency|outlet|broadcaster|website|daily|weekly|tabloid)\s*$/;
const PLACE_CUES = /(?:^|\s)(a|au|aux|en|in|at|near|pres de|pres d|from|to|vers|outside|inside|dans la ville de|region de|capitale|capital)\s*$/;
const KNOWN_PLACES = new Set(
  fold(
    `france|paris|london|londres|moscou|moscow|russie|russia|ukraine|kiev|kyiv|washington|new york|berlin|allemagne|germany|chine|china|pekin|beijing|
     iran|teheran|tehran|irak|iraq|syrie|syria|damas|damascus|israel|gaza|liban|lebanon|beyrouth|beirut|turquie|turkey|ankara|istanbul|egypte|egypt|le caire|cairo|
     inde|india|pakistan|afghanistan|kaboul|kabul|japon|japan|tokyo|coree|korea|seoul|etats-unis|united states|us|usa|royaume-uni|united kingdom|uk|espagne|spain|madrid|
     italie|italy|rome|bruxelles|brussels|belgique|belgium|geneve|geneva|suisse|switzerland|pologne|poland|varsovie|warsaw|mali|bamako|niger|niamey|senegal|dakar|
     nigeria|lagos|kenya|nairobi|ethiopie|ethiopia|soudan|sudan|khartoum|libye|libya|tripoli|tunisie|tunisia|tunis|algerie|algeria|alger|algiers|maroc|morocco|rabat|
     bresil|brazil|mexique|mexico|canada|ottawa|montreal|quebec|venezuela|caracas|colombie|colombia|bogota|argentine|argentina|chili|chile|perou|peru|lima|
     kazakhstan|almaty|astana|nour-soultan|nur-sultan|ouzbekistan|uzbekistan|tachkent|tashkent|armenie|armenia|erevan|yerevan|georgie|georgia|tbilissi|tbilisi|
     azerbaidjan|azerbaijan|bakou|baku|bielorussie|belarus|minsk|moldavie|moldova|europe|afrique|africa|asie|asia|sahel|crimee|crimea|donbass|donbas|marseille|lyon|
     lille|toulouse|bordeaux|nantes|strasbourg|nice|rennes|grenoble|montpellier|manchester|chicago|los angeles|san francisco|boston|sydney|melbourne|australie|australia|
     port-au-prince|haiti|goma|kinshasa|rdc|drc|congo|kharkiv|odessa|odesa|marioupol|mariupol|bakhmout|bakhmut|kherson|zaporijjia|zaporizhzhia|donetsk|louhansk|luhansk`,
  )
    .split('|')
    .map((s) => s.trim()),
);

/** "the union X", "l'usine X", "a group calling itself X": the noun before a name says it is an organisation. */
const ORG_CUES = /(?:^|\s)(union|syndicat|company|compagnie|societe|entreprise|firm|group|groupe|usine|operator|operateur|itself|se faisant appeler|federation|party|parti|banque|bank|club|brand|marque)\s*$/;
/** "la ville de X", "the city of X", "le préfet de la X", "the mayor of X", "visited X": X is a place. */
const PLACE_OF = new RegExp(
  `(?:^|\\s)(?:(?:ville|village|city|town|commune|quartier|region|province|district|county|comte|departement|localite|canton)\\s+(?:de la|de l|du|de|d|of the|of)|(?:${[...['prefet', 'maire', 'mayor', 'governor', 'gouverneur', 'prefect']].join('|')})\\s+(?:de la|de l|du|de|d|des|of the|of)|visited|a visite|ont visite)\\s*$`,
);
/** "BlackHarbor", "OpenAI": a capital inside a word is a brand or a group, not a person or a place. */
const CAMEL = /^\p{Lu}[\p{Ll}\p{N}]+\p{Lu}[\p{L}\p{N}]*$/u;
/** "Petit-Couronne", "Seine-Maritime": one hyphenated capitalised word alone is, in news, a place. */
const HYPHEN_PLACE = /^\p{Lu}[\p{Ll}]+(?:-(?:\p{Lu}[\p{Ll}]+|sur|en|les|le|la|de|du|d'\p{Lu}[\p{Ll}]+))+$/u;

export function guessType(surface: string, before: string, after: string): EntityType | null {
  const f = fold(surface);
  const b = fold(before).replace(/[’']/g, ' ');
  if (KNOWN_OUTLETS.has(f)) return 'outlet';
  if (KNOWN_PLACES.has(f)) return 'place';
  if (OUTLET_CUES.test(b)) return 'outlet';
  if (ORG_CUES.test(b) && !PLACE_WORDS.test(f)) return FACILITY_WORDS.test(f) ? 'facility' : 'organisation';
  if (PLACE_OF.test(b) && surface.split(/\s+/).length <= 3 && !ORG_WORDS.test(f)) return 'place';
  if (FACILITY_WORDS.test(f)) return 'facility';
  if (ORG_WORDS.test(f)) return 'organisation';
  if (PLACE_WORDS.test(f)) return 'place';
  const lastBefore = b.trim().split(/\s+/).pop() ?? '';
  if (PERSON_TITLES.has(lastBefore.replace(/\.$/, ''))) return 'person';
  if (isAllCaps(surface) || CAMEL.test(surface)) return 'organisation';
  if (HYPHEN_PLACE.test(surface)) return 'place';
  const words = surface.split(/\s+/);
  if (PLACE_CUES.test(b) && words.length <= 2) return 'place';
  if (/^\s*(,\s*(?:qui|who|a|an|the|le|la)\b|\s+(?:said|says|told|a declare|a dit|a affirme|a annonce|declared|announced|added|a ajoute))/u.test(fold(after))) return 'person';
  if (words.length >= 2 && words.length <= 4 && words.every((w) => isCapitalized(w) || CONNECTORS.has(fold(w)))) return 'person';
  return null;
}

// ---------------------------------------------------------------------------------------------

export function findMentions(text: string, sentences: readonly Sentence[], gaz: Gazetteer): Mention[] {
  const out: Mention[] = [];
  const newBySurname = new Map<string, { ref: string; name: string; type: EntityType }>();
  // Names whose context told nothing ("les mineurs de Kamora"): typed afterwards if the same name
  // is typed elsewhere in the article ("s'est rendu à Kamora").
  const untyped: Array<{ start: number; end: number; sentence: number; key: string }> = [];
  for (const s of sentences) {
    const toks = tokenize(s.text, s.start);
    const keys = toks.map((t) => tokenKey(t.text));
    const covered = new Array<boolean>(toks.length).fill(false);
    // Known entities first, longest match wins.
    for (let i = 0; i < toks.length; i++) {
      if (!gaz.firstTokens.has(keys[i]!.split(' ')[0]!)) continue;
      for (let n = Math.min(gaz.maxTokens, toks.length - i); n >= 1; n--) {
        const key = keys.slice(i, i + n).join(' ');
        const entries = gaz.byKey.get(key);
        if (!entries) continue;
        const first = toks[i]!;
        const surface = text.slice(first.start, toks[i + n - 1]!.end);
        const capital = isCapitalized(first.text) || /\p{Lu}/u.test(surface);
        const entry = entries.find((e) => capital || e.lowercaseOk);
        if (!entry || entries.length > 1 && entries.filter((e) => capital || e.lowercaseOk).length > 1 && entry.how === 'surname') continue;
        const exact = [gaz.entities.get(entry.entityId)!.name, ...gaz.entities.get(entry.entityId)!.aliases.map((a) => a.name)].includes(surface);
        out.push({
          start: first.start, end: toks[i + n - 1]!.end, text: surface, sentence: s.index, entityId: entry.entityId, ref: entry.entityId,
          name: entry.name, type: entry.type, how: entry.how === 'alias' || entry.how === 'name' ? (exact ? entry.how : 'spelling') : entry.how,
        });
        for (let j = i; j < i + n; j++) covered[j] = true;
        i += n - 1;
        break;
      }
    }
    // Then capitalised runs that nothing known covers.
    for (let i = 0; i < toks.length; i++) {
      if (covered[i] || !startsName(toks, i, s.start, text)) continue;
      let j = i;
      while (j + 1 < toks.length && !covered[j + 1] && gapIsSpace(text, toks[j]!, toks[j + 1]!) && (isCapitalized(toks[j + 1]!.text) || (RUN_CONNECTORS.has(fold(toks[j + 1]!.text)) && j + 2 < toks.length && isCapitalized(toks[j + 2]!.text) && !covered[j + 2] && fold(toks[j + 1]!.text).length > 1))) j++;
      j = extendOrgName(toks, i, j, covered, text);
      // "Normachim de Petit-Couronne" after "l'usine": two names, the second a place.
      const split = splitAtPlace(toks, i, j);
      if (split !== null) j = split;
      let h = i;
      // "ministère de la Défense": take the lowercase head and its connectors into the name.
      while (h - 1 >= 0 && !covered[h - 1] && RUN_CONNECTORS.has(fold(toks[h - 1]!.text))) h--;
      if (h < i && h - 1 >= 0 && !covered[h - 1] && ORG_HEADS.has(fold(toks[h - 1]!.text))) i = h - 1;
      const first = toks[i]!;
      const last = toks[j]!;
      const surface = text.slice(first.start, last.end);
      const atStart = first.start === s.start || /^[«"“(\s]*$/.test(text.slice(s.start, first.start));
      if (STOP_CAPS.has(fold(first.text)) && j === i) continue;
      if (atStart && j === i && !isAllCaps(first.text) && !KNOWN_PLACES.has(fold(first.text)) && !KNOWN_OUTLETS.has(fold(first.text)) && !newBySurname.has(tokenKey(first.text))) continue;
      const before = text.slice(Math.max(s.start, first.start - 40), first.start);
      const after = text.slice(last.end, Math.min(s.end, last.end + 30));
      let clean = surface;
      let lastIdx = j;
      // "Le Monde" is an outlet; "Le président" is not a name: a leading stop word is dropped unless known.
      if (STOP_CAPS.has(fold(first.text)) && !KNOWN_OUTLETS.has(fold(surface))) {
        if (j === i) continue;
        i++;
        clean = text.slice(toks[i]!.start, last.end);
      }
      // "Health Secretary Victoria Atkins", "Belgian Labour Minister Sarah Janssens": the name is what follows the title.
      const titled = lastTitle(toks, i, j);
      if (titled !== null && titled < j) {
        i = titled + 1;
        clean = text.slice(toks[i]!.start, last.end);
      }
      const known = j === i ? newBySurname.get(tokenKey(toks[i]!.text)) : undefined;
      const type = known?.type ?? (titled !== null && titled < j ? 'person' : guessType(clean, titled !== null ? text.slice(Math.max(s.start, toks[i]!.start - 40), toks[i]!.start) : before, after));
      if (!type || (j === i && clean.length < 3 && !isAllCaps(clean))) {
        if (!type && clean.length >= 3) untyped.push({ start: toks[i]!.start, end: last.end, sentence: s.index, key: nameKey(clean) });
        i = lastIdx;
        continue;
      }
      const k = nameKey(clean);
      const surnameKey = tokenKey(toks[lastIdx]!.text);
      const prior = j === i ? newBySurname.get(surnameKey) : undefined;
      const ref = prior?.ref ?? `new:${k}`;
      const name = prior?.name ?? clean;
      if (!prior && type === 'person' && lastIdx > i) newBySurname.set(surnameKey, { ref, name, type });
      out.push({ start: toks[i]!.start, end: last.end, text: text.slice(toks[i]!.start, last.end), sentence: s.index, entityId: null, ref, name, type: prior?.type ?? type, how: 'new' });
      i = lastIdx;
    }
  }
  if (untyped.length > 0) {
    const typed = new Map<string, Mention>();
    for (const m of out) if (!typed.has(nameKey(m.text))) typed.set(nameKey(m.text), m);
    for (const u of untyped) {
      const m = typed.get(u.key);
      if (m) out.push({ start: u.start, end: u.end, text: text.slice(u.start, u.end), sentence: u.sentence, entityId: m.entityId, ref: m.ref, name: m.name, type: m.type, how: m.how });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Heads of French institution names, which capitalise only their first word ("Comité de sécurité nationale"). */
const ORG_CAP_HEADS = new Set(['comite', 'departement', 'ministere', 'mission', 'conseil', 'commission', 'agence', 'office', 'conference', 'cour', 'tribunal', 'parti', 'front', 'mouvement', 'union', 'organisation', 'banque', 'bureau', 'haut-commissariat', 'institut', 'autorite', 'assemblee', 'federation', 'syndicat']);
const OF_WORDS = new Set(['de', 'du', 'des', 'la', 'l', 'd']);
const ADJECTIVE = /(?:al|ier|iere|ieres|iers|ale|ales|aux|el|elle|elles|iel|ien|ienne|iennes|iens|ique|iques|aire|aires|ere|eres|ais|aise|aises|ies|is|ee|ees|if|ive|ives|eux|euse|euses)$/;

/**
 * French institution names go on in lowercase after their capitalised head: "Comité de sécurité
 * nationale", "Département fédéral des affaires étrangères", "Mission des Nations unies". The run
 * is extended over connectors, the noun after a connector, and adjectives, and must end on a word.
 */
function extendOrgName(toks: Token[], i: number, j: number, covered: boolean[], text: string): number {
  const head = STOP_CAPS.has(fold(toks[i]!.text)) && i < j ? i + 1 : i;
  if (!ORG_CAP_HEADS.has(fold(toks[head]!.text))) return j;
  let end = j;
  let k = j;
  let afterOf = false;
  while (k + 1 < toks.length && k + 1 - j <= 6 && !covered[k + 1] && gapIsSpace(text, toks[k]!, toks[k + 1]!)) {
    const w = toks[k + 1]!.text;
    const f = fold(w);
    if (isCapitalized(w)) break;
    if (OF_WORDS.has(f)) afterOf = true;
    else if (afterOf || (ADJECTIVE.test(f) && f.length > 3 && !STOP_CAPS.has(f))) {
      afterOf = false;
      end = k + 1;
    } else break;
    k++;
  }
  return end;
}

/** In "A de B-C", with A one word and B-C a hyphenated or known place, A ends before "de". */
function splitAtPlace(toks: Token[], i: number, j: number): number | null {
  if (j < i + 2 || !OF_WORDS.has(fold(toks[i + 1]!.text))) return null;
  let k = i + 1;
  while (k <= j && OF_WORDS.has(fold(toks[k]!.text))) k++;
  if (k !== j) return null;
  const rest = toks[j]!.text;
  return HYPHEN_PLACE.test(rest) || KNOWN_PLACES.has(fold(rest)) ? i : null;
}

/** Index of the last title word inside a run ("Labour Minister"), or null. */
function lastTitle(toks: Token[], i: number, j: number): number | null {
  let at: number | null = null;
  for (let k = i; k < j; k++) if (PERSON_TITLES.has(fold(toks[k]!.text)) && isCapitalized(toks[k + 1]!.text)) at = k;
  return at;
}

function startsName(toks: Token[], i: number, _sentenceStart: number, _text: string): boolean {
  const t = toks[i]!;
  return (isCapitalized(t.text) && !/^\d/.test(t.text));
}

function gapIsSpace(text: string, a: Token, b: Token): boolean {
  return /^[ \u00a0]$/.test(text.slice(a.end, b.start)) || /^[ \u00a0]?[’'][ ]?$/.test(text.slice(a.end, b.start));
}
