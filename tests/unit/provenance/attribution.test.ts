import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributionLinks } from '../../../lib/model/citation';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../../scripts/lib/case-folder';

const bundle = readCaseFolder(SAMPLE_CASE_DIR);
const source = bundle.sources[0]!;
const byQuote = (fragment: string) => bundle.citations.find((c) => c.quote.includes(fragment))!;
const chain = (fragment: string) => attributionLinks(source, byQuote(fragment)).map((l) => `${l.role}:${l.name}`);

describe('attribution chains in the sample case', () => {
  it('knows Press TV as the publishing outlet', () => {
    const pressTv = bundle.entities.find((e) => e.name === 'Press TV')!;
    assert.equal(source.publisherEntityId, pressTv.id);
  });

  it('Press TV ← Avia.pro ← unnamed sources', () => {
    assert.deepEqual(chain('aurait pu être évacué discrètement'), [
      'publisher:Press TV (French service)',
      'relay:Avia.pro',
      'origin:unnamed sources ("il est rapporté", it is reported)',
    ]);
    assert.equal(byQuote('aurait pu être évacué discrètement').assertedBy.kind, 'unnamed');
  });

  it('Press TV ← Avia.pro, for what Avia.pro itself reports', () => {
    assert.deepEqual(chain('Avia.pro, certains équipements'), ['publisher:Press TV (French service)', 'origin:Avia.pro']);
  });

  it('Press TV ← Interfax ← Stanislav Zas', () => {
    assert.deepEqual(chain('se poursuivra pendant dix jours'), [
      'publisher:Press TV (French service)',
      'relay:Interfax',
      'origin:Stanislav Zas',
    ]);
  });

  it('the outlet in its own voice is the publisher alone (the headline)', () => {
    assert.deepEqual(chain('Des substances bactériologiques'), ['publisher:Press TV (French service)']);
  });
});
