import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENTS_PAGE_DEFAULT, EVENTS_PAGE_MAX, EventsPageQuery, decodeEventCursor, encodeEventCursor } from '../../../lib/api/params';

describe('GET /api/cases/{caseId}/events query: limit, cursor, window', () => {
  it('round-trips a cursor, whatever the instant format Neo4j prints', () => {
    for (const c of [
      { startAt: '2022-01-13T00:00Z', id: 'evt_0123456789abcdef' },
      { startAt: '2022-01-13T19:50:00.123456789+06:00', id: 'evt_fedcba9876543210' },
    ]) {
      const s = encodeEventCursor(c);
      assert.match(s, /^[A-Za-z0-9_-]+$/, 'URL-safe without escaping');
      assert.deepEqual(decodeEventCursor(s), c);
    }
  });

  it('refuses what it did not issue', () => {
    const good = encodeEventCursor({ startAt: '2022-01-13T00:00Z', id: 'evt_0123456789abcdef' });
    for (const bad of ['', 'garbage!', good.slice(0, -2), btoa('["2022-01-13T00:00Z","ent_0123456789abcdef"]'), btoa('["yesterday","evt_0123456789abcdef"]'), btoa('{"startAt":1}'), 'a'.repeat(500)]) {
      assert.equal(decodeEventCursor(bad), null, bad);
    }
  });

  it('defaults the limit, bounds it, and rejects unknown parameters', () => {
    assert.equal(EventsPageQuery.parse({}).limit, EVENTS_PAGE_DEFAULT);
    assert.equal(EventsPageQuery.parse({ limit: String(EVENTS_PAGE_MAX) }).limit, EVENTS_PAGE_MAX);
    for (const limit of ['0', String(EVENTS_PAGE_MAX + 1), '1.5', 'ten']) assert.equal(EventsPageQuery.safeParse({ limit }).success, false, limit);
    assert.equal(EventsPageQuery.safeParse({ offset: '10' }).success, false);
    assert.equal(EventsPageQuery.safeParse({ cursor: 'nope' }).success, false);
    assert.equal(EventsPageQuery.safeParse({ from: '2022-02', to: '2022-01' }).success, false);
    const cursor = encodeEventCursor({ startAt: '2022-01-13T00:00Z', id: 'evt_0123456789abcdef' });
    assert.deepEqual(EventsPageQuery.parse({ cursor, from: '2022-01' }), { cursor: { startAt: '2022-01-13T00:00Z', id: 'evt_0123456789abcdef' }, from: '2022-01-01T00:00:00.000Z', limit: EVENTS_PAGE_DEFAULT });
  });
});
