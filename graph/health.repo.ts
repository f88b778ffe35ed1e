import type { Health } from '../lib/api/views';
import { read } from './driver';
import { GraphError } from './errors';
import { PING } from './queries/read.queries';

/** App and database status. Never throws: a down database is a status, not an error. */
export async function getHealth(): Promise<Health> {
  const t0 = performance.now();
  try {
    await read(PING);
    return { app: 'ok', neo4j: { status: 'up', message: null, latencyMs: Math.round((performance.now() - t0) * 10) / 10 } };
  } catch (e) {
    const message = e instanceof GraphError || e instanceof Error ? e.message : 'unknown error';
    return { app: 'ok', neo4j: { status: 'down', message, latencyMs: null } };
  }
}
