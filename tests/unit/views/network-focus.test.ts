import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_EXPANSIONS, addedBy, answerKey, collapse, expand, focusGraph, focusOn, focusScope, neededAnswers, type ScopePart } from '../../../lib/views/network-focus';

// centre C: 1 hop reaches A and event E1. A: 1 hop reaches C, B, E1. B: 2 hops reaches A, D, E2.
const answers = new Map<string, ScopePart>([
  [answerKey('C', 1), { entityIds: ['C', 'A'], eventIds: ['E1'] }],
  [answerKey('A', 1), { entityIds: ['A', 'C', 'B'], eventIds: ['E1'] }],
  [answerKey('B', 2), { entityIds: ['B', 'A', 'D'], eventIds: ['E2'], truncated: true }],
]);
const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('network focus: expand and collapse', () => {
  it('focus shows the centre and its one-hop answer', () => {
    const f = focusScope(focusOn('C'), answers);
    assert.deepEqual(sorted(f.scope.entityIds), ['A', 'C']);
    assert.deepEqual(sorted(f.scope.eventIds), ['E1']);
    assert.deepEqual(f.pending, []);
  });

  it('the centre is shown even before its answer arrives, and the missing answer is pending', () => {
    const f = focusScope(focusOn('X'), answers);
    assert.deepEqual(sorted(f.scope.entityIds), ['X']);
    assert.deepEqual(f.pending, [answerKey('X', 1)]);
  });

  it('expanding adds exactly what the answer has that was not shown', () => {
    const before = focusScope(focusOn('C'), answers).scope;
    const after = focusScope(expand(focusOn('C'), 'A', 1), answers).scope;
    assert.deepEqual(sorted(after.entityIds), ['A', 'B', 'C']);
    assert.deepEqual([...after.entityIds].filter((x) => !before.entityIds.has(x)), ['B']);
  });

  it('collapse removes what only that expansion added, and keeps what another still needs', () => {
    const f = expand(expand(focusOn('C'), 'A', 1), 'B', 2);
    assert.deepEqual(sorted(focusScope(f, answers).scope.entityIds), ['A', 'B', 'C', 'D']);
    // A's expansion added B, but B's own expansion still needs B: collapsing A removes nothing.
    assert.deepEqual(sorted(addedBy(f, answers, 'A').entityIds), []);
    assert.deepEqual(sorted(focusScope(collapse(f, 'A'), answers).scope.entityIds), ['A', 'B', 'C', 'D']);
    // Collapsing B removes D and E2 (A and B are still needed by A's expansion).
    const removed = addedBy(f, answers, 'B');
    assert.deepEqual(sorted(removed.entityIds), ['D']);
    assert.deepEqual(sorted(removed.eventIds), ['E2']);
    assert.deepEqual(sorted(focusScope(collapse(f, 'B'), answers).scope.entityIds), ['A', 'B', 'C']);
  });

  it('expand then collapse gives back the same set', () => {
    const f = focusOn('C');
    assert.deepEqual(focusScope(collapse(expand(f, 'A', 1), 'A'), answers).scope, focusScope(f, answers).scope);
  });

  it('one expansion per entity: a second changes its hops; the same again changes nothing', () => {
    const f = expand(focusOn('C'), 'A', 1);
    assert.equal(expand(f, 'A', 1), f);
    assert.deepEqual(expand(f, 'A', 2).expansions, [{ id: 'A', hops: 2 }]);
    assert.equal(collapse(f, 'nobody'), f);
  });

  it('needs one answer per distinct (entity, hops), focus first; reports truncation', () => {
    const f = expand(expand(focusOn('C'), 'C', 1), 'B', 2);
    assert.deepEqual(neededAnswers(f).map((n) => n.key), [answerKey('C', 1), answerKey('B', 2)]);
    assert.equal(focusScope(f, answers).truncated, true);
  });

  it('keeps at most MAX_EXPANSIONS, dropping the oldest', () => {
    let f = focusOn('C');
    for (let i = 0; i <= MAX_EXPANSIONS; i++) f = expand(f, `E${i}`, 1);
    assert.equal(f.expansions.length, MAX_EXPANSIONS);
    assert.equal(f.expansions[0]!.id, 'E1');
  });
});

describe('network focus: the graph drawn where the page does not hold the case', () => {
  const node = (id: string) => ({ id, type: 'person' as const, name: `Name ${id}`, aliases: [] });
  const edge = (id: string, source: string, target: string) => ({ id, type: 'MEMBER_OF' as const, source, target, validFrom: null, validTo: null, citationCount: 1 });
  const part = (eventId: string, entityId: string) => ({ id: `par_${eventId}_${entityId}`, eventId, entityId, role: 'participant' });
  const graphs = new Map<string, ScopePart>([
    [answerKey('C', 1), { entityIds: ['C', 'A'], eventIds: ['E1', 'E2'], graph: { nodes: [node('C'), node('A')], edges: [edge('r1', 'C', 'A')], participations: [part('E1', 'C'), part('E1', 'A'), part('E2', 'C'), part('E2', 'A')] } }],
    [answerKey('A', 2), { entityIds: ['A', 'C', 'B'], eventIds: ['E1', 'E3'], graph: { nodes: [node('A'), node('C'), node('B')], edges: [edge('r1', 'C', 'A')], participations: [part('E1', 'C'), part('E1', 'A'), part('E3', 'A'), part('E3', 'B'), part('E3', 'Z')] } }],
  ]);

  it('is the union of the answers at hand, each entity, relationship and participation once', () => {
    const { graph } = focusGraph(focusOn('C'), graphs);
    assert.deepEqual(graph.nodes.map((n) => n.id), ['C', 'A']);
    const expanded = focusGraph(expand(focusOn('C'), 'A', 2), graphs).graph;
    assert.deepEqual(expanded.nodes.map((n) => n.id).sort(), ['A', 'B', 'C']);
    assert.deepEqual(expanded.edges.map((e) => e.id), ['r1']);
    assert.equal(expanded.participations.length, 7);
    // An answer not yet at hand adds nothing (its centre is drawn by the scope, not invented here).
    assert.deepEqual(focusGraph(focusOn('X'), graphs).graph.nodes, []);
  });

  it('counts the events each pair of drawn entities shares, ignoring entities not drawn', () => {
    assert.deepEqual(focusGraph(focusOn('C'), graphs).shared, [{ source: 'A', target: 'C', weight: 2 }]);
    const shared = focusGraph(expand(focusOn('C'), 'A', 2), graphs).shared;
    // Z takes part in E3 but is in no answer's nodes: no pair with it.
    assert.deepEqual(shared.sort((x, y) => x.source.localeCompare(y.source) || x.target.localeCompare(y.target)), [
      { source: 'A', target: 'B', weight: 1 },
      { source: 'A', target: 'C', weight: 2 },
    ]);
  });
});
