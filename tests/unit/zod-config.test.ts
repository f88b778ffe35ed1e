import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

/**
 * Every schema of ours is built with the one configured zod of lib/zod.ts (jitless in the browser,
 * where the CSP forbids eval). A module that took `z` from 'zod' itself would parse with whatever
 * configuration some other import happened to set first.
 */
const ROOT = path.resolve(__dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return sources(rel);
    return /\.(ts|tsx)$/.test(d.name) ? [rel] : [];
  });
}

describe('one configured zod', () => {
  it('no module but lib/zod.ts takes z from zod directly', () => {
    const files = ['app', 'lib', 'graph', 'scripts'].flatMap(sources);
    assert.ok(files.length > 100, `only ${files.length} source files found`);
    const offenders = files.filter((f) => f !== path.join('lib', 'zod.ts') && /import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*['"]zod['"]/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('lib/zod.ts configures zod and re-exports it', async () => {
    const mod = await import('../../lib/zod');
    assert.equal(typeof mod.z.object, 'function');
    assert.ok(mod.z.object({ a: mod.z.string() }).safeParse({ a: 'x' }).success);
  });
});
