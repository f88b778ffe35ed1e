import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates, resolveWhen, type DateContext } from '../../../lib/ingest/dates';
import { buildGazetteer, findMentions, type KnownEntity } from '../../../lib/ingest/mentions';
import { prepareSource, propose } from '../../../lib/ingest/pipeline';
import { acceptAll, ProposalsDocument } from '../../../lib/ingest/proposals.schema';
import { proposeRelations } from '../../../lib/ingest/relations';
import { applyReview, ReviewError } from '../../../lib/ingest/review';
import { RulesExtractor } from '../../../lib/ingest/rules-extractor';
import { splitSentences } from '../../../lib/ingest/sentences';
import { checkBundleIntegrity } from '../../../lib/model/bundle';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../../scripts/lib/case-folder';

const sample = readCaseFolder(SAMPLE_CASE_DIR);
const NOW = '2024-03-10T10:00:00.000Z';
const proposeText = (text: string, entities: readonly KnownEntity[] = []) =>
  propose(prepareSource({ raw: text, format: 'text' }), new RulesExtractor(), { caseId: sample.case.id, entities, now: NOW });

describe('anaphoric dates count from the story, not from publication', () => {
  // Published Saturday 9 March 2024; the story is at Wednesday 6 March.
  const ctx: DateContext = { published: '2024-03-09', anchorDay: '2024-03-06' };
  const when = (s: string, c: DateContext = ctx) => resolveWhen(findDates(s, c), null, c)?.start ?? null;

  it('"la veille", "le lendemain", "the next day", "two days later", "trois jours plus tôt"', () => {
    assert.equal(when('La veille, la police avait été prévenue.'), '2024-03-05');
    assert.equal(when("Il a été arrêté le lendemain."), '2024-03-07');
    assert.equal(when('The board rejected it the next day.'), '2024-03-07');
    assert.equal(when('Two days later, crews arrived.'), '2024-03-08');
    assert.equal(when('trois jours plus tôt, un rapport avait circulé'), '2024-03-03');
  });

  it('without a day to count from, they resolve to nothing rather than to a guess', () => {
    assert.equal(when('La veille, la police avait été prévenue.', { published: '2024-03-09' }), null);
    assert.equal(when('The next day, talks resumed.', { published: '2024-03-09', anchorDay: '2024-03' }), null);
  });
});

describe('the rules extractor', () => {
  const ARTICLE = `Titre: Heurts à Villeneuve
Média: Le Quotidien du Test
Date: 2024-03-09

Heurts à Villeneuve après la réunion du conseil

Le conseil municipal s'est réuni mercredi 6 mars à Villeneuve.

La veille de la réunion, des manifestants ont attaqué la mairie, selon la police.

Un incendie aurait éclaté dans la nuit.

Officials denied reports that the school was closed.

Le lendemain, la préfecture a interdit les rassemblements.`;

  it('counts "la veille de la réunion" from the meeting, "le lendemain" from the last day', async () => {
    const doc = await proposeText(ARTICLE);
    const byQuote = (q: string) => doc.events.find((e) => e.citations[0]!.quote.includes(q));
    assert.equal(byQuote('réuni mercredi')?.start, '2024-03-06');
    assert.equal(byQuote('La veille de la réunion')?.start, '2024-03-05');
    assert.equal(byQuote('Le lendemain')?.start, '2024-03-06', 'the day after the last day the story was at (5 March)');
  });

  it('proposes a hedged claim and a denial even with no date and no name, never as confirmed or reported', async () => {
    const doc = await proposeText(ARTICLE);
    const claim = doc.events.find((e) => e.citations[0]!.quote.startsWith('Un incendie aurait'));
    assert.equal(claim?.status, 'alleged');
    assert.equal(claim?.dateBasis, 'publication');
    const denial = doc.events.find((e) => e.citations[0]!.quote.startsWith('Officials denied'));
    assert.equal(denial?.status, 'denied');
  });

  it('proposes an action the sentence dates by itself even without an event word, but not a dated statement or a plan', async () => {
    const doc = await proposeText(`Title: Test
Publisher: Test Wire
Date: 2024-03-09

Two days later, volunteers from the Red Lantern Trust began handing out blankets on Thursday.

Mercredi, des dizaines de riverains ont occupé la mairie de Villeneuve.

The ministry said on Friday that a report will be published next month.

A second inspection of the Orwell Bridge is planned for April.`);
    const quotes = doc.events.map((e) => e.citations[0]!.quote);
    assert.ok(quotes.some((q) => q.startsWith('Two days later')), quotes.join(' | '));
    assert.equal(doc.events.find((e) => e.citations[0]!.quote.startsWith('Mercredi'))?.start, '2024-03-06');
    assert.ok(!quotes.some((q) => q.startsWith('The ministry said')), 'a verb of saying alone is no action');
    assert.ok(!quotes.some((q) => q.startsWith('A second inspection')), 'a plan is no past action');
  });

  it('reads speculation and unnamed voices as hedged: "unnamed officials suggested", "pourrait", "could"', async () => {
    const doc = await proposeText(`Title: Test
Publisher: Test Wire
Date: 2024-03-09

The city council closed the bridge on Monday.

Unnamed officials suggested the closure could last up to two weeks.

Selon un responsable non identifié, le pont pourrait rouvrir en avril.`);
    for (const start of ['Unnamed officials', 'Selon un responsable']) {
      const e = doc.events.find((x) => x.citations[0]!.quote.startsWith(start));
      assert.equal(e?.status, 'alleged', start);
    }
  });

  it('does not propose the headline, which restates the lead', async () => {
    const doc = await proposeText(ARTICLE);
    assert.ok(!doc.events.some((e) => e.citations[0]!.quote.startsWith('Heurts à Villeneuve')));
    assert.ok(doc.events.length >= 4);
  });
});

