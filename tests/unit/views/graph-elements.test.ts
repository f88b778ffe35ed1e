import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseGraph } from '../../../lib/api/views';
import { ENTITY_TYPES, RELATION_LABELS } from '../../../lib/model/vocab';
import { ENTITY_TYPE_DISPLAY } from '../../../lib/views/display';
import { graphElements, graphStylesheet, highlightOf, sortNodesForList, type EntityNode, type RelationEdge } from '../../../lib/views/graph-elements';
import { sampleCaseView } from './sample-view';

const graph: CaseGraph = {
  nodes: [
    { id: 'ent_p', type: 'person', name: 'Kassym-Jomart Tokayev', aliases: [] },
    { id: 'ent_k', type: 'place', name: 'Kazakhstan', aliases: [] },
    { id: 'ent_o', type: 'outlet', name: 'Interfax', aliases: [] },
  ],
  edges: [
    { id: 'rel_1', type: 'LEADS', source: 'ent_p', target: 'ent_k', validFrom: null, validTo: null, citationCount: 1 },
    // Points at an entity outside the graph: must be left out, not crash cytoscape.
    { id: 'rel_2', type: 'WORKS_FOR', source: 'ent_p', target: 'ent_missing', validFrom: null, validTo: null, citationCount: 1 },
  ],
  participations: [
    { id: 'par_1', eventId: 'evt_1', entityId: 'ent_p', role: 'speaker' },
    { id: 'par_2', eventId: 'evt_1', entityId: 'ent_o', role: 'relay' },
  ],
};

const nodes = (els: ReturnType<typeof graphElements>) => els.filter((e): e is EntityNode => e.group === 'nodes');
const edges = (els: ReturnType<typeof graphElements>) => els.filter((e): e is RelationEdge => e.group === 'edges');

describe('graphElements', () => {
  const els = graphElements(graph);

  it('one node per entity, labelled with its name and classed by type', () => {
    assert.deepEqual(
      nodes(els).map((n) => [n.data.id, n.data.label, n.classes]),
      [
        ['ent_p', 'Kassym-Jomart Tokayev', 'type-person'],
        ['ent_k', 'Kazakhstan', 'type-place'],
        ['ent_o', 'Interfax', 'type-outlet'],
      ],
    );
    assert.equal(nodes(els)[0]!.data.typeLabel, 'Person');
  });

  it('relationships become edges labelled in words', () => {
    const [edge] = edges(els);
    assert.deepEqual(edge!.data, { id: 'rel_1', source: 'ent_p', target: 'ent_k', type: 'LEADS', label: RELATION_LABELS.LEADS });
    assert.equal(edge!.data.label, 'leads');
  });

  it('participations are not drawn as edges (co-participation is not a stated relationship)', () => {
    const pairs = edges(els).map((e) => [e.data.source, e.data.target].sort().join('|'));
    assert.ok(!pairs.includes(['ent_o', 'ent_p'].sort().join('|')));
    assert.ok(edges(els).every((e) => e.data.id.startsWith('rel_')));
  });

  it('drops an edge whose end is not in the graph', () => {
    assert.deepEqual(edges(els).map((e) => e.data.id), ['rel_1']);
  });

  it('is deterministic, so the canvas can diff by id', () => {
    assert.deepEqual(graphElements(graph), graphElements(graph));
  });
});

describe('highlightOf', () => {
  const linked = { focus: { kind: 'entity' as const, id: 'ent_p' }, entityIds: new Set(['ent_p', 'ent_k']), edgeIds: new Set(['rel_1']) };

  it('nothing in focus: no class at all', () => {
    assert.equal(highlightOf('nodes', 'ent_p', { focus: null, entityIds: new Set(), edgeIds: new Set() }), null);
  });

  it('linked elements are highlighted, the rest dimmed', () => {
    assert.equal(highlightOf('nodes', 'ent_p', linked), 'highlighted');
    assert.equal(highlightOf('nodes', 'ent_k', linked), 'highlighted');
    assert.equal(highlightOf('nodes', 'ent_o', linked), 'dimmed');
    assert.equal(highlightOf('edges', 'rel_1', linked), 'highlighted');
    assert.equal(highlightOf('edges', 'rel_9', linked), 'dimmed');
  });

  it('does not confuse a node with an edge of the same id', () => {
    assert.equal(highlightOf('edges', 'ent_p', linked), 'dimmed');
  });
});

describe('graphStylesheet', () => {
  const sheet = graphStylesheet();
  const rule = (selector: string) => sheet.find((r) => r.selector === selector);
  const styleOf = (selector: string) => {
    const r = rule(selector);
    assert.ok(r && 'style' in r, selector);
    return r.style as Record<string, unknown>;
  };

  it('gives every entity type its own shape and colour', () => {
    const shapes = new Set<unknown>();
    const colours = new Set<unknown>();
    for (const type of ENTITY_TYPES) {
      const style = styleOf(`node.type-${type}`);
      assert.equal(style.shape, ENTITY_TYPE_DISPLAY[type].shape);
      shapes.add(style.shape);
      colours.add(style['background-color']);
    }
    assert.equal(shapes.size, ENTITY_TYPES.length, 'shape alone tells the types apart');
    assert.equal(colours.size, ENTITY_TYPES.length);
  });

  it('styles the highlight and dim classes the canvas sets', () => {
    assert.ok(rule('node.highlighted'));
    assert.ok(rule('edge.highlighted'));
    assert.ok(rule('.dimmed'));
    assert.ok(rule('node.selected'));
  });

  it('labels nodes with their name and edges with their relationship', () => {
    assert.equal(styleOf('node').label, 'data(label)');
    assert.equal(styleOf('edge').label, 'data(label)');
  });
});

describe('on the sample case', () => {
  const { view } = sampleCaseView();
  const els = graphElements(view.graph);

  it('draws every entity and every relationship, and nothing else', () => {
    assert.equal(nodes(els).length, view.graph.nodes.length);
    assert.equal(edges(els).length, view.graph.edges.length);
    assert.ok(view.graph.participations.length > 0);
  });

  it('shows "Kassym-Jomart Tokayev leads Kazakhstan"', () => {
    const name = (id: string) => nodes(els).find((n) => n.data.id === id)!.data.label;
    const sentences = edges(els).map((e) => `${name(e.data.source)} ${e.data.label} ${name(e.data.target)}`);
    assert.ok(sentences.includes('Kassym-Jomart Tokayev leads Kazakhstan'));
    assert.ok(sentences.includes('Russia contributes troops to CSTO Collective Peacekeeping Forces'));
  });
});

describe('sortNodesForList', () => {
  it('groups by type in vocabulary order, then by name', () => {
    const sorted = sortNodesForList([
      { type: 'place' as const, name: 'Almaty' },
      { type: 'person' as const, name: 'Zas' },
      { type: 'person' as const, name: 'Kots' },
      { type: 'outlet' as const, name: 'Interfax' },
    ]);
    assert.deepEqual(sorted.map((n) => n.name), ['Kots', 'Zas', 'Almaty', 'Interfax']);
  });
});
