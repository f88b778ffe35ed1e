import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evidenceNotes } from '../../../lib/views/evidence';

const cite = (sourceId: string, publisher: string, kind: 'outlet' | 'person' | 'organisation' | 'unnamed') => ({
  sourceId,
  source: { publisher },
  assertedBy: { kind, name: kind === 'unnamed' ? 'certaines sources' : 'Someone', entityId: null },
});

describe('evidenceNotes', () => {
  it('one source: "Rests on a single source"', () => {
    const notes = evidenceNotes([cite('src_1', 'Press TV', 'outlet'), cite('src_1', 'Press TV', 'person')]);
    assert.deepEqual(notes.map((n) => n.text), ['Rests on a single source']);
  });

  it('several sources from one publisher are not independent', () => {
    const notes = evidenceNotes([cite('src_1', 'Press TV', 'outlet'), cite('src_2', 'Press TV', 'outlet')]);
    assert.deepEqual(notes.map((n) => n.kind), ['single-publisher']);
  });

  it('only unnamed voices: "Rests on unnamed sources"; some: "Partly …"', () => {
    assert.deepEqual(
      evidenceNotes([cite('src_1', 'A', 'unnamed')]).map((n) => n.text),
      ['Rests on a single source', 'Rests on unnamed sources'],
    );
    assert.deepEqual(
      evidenceNotes([cite('src_1', 'A', 'unnamed'), cite('src_2', 'B', 'person')]).map((n) => n.text),
      ['Partly rests on unnamed sources'],
    );
  });

  it('independent, named sources: no note', () => {
    assert.deepEqual(evidenceNotes([cite('src_1', 'A', 'outlet'), cite('src_2', 'B', 'person')]), []);
    assert.deepEqual(evidenceNotes([]), []);
  });
});
