import type { ManagedTransaction } from 'neo4j-driver';
import { spanClassOf } from './queries/event-span';
import { statusCountsOf } from './queries/event-days.queries';
import { getDriver, databaseName } from './driver';
import { translateDriverError } from './errors';

/**
 * Ordered schema migrations. Each is idempotent on its own (IF NOT EXISTS), and applied ones are
 * recorded as (:Migration) nodes, so running them twice changes nothing. Never edit a migration
 * that has shipped: add the next one.
 */
export interface Migration {
  id: string;
  description: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-unique-ids',
    description: 'Uniqueness constraints on the id of every record',
    statements: [
      'CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (n:Migration) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT case_id IF NOT EXISTS FOR (n:Case) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT citation_id IF NOT EXISTS FOR (n:Citation) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE',
    ],
  },
  {
    id: '0002-time-indexes',
    description: 'Range indexes for time-window queries, per case and overall',
    statements: [
      'CREATE INDEX event_start IF NOT EXISTS FOR (n:Event) ON (n.startAt)',
      'CREATE INDEX event_end IF NOT EXISTS FOR (n:Event) ON (n.endAt)',
      'CREATE INDEX event_case_start IF NOT EXISTS FOR (n:Event) ON (n.caseId, n.startAt)',
      'CREATE INDEX entity_case IF NOT EXISTS FOR (n:Entity) ON (n.caseId)',
      'CREATE INDEX citation_case IF NOT EXISTS FOR (n:Citation) ON (n.caseId)',
      'CREATE INDEX source_case IF NOT EXISTS FOR (n:Source) ON (n.caseId)',
    ],
  },
  {
    id: '0003-fulltext',
    description: 'Full-text index over names, aliases, titles, descriptions and quotes; accent- and case-insensitive',
    statements: [
      // standard-folding folds accents (Tokaïev ~ Tokaiev) and lower-cases; Cyrillic passes through intact.
      `CREATE FULLTEXT INDEX search_text IF NOT EXISTS
       FOR (n:Entity|Event|Citation) ON EACH [n.name, n.aliasText, n.title, n.description, n.quote, n.translation]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`,
    ],
  },
  {
    id: '0004-accounts',
    description: 'Unique usernames, session and API-token hashes',
    statements: [
      'CREATE CONSTRAINT user_id IF NOT EXISTS FOR (n:User) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT user_username IF NOT EXISTS FOR (n:User) REQUIRE n.username IS UNIQUE',
      'CREATE CONSTRAINT session_token IF NOT EXISTS FOR (n:Session) REQUIRE n.tokenHash IS UNIQUE',
      'CREATE CONSTRAINT api_token IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.tokenHash IS UNIQUE',
      'CREATE INDEX session_expiry IF NOT EXISTS FOR (n:Session) ON (n.expiresAt)',
    ],
  },
  {
    id: '0005-stories',
    description: "Unique story ids (derived from case and slug) and the case's stories by case id",
    statements: [
      'CREATE CONSTRAINT story_id IF NOT EXISTS FOR (n:Story) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX story_case IF NOT EXISTS FOR (n:Story) ON (n.caseId)',
    ],
  },
  {
    // Applied in list order; ids only need to be unique and sort in that order (tests/integration/migrations.test.ts).
    id: '0006-publications',
    description: 'One immutable published snapshot per (case, content version)',
    statements: [
      'CREATE CONSTRAINT publication_case_version IF NOT EXISTS FOR (n:Publication) REQUIRE (n.caseId, n.version) IS UNIQUE',
    ],
  },
  {
    id: '0007-event-span',
    description: "Each event's span in seconds and its span class, indexed with the start per case, so window queries seek bounded ranges",
    statements: [
      'CREATE INDEX event_case_span_start IF NOT EXISTS FOR (n:Event) ON (n.caseId, n.spanClass, n.startAt)',
      // Backfill events written before WRITE_EVENTS kept them; batched so a large store does not
      // need one huge transaction (auto-commit, as schema statements are).
      `MATCH (e:Event) WHERE e.spanClass IS NULL AND e.startAt IS NOT NULL AND e.endAt IS NOT NULL
       CALL (e) {
         SET e.span = duration.inSeconds(e.startAt, e.endAt).seconds
         SET e.spanClass = ${spanClassOf('e.span')}
       } IN TRANSACTIONS OF 10000 ROWS`,
    ],
  },
  {
    id: '0008-event-span-order',
    description: 'The span-class index gains the id, so a window page reads (startAt, id) in index order and stops at its limit',
    statements: [
      // LIST_EVENTS_PAGE orders by (startAt, id); with id in the index the seek yields rows in that
      // order and LIMIT stops it, instead of reading the whole window and sorting it.
      'CREATE INDEX event_case_span_start_id IF NOT EXISTS FOR (n:Event) ON (n.caseId, n.spanClass, n.startAt, n.id)',
      'DROP INDEX event_case_span_start IF EXISTS',
    ],
  },
  {
    id: '0009-event-days',
    description: "Day rollups of each case's events (graph/queries/event-days.queries.ts), indexed by case and day, built for the cases already there",
    statements: [
      'CREATE INDEX event_day_case_day IF NOT EXISTS FOR (n:EventDay) ON (n.caseId, n.day)',
      // One transaction per case: the aggregation holds a case's days, never the whole store's.
      `MATCH (c:Case)
       CALL (c) {
         MATCH (d:EventDay) WHERE d.caseId = c.id DELETE d
         WITH count(*) AS deleted
         MATCH (c)-[:HAS_EVENT]->(e:Event) WHERE e.startAt IS NOT NULL
         WITH c, date(e.startAt) AS day, e.kind AS kind, e.status AS status, count(*) AS n
         WITH c, day, collect(kind) AS kinds, collect(status) AS statuses, collect(n) AS counts
         CREATE (:EventDay {caseId: c.id, day: day, dayMs: datetime({date: day}).epochMillis, kinds: kinds, statuses: statuses, counts: counts})
       } IN TRANSACTIONS OF 1 ROWS`,
    ],
  },
  {
    id: '0010-event-window-index',
    description: 'The window index gains the end, so window queries test overlap on the index entry instead of reading each event',
    statements: [
      // Same order as before (endAt comes after the unique id, so it never reorders), and the
      // overlap test (endAt > from) reads the entry's value: the long-span classes pass over many
      // events that ended before the window, each a store read until now.
      'CREATE INDEX event_window IF NOT EXISTS FOR (n:Event) ON (n.caseId, n.spanClass, n.startAt, n.id, n.endAt)',
      'DROP INDEX event_case_span_start_id IF EXISTS',
    ],
  },
  {
    id: '0011-deleted-case-id',
    description: 'Tombstones of cases being deleted (graph/import.repo.ts deleteCase) are found by id',
    statements: ['CREATE INDEX deleted_case_id IF NOT EXISTS FOR (n:DeletedCase) ON (n.id)'],
  },
  {
    id: '0012-search-by-case',
    description: 'The full-text index also holds each record\'s case, so a search reads the matches of its own case only',
    statements: [
      // A search asked the whole database's matches and kept its case's: a small case paid for every
      // large one. With caseId in the index, the case is a required clause of the Lucene query
      // (lib/search/lucene.ts), and user words are asked of the text properties by name, so they
      // never match a case id. The new index is built before the old one goes, so search never
      // stops on an upgraded database.
      `CREATE FULLTEXT INDEX search_case_text IF NOT EXISTS
       FOR (n:Entity|Event|Citation) ON EACH [n.caseId, n.name, n.aliasText, n.title, n.description, n.quote, n.translation]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`,
      "CALL db.awaitIndex('search_case_text', 3600)",
      'DROP INDEX search_text IF EXISTS',
    ],
  },
  {
    id: '0013-event-day-status-counts',
    description: 'Day rollups gain their counts per status, which the zoomed-out timeline reads when no kind is hidden',
    statements: [
      // Derived from the rollup's own lists: no event is read.
      `MATCH (d:EventDay) WHERE d.statusCounts IS NULL
       CALL (d) {
         SET d.statusCounts = ${statusCountsOf('d.statuses', 'd.counts')}
       } IN TRANSACTIONS OF 10000 ROWS`,
    ],
  },
  {
    id: '0014-participation-index',
    description: 'Participations hold their ends\' ids, indexed, so a neighbourhood reads a hub\'s first events by id instead of all of them',
    statements: [
      // A neighbourhood is cut at its first events by id; from the entity's side that meant reading
      // and sorting every event it took part in (11,153 for the 1M-event bench's hub). An index on
      // (entityId, eventId) gives them in order. Ids are set before the index is built, so it is
      // populated once; WRITE_PARTICIPATIONS sets them on every later write.
      `MATCH (en:Entity)-[p:PARTICIPATES_IN]->(ev:Event) WHERE p.entityId IS NULL OR p.eventId IS NULL
       CALL (en, p, ev) {
         SET p.entityId = en.id, p.eventId = ev.id
       } IN TRANSACTIONS OF 10000 ROWS`,
      'CREATE INDEX participation_entity_event IF NOT EXISTS FOR ()-[p:PARTICIPATES_IN]-() ON (p.entityId, p.eventId)',
      "CALL db.awaitIndex('participation_entity_event', 3600)",
    ],
  },
];

