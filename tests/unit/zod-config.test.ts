import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

/**
 * Every schema of ours is built by a module that imports lib/zod.ts (zod's configuration: jitless
 * in the browser, where the CSP forbids eval) before it takes `z` from zod. A module that skipped
 * it would parse with whatever configuration some other import happened to set first. `z` itself
 * comes from 'zod', not re-exported by lib/zod.ts: re-exported, the bundler kept all of zod in the
 * case page's first load (see lib/zod.ts).
 */
const ROOT = path.resolve(__dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return sources(rel);
    return /\.(ts|tsx)$/.test(d.name) ? [rel] : [];
  });
}

/** Where `spec`, imported from `file`, points (the `@/` alias is the project root); a package name as it is. */
function resolved(file: string, spec: string): string {
  if (spec.startsWith('@/')) return path.normalize(spec.slice(2));
  return spec.startsWith('.') ? path.normalize(path.join(path.dirname(file), spec)) : spec;
}

/** jitless as zod's configuration has it once lib/zod.ts ran, in a fresh process with or without a window. */
function jitlessAfterImport(withWindow: boolean): string {
  const script = `${withWindow ? 'globalThis.window = {};' : ''} await import('./lib/zod.ts'); const { config } = await import('zod'); console.log(String(config().jitless === true));`;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }).trim();
}

describe('zod configured before any schema', () => {
  it('every module that takes z from zod imports lib/zod.ts first', () => {
    const files = ['app', 'lib', 'graph', 'scripts'].flatMap(sources);
    assert.ok(files.length > 100, `only ${files.length} source files found`);
    const users = files.filter((f) => /^import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*['"]zod['"]/m.test(readFileSync(path.join(ROOT, f), 'utf8')));
    assert.ok(users.length > 20, `only ${users.length} schema modules found`);
    const offenders = users.filter((f) => {
      const text = readFileSync(path.join(ROOT, f), 'utf8');
      const zAt = text.search(/^import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*['"]zod['"]/m);
      const config = [...text.matchAll(/^import\s+'([^']+)';/gm)].find((m) => resolved(f, m[1]!) === path.join('lib', 'zod'));
      return !config || config.index! > zAt;
    });
    assert.deepEqual(offenders, []);
  });

  it('no module takes z (or anything else) from lib/zod.ts: it only configures', () => {
    const files = ['app', 'lib', 'graph', 'scripts', 'tests'].flatMap(sources);
    const offenders = files.filter((f) =>
      [...readFileSync(path.join(ROOT, f), 'utf8').matchAll(/^import\s+[^'"]+\s+from\s+'([^']+)';/gm)].some((m) => resolved(f, m[1]!) === path.join('lib', 'zod')),
    );
    assert.deepEqual(offenders, []);
  });

  it('lib/zod.ts makes zod jitless in a browser and leaves the server its compiled parsers', () => {
    assert.equal(jitlessAfterImport(true), 'true');
    assert.equal(jitlessAfterImport(false), 'false');
  });
});
