import type { EntityType, RelationType } from '../model/vocab';
import type { Mention } from './mentions';
import type { Sentence } from './sentences';
import { fold, nameKey } from './text';

/**
 * Entity–entity relationships read from sentences with a clear, local pattern between two names
 * that follow each other: "Karim Massimov, chef du Comité…" (LEADS), "le chef du Comité…, Karim
 * Massimov" (LEADS), "Jane Doe, spokeswoman for Acme" (WORKS_FOR), "X, membre de Y" (MEMBER_OF),
 * "X, a subsidiary of Y" (PART_OF), "the Acme plant in Rouen" (LOCATED_IN), "X a déployé des
 * troupes au Y" (CONTRIBUTES_TROOPS_TO). Only the closed list of the model's relationship types is
 * proposed: an alliance ("X, allié de Y") has no type in the model, so it is not guessed at.
 *
 * Precision over recall: only consecutive mentions in one sentence, only the words between them
 * (and, for the "title of Y, X" form, the few words before Y). Each proposal cites its sentence and
 * is reviewed like an event. Two forms reach a little further, each still on the words right before
 * a person's name: a nationality ("Chilean Foreign Minister X", "le ministre arménien …, X") names
 * the country when the article mentions it, and a possessive ("Son directeur général, X", "Its
 * chief executive, X") names the organisation the previous sentence ends its mentions with.
 */
export interface CandidateRelation {
  type: RelationType;
  fromRef: string;
  toRef: string;
  sentence: number;
  /** The words that made the rule fire, shown to the reviewer. */
  cue: string;
}

const OF = `(?:de la|de l'|du|des|de|d'|of the|of|for the|for|at the|at)`;
const LEADER = `(?:chef|cheffe|president|presidente|dirigeant|dirigeante|leader|head|directeur general|directrice generale|directeur|directrice|director general|director|secretaire general|secretaire generale|secretary[- ]general|commandant|commander|pdg|ceo|chief executive|patron|patronne|premier ministre|prime minister|chancelier|chanceliere|chancellor|chairman|chairwoman|chair|gouverneur|gouverneure|governor|prefet|prefete|prefect|maire|mairesse|mayor|bourgmestre|burgomaster|roi|reine|king|queen|emir|fondateur|fondatrice|founder)`;
const WORKER = `(?:porte-parole|spokesman|spokeswoman|spokesperson|ministre|minister|employe|employee|conseiller|conseillere|adviser|advisor|ambassadeur|ambassadrice|ambassador|correspondant|correspondante|correspondent|journaliste|journalist|reporter|official|responsable|officier|officer|avocat|avocate|lawyer|analyste|analyst|economiste|economist|chercheur|chercheuse|researcher|negociateur|negociatrice|negotiator)`;
const DET = `(?:le |la |l'|les |the |its |their |un |une |a |an |son |sa |ses |leur )?`;
const ADJ = `(?:nouveau |nouvelle |new |former |ancien |ancienne |current |actuel |actuelle |interim |acting )?`;

const AGENT: ReadonlySet<EntityType> = new Set(['organisation', 'group', 'place', 'facility', 'outlet']);
const BODY: ReadonlySet<EntityType> = new Set(['organisation', 'group', 'outlet']);

interface Rule {
  type: RelationType;
  /** Matched against the folded words between the two names. */
  between: RegExp;
  from: ReadonlySet<EntityType>;
  to: ReadonlySet<EntityType>;
  /**
   * True when the second name is the subject ("le chef du Comité, Massimov": Massimov LEADS Comité).
   * `from` and `to` always describe the relationship's own ends, not the order in the text.
   */
  reversed?: boolean;
  /** Matched against the folded words just before the first name, when the rule needs them. */
  before?: RegExp;
}

