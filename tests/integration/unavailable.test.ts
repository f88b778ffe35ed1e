import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type * as CasesRepo from '../../graph/cases.repo';
import type * as HealthRepo from '../../graph/health.repo';
import type * as Driver from '../../graph/driver';
import type * as Errors from '../../graph/errors';

/**
 * Neo4j unreachable: the data layer must fail fast with DatabaseUnavailableError (the API's 503),
 * not hang or crash. This process's driver is pointed at a loopback port where nothing listens
 * (the driver reads its configuration on first use, hence the imports after setting it).
 */
let repo: typeof CasesRepo;
let health: typeof HealthRepo;
let driver: typeof Driver;
let errors: typeof Errors;

before(async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  process.env.NEO4J_URI = `bolt://127.0.0.1:${port}`;
  process.env.NEO4J_PASSWORD = 'not-a-real-password';
  [repo, health, driver, errors] = await Promise.all([
    import('../../graph/cases.repo'),
    import('../../graph/health.repo'),
    import('../../graph/driver'),
    import('../../graph/errors'),
  ]);
});
after(() => driver.closeDriver());

describe('when Neo4j cannot be reached', () => {
  it('reads fail with DatabaseUnavailableError and an actionable message', { timeout: 60_000 }, async () => {
    await assert.rejects(
      repo.listCases(),
      (e: unknown) => e instanceof errors.DatabaseUnavailableError && /Neo4j is unavailable/.test(e.message),
    );
  });

  it('health reports the database down instead of throwing', { timeout: 60_000 }, async () => {
    const h = await health.getHealth();
    assert.equal(h.app, 'ok');
    assert.equal(h.neo4j.status, 'down');
    assert.match(h.neo4j.message ?? '', /unavailable/);
  });
});
