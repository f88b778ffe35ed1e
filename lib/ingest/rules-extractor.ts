import type { EventKind } from '../model/vocab';
import { attribute, SPEECH, type Attribution } from './attribution';
import { findDates, publicationFallback, resolveWhen, type DateContext, type DateMention, type ResolvedWhen } from './dates';
import type { AnalysedText, CandidateEvent, Extraction, ExtractionContext, Extractor } from './extractor';
import type { Sentence } from './sentences';
import { buildGazetteer, findMentions, type Gazetteer, type KnownEntity, type Mention } from './mentions';
import { proposeRelations } from './relations';
import { fold } from './text';

/**
 * The default extractor: lexicons and rules, French and English, no network, no model. A sentence
 * becomes a candidate event when it has an event verb or noun and something to hang it on (a date
 * or a named participant). It proposes generously within those bounds; the review screen is where
 * a person says no.
 */
const TRIGGERS: ReadonlyArray<[EventKind, RegExp]> = [
  ['attack', /\b(attaqu\w*|attack\w*|assaut|stormed|storm(?:ed|ing) the|bombard\w*|bombed|bombing|frappes?|strikes? on|airstrikes?|tirs?\b|fired|shelled|shelling|tue[es]?\b|tuees?|killed|blesse\w*|wounded|explos\w*|exploded|incendie criminel|set fire|raid\w*|ambush\w*|embuscade|massacre\w*|assassin\w*|abattu\w*|shot down|pris d'assaut|pris(?:e)? d'assaut|emparer|seized|s'est empare|prise de)\b/],
  ['deployment', /\b(deploi\w*|deploy\w*|envoy\w* des (?:troupes|soldats|forces)|sent (?:troops|soldiers|forces)|dispatch\w*|stationed|arrivee des|arrive(?:e|s|es)? (?:a|au|aux|en|dans)|arrived|contingent)\b/],
  ['withdrawal', /\b(retrait|retir\w*|withdr\w*|pulled out|pull out|quitte\w* le pays|left the country|repli\w*|evacuation des troupes)\b/],
  ['meeting', /\b(rencontr\w*|met with|met (?:both|the|their|his|her|its|leaders|representatives|officials)|rendu visite|meets|meeting with|reuni\w*|sommet|summit|entretien avec|talks|pourparlers|negociation\w*|negotiat\w*|s'est entretenu|visite\w*|visited|visit to|held talks)\b/],
  ['policy', /\b(loi|law|decret\w*|decree\w*|etat d'urgence|state of emergency|couvre-feu|curfew|leve\w*|lifted|sanction\w*|interdi\w*|banned|bans?\b|approuv\w*|approved|adopt\w*|vote\w*|voted|ratifi\w*|sign\w*|accord\b|agreement|elections?|nomme\w*|appointed|demission\w*|resign\w*|limoge\w*|dismissed|fired the|budget|reforme|reform|instaur\w*|imposed|impose\w*|decid\w*|prolong\w*|extended|ordonn\w*|ordered|ruled|verdict|jugement|inculp\w*|indicted|charged with|mis en examen|sentenced|convicted|acquitt?\w*)\b/],
  ['incident', /\b(disparu\w*|returned to work|repris le travail|reprise du travail|resumed work|repris\w*|reprise|retabli\w*|rouvert\w*|reouvert\w*|reouverture|resumed|restored|reopen(?:ed|ing|s)?|bloqu\w*|blocus|barricad\w*|blocked|blockad\w*|stuck|burst|deborde\w*|greves?\b|strikes?\b(?! on)|walkout|disappeared|missing|vole\w*|stolen|evacu\w*|arret\w*|arrested|detenu\w*|detained|manifest\w*|protest\w*|rassemblement\w*|rall(?:y|ies)|greve\w*|walkout|incendie\w*|fire broke|accident\w*|crash\w*|panne\w*|outage|fuite\w*|leak\w*|inondation\w*|flood\w*|seisme|earthquake|evade\w*|escaped|ferme\w*|closed|shut down|coupure\w*|cut off|emeute\w*|riot\w*|pill\w*|loot\w*|emptied|(?:ont|auraient|aurait|a) vide|effondr\w*|collapsed|hospitalis\w*|contamin\w*|outbreak|epidemi\w*|cas de|cases of|morts?\b|deaths?|dead|victimes?)\b/],
  ['statement', /\b(annonc\w*|announc\w*|declar\w*|a affirme|affirm\w*|communique|discours|speech|appele? a|called for|averti\w*|warned|promis\w*|promised|confirme\w*|confirmed|denonce\w*|condemned|condamn\w*|dement\w*|denied|denies|nie\b|a nie|rejet\w*|rejected|accuse\w*|accused|called (?:the|this|that|it|them|him|her|his|their)|qualifie\w* (?:de|d')|described (?:the|this|that|it|them|him|her) as|termed)\b/],
];
/**
 * A hedged sentence with no event word is still a claim when it says something happened under
 * doubt: the hearsay conditional, "allegedly", "claimed that", "may have been".
 */
const CLAIM_CUE = /\b(aurai(?:t|ent)|serai(?:t|ent)|pourrai(?:t|ent)|allegedly|reportedly|claim(?:s|ed)? (?:that|the|it|to)|may have|might have|could (?!not\b)|pretendument|supposedly|suggest(?:s|ed)?|sugger\w*|laisse(?:nt)? entendre)\b/;
/**
 * An action the sentence dates by itself is an event even when no word of the lexicon names it
 * ("Mardi, des centaines de grévistes ont bloqué…", "Two days later, crews began skimming…"): a
 * past-tense verb other than a verb of saying, next to a date of the sentence's own. Such a sentence
 * is proposed as `other`, for the reviewer to name. English past forms: regular "-ed" and the common
 * irregular ones; French: an auxiliary and a past participle. Matched on folded text.
 */
const PAST_EN = new RegExp(
  // "-ed" after "is", "will be", "to be"… is a present or future passive ("is planned", "will be published").
  '(?<!\\b(?:is|are|am|be|being|will|to|would|shall|can|could|may|might|must|should)\\s)\\b[a-z]{2,}ed\\b' +
    '|\\b(?:began|begun|took|went|came|made|held|gave|left|met|sent|won|lost|fell|rose|broke|brought|built|caught|chose|drove|fought|found|flew|got|hit|kept|led|paid|ran|rode|sold|shut|spent|stood|stole|struck|swept|threw|tore|withdrew|overtook|sank|spread|sought|bought)\\b',
);
/** "est prévu", "est attendu": a state or a plan, not a past action (the passé composé of être is). */
const PAST_FR = /\b(?:a|ont|avait|avaient|est|sont|etait|etaient|s'est|se sont|a ete|ont ete|avait ete|avaient ete)\s+(?:(?:deja|aussi|ensuite|finalement|alors|encore|egalement|bien|pu|du)\s+)?(?!(?:prevu|attendu|programme|envisage|cense|situe|base|charge|compose|pret|oblige)(?:e|es|s)?\b)[a-z]+(?:e|es|ee|ees|i|is|ie|ies|it|its|u|us|ue|ues|ert|erts|erte|ertes|int|ait)\b/;
const SAYING = new RegExp(SPEECH.source, 'g');
function isDatedAction(sentence: string): boolean {
  const f = fold(sentence).replace(/’/g, "'").replace(SAYING, ' ');
  return PAST_FR.test(f) || PAST_EN.test(f);
}

/** Order of preference when several kinds' words appear: what happened beats what was said about it. */
const KIND_ORDER: readonly EventKind[] = ['attack', 'deployment', 'withdrawal', 'meeting', 'policy', 'incident', 'statement'];

/** Zones of places, so "19 h 50 (heure locale)" in an article about Almaty is read in Almaty time. */
const PLACE_ZONES: Record<string, string> = {
  kazakhstan: 'Asia/Almaty', almaty: 'Asia/Almaty', astana: 'Asia/Almaty', 'nur-sultan': 'Asia/Almaty', 'nour-soultan': 'Asia/Almaty',
  france: 'Europe/Paris', paris: 'Europe/Paris', marseille: 'Europe/Paris', lyon: 'Europe/Paris', russia: 'Europe/Moscow', russie: 'Europe/Moscow',
  moscow: 'Europe/Moscow', moscou: 'Europe/Moscow', ukraine: 'Europe/Kyiv', kyiv: 'Europe/Kyiv', kiev: 'Europe/Kyiv', kharkiv: 'Europe/Kyiv',
  'united kingdom': 'Europe/London', london: 'Europe/London', londres: 'Europe/London', germany: 'Europe/Berlin', berlin: 'Europe/Berlin',
  'new york': 'America/New_York', washington: 'America/New_York', chicago: 'America/Chicago', 'los angeles': 'America/Los_Angeles',
  mali: 'Africa/Bamako', bamako: 'Africa/Bamako', senegal: 'Africa/Dakar', dakar: 'Africa/Dakar', kenya: 'Africa/Nairobi', nairobi: 'Africa/Nairobi',
  japan: 'Asia/Tokyo', tokyo: 'Asia/Tokyo', china: 'Asia/Shanghai', beijing: 'Asia/Shanghai', india: 'Asia/Kolkata', iran: 'Asia/Tehran',
  armenia: 'Asia/Yerevan', georgia: 'Asia/Tbilisi', belarus: 'Europe/Minsk', kyrgyzstan: 'Asia/Bishkek', tajikistan: 'Asia/Dushanbe',
  canada: 'America/Toronto', quebec: 'America/Toronto', montreal: 'America/Toronto', brazil: 'America/Sao_Paulo', mexico: 'America/Mexico_City',
  geneva: 'Europe/Zurich', geneve: 'Europe/Zurich', switzerland: 'Europe/Zurich', suisse: 'Europe/Zurich', belgium: 'Europe/Brussels', brussels: 'Europe/Brussels', bruxelles: 'Europe/Brussels',
  haiti: 'America/Port-au-Prince', 'port-au-prince': 'America/Port-au-Prince',
};

export function localZoneOf(mentions: readonly Mention[]): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    if (m.type !== 'place') continue;
    const zone = PLACE_ZONES[fold(m.name)] ?? PLACE_ZONES[fold(m.text)];
    if (zone) counts.set(zone, (counts.get(zone) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function kindOf(sentence: string): EventKind | null {
  const f = fold(sentence).replace(/’/g, "'");
  const hits = TRIGGERS.filter(([, re]) => re.test(f)).map(([k]) => k);
  if (hits.length === 0) return null;
  return KIND_ORDER.find((k) => hits.includes(k)) ?? null;
}

const LEAD_IN = /^(?:(?:selon|d'après|d’après|according to|comme le rapporte|as reported by)\s+[^,]{1,80},\s*|(?:cependant|néanmoins|toutefois|par ailleurs|however|meanwhile|moreover|in addition|de plus|en outre|ainsi|also),\s*)/i;

/** A short title from the supporting sentence: lead-in attribution dropped, cut at a clause boundary. */
export function titleFrom(sentence: string): string {
  let t = sentence.replace(LEAD_IN, '').replace(/^[«"“\s]+/, '').replace(/[.!?…»"”\s]+$/, '');
  t = t.charAt(0).toUpperCase() + t.slice(1);
  if (t.length <= 120) return t;
  const cut = t.slice(0, 120);
  const at = Math.max(cut.lastIndexOf(', '), cut.lastIndexOf(' ; '), cut.lastIndexOf(' – '));
  return (at > 60 ? cut.slice(0, at) : cut.slice(0, cut.lastIndexOf(' '))) + '…';
}

/** A one-sentence first paragraph without closing punctuation: the title line of the stored text. */
function isHeadline(s: Sentence, doc: AnalysedText): boolean {
  if (s.paragraph !== doc.sentences[0]?.paragraph || /[.!?…»"”]\s*$/.test(s.text)) return false;
  return doc.sentences.filter((x) => x.paragraph === s.paragraph).length === 1;
}

const ANAPHOR_OF = /^\s*(?:de la|du|de l'|des|of the|before the|after the)\s*([\p{L}-]+)/u;

/**
 * The day an anaphoric date names an event by ("la veille de la rencontre"): the latest earlier
 * event of the kind that noun denotes, when it has a day. Null when the phrase names none.
 */
function eventAnchor(text: string, dates: readonly DateMention[], events: readonly CandidateEvent[]): string | null {
  const rel = dates.find((d) => d.fromAnchor !== undefined);
  if (!rel) return null;
  const m = ANAPHOR_OF.exec(fold(text.slice(rel.end)).replace(/’/g, "'"));
  const kind = m ? kindOf(m[1]!) : null;
  if (!kind) return null;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind === kind && (e.when.precision === 'day' || e.when.precision === 'minute') && e.when.basis === 'sentence') return e.when.start.slice(0, 10);
  }
  return null;
}

export class RulesExtractor implements Extractor {
  readonly name = 'rules-fr-en@1';
  private cache: { entities: readonly KnownEntity[]; gazetteer: Gazetteer } | null = null;

  private gazetteer(entities: readonly KnownEntity[]): Gazetteer {
    if (this.cache?.entities !== entities) this.cache = { entities, gazetteer: buildGazetteer(entities) };
    return this.cache.gazetteer;
  }

  extract(doc: AnalysedText, ctx: ExtractionContext): Extraction {
    const mentions = findMentions(doc.text, doc.sentences, this.gazetteer(ctx.entities));
    const timeZone = doc.timeZone ?? localZoneOf(mentions);
    const dateCtx: DateContext = { published: doc.published, localTimeZone: timeZone, anchorDay: null };
    const attributions = new Map<number, Attribution>();
    const events: CandidateEvent[] = [];
    const fallback = publicationFallback(doc.published);
    let paragraph = -1;
    let carried: ResolvedWhen | null = null;
    const byRef = new Map<number, Mention[]>();
    for (const m of mentions) byRef.set(m.sentence, [...(byRef.get(m.sentence) ?? []), m]);

    for (const s of doc.sentences) {
      if (s.paragraph !== paragraph) {
        paragraph = s.paragraph;
        carried = null;
      }
      // The headline restates the lead: proposing it too would only duplicate the lead's event.
      if (isHeadline(s, doc)) continue;
      let dates = findDates(s.text, dateCtx);
      // "la veille de la rencontre", "the day after the summit": counted from that event, not the last date.
      const anchored = eventAnchor(s.text, dates, events);
      if (anchored) dates = findDates(s.text, { ...dateCtx, anchorDay: anchored });
      const own = resolveWhen(dates, null, dateCtx);
      const when = own ?? resolveWhen(dates, carried, dateCtx);
      if (own) carried = own;
      // The story's current day, across paragraphs: what "la veille" or "two days later" count from.
      if (own && own.precision !== 'year' && own.precision !== 'month' && !own.end) dateCtx.anchorDay = own.start.slice(0, 10);
      const inSentence = byRef.get(s.index) ?? [];
      if (s.text.length < 25 || /\?\s*$/.test(s.text)) continue;
      const att = attribute(s, inSentence, ctx.publisher);
      // A denial or a hedged claim is exactly what a reviewer must see, even when it names no one
      // and gives no date ("Officials denied reports…", "une explosion aurait retenti"): it is
      // proposed on its own words, as a statement or a claim when no event word says more.
      const contested = att.stance === 'denies' || (att.stance === 'alleges' && CLAIM_CUE.test(fold(s.text).replace(/’/g, "'")));
      const kind = kindOf(s.text) ?? (att.stance === 'denies' ? 'statement' : contested ? 'claim' : own && isDatedAction(s.text) ? 'other' : null);
      if (!kind) continue;
      if (!own && inSentence.length === 0 && !contested) continue;
      attributions.set(s.index, att);
      const participants: Array<{ ref: string; role: string }> = [];
      for (const m of inSentence) {
        if (participants.some((p) => p.ref === m.ref)) continue;
        if (m.type === 'outlet' && (m.entityId === att.assertedBy.entityId || m.name === att.assertedBy.name || att.via.some((v) => v.name === m.name))) continue;
        const role = m.type === 'place' ? 'location' : m.name === att.assertedBy.name ? 'speaker' : 'participant';
        participants.push({ ref: m.ref, role });
      }
      const resolved = when ?? fallback;
      if (!resolved) continue;
      const confidence = Math.min(1, 0.4 + (own ? 0.3 : 0) + Math.min(0.3, participants.length * 0.1));
      const prev = events[events.length - 1];
      // A sentence that only continues the previous event (same kind, same day, a shared participant) supports it.
      if (
        prev && kind === prev.kind && !own && s.paragraph === doc.sentences[prev.sentences[0]!]!.paragraph &&
        participants.some((p) => prev.participants.some((q) => q.ref === p.ref && p.role !== 'location'))
      ) {
        prev.sentences.push(s.index);
        for (const p of participants) if (!prev.participants.some((q) => q.ref === p.ref)) prev.participants.push(p);
        continue;
      }
      events.push({ sentences: [s.index], kind, title: titleFrom(s.text), when: resolved, participants, confidence });
    }
    return { mentions, events, relations: proposeRelations(doc.text, doc.sentences, mentions), attributions, warnings: [] };
  }
}