const PERSON: ReadonlySet<EntityType> = new Set(['person']);
const RULES: readonly Rule[] = [
  // "Karim Massimov, chef du Comité de sécurité nationale" / "Jane Doe, the new head of Acme"
  { type: 'LEADS', between: new RegExp(`^\\s*,\\s*${DET}${ADJ}${LEADER}\\s+${OF}\\s*$`), from: PERSON, to: AGENT },
  // "le chef du Comité de sécurité nationale, Karim Massimov" / "the CSTO's secretary general, Stanislav Zas"
  { type: 'LEADS', between: /^\s*,\s*$/, before: new RegExp(`${LEADER}\\s+${OF}\\s*$`), from: PERSON, to: AGENT, reversed: true },
  { type: 'LEADS', between: new RegExp(`^\\s*'s\\s+${ADJ}${LEADER}\\s*,?\\s*$`), from: PERSON, to: AGENT, reversed: true },
  // "Jane Doe, spokeswoman for Acme" / "Abdoulaye Maïga, porte-parole du gouvernement"
  { type: 'WORKS_FOR', between: new RegExp(`^\\s*,\\s*${DET}${ADJ}${WORKER}\\s+${OF}\\s*$`), from: PERSON, to: AGENT },
  { type: 'WORKS_FOR', between: /^\s*,\s*$/, before: new RegExp(`${WORKER}\\s+${OF}\\s*$`), from: PERSON, to: BODY, reversed: true },
  { type: 'WORKS_FOR', between: new RegExp(`^\\s*'s\\s+${ADJ}${WORKER}\\s*,?\\s*$`), from: PERSON, to: BODY, reversed: true },
  // "X, membre de Y" / "X, a member of Y" / "X, Etat membre de Y"
  { type: 'MEMBER_OF', between: new RegExp(`^\\s*,\\s*${DET}(?:etat |pays |state |country )?(?:membre|member|member state)\\s+${OF}\\s*$`), from: new Set(['person', 'organisation', 'group', 'place']), to: BODY },
  // "X, une filiale de Y" / "X, a subsidiary of Y"
  { type: 'PART_OF', between: new RegExp(`^\\s*,\\s*${DET}(?:filiale|branche|subsidiary|unit|unite|division|branch|wing|aile|section|composante|component)\\s+${OF}\\s*$`), from: new Set(['organisation', 'group', 'facility']), to: new Set(['organisation', 'group']) },
  // "l'usine Normachim de Petit-Couronne" / "the Acme plant in Rouen" / "based in"
  { type: 'LOCATED_IN', between: /^\s*(?:de|d'|in|a|at|basee? (?:a|en|au)|based in|headquartered in|situee? (?:a|en|au)|located in|installee? (?:a|en|au))\s*$/, from: new Set(['facility', 'organisation']), to: new Set(['place']) },
  // "la place Jean-Macé, à Lyon" / "Sotk, dans la région de Gegharkunik" / "Kamora, dans le sud du Niger".
  // "au sud de Rouen" (outside it) is not "dans le sud de" (inside), nor is "near" "in".
  {
    type: 'LOCATED_IN',
    between: new RegExp(
      `^\\s*,\\s*(?:(?:a|au|aux|en|in)\\s+${DET}|(?:dans|in)\\s+(?:la |le |l'|the )?(?:region|province|etat|state|county|comte|district|departement|quartier|neighbourhood|neighborhood|commune|ville|city|town|village)\\s+${OF}\\s*${DET}|(?:dans|in)\\s+(?:le |la |l'|the )(?:nord|sud|est|ouest|centre|north|south|east|west|centre|center)(?:-est|-ouest|-east|-west)?\\s+${OF}\\s*${DET})$`,
    ),
    from: new Set(['place', 'facility', 'organisation']),
    to: new Set(['place']),
  },
  // "La Russie a déployé des troupes au Kazakhstan" / "Armenia sent 100 soldiers to the CSTO mission"
  {
    type: 'CONTRIBUTES_TROOPS_TO',
    between: /^\s*(?:a |ont |has |have |had |avait |will |va |vont )?(?:deploye|envoye|depeche|fourni|sent|deployed|dispatched|send|deploy|contributed|provided|fournit|envoie|envoient|deploie|deploient)\s+(?:\S+\s+){0,4}(?:troupes|soldats|militaires|forces|troops|soldiers|forces|contingent|peacekeepers|casques bleus|parachutistes|paratroopers)\b[^,.;]{0,40}?\b(?:au|aux|en|a|to|in|into|dans|pour|for)\s*(?:le |la |l'|the )?$/,
    from: new Set(['place', 'organisation', 'group']),
    to: new Set(['place', 'organisation', 'group']),
  },
];

export function proposeRelations(text: string, sentences: readonly Sentence[], mentions: readonly Mention[]): CandidateRelation[] {
  const out: CandidateRelation[] = [];
  const seen = new Set<string>();
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  for (const [index, ms] of bySentence) {
    const s = sentences[index];
    if (!s || ms.length < 2) continue;
    const sorted = [...ms].sort((a, b) => a.start - b.start);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const a = sorted[i]!;
      const b = sorted[i + 1]!;
      if (a.ref === b.ref || b.start < a.end) continue;
      const between = norm(text.slice(a.end, b.start));
      if (between.length > 120) continue;
      const before = norm(text.slice(Math.max(s.start, a.start - 40), a.start));
      for (const r of RULES) {
        const [from, to] = r.reversed ? [b, a] : [a, b];
        if (!r.from.has(from.type) || !r.to.has(to.type)) continue;
        if (!r.between.test(between) || (r.before && !r.before.test(before))) continue;
        const key = `${r.type}|${from.ref}|${to.ref}`;
        if (seen.has(key)) break;
        seen.add(key);
        const cue = (r.before ? `${text.slice(Math.max(s.start, a.start - 40), a.start).trim().split(/\s+/).slice(-3).join(' ')} … ` : '') + text.slice(a.end, b.start).replace(/^[\s,]+/, '').trim();
        out.push({ type: r.type, fromRef: from.ref, toRef: to.ref, sentence: index, cue: cue.slice(0, 120) || r.type });
        break;
      }
    }
  }
  proposeByTitle(text, sentences, mentions, bySentence, seen, out);
  return out.sort((x, y) => x.sentence - y.sentence);
}

/**
 * Countries by their demonyms (folded; French masculine and feminine, English), for "Chilean
 * Foreign Minister X" and "le ministre arménien des Affaires étrangères, X". A country is only
 * linked when the article mentions it by name.
 */
const COUNTRIES: ReadonlyArray<[names: readonly string[], demonyms: readonly string[]]> = [
  [['France'], ['francais', 'francaise', 'french']],
  [['Belgique', 'Belgium'], ['belge', 'belgian']],
  [['Suisse', 'Switzerland'], ['suisse', 'swiss']],
  [['Allemagne', 'Germany'], ['allemand', 'allemande', 'german']],
  [['Espagne', 'Spain'], ['espagnol', 'espagnole', 'spanish']],
  [['Italie', 'Italy'], ['italien', 'italienne', 'italian']],
  [['Portugal'], ['portugais', 'portugaise', 'portuguese']],
  [['Royaume-Uni', 'United Kingdom', 'UK', 'Britain'], ['britannique', 'british']],
  [['Irlande', 'Ireland'], ['irlandais', 'irlandaise', 'irish']],
  [['Pays-Bas', 'Netherlands'], ['neerlandais', 'neerlandaise', 'dutch']],
  [['Pologne', 'Poland'], ['polonais', 'polonaise', 'polish']],
  [['Ukraine'], ['ukrainien', 'ukrainienne', 'ukrainian']],
  [['Russie', 'Russia'], ['russe', 'russian']],
  [['Biélorussie', 'Belarus'], ['bielorusse', 'belarusian']],
  [['Arménie', 'Armenia'], ['armenien', 'armenienne', 'armenian']],
  [['Azerbaïdjan', 'Azerbaijan'], ['azerbaidjanais', 'azerbaidjanaise', 'azerbaijani']],
  [['Géorgie', 'Georgia'], ['georgien', 'georgienne', 'georgian']],
  [['Turquie', 'Turkey', 'Türkiye'], ['turc', 'turque', 'turkish']],
  [['Grèce', 'Greece'], ['grec', 'grecque', 'greek']],
  [['Kazakhstan'], ['kazakh', 'kazakhe', 'kazakhstanais', 'kazakhstanaise']],
  [['Kirghizistan', 'Kyrgyzstan'], ['kirghiz', 'kirghize', 'kyrgyz']],
  [['Tadjikistan', 'Tajikistan'], ['tadjik', 'tadjike', 'tajik']],
  [['Ouzbékistan', 'Uzbekistan'], ['ouzbek', 'ouzbeke', 'uzbek']],
  [['Chine', 'China'], ['chinois', 'chinoise', 'chinese']],
  [['Japon', 'Japan'], ['japonais', 'japonaise', 'japanese']],
  [['Inde', 'India'], ['indien', 'indienne', 'indian']],
  [['Iran'], ['iranien', 'iranienne', 'iranian']],
  [['Israël', 'Israel'], ['israelien', 'israelienne', 'israeli']],
  [['Égypte', 'Egypt'], ['egyptien', 'egyptienne', 'egyptian']],
  [['Maroc', 'Morocco'], ['marocain', 'marocaine', 'moroccan']],
  [['Algérie', 'Algeria'], ['algerien', 'algerienne', 'algerian']],
  [['Tunisie', 'Tunisia'], ['tunisien', 'tunisienne', 'tunisian']],
  [['Mali'], ['malien', 'malienne', 'malian']],
  [['Niger'], ['nigerien', 'nigerienne', 'nigerien']],
  [['Nigeria'], ['nigerian', 'nigeriane']],
  [['Sénégal', 'Senegal'], ['senegalais', 'senegalaise', 'senegalese']],
  [['Burkina Faso'], ['burkinabe']],
  [['Kenya'], ['kenyan', 'kenyane']],
  [['Éthiopie', 'Ethiopia'], ['ethiopien', 'ethiopienne', 'ethiopian']],
  [['Afrique du Sud', 'South Africa'], ['sud-africain', 'sud-africaine', 'south african']],
  [['États-Unis', 'United States', 'US', 'USA'], ['americain', 'americaine', 'american']],
  [['Canada'], ['canadien', 'canadienne', 'canadian']],
  [['Mexique', 'Mexico'], ['mexicain', 'mexicaine', 'mexican']],
  [['Brésil', 'Brazil'], ['bresilien', 'bresilienne', 'brazilian']],
  [['Argentine', 'Argentina'], ['argentin', 'argentine', 'argentinian', 'argentine']],
  [['Chili', 'Chile'], ['chilien', 'chilienne', 'chilean']],
  [['Haïti', 'Haiti'], ['haitien', 'haitienne', 'haitian']],
  [['Australie', 'Australia'], ['australien', 'australienne', 'australian']],
];
const COUNTRY_OF = new Map<string, readonly string[]>(COUNTRIES.flatMap(([names, dems]) => dems.map((d) => [d, names] as const)));
const DEMONYM = `(${[...COUNTRY_OF.keys()].sort((a, b) => b.length - a.length).join('|')})`;
const ROLE = `(${LEADER}|${WORKER})`;
/** "chilean foreign minister " right before the name. */
const DEMONYM_BEFORE_EN = new RegExp(`\\b${DEMONYM}\\s+(?:[a-z'-]+\\s+){0,3}?${ROLE}\\s*$`);
/** "le ministre armenien des affaires etrangeres, " right before the name. */
const DEMONYM_AFTER_FR = new RegExp(`\\b${ROLE}\\s+${DEMONYM}(?:\\s+(?:de|du|des|d')\\s?[^,;]{0,50})?\\s*,?\\s*$`);
/** "Son directeur général, " / "Its chief executive, " opening the sentence. */
const POSSESSIVE = new RegExp(`^\\s*(?:son|sa|its|their|leur|his|her)\\s+${ADJ}${ROLE}\\s*,?\\s*$`);
const isLeader = new RegExp(`^${LEADER}$`);

function proposeByTitle(
  text: string,
  sentences: readonly Sentence[],
  mentions: readonly Mention[],
  bySentence: ReadonlyMap<number, Mention[]>,
  seen: Set<string>,
  out: CandidateRelation[],
): void {
  const push = (type: RelationType, from: Mention, toRef: string, cue: string) => {
    const key = `${type}|${from.ref}|${toRef}`;
    if (from.ref === toRef || seen.has(key)) return;
    seen.add(key);
    out.push({ type, fromRef: from.ref, toRef, sentence: from.sentence, cue: cue.trim().slice(0, 120) || type });
  };
  const countryRef = (names: readonly string[]): string | null => {
    const keys = new Set(names.map(nameKey));
    return mentions.find((m) => m.type === 'place' && (keys.has(nameKey(m.name)) || keys.has(nameKey(m.text))))?.ref ?? null;
  };
  for (const m of mentions) {
    if (m.type !== 'person') continue;
    const s = sentences[m.sentence];
    if (!s) continue;
    const rawBefore = text.slice(Math.max(s.start, m.start - 80), m.start);
    const before = norm(rawBefore);
    const en = DEMONYM_BEFORE_EN.exec(before);
    const dem = en ?? DEMONYM_AFTER_FR.exec(before);
    if (dem) {
      const [demonym, role] = en ? [dem[1]!, dem[2]!] : [dem[2]!, dem[1]!];
      const to = countryRef(COUNTRY_OF.get(demonym) ?? []);
      if (to) push(isLeader.test(role) ? 'LEADS' : 'WORKS_FOR', m, to, rawBefore.slice(rawBefore.length - dem[0].length));
      continue;
    }
    const own = norm(text.slice(s.start, m.start));
    const pos = POSSESSIVE.exec(own);
    if (pos && m.sentence > 0 && sentences[m.sentence - 1]!.paragraph === s.paragraph) {
      const org = (bySentence.get(m.sentence - 1) ?? []).filter((x) => x.type === 'organisation' || x.type === 'group').sort((a, b) => a.start - b.start)[0];
      if (org) push(isLeader.test(pos[1]!) ? 'LEADS' : 'WORKS_FOR', m, org.ref, `${text.slice(s.start, m.start).replace(/[\s,]+$/, '')} (${org.text})`);
    }
  }
}

const norm = (s: string) => fold(s).replace(/[’`]/g, "'").replace(/\s+/g, ' ');
