/**
 * The small error hierarchy of the data layer. Route handlers map these by class, never by message:
 * validation → 422, not found → 404, conflict → 409, unavailable → 503.
 */
export class GraphError extends Error {
  override name = 'GraphError';
}

/** Neo4j cannot be reached (down, starting, wrong address or credentials). */
export class DatabaseUnavailableError extends GraphError {
  override name = 'DatabaseUnavailableError';
}

export class NotFoundError extends GraphError {
  override name = 'NotFoundError';
}

/** A write that would break an invariant of the model (e.g. an uncited event). Nothing was written. */
export class InvariantError extends GraphError {
  override name = 'InvariantError';
  constructor(
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
  }
}

export class ConflictError extends GraphError {
  override name = 'ConflictError';
}

/**
 * A write from an older version of a record than the one stored (optimistic locking). Carries the
 * current version, so a client can reload it rather than overwrite someone else's work.
 */
export class StaleVersionError extends ConflictError {
  override name = 'StaleVersionError';
  constructor(
    message: string,
    readonly currentVersion: number,
  ) {
    super(message);
  }
}

/** Driver error codes that mean "the database is not there", as opposed to "the query is wrong". */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/**
 * The driver's pool gives up waiting for a free connection (every connection busy, or Neo4j too
 * slow to hand one out) with a Neo4jError whose code is the driver's generic 'N/A': the only mark
 * it carries is its message (neo4j-driver-core pool.js getAcquisitionTimeoutError). It means
 * "overloaded, try again", a 503, not a bug in our query. Matched narrowly: that code and that prefix.
 */
export function isAcquisitionTimeout(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'N/A' && typeof message === 'string' && message.startsWith('Connection acquisition timed out');
}

export function isUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (isAcquisitionTimeout(error)) return true;
  // Connection refused or reset before the Bolt handshake surfaces as a plain Node error code.
  return typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(code);
}

/** Wraps unavailability in our own type, with a message a user can act on; rethrows the rest. */
export function translateDriverError(error: unknown): never {
  if (error instanceof GraphError) throw error;
  if (isUnavailable(error)) {
    const code = (error as { code?: string }).code;
    const hint =
      code === 'Neo.ClientError.Security.Unauthorized'
        ? 'the credentials were refused (check NEO4J_USERNAME / NEO4J_PASSWORD)'
        : isAcquisitionTimeout(error)
          ? 'it is too busy to take the request (no free connection in time); try again shortly'
          : 'is it running? Start the local one with `npm run db:start`, or check NEO4J_URI';
    throw new DatabaseUnavailableError(`Neo4j is unavailable: ${hint}`, { cause: error });
  }
  // A uniqueness constraint refused the write: someone else's record already has that key.
  if ((error as { code?: unknown } | null)?.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    throw new ConflictError('a record with the same unique key already exists', { cause: error });
  }
  throw error;
}
