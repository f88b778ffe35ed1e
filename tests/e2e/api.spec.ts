import { expect, test } from '@playwright/test';
import { CaseGraph, CaseSummary, EntityDetail, EventDetail, EventPage, Health, SourceDetail } from '../../lib/api/views';

/** The public read API over HTTP, against the real Neo4j: shapes parsed with the shared schemas. */
const CASE = 'kazakhstan-2022-01';

test.describe('read API', () => {
  test('health says the app and Neo4j are up', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(Health.parse(await res.json()).neo4j.status).toBe('up');
  });

  test('lists the sample case', async ({ request }) => {
    const cases = CaseSummary.array().parse(await (await request.get('/api/cases')).json());
    expect(cases.map((c) => c.id)).toContain(CASE);
  });

  test('events, a window of them, an event with citations, an entity, a source', async ({ request }) => {
    const { events, nextCursor } = EventPage.parse(await (await request.get(`/api/cases/${CASE}/events`)).json());
    expect(nextCursor).toBeNull();
    expect(events.length).toBeGreaterThanOrEqual(8);
    for (const e of events) expect(Object.keys(e)).toEqual(expect.arrayContaining(['id', 'title', 'kind', 'start', 'end', 'precision', 'status']));

    const window = EventPage.parse(await (await request.get(`/api/cases/${CASE}/events?from=2022-01-13&to=2022-01-13`)).json()).events;
    expect(window.some((e) => e.title.includes('Zas tells Interfax'))).toBe(true);
    expect(window.some((e) => e.start === '2022-01-05')).toBe(false);

    const zas = events.find((e) => e.title.includes('Zas tells Interfax'))!;
    const detail = EventDetail.parse(await (await request.get(`/api/events/${zas.id}`)).json());
    const c = detail.citations[0]!;
    expect(Object.keys(c)).toEqual(expect.arrayContaining(['quote', 'prefix', 'suffix', 'start', 'end', 'sourceId', 'assertedBy', 'stance']));
    expect(c.assertedBy.name).toBe('Stanislav Zas');

    const graph = CaseGraph.parse(await (await request.get(`/api/cases/${CASE}/graph?from=2022-03-01&to=2022-03-31`)).json());
    expect(graph.edges.some((e) => e.type === 'CONTRIBUTES_TROOPS_TO')).toBe(false);

    const entity = EntityDetail.parse(await (await request.get(`/api/entities/${detail.participants[0]!.entity.id}`)).json());
    expect(entity.events.length).toBeGreaterThan(0);

    const source = SourceDetail.parse(await (await request.get(`/api/sources/${c.sourceId}`)).json());
    expect(source.text.slice(c.start, c.end)).toBe(c.quote);
  });

  test('unknown ids give 404, malformed ones and bad parameters 400, each with a message', async ({ request }) => {
    const cases: Array<[string, number]> = [
      ['/api/events/evt_0000000000000000', 404],
      ['/api/entities/ent_0000000000000000', 404],
      ['/api/sources/src_0000000000000000', 404],
      ['/api/cases/no-such-case/events', 404],
      ['/api/events/not-an-id', 400],
      ['/api/cases/Bad_Case/events', 400],
      [`/api/cases/${CASE}/events?from=yesterday`, 400],
      [`/api/cases/${CASE}/events?from=2022-02-01&to=2022-01-01`, 400],
      [`/api/cases/${CASE}/graph?colour=red`, 400],
    ];
    for (const [url, status] of cases) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(status);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.message.length, url).toBeGreaterThan(5);
    }
  });

  test('serves an OpenAPI 3.1 document of these endpoints', async ({ request }) => {
    const doc = (await (await request.get('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/health', '/api/cases', '/api/cases/{caseId}/events', '/api/cases/{caseId}/graph', '/api/events/{eventId}', '/api/entities/{entityId}', '/api/sources/{sourceId}']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
