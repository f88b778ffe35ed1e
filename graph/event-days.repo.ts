/**
 * Keeps the day rollups (graph/queries/event-days.queries.ts) exact, inside the caller's write
 * transaction, so a reader never sees events and rollups that disagree.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { BUILD_EVENT_DAYS, DELETE_EVENT_DAYS, EVENT_START_DAYS, REFRESH_EVENT_DAYS } from './queries/event-days.queries';

/** Rebuilds all of a case's rollups: after a whole-case import (which may also have pruned events). */
export async function rebuildEventDays(tx: ManagedTransaction, caseId: string): Promise<void> {
  await tx.run(DELETE_EVENT_DAYS, { caseId });
  await tx.run(BUILD_EVENT_DAYS, { caseId });
}

/**
 * Around a write of a few events: call before the write with the events' ids, then call what it
 * returns once they are written. The days refreshed are those the events started on before (an
 * edit may move an event to another day) and after, both read from the database, so the day is
 * always Neo4j's own date of the stored instant (years before the common era included).
 */
export async function refreshEventDaysAround(
  tx: ManagedTransaction,
  caseId: string,
  eventIds: readonly string[],
): Promise<() => Promise<void>> {
  const startDays = async () =>
    eventIds.length ? (((await tx.run(EVENT_START_DAYS, { ids: eventIds })).records[0]?.get('days') as string[] | undefined) ?? []) : [];
  const before = await startDays();
  return async () => {
    const days = [...new Set([...before, ...(await startDays())])];
    if (days.length) await tx.run(REFRESH_EVENT_DAYS, { caseId, days });
  };
}
