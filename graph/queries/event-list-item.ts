/**
 * Fragments (constants, never input) for the queries that return events in the EventListItem
 * shape: read.queries.ts and timeline.queries.ts. Not whole queries, so kept out of the modules
 * whose every export is a query.
 */

/** The event's own fields, as a map projection's selectors. */
const EVENT_FIELDS = `.id, .title, .kind, .start, .end, .precision, .endPrecision, .approximate, .endApproximate, .timeZone, .status`;

/**
 * An event `e` in the EventListItem shape, as the window and list queries return it. Kept lean
 * because it runs once per listed event, which in a window page is most of the query's work:
 * the citation count reads the degree store; participants and sources are pattern comprehensions
 * without label checks (only entities PARTICIPATE_IN, only citations SUPPORT, and a citation keeps
 * its source's id); both lists come unsorted and the sources repeated, and decodeEventListItem
 * (graph/decode.ts) sorts and dedupes them, which costs the database nothing.
 */
export const EVENT_LIST_ITEM = `e { ${EVENT_FIELDS},
  citationCount: COUNT { (e)<-[:SUPPORTS]-() },
  participantIds: [(e)<-[:PARTICIPATES_IN]-(en) | en.id],
  sourceIds: [(e)<-[:SUPPORTS]-(ci) | ci.sourceId] }`;
