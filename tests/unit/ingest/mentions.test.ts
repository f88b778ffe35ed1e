import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attribute } from '../../../lib/ingest/attribution';
import { buildGazetteer, findMentions, type KnownEntity } from '../../../lib/ingest/mentions';
import { splitSentences } from '../../../lib/ingest/sentences';
import { nameKey } from '../../../lib/ingest/text';

const ENTITIES: KnownEntity[] = [
  { id: 'ent_0000000000000001', type: 'person', name: 'Kassym-Jomart Tokayev', aliases: [{ name: 'Касым-Жомарт Токаев' }] },
  { id: 'ent_0000000000000002', type: 'organisation', name: 'Collective Security Treaty Organization', aliases: [{ name: 'CSTO' }, { name: 'Organisation du traité de sécurité collective' }] },
  { id: 'ent_0000000000000003', type: 'person', name: 'Stanislav Zas', aliases: [] },
  { id: 'ent_0000000000000004', type: 'outlet', name: 'Interfax', aliases: [] },
  { id: 'ent_0000000000000005', type: 'group', name: 'Assailants', aliases: [{ name: 'terroristes' }] },
];
const gaz = buildGazetteer(ENTITIES);
const mentionsIn = (text: string, lang = 'fr') => {
  const sentences = splitSentences(text, lang);
  return { sentences, mentions: findMentions(text, sentences, gaz) };
};

describe('mentions resolve to the case entities', () => {
  it('meets spellings under one key: accents, transliteration, y/i, tch/ch', () => {
    assert.equal(nameKey('Tokaïev'), nameKey('Tokayev'));
    assert.equal(nameKey('Токаев'), nameKey('Tokayev'));
    assert.equal(nameKey('Tchernobyl'), nameKey('Chernobyl'));
  });

  it('resolves Tokaïev to Tokayev, OTSC to the CSTO, Zas by surname, lowercase curated aliases', () => {
    const text = "Le président Tokaïev a reçu jeudi Zas, le secrétaire général de l'OTSC. Les terroristes ont fui.";
    const { mentions } = mentionsIn(text);
    const byText = Object.fromEntries(mentions.map((m) => [m.text, m]));
    assert.equal(byText['Tokaïev']?.entityId, 'ent_0000000000000001');
    assert.equal(byText['OTSC']?.entityId, 'ent_0000000000000002');
    assert.equal(byText['OTSC']?.how, 'acronym');
    assert.equal(byText['Zas']?.entityId, 'ent_0000000000000003');
    assert.equal(byText['terroristes']?.entityId, 'ent_0000000000000005');
    for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('proposes unknown names as new entities with a type', () => {
    const { mentions } = mentionsIn('Selon le journal Kommersant, Vladimir Poutine a appelé Tokaïev. Poutine a salué le ministère de la Défense et Amnesty International.');
    const types = Object.fromEntries(mentions.filter((m) => !m.entityId).map((m) => [m.text, m.type]));
    assert.equal(types['Kommersant'], 'outlet');
    assert.equal(types['Vladimir Poutine'], 'person');
    assert.equal(types['ministère de la Défense'], 'organisation');
    assert.equal(types['Amnesty International'], 'organisation');
    const putin = mentions.filter((m) => /Poutine/.test(m.text));
    assert.equal(new Set(putin.map((m) => m.ref)).size, 1, 'the surname alone joins the full name');
  });
});

describe('attribution and hedging', () => {
  const publisher = { name: 'Le Courrier', entityId: null };
  const att = (text: string, lang = 'fr') => {
    const { sentences, mentions } = mentionsIn(text, lang);
    return attribute(sentences[0]!, mentions, publisher);
  };

  it('hedged or unnamed-source claims are alleged', () => {
    const a = att('Selon certaines sources, des pillards auraient vidé plusieurs banques.');
    assert.equal(a.stance, 'alleges');
    assert.equal(a.assertedBy.kind, 'unnamed');
    assert.ok(a.hedges.includes('aurait'));
    assert.equal(att('The group allegedly stole patient records.', 'en').stance, 'alleges');
    assert.equal(att('Officials said on condition of anonymity that the talks failed.', 'en').stance, 'alleges');
  });

  it('denials are denials', () => {
    assert.equal(att("Moscou a démenti vendredi que des troupes russes aient participé.").stance, 'denies');
    assert.equal(att('The county government rejected the allegations as baseless.', 'en').stance, 'denies');
  });

  it('a named speaker is reported, with the outlet relaying them as via; the outlet alone asserts', () => {
    const a = att('Stanislav Zas told Interfax that the mission was over.', 'en');
    assert.equal(a.stance, 'reports');
    assert.equal(a.assertedBy.name, 'Stanislav Zas');
    assert.deepEqual(a.via.map((v) => v.name), ['Interfax']);
    const own = att('Le gouvernement a rétabli internet à Almaty samedi matin.');
    assert.equal(own.stance, 'asserts');
    assert.equal(own.assertedBy.name, 'Le Courrier');
  });
});
