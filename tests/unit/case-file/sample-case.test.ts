import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkBundleIntegrity } from '../../../lib/model/bundle';
import { attributionChain } from '../../../lib/model/citation';
import { deriveStatus } from '../../../lib/provenance/status-rules';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../../scripts/lib/case-folder';

/** The curated Kazakhstan case: what it must say, and what it must not overstate. */
const bundle = readCaseFolder(SAMPLE_CASE_DIR);
const source = bundle.sources[0]!;
const citation = (id: string) => bundle.citations.find((c) => c.id === id)!;
const event = (titleFragment: string) => {
  const found = bundle.events.filter((e) => e.title.includes(titleFragment));
  assert.equal(found.length, 1, `exactly one event titled like "${titleFragment}"`);
  return found[0]!;
};
const entity = (name: string) => bundle.entities.find((e) => e.name === name)!;
const quotes = (e: { citationIds: string[] }) => e.citationIds.map((id) => citation(id).quote);

describe('sample case: Kazakhstan, January 2022', () => {
  it('stores the seed article byte for byte', () => {
    const seed = path.resolve(SAMPLE_CASE_DIR, '../../../../shared/seeds/press-tv-fr-almaty-2022-01.txt');
    if (existsSync(seed)) assert.equal(source.text, readFileSync(seed, 'utf8'));
    assert.equal(source.language, 'fr');
    assert.match(source.publisher, /Press TV/);
  });

  it('passes every integrity check: quotes verbatim at their offsets, references resolved', () => {
    assert.deepEqual(checkBundleIntegrity(bundle), []);
    for (const c of bundle.citations) {
      assert.equal(source.text.slice(c.start, c.end), c.quote);
      assert.equal(source.text.slice(c.start - c.prefix.length, c.start), c.prefix);
      assert.equal(source.text.slice(c.end, c.end + c.suffix.length), c.suffix);
      assert.ok(c.translation && c.translation.length > 10, `an English translation for ${c.id}`);
    }
  });

  it('never cites page furniture: navigation, share buttons, "Lire plus" links, the unrelated caption', () => {
    const reasons = source.furniture.map((f) => source.text.slice(f.start, f.end));
    assert.ok(reasons.some((t) => t.startsWith('US Rep. Ilhan Omar')));
    assert.ok(reasons.some((t) => t.startsWith('Lire plus')));
    assert.ok(reasons.some((t) => t === 'Partager Cet Article'));
    for (const c of bundle.citations) {
      for (const f of source.furniture) assert.ok(c.end <= f.start || c.start >= f.end, `${c.id} overlaps furniture`);
    }
  });

  it('every event and relationship has citations; every status follows the rules or says why not', () => {
    for (const e of bundle.events) {
      assert.ok(e.citationIds.length > 0);
      const derived = deriveStatus(
        e.citationIds.map((id) => {
          const c = citation(id);
          return { stance: c.stance, asserterKind: c.assertedBy.kind, hedges: c.hedges, publisher: source.publisher };
        }),
      );
      if (derived.status !== e.status) {
        assert.ok(e.statusReason, `${e.title}: status ${e.status} differs from the rules' ${derived.status} without a reason`);
      }
    }
    for (const r of [...bundle.relations, ...bundle.participations]) assert.ok(r.citationIds.length > 0);
  });

  it('nothing from this single state-affiliated source is shown as confirmed', () => {
    assert.deepEqual(bundle.events.filter((e) => e.status === 'confirmed'), []);
  });

  it('dates the storming of the Almaty city administration to 5 January 2022', () => {
    const e = event('administration building stormed');
    assert.equal(e.start, '2022-01-05');
    assert.equal(e.precision, 'day');
    assert.ok(quotes(e).some((q) => q.includes('le 5 janvier 2022')));
  });

  it('dates the CSTO deployment only as precisely as the text allows (month), never an invented day', () => {
    const e = event('contingent deployed');
    assert.equal(e.precision, 'month');
    assert.equal(e.start, '2022-01');
    assert.equal(e.status, 'reported');
  });

  it('has the Tokayev–Zas meeting on Wednesday 12 January', () => {
    const e = event('Tokayev meets');
    assert.equal(e.start, '2022-01-12');
    const who = bundle.participations.filter((p) => p.eventId === e.id).map((p) => bundle.entities.find((x) => x.id === p.entityId)!.name);
    assert.deepEqual(who.sort(), ['Kassym-Jomart Tokayev', 'Stanislav Zas']);
  });

  it('reports the end-of-mission announcement as Zas speaking via Interfax', () => {
    const e = event('Zas tells Interfax');
    assert.equal(e.start, '2022-01-13');
    assert.equal(e.status, 'reported');
    const c = citation(e.citationIds[0]!);
    assert.equal(c.assertedBy.name, 'Stanislav Zas');
    assert.deepEqual(c.via.map((v) => v.name), ['Interfax']);
    assert.deepEqual(attributionChain('Press TV', c), ['Press TV', 'Interfax', 'Stanislav Zas']);
  });

  it('makes the withdrawal a range from 13 January lasting ten days, its end marked approximate', () => {
    const e = event('withdraw');
    assert.equal(e.start, '2022-01-13');
    assert.equal(e.end, '2022-01-23');
    assert.equal(e.endApproximate, true);
    assert.ok(quotes(e).some((q) => q.includes('se poursuivra pendant dix jours')));
  });

  it('has the end of the state of emergency in the west, north and Pavlodar region', () => {
    const e = event('State of emergency lifted');
    assert.ok(quotes(e).some((q) => q.includes('région Pavlodarsk')));
  });

  it('keeps the laboratory attack alleged, attributed to Avia.pro, Kots and unnamed sources', () => {
    const lab = bundle.events.filter((e) => e.title.toLowerCase().includes('laboratory'));
    assert.ok(lab.length >= 3);
    for (const e of lab) assert.equal(e.status, 'alleged', e.title);
    const asserters = new Set(lab.flatMap((e) => e.citationIds.map((id) => citation(id).assertedBy.name)));
    for (const who of ['Avia.pro', 'Alexander Kots']) assert.ok(asserters.has(who), who);
    assert.ok(lab.some((e) => e.citationIds.some((id) => citation(id).assertedBy.kind === 'unnamed')));
    const refusal = event('refused the laboratory');
    assert.equal(refusal.status, 'alleged');
    assert.ok(citation(refusal.citationIds[0]!).hedges.includes('on-dit'));
  });

  it('keeps the headline claim apart, alleged, with the reason it is not backed by the body', () => {
    const e = event('Headline claim');
    assert.equal(e.status, 'alleged');
    assert.match(e.statusReason ?? '', /body/);
  });

  it('links the five contributing states to the CSTO force, with a citation and a validity interval', () => {
    const force = entity('CSTO Collective Peacekeeping Forces');
    const contributors = bundle.relations
      .filter((r) => r.type === 'CONTRIBUTES_TROOPS_TO' && r.toId === force.id)
      .map((r) => bundle.entities.find((e) => e.id === r.fromId)!.name)
      .sort();
    assert.deepEqual(contributors, ['Armenia', 'Belarus', 'Kyrgyzstan', 'Russia', 'Tajikistan']);
    for (const r of bundle.relations.filter((x) => x.type === 'CONTRIBUTES_TROOPS_TO')) {
      assert.equal(r.validFrom, '2022-01');
      assert.ok(r.citationIds.length > 0);
    }
  });

  it('knows the CSTO and Tokayev by their names in several languages and scripts', () => {
    const csto = entity('Collective Security Treaty Organization').aliases.map((a) => a.name);
    for (const n of ['CSTO', 'OTSC', 'ОДКБ']) assert.ok(csto.includes(n), n);
    const tokayev = entity('Kassym-Jomart Tokayev').aliases.map((a) => a.name);
    for (const n of ['Tokaïev', 'Tokayev', 'Токаев']) assert.ok(tokayev.includes(n), n);
  });

  it('compiles to the same ids every time', () => {
    const again = readCaseFolder(SAMPLE_CASE_DIR);
    assert.deepEqual(again.events.map((e) => e.id), bundle.events.map((e) => e.id));
    assert.deepEqual(again.citations.map((c) => c.id), bundle.citations.map((c) => c.id));
  });
});
