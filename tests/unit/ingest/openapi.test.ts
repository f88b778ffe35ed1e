import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openApiDocument } from '../../../lib/api/openapi';

describe('the OpenAPI document describes the ingest endpoints', () => {
  const doc = openApiDocument() as unknown as {
    paths: Record<string, { post?: { requestBody: { content: Record<string, unknown> }; responses: Record<string, unknown> } }>;
    components: { schemas: Record<string, { properties?: Record<string, unknown>; oneOf?: unknown[]; anyOf?: unknown[] }> };
  };

  it('POST /api/ingest: JSON or multipart in, the proposals document out, each error status listed', () => {
    const post = doc.paths['/api/ingest']?.post;
    assert.ok(post);
    assert.deepEqual(Object.keys(post.requestBody.content).sort(), ['application/json', 'multipart/form-data']);
    for (const status of ['200', '401', '403', '404', '413', '415', '422', '429', '503', '504']) assert.ok(post.responses[status], `missing ${status}`);
    const proposals = doc.components.schemas['ProposalsDocument']!;
    for (const k of ['source', 'events', 'entities', 'relations', 'warnings', 'alreadyIngested']) assert.ok(proposals.properties?.[k], `ProposalsDocument.${k}`);
    assert.ok(doc.components.schemas['IngestRequest']?.properties?.['url']);
  });

  it('POST /api/ingest/commit: the document and decisions in, committed (201) or unchanged (200) out', () => {
    const post = doc.paths['/api/ingest/commit']?.post;
    assert.ok(post);
    for (const status of ['200', '201', '401', '403', '404', '413', '422', '429', '503']) assert.ok(post.responses[status], `missing ${status}`);
    const decisions = doc.components.schemas['CommitRequest']?.properties?.['decisions'] as { properties?: Record<string, unknown> } | undefined;
    assert.ok(decisions?.properties?.['relations'], 'relationship decisions are part of the commit');
    const result = doc.components.schemas['IngestCommitResponse']!;
    assert.equal((result.oneOf ?? result.anyOf)?.length, 2);
  });
});
