import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { toCytoscapeJson } from '../../../lib/interchange/cyjs';
import { toGexf } from '../../../lib/interchange/gexf';
import { toGraphMl } from '../../../lib/interchange/graphml';
import { sampleBundle } from './sample';

/** A case whose names hold everything XML must escape or cannot carry. */
function awkwardBundle() {
  const b = structuredClone(sampleBundle());
  b.entities[0]!.name = 'A & B <"quoted"> \'n\' \u0001end';
  b.events[0]!.title = 'Café ☕ 🚀 </node>';
  return b;
}

describe('GraphML and GEXF, parsed back by graphology (an independent reader)', () => {
  for (const [name, write, read] of [
    ['GraphML', toGraphMl, parseGraphml],
    ['GEXF', toGexf, parseGexf],
  ] as const) {
    it(`${name}: every entity and event a node, every relation and participation an edge, attributes typed`, () => {
      const b = awkwardBundle();
      const g = read(MultiDirectedGraph, write(b));
      assert.equal(g.order, b.entities.length + b.events.length);
      assert.equal(g.size, b.relations.length + b.participations.length);
      const ent = g.getNodeAttributes(b.entities[0]!.id);
      assert.equal(ent.label, 'A & B <"quoted"> \'n\' end', 'escaped, control character dropped');
      assert.equal(ent.nodeKind, 'entity');
      assert.equal(typeof ent.citationCount, 'number');
      const ev = g.getNodeAttributes(b.events[0]!.id);
      assert.equal(ev.label, 'Café ☕ 🚀 </node>');
      assert.equal(ev.status, b.events[0]!.status);
      assert.equal(ev.start, b.events[0]!.start);
      assert.equal(typeof ev.approximate, 'boolean');
      for (const r of b.relations) {
        const [edge] = g.edges(r.fromId, r.toId).filter((e) => g.getEdgeAttribute(e, 'relationType') === r.type);
        assert.ok(edge, `${r.type} ${r.fromId} → ${r.toId}`);
        assert.equal(g.getEdgeAttribute(edge, 'citationCount'), r.citationIds.length);
      }
      for (const p of b.participations) {
        assert.ok(g.edges(p.entityId, p.eventId).some((e) => g.getEdgeAttribute(e, 'role') === p.role), `${p.role}`);
      }
    });
  }
});

describe('Cytoscape JSON', () => {
  it('has elements with data, edges between existing nodes', () => {
    const b = sampleBundle();
    const cy = toCytoscapeJson(b);
    assert.equal(cy.elements.nodes.length, b.entities.length + b.events.length);
    assert.equal(cy.elements.edges.length, b.relations.length + b.participations.length);
    const ids = new Set(cy.elements.nodes.map((n) => n.data.id));
    for (const e of cy.elements.edges) assert.ok(ids.has(e.data.source) && ids.has(e.data.target));
    assert.equal(cy.data.name, b.case.title);
    assert.ok(cy.elements.nodes.every((n) => typeof n.data.name === 'string'));
  });
});
