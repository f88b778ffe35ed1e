import { read } from '../../../graph/driver';
import { EVENT_STATUSES } from '../../../lib/model/vocab';

/**
 * How the case's day rollups (graph/queries/event-days.queries.ts) differ from its events counted
 * directly: empty when they agree. Keys are "day kind status".
 */
export async function rollupMismatches(caseId: string): Promise<string[]> {
  const rows = async (cypher: string) =>
    new Map(
      (await read(cypher, { caseId, statuses: [...EVENT_STATUSES] })).records.map((r) => [String(r.get('key')), Number(r.get('n'))] as const),
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
  const mismatches = [...keys].filter((k) => stored.get(k) !== counted.get(k)).map((k) => `${k}: rollup ${stored.get(k) ?? 0}, events ${counted.get(k) ?? 0}`);
  // Each day's counts per status (statusCounts, EVENT_STATUSES order) against the events too.
  const perStatus = await rows(`MATCH (d:EventDay) WHERE d.caseId = $caseId
    UNWIND range(0, size($statuses) - 1) AS s
    RETURN toString(d.day) + ' ' + $statuses[s] AS key, d.statusCounts[s] AS n`);
  const countedPerStatus = await rows(`MATCH (:Case {id: $caseId})-[:HAS_EVENT]->(e:Event)
    RETURN toString(date(e.startAt)) + ' ' + e.status AS key, count(*) AS n`);
  for (const k of new Set([...perStatus.keys(), ...countedPerStatus.keys()])) {
    if ((perStatus.get(k) ?? 0) !== (countedPerStatus.get(k) ?? 0)) mismatches.push(`${k}: statusCounts ${perStatus.get(k) ?? 0}, events ${countedPerStatus.get(k) ?? 0}`);
  }
  return mismatches;
}