const APPLIED = 'MATCH (m:Migration) RETURN m.id AS id';
const RECORD = 'MERGE (m:Migration {id: $id}) ON CREATE SET m.appliedAt = datetime(), m.description = $description';

export interface MigrationReport {
  applied: string[];
  skipped: string[];
}

/** Applies pending migrations in order, then waits for indexes to come online. */
export async function migrate(log: (msg: string) => void = () => {}): Promise<MigrationReport> {
  const session = getDriver().session({ database: databaseName() });
  const report: MigrationReport = { applied: [], skipped: [] };
  try {
    const done = new Set(
      (await session.executeRead((tx) => tx.run(APPLIED))).records.map((r) => r.get('id') as string),
    );
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) {
        report.skipped.push(m.id);
        continue;
      }
      log(`migrating: ${m.id} (${m.description})`);
      // Schema statements cannot share a transaction with data writes: one auto-commit each.
      for (const statement of m.statements) await session.run(statement);
      await session.executeWrite((tx: ManagedTransaction) => tx.run(RECORD, { id: m.id, description: m.description }));
      report.applied.push(m.id);
    }
    await session.run('CALL db.awaitIndexes(300)');
    return report;
  } catch (e) {
    translateDriverError(e);
  } finally {
    await session.close();
  }
}
