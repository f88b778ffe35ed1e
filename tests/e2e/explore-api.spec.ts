import { expect, test } from '@playwright/test';

/** The endpoints added for exploration: search and neighbourhood, over HTTP. */
test.describe('exploration API', () => {
  test('GET /api/search answers typed hits and validates its parameters', async ({ request }) => {
    const res = await request.get(`/api/search?${new URLSearchParams({ caseId: 'kazakhstan-2022-01', q: 'ОДКБ' })}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { hits: Array<{ kind: string; label: string; score: number; target: unknown }> };
    expect(body.hits[0]).toMatchObject({ kind: 'entity', label: 'Collective Security Treaty Organization' });
    expect(body.hits[0]!.score).toBeGreaterThan(0);

    expect((await request.get('/api/search?caseId=kazakhstan-2022-01&q=')).status()).toBe(400);
    expect((await request.get(`/api/search?caseId=kazakhstan-2022-01&q=${'x'.repeat(201)}`)).status()).toBe(400);
    expect((await request.get('/api/search?q=csto')).status()).toBe(400);
    expect((await request.get('/api/search?caseId=no-such-case&q=csto')).status()).toBe(404);
    const injected = await request.get(`/api/search?${new URLSearchParams({ caseId: 'kazakhstan-2022-01', q: '*:* OR name:*' })}`);
    expect(injected.status()).toBe(200);
  });

  test('GET /api/entities/{id}/neighbourhood answers 1 or 2 hops', async ({ request }) => {
    const search = (await (await request.get('/api/search?caseId=kazakhstan-2022-01&q=Zas')).json()) as { hits: Array<{ kind: string; id: string; label: string }> };
    const zas = search.hits.find((h) => h.kind === 'entity' && h.label === 'Stanislav Zas')!;
    const one = (await (await request.get(`/api/entities/${zas.id}/neighbourhood`)).json()) as { hops: number; graph: { nodes: unknown[] } };
    const two = (await (await request.get(`/api/entities/${zas.id}/neighbourhood?hops=2`)).json()) as { hops: number; graph: { nodes: unknown[] } };
    expect(one.hops).toBe(1);
    expect(two.hops).toBe(2);
    expect(two.graph.nodes.length).toBeGreaterThan(one.graph.nodes.length);
    expect((await request.get(`/api/entities/${zas.id}/neighbourhood?hops=3`)).status()).toBe(400);
    expect((await request.get('/api/entities/ent_0000000000000000/neighbourhood')).status()).toBe(404);
  });

  test('both are in the OpenAPI document', async ({ request }) => {
    const doc = (await (await request.get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/search', '/api/entities/{entityId}/neighbourhood']));
  });
});
