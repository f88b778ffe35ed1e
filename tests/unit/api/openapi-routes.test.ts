import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openApiDocument } from '../../../lib/api/openapi';

const API_DIR = path.join(process.cwd(), 'app', 'api');
/** The document itself is the only route it does not describe. */
const UNDESCRIBED = new Set(['/api/openapi.json']);

/** Every `app/api/**\/route.ts` as an OpenAPI path ("[caseId]" → "{caseId}") with the methods it exports. */
function routes(dir = API_DIR): Array<{ path: string; methods: string[] }> {
  const out: Array<{ path: string; methods: string[] }> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routes(full));
    else if (entry.name === 'route.ts') {
      const source = readFileSync(full, 'utf8');
      const methods = [...source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
      const url = '/api/' + path.relative(API_DIR, path.dirname(full)).split(path.sep).join('/').replace(/\[(\w+)\]/g, '{$1}');
      out.push({ path: url, methods });
    }
  }
  return out;
}

describe('the OpenAPI document and the API routes', () => {
  const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, unknown>> };
  const found = routes();

  it('finds the routes (the walk is not empty by accident)', () => {
    assert.ok(found.length >= 25, `only ${found.length} routes found`);
    assert.ok(found.every((r) => r.methods.length > 0), `a route without methods: ${found.filter((r) => !r.methods.length).map((r) => r.path).join(', ')}`);
  });

  it('describes every method of every route, and nothing that is not one', () => {
    const missing = found.filter((r) => !UNDESCRIBED.has(r.path)).flatMap((r) => r.methods.filter((m) => !doc.paths[r.path]?.[m]).map((m) => `${m.toUpperCase()} ${r.path}`));
    assert.deepEqual(missing, []);
    const known = new Set(found.map((r) => r.path));
    assert.deepEqual(Object.keys(doc.paths).filter((p) => !known.has(p)), []);
  });
});
