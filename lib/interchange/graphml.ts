import type { CaseBundle } from '../model/bundle';
import { EDGE_ATTRS, NODE_ATTRS, projectGraph, xmlSafe, type AttrDef, type AttrValue } from './graph-projection';
import { buildXml } from './xml';

/**
 * GraphML (http://graphml.graphdrawing.org/) with typed keys (attr.type string, int, boolean):
 * opens in yEd, Gephi, Cytoscape desktop, NetworkX (`read_graphml`) and igraph.
 */
const KEY_TYPE = { string: 'string', int: 'int', boolean: 'boolean' } as const;
const keyId = (scope: 'n' | 'e', a: AttrDef) => `${scope}_${a.name}`;

function data(scope: 'n' | 'e', defs: readonly AttrDef[], attrs: Record<string, AttrValue>) {
  return defs
    .filter((d) => attrs[d.name] !== undefined)
    .map((d) => ({ '@_key': keyId(scope, d), '#text': xmlSafe(String(attrs[d.name])) }));
}

export function toGraphMl(bundle: CaseBundle): string {
  const g = projectGraph(bundle);
  const keys = [
    ...NODE_ATTRS.map((a) => ({ scope: 'n' as const, for: 'node', a })),
    ...EDGE_ATTRS.map((a) => ({ scope: 'e' as const, for: 'edge', a })),
  ].map(({ scope, for: f, a }) => ({ '@_id': keyId(scope, a), '@_for': f, '@_attr.name': a.name, '@_attr.type': KEY_TYPE[a.type], desc: xmlSafe(a.title) }));
  return buildXml({
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: keys,
      graph: {
        '@_id': g.id,
        '@_edgedefault': 'directed',
        desc: xmlSafe(g.title),
        node: g.nodes.map((n) => ({ '@_id': n.id, data: data('n', NODE_ATTRS, n.attrs) })),
        edge: g.edges.map((e) => ({ '@_id': e.id, '@_source': e.source, '@_target': e.target, data: data('e', EDGE_ATTRS, e.attrs) })),
      },
    },
  });
}
