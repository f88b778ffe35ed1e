import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { closeDriver, writeTransaction } from '../../graph/driver';
import * as authQueries from '../../graph/queries/auth.queries';
import * as importQueries from '../../graph/queries/import.queries';
import * as ingestQueries from '../../graph/queries/ingest.queries';
import * as provenanceQueries from '../../graph/queries/provenance.queries';
import * as readQueries from '../../graph/queries/read.queries';
import * as interchangeQueries from '../../graph/queries/interchange.queries';
import * as timelineQueries from '../../graph/queries/timeline.queries';
import * as storiesQueries from '../../graph/queries/stories.queries';
import * as publicationsQueries from '../../graph/queries/publications.queries';
import * as largeCaseQueries from '../../graph/queries/large-case.queries';

after(closeDriver);

/** Every exported query, by name; a record of queries (one per relationship type) is flattened. */
function allQueries(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [module, exports] of Object.entries({ auth: authQueries, import: importQueries, ingest: ingestQueries, read: readQueries, provenance: provenanceQueries, timeline: timelineQueries, interchange: interchangeQueries, stories: storiesQueries, publications: publicationsQueries, largeCase: largeCaseQueries })) {
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value === 'string') out.push([`${module}.${name}`, value]);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (typeof inner === 'string') out.push([`${module}.${name}.${key}`, inner]);
        }
      }
    }
  }
  return out;
}

describe('every exported Cypher query', () => {
  const queries = allQueries();

  it('is found (the list is not empty by accident)', () => {
    assert.ok(queries.length >= 20, `only ${queries.length} queries found`);
  });

  // EXPLAIN plans without executing: a syntax error, an unknown function or a wrong property
  // access on a parameter fails here rather than in front of a user.
  //
  // And no query scans a label or the whole store, except those that mean to read every case or
  // every source: a query about one case that scans a label costs as much as every other case in
  // the database holds (the bench's 110k-event store turned a 13-event case graph into 200 ms).
  const WHOLE_DATABASE = new Set(['auth.READABLE_CASE_IDS', 'read.LIST_CASES', 'provenance.LIST_SOURCES_FOR_AUDIT']);
  for (const [name, cypher] of queries) {
    it(`plans: ${name}`, async () => {
      const plan = await writeTransaction(async (tx) => (await tx.run(`EXPLAIN ${cypher}`)).summary.plan);
      assert.ok(plan, `no plan for ${name}`);
      if (WHOLE_DATABASE.has(name)) return;
      type Op = { operatorType: string; arguments: Record<string, unknown>; children: Op[] };
      const scans: string[] = [];
      const walk = (op: Op) => {
        if (/^(NodeByLabelScan|AllNodesScan|NodeIndexScan|DirectedRelationshipTypeScan|UndirectedRelationshipTypeScan|DirectedAllRelationshipsScan|UndirectedAllRelationshipsScan)/.test(op.operatorType)) {
          scans.push(`${op.operatorType} ${String(op.arguments['Details'] ?? '')}`);
        }
        op.children.forEach(walk);
      };
      walk(plan as unknown as Op);
      assert.deepEqual(scans, [], `${name} scans`);
    });
  }
});
