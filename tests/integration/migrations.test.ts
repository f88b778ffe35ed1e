import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { closeDriver, read } from '../../graph/driver';
import { MIGRATIONS, migrate } from '../../graph/migrations';

after(closeDriver);

describe('schema migrations (real Neo4j)', () => {
  it('apply in order and are idempotent: a second run applies nothing', async () => {
    await migrate();
    const second = await migrate();
    assert.deepEqual(second.applied, []);
    assert.deepEqual(second.skipped, MIGRATIONS.map((m) => m.id));
  });

  it('leave uniqueness constraints, range indexes and the full-text index online', async () => {
    const constraints = (await read('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names')).records[0]!.get('names') as string[];
    for (const name of ['case_id', 'source_id', 'citation_id', 'entity_id', 'event_id']) assert.ok(constraints.includes(name), name);
    const indexes = (await read('SHOW INDEXES YIELD name, type, state RETURN name, type, state')).records.map((r) => ({
      name: r.get('name') as string,
      type: r.get('type') as string,
      state: r.get('state') as string,
    }));
    const byName = new Map(indexes.map((i) => [i.name, i]));
    assert.equal(byName.get('event_start')?.type, 'RANGE');
    assert.equal(byName.get('event_end')?.type, 'RANGE');
    assert.equal(byName.get('search_case_text')?.type, 'FULLTEXT');
    assert.equal(byName.has('search_text'), false, 'the index without the case is gone');
    for (const i of indexes) assert.equal(i.state, 'ONLINE', i.name);
  });

  it('records each applied migration once', async () => {
    const rows = (await read('MATCH (m:Migration) RETURN m.id AS id ORDER BY id')).records.map((r) => r.get('id') as string);
    assert.deepEqual(rows, MIGRATIONS.map((m) => m.id));
  });
});