describe('names: titles, institutions, brands, places', () => {
  const gaz = buildGazetteer([]);
  const typesIn = (text: string, lang = 'fr') => {
    const sentences = splitSentences(text, lang);
    return Object.fromEntries(findMentions(text, sentences, gaz).map((m) => [m.text, m.type]));
  };

  it('a person named after a title is the name alone', () => {
    assert.deepEqual(typesIn('Yesterday Health Secretary Jane Holloway visited the site.', 'en'), { 'Jane Holloway': 'person' });
  });

  it('French institution names keep their lowercase words', () => {
    const t = typesIn('Il a limogé le chef du Comité de contrôle financier, puis la Mission des Nations unies est partie.');
    assert.equal(t['Comité de contrôle financier'], 'organisation');
    assert.equal(t['Mission des Nations unies'], 'organisation');
  });

  it('a brand written in CamelCase is an organisation; a hyphenated name or "la ville de X" is a place; "the union X" an organisation', () => {
    const t = typesIn("Un groupe nommé DarkOrbit a frappé l'usine Ferrol de Saint-Amand, près de la ville de Vireux, selon le syndicat Sud-Rail.");
    assert.equal(t['DarkOrbit'], 'organisation');
    assert.equal(t['Ferrol'], 'organisation');
    assert.equal(t['Saint-Amand'], 'place');
    assert.equal(t['Vireux'], 'place');
    assert.equal(t['Sud-Rail'], 'organisation');
  });
});

