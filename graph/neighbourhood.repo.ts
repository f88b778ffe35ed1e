import { GraphEdge, GraphNode, GraphParticipation, type Neighbourhood } from '../lib/api/views';
import { read, neo4j } from './driver';
import { toPlain, type Props } from './decode';
import { ENTITY_NEIGHBOURHOOD } from './queries/read.queries';
import { NEIGHBOURHOOD_DEFAULT_LIMIT } from '../lib/api/params';

/**
 * An entity's 1- or 2-hop neighbourhood, for focusing and expanding the network: at most `limit`
 * entities and events besides the centre, nearest first. Null when the entity is unknown.
 */
export async function getEntityNeighbourhood(id: string, hops: 1 | 2, limit: number = NEIGHBOURHOOD_DEFAULT_LIMIT): Promise<Neighbourhood | null> {
  const rec = (await read(ENTITY_NEIGHBOURHOOD[hops], { id, limit: neo4j.int(limit) })).records[0];
  if (!rec) return null;
  const entities = toPlain(rec.get('entities')) as Array<Props & { aliases: string[] | null; aliasLangs: string[] | null }>;
  const nodes = entities.map((n) => {
    const langs = n.aliasLangs ?? [];
    return GraphNode.parse({ id: n.id, type: n.type, name: n.name, aliases: (n.aliases ?? []).map((name, i) => ({ name, lang: langs[i] ? langs[i] : null })) });
  });
  return {
    centre: id,
    hops,
    graph: {
      nodes,
      edges: (toPlain(rec.get('edges')) as unknown[]).map((e) => GraphEdge.parse(e)),
      participations: (toPlain(rec.get('participations')) as unknown[]).map((p) => GraphParticipation.parse(p)),
    },
    eventIds: toPlain(rec.get('eventIds')) as string[],
    limit,
    truncated: rec.get('truncated') === true,
  };
}
