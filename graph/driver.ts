import 'server-only';
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import { neo4jConnection, type Neo4jConnection } from './config';
import { translateDriverError } from './errors';

/**
 * One driver per process (kept on globalThis so Next.js dev reloads don't leak pools). Short
 * timeouts: when Neo4j is down, a request should get a 503 in seconds, not hang. The driver
 * reconnects by itself when Neo4j comes back, so nothing needs restarting.
 */
interface DriverHolder {
  driver: Driver;
  connection: Neo4jConnection;
}
const KEY = Symbol.for('timeweave.neo4j.driver');
type GlobalWithDriver = typeof globalThis & { [KEY]?: DriverHolder };

function holder(): DriverHolder {
  const g = globalThis as GlobalWithDriver;
  if (!g[KEY]) {
    const connection = neo4jConnection();
    const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password), {
      maxConnectionPoolSize: 50,
      connectionTimeout: 3_000,
      connectionAcquisitionTimeout: 5_000,
      maxTransactionRetryTime: 5_000,
      disableLosslessIntegers: false,
    });
    g[KEY] = { driver, connection };
  }
  return g[KEY];
}

export function getDriver(): Driver {
  return holder().driver;
}

export function databaseName(): string | undefined {
  return holder().connection.database;
}

export async function closeDriver(): Promise<void> {
  const g = globalThis as GlobalWithDriver;
  const h = g[KEY];
  delete g[KEY];
  await h?.driver.close();
}

/** A one-shot read routed to a reader (executeQuery manages the session and retries). */
export async function read<T extends RecordShape = RecordShape>(
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<QueryResult<T>> {
  try {
    return await getDriver().executeQuery<QueryResult<T>>(cypher, params, {
      routing: neo4j.routing.READ,
      database: databaseName(),
    });
  } catch (e) {
    translateDriverError(e);
  }
}

/** Runs `work` in one write transaction: all of it commits, or none of it does. Retries transient errors. */
export async function writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = getDriver().session({ database: databaseName(), defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(work);
  } catch (e) {
    translateDriverError(e);
  } finally {
    await session.close();
  }
}

/**
 * Runs one auto-commit write: for statements that commit in batches of their own (CALL ... IN
 * TRANSACTIONS), which an explicit transaction cannot hold. Each batch is atomic, the statement is
 * not: callers make it safe to run again (graph/import.repo.ts deleteCase).
 */
export async function writeInBatches(cypher: string, params: Record<string, unknown> = {}): Promise<void> {
  const session = getDriver().session({ database: databaseName(), defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run(cypher, params);
  } catch (e) {
    translateDriverError(e);
  } finally {
    await session.close();
  }
}

export { neo4j };