describe('relationships between names', () => {
  const gaz = buildGazetteer(sample.entities);
  const relsIn = (text: string, lang = 'fr') => {
    const sentences = splitSentences(text, lang);
    const mentions = findMentions(text, sentences, gaz);
    const name = (ref: string) => mentions.find((m) => m.ref === ref)!.name;
    return proposeRelations(text, sentences, mentions).map((r) => `${name(r.fromRef)} ${r.type} ${name(r.toRef)}`);
  };

  it('reads the clear patterns, in both orders, in French and English', () => {
    assert.deepEqual(relsIn('Le président a limogé le chef du Comité de contrôle financier, Karim Bekov, jeudi.'), ['Karim Bekov LEADS Comité de contrôle financier']);
    assert.deepEqual(relsIn("Stanislav Zas, secrétaire général de l'OTSC, a parlé."), ['Stanislav Zas LEADS Collective Security Treaty Organization']);
    assert.deepEqual(relsIn("The CSTO's secretary general, Stanislav Zas, spoke.", 'en'), ['Stanislav Zas LEADS Collective Security Treaty Organization']);
    assert.deepEqual(relsIn('La Russie a déployé des troupes au Kazakhstan jeudi.'), ['Russia CONTRIBUTES_TROOPS_TO Kazakhstan']);
    assert.deepEqual(relsIn('Jane Doe, spokeswoman for Acme Corp, said nothing.', 'en'), ['Jane Doe WORKS_FOR Acme Corp']);
    assert.deepEqual(relsIn("Bolat Ivanov, membre de l'OTSC, a parlé."), ['Bolat Ivanov MEMBER_OF Collective Security Treaty Organization']);
    assert.deepEqual(relsIn('Acme Mining, a subsidiary of Globex Holdings, closed the site.', 'en'), ['Acme Mining PART_OF Globex Holdings']);
    assert.deepEqual(relsIn("L'usine Ferrol de Saint-Amand a fermé."), ['Ferrol LOCATED_IN Saint-Amand']);
  });

  it('a place within a place, a nationality before a title, a possessive after an organisation', () => {
    assert.deepEqual(relsIn('Des tirs ont été signalés près de la ville de Verran, dans la région de Tavush.'), ['Verran LOCATED_IN Tavush']);
    assert.deepEqual(relsIn('Les ouvriers de Dorval, dans le nord du Mali, ont cessé le travail. Le ministre s\'est rendu à Dorval.'), ['Dorval LOCATED_IN Mali']);
    assert.deepEqual(relsIn("L'usine Ferrol de Saint-Amand, au sud de Valenciennes, a fermé."), ['Ferrol LOCATED_IN Saint-Amand'], '"au sud de" is outside');
    assert.deepEqual(relsIn('Chile and Peru signed the deal. Chilean Foreign Minister Ana Soto spoke.', 'en'), ['Ana Soto WORKS_FOR Chile']);
    assert.deepEqual(relsIn("Le ministre arménien des Affaires étrangères, Ararat Mirzoyan, s'est rendu en Arménie."), ['Ararat Mirzoyan WORKS_FOR Armenia'], 'the case knows Armenia by its French name');
    assert.deepEqual(relsIn('Belgian Labour Minister Sarah Janssens met them.', 'en'), [], 'no relationship to a country the article does not name');
    assert.deepEqual(relsIn('La société Ferrol Mines a menacé les grévistes. Son directeur général, Marc Delmas, a nié.'), ['Marc Delmas LEADS Ferrol Mines']);
  });

  it('a name typed in one sentence is a mention wherever it appears', () => {
    const text = 'Les mineurs de Kamora se sont mis en grève. Le ministre s\'est rendu à Kamora jeudi.';
    const ms = findMentions(text, splitSentences(text, 'fr'), gaz).filter((m) => m.text === 'Kamora');
    assert.equal(ms.length, 2);
    assert.ok(ms.every((m) => m.type === 'place' && m.ref === ms[0]!.ref));
  });

  it('proposes nothing without a pattern, and no type the model lacks (an alliance)', () => {
    assert.deepEqual(relsIn('Karim Bekov et Stanislav Zas se sont rencontrés à Almaty.'), []);
    assert.deepEqual(relsIn('La Russie, alliée du Kazakhstan, a réagi.'), []);
  });
});

describe('relationships in review', () => {
  const ctx = { case: sample.case, entities: sample.entities, retrieved: '2022-01-09' };
  const TEXT = `Titre: Limogeage
Média: Le Courrier d'Asie
Date: 2022-01-08

Le président Kassym-Jomart Tokaïev a limogé jeudi le chef du Comité de sécurité nationale, Karim Massimov.`;

  it('an accepted relationship enters the bundle with its citation; a rejected end drops it; unknown keys are refused', async () => {
    const doc = await proposeText(TEXT, sample.entities);
    assert.equal(doc.relations.length, 1);
    const rel = doc.relations[0]!;
    assert.equal(rel.type, 'LEADS');
    assert.equal(doc.source.text.slice(rel.citation.start, rel.citation.end), rel.citation.quote);

    const delta = applyReview(doc, acceptAll(doc), ctx);
    assert.deepEqual(checkBundleIntegrity(delta.bundle), []);
    assert.equal(delta.bundle.relations.length, 1);
    const r = delta.bundle.relations[0]!;
    const massimov = doc.entities.find((e) => e.key === rel.fromKey)!;
    assert.equal(r.fromId, massimov.entityId);
    assert.ok(delta.bundle.citations.some((c) => c.id === r.citationIds[0] && c.start === rel.citation.start));
    assert.equal(delta.counts.relations, 1);

    const decisions = acceptAll(doc);
    decisions.entities.find((d) => d.key === rel.toKey)!.decision = 'reject';
    const without = applyReview(doc, decisions, ctx);
    assert.equal(without.bundle.relations.length, 0);
    assert.equal(without.counts.rejectedRelations, 1);

    const rejected = acceptAll(doc);
    rejected.relations[0]!.decision = 'reject';
    assert.equal(applyReview(doc, rejected, ctx).bundle.relations.length, 0);

    assert.throws(() => applyReview(doc, { ...acceptAll(doc), relations: [{ key: 'rel-0-leads-x-y', decision: 'accept' }] }, ctx), ReviewError);
  });

  it('a document or decisions from before relationships existed still parse (no relationships)', async () => {
    const doc = await proposeText(TEXT, sample.entities);
    const { relations: _r, ...old } = doc;
    assert.deepEqual(ProposalsDocument.parse(old).relations, []);
    const { relations: _d, ...oldDecisions } = acceptAll(doc);
    assert.equal(applyReview(old, oldDecisions, ctx).bundle.relations.length, 0);
  });
});
