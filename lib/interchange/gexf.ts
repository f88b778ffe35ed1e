import type { CaseBundle } from '../model/bundle';
import { EDGE_ATTRS, NODE_ATTRS, projectGraph, xmlSafe, type AttrDef, type AttrValue } from './graph-projection';
import { buildXml } from './xml';

/**
 * GEXF 1.3 (https://gexf.net), Gephi's own format, with typed attributes (string, integer,
 * boolean) declared per class. Static graph; the event dates travel as attributes (start, end as
 * written, startAt/endAt as instants) rather than as GEXF spells, whose date-only timeformat could
 * not hold a minute-precision event.
 */
const GEXF_TYPE = { string: 'string', int: 'integer', boolean: 'boolean' } as const;

function attvalues(defs: readonly AttrDef[], attrs: Record<string, AttrValue>) {
  const values = defs
    .filter((d) => d.name !== 'label' && attrs[d.name] !== undefined)
    .map((d) => ({ '@_for': d.name, '@_value': xmlSafe(String(attrs[d.name])) }));
  return values.length ? { attvalue: values } : undefined;
}

const declare = (cls: 'node' | 'edge', defs: readonly AttrDef[]) => ({
  '@_class': cls,
  '@_mode': 'static',
  attribute: defs.filter((d) => d.name !== 'label').map((d) => ({ '@_id': d.name, '@_title': d.name, '@_type': GEXF_TYPE[d.type] })),
});

export function toGexf(bundle: CaseBundle): string {
  const g = projectGraph(bundle);
  return buildXml({
    gexf: {
      '@_xmlns': 'http://gexf.net/1.3',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd',
      '@_version': '1.3',
      meta: { creator: 'Timeweave', description: xmlSafe(g.title), keywords: g.id },
      graph: {
        '@_defaultedgetype': 'directed',
        '@_mode': 'static',
        attributes: [declare('node', NODE_ATTRS), declare('edge', EDGE_ATTRS)],
        nodes: { node: g.nodes.map((n) => ({ '@_id': n.id, '@_label': xmlSafe(String(n.attrs.label ?? n.id)), attvalues: attvalues(NODE_ATTRS, n.attrs) })) },
        edges: {
          edge: g.edges.map((e) => ({
            '@_id': e.id,
            '@_source': e.source,
            '@_target': e.target,
            '@_label': xmlSafe(String(e.attrs.label ?? '')),
            '@_kind': String(e.attrs.edgeKind),
            attvalues: attvalues(EDGE_ATTRS, e.attrs),
          })),
        },
      },
    },
  });
}
