import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { DatabaseUnavailableError, isAcquisitionTimeout, isUnavailable, translateDriverError } from '../../../graph/errors';

/**
 * Regression: when every pooled connection is busy (Neo4j overloaded), the driver's "Connection
 * acquisition timed out" error (code 'N/A') used to fall through to a 500. The error here is the
 * real one: the real driver, pointed at a listener that accepts TCP connections and never answers
 * the Bolt handshake, gives up acquiring a connection after connectionAcquisitionTimeout.
 */
describe('graph/errors: driver errors that mean "unavailable"', () => {
  let server: net.Server;
  let port = 0;
  const sockets = new Set<net.Socket>();
  before(async () => {
    server = net.createServer((s) => {
      sockets.add(s);
      s.on('error', () => {});
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  after(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function acquisitionTimeoutError(): Promise<unknown> {
    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', 'irrelevant'), {
      maxConnectionPoolSize: 1,
      connectionAcquisitionTimeout: 200,
      connectionTimeout: 30_000,
    });
    try {
      await driver.executeQuery('RETURN 1');
      assert.fail('a listener that never answers cannot serve a query');
    } catch (e) {
      return e;
    } finally {
      await driver.close().catch(() => {});
    }
  }

  it('classifies the pool acquisition timeout as unavailable and maps it to DatabaseUnavailableError (503)', async () => {
    const error = await acquisitionTimeoutError();
    assert.ok(error instanceof Neo4jError, 'the driver throws a Neo4jError');
    assert.equal(error.code, 'N/A');
    assert.match(error.message, /^Connection acquisition timed out/);
    assert.equal(isAcquisitionTimeout(error), true);
    assert.equal(isUnavailable(error), true);
    assert.throws(() => translateDriverError(error), (e: unknown) => {
      assert.ok(e instanceof DatabaseUnavailableError);
      assert.match(e.message, /too busy/);
      assert.equal(e.cause, error);
      return true;
    });
  });

  it('leaves other generic driver errors (code N/A) and query errors alone', () => {
    // Same shape as the driver's own newError() for a non-availability problem.
    const generic = new Neo4jError('Pool is closed, it is no more able to serve requests.', 'N/A', '50N42', 'error: general processing exception - unexpected error.');
    assert.equal(isUnavailable(generic), false);
    assert.throws(() => translateDriverError(generic), (e: unknown) => e === generic);
    const syntax = new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42001', 'error: syntax error or access rule violation - invalid syntax');
    assert.equal(isUnavailable(syntax), false);
    const down = new Neo4jError('Could not perform discovery', 'ServiceUnavailable', '08000', 'error: connection exception');
    assert.equal(isUnavailable(down), true);
  });
});
