/**
 * Reads for export and backup. The whole case in one query, so the bundle is one consistent
 * snapshot (a case being re-imported meanwhile is seen wholly before or wholly after). Sorted by
 * id: the bundle's canonical order (lib/interchange/bundle.ts).
 */
export const GET_CASE_BUNDLE = `
MATCH (c:Case {id: $caseId})
RETURN c { .id, .title, .summary } AS case,
  COLLECT { MATCH (c)-[:HAS_SOURCE]->(s:Source) RETURN s ORDER BY s.id } AS sources,
  COLLECT { MATCH (c)-[:HAS_SOURCE]->(:Source)<-[:QUOTES]-(ci:Citation) RETURN ci ORDER BY ci.id } AS citations,
  COLLECT {
    MATCH (c)-[:HAS_ENTITY]->(e:Entity)
    RETURN { node: e, citationIds: COLLECT { MATCH (ci:Citation)-[:SUPPORTS]->(e) RETURN ci.id AS id ORDER BY id } } AS x
    ORDER BY e.id
  } AS entities,
  COLLECT {
    MATCH (c)-[:HAS_EVENT]->(e:Event)
    RETURN { node: e, citationIds: COLLECT { MATCH (ci:Citation)-[:SUPPORTS]->(e) RETURN ci.id AS id ORDER BY id } } AS x
    ORDER BY e.id
  } AS events,
  COLLECT {
    MATCH (c)-[:HAS_ENTITY]->(en:Entity)-[p:PARTICIPATES_IN]->(ev:Event)
    RETURN { id: p.id, eventId: ev.id, entityId: en.id, role: p.role, citationIds: p.citationIds } AS x
    ORDER BY p.id
  } AS participations,
  COLLECT {
    MATCH (c)-[:HAS_ENTITY]->(a:Entity)-[r]->(b:Entity)
    WHERE r.id IS NOT NULL
    RETURN { id: r.id, type: type(r), fromId: a.id, toId: b.id, validFrom: r.validFrom, validTo: r.validTo, citationIds: r.citationIds } AS x
    ORDER BY r.id
  } AS relations,
  COLLECT {
    MATCH (c)-[:HAS_STORY]->(st:Story)
    RETURN st { .slug, .title, .summary, .steps } AS x
    ORDER BY st.slug
  } AS stories`;
