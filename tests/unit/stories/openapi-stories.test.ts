import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openApiDocument } from '../../../lib/api/openapi';

type Op = { requestBody?: unknown; responses: Record<string, unknown> };

describe('the OpenAPI document describes the stories endpoints', () => {
  const doc = openApiDocument() as unknown as {
    paths: Record<string, Partial<Record<'get' | 'post' | 'put' | 'delete', Op>>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
  };
  const list = doc.paths['/api/cases/{caseId}/stories'];
  const one = doc.paths['/api/cases/{caseId}/stories/{storyId}'];

  it('lists every method with its error statuses', () => {
    assert.ok(list?.get && list.post && one?.get && one.put && one.delete);
    for (const status of ['201', '401', '403', '404', '409', '413', '422', '429', '503']) assert.ok(list.post.responses[status], `POST ${status}`);
    for (const status of ['200', '401', '403', '404', '409', '413', '422', '429', '503']) assert.ok(one.put.responses[status], `PUT ${status}`);
    assert.ok(one.delete.responses['204'] && one.delete.responses['409']);
  });

  it('the save body requires expectedVersion and the steps', () => {
    const update = doc.components.schemas['StoryUpdate']!;
    assert.ok(update.required?.includes('expectedVersion') && update.required.includes('steps'));
    assert.ok(doc.components.schemas['StoryRecord']?.properties?.['version']);
  });
});
