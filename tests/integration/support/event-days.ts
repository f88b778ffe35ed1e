import { read } from '../../../graph/driver';

/**
 * How the case's day rollups (graph/queries/event-days.queries.ts) differ from its events counted
 * directly: empty when they agree. Keys are "day kind status".
 */
export async function rollupMismatches(caseId: string): Promise<string[]> {
  const rows = async (cypher: string) =>
    new Map(
      (await read(cypher, { caseId })).records.map((r) => [String(r.get('key')), Number(r.get('n'))] as const),
    );
  const stored = await rows(`MATCH (d:EventDay) WHERE d.caseId = $caseId
    UNWIND range(0, size(d.counts) - 1) AS j
    RETURN toString(d.day) + ' ' + d.kinds[j] + ' ' + d.statuses[j] AS key, sum(d.counts[j]) AS n`);
  const days = await read(`MATCH (d:EventDay) WHERE d.caseId = $caseId RETURN count(d) AS n, count(DISTINCT d.day) AS days`, { caseId });
  const one = days.records[0]!;
  if (Number(one.get('n')) !== Number(one.get('days'))) return [`${Number(one.get('n'))} rollups for ${Number(one.get('days'))} days: one per day expected`];
  const counted = await rows(`MATCH (:Case {id: $caseId})-[:HAS_EVENT]->(e:Event)
    RETURN toString(date(e.startAt)) + ' ' + e.kind + ' ' + e.status AS key, count(*) AS n`);
  const keys = new Set([...stored.keys(), ...counted.keys()]);
  return [...keys].filter((k) => stored.get(k) !== counted.get(k)).map((k) => `${k}: rollup ${stored.get(k) ?? 0}, events ${counted.get(k) ?? 0}`);
}
