/**
 * `npm test`: every test, starting what it needs and stopping what it started.
 *
 *   typecheck → unit (node:test) → integration (node:test against a real Neo4j) → e2e (Playwright
 *   in Debian's Chromium against a production build)
 *
 * The tests get their own Neo4j instance (port 7688, data in .neo4j/test-data-7688) so they never touch
 * the data of `npm start`. With NEO4J_URI set they use that server instead; every integration test
 * works in its own case id space and deletes it afterwards. `npm test -- unit|integration|e2e`
 * runs one phase; files after the phase narrow it (`npm test -- e2e tests/e2e/embed.spec.ts`), and
 * TIMEWEAVE_TEST_REUSE_BUILD=1 skips `next build` when the e2e build is already there (for
 * iterating on a spec; never set in CI). Ends with one line "tests: N passed, N failed".
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Extra variables for a child process (not NodeJS.ProcessEnv, whose NODE_ENV Next makes required). */
type Env = Record<string, string | undefined>;

const ROOT = path.resolve(__dirname, '..');
const TEST_PORT = process.env.TIMEWEAVE_TEST_NEO4J_PORT || '7688';
const APP_PORT = process.env.TIMEWEAVE_TEST_APP_PORT || '3100';
/** Where e2e builds the app, apart from `npm start`'s .next; overridable so two runs can coexist. */
const DIST_DIR = process.env.TIMEWEAVE_TEST_DIST_DIR || '.next-test';
const log = (msg: string) => console.log(`\n[test] ${msg}`);

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const phaseFailures: string[] = [];

function findTests(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? findTests(p, suffix) : p.endsWith(suffix) ? [p] : [];
    })
    .sort();
}

/** Runs a command, echoing its output, and returns its exit code and all it printed. */
function run(cmd: string, args: string[], env: Env = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const echo = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      out += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const count = (out: string, re: RegExp) => {
  const m = [...out.matchAll(re)].pop();
  return m ? Number(m[1]) : 0;
};

/** node:test prints "# pass N" (tap) or "ℹ pass N" (spec). */
async function nodeTests(phase: string, files: string[], env: Env = {}): Promise<void> {
  log(`${phase}: ${files.length} file(s)`);
  if (files.length === 0) return;
  const { code, out } = await run(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
    env,
  );
  const t = { passed: count(out, /[ℹ#] pass (\d+)/g), failed: count(out, /[ℹ#] fail (\d+)/g), skipped: count(out, /[ℹ#] skipped (\d+)/g) };
  record(phase, t, code);
}

function record(phase: string, t: Tally, code: number) {
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
  if (code !== 0 || t.failed > 0) phaseFailures.push(phase);
  if (code !== 0 && t.failed === 0) {
    // A crash before any test reported still has to count as a failure.
    total.failed += 1;
  }
  log(`${phase}: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`);
}

async function typecheck(): Promise<void> {
  log('typecheck: tsc --noEmit');
  const { code } = await run(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', '.']);
  record('typecheck', { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 }, 0);
}

async function main(): Promise<void> {
  const only = process.argv[2];
  /** Files (or for e2e, Playwright filters) after the phase: run only these. */
  const picked = process.argv.slice(3);
  const pick = (found: string[]) => (picked.length ? picked.map((f) => path.resolve(ROOT, f)) : found);
  const phases = only ? [only] : ['typecheck', 'unit', 'integration', 'e2e'];
  const needsDb = phases.some((p) => p === 'integration' || p === 'e2e');
  const dbEnv: Env = process.env.NEO4J_URI
    ? {}
    : { TIMEWEAVE_NEO4J_PORT: TEST_PORT, TIMEWEAVE_NEO4J_DATA: path.join('.neo4j', `test-data-${TEST_PORT}`) };

  let stopDb: (() => Promise<void>) | null = null;
  try {
    if (phases.includes('typecheck')) await typecheck();
    if (phases.includes('unit')) await nodeTests('unit', pick(findTests(path.join(ROOT, 'tests', 'unit'), '.test.ts')));
    if (needsDb) stopDb = await startTestDatabase(dbEnv);
    if (phases.includes('integration')) {
      await nodeTests('integration', pick(findTests(path.join(ROOT, 'tests', 'integration'), '.test.ts')), dbEnv);
    }
    if (phases.includes('e2e')) await e2e(dbEnv, picked);
  } finally {
    if (stopDb) await stopDb();
  }
  console.log(`\n${phaseFailures.length ? `failed phases: ${phaseFailures.join(', ')}\n` : ''}tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exit(phaseFailures.length || total.failed ? 1 : 0);
}

/** Starts the test Neo4j unless it (or an external one) is already there; returns how to undo that. */
async function startTestDatabase(env: Env): Promise<(() => Promise<void>) | null> {
  if (process.env.NEO4J_URI) {
    log(`using the external Neo4j at ${process.env.NEO4J_URI}`);
  }
  Object.assign(process.env, env);
  const local = await import('../graph/local-neo4j');
  let started = false;
  if (!process.env.NEO4J_URI) {
    log(`starting the test Neo4j on port ${TEST_PORT}`);
    const res = await local.start({ log: (m) => console.log(`[test:db] ${m}`) });
    started = !res.reused;
  }
  // Migrations and the sample case, through the same code as `npm start`.
  const setup = await run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/prepare-test-db.ts'], env);
  if (setup.code !== 0) throw new Error('could not prepare the test database');
  return started
    ? async () => {
        log('stopping the test Neo4j');
        await local.stop({ log: (m) => console.log(`[test:db] ${m}`) });
      }
    : null;
}

async function e2e(env: Env, filters: string[]): Promise<void> {
  const distEnv = { ...env, TIMEWEAVE_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' };
  const reuse = process.env.TIMEWEAVE_TEST_REUSE_BUILD === '1' && existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'));
  if (reuse) {
    log(`e2e: reusing the build in ${DIST_DIR}`);
  } else {
    log(`e2e: building the app (next build, into ${DIST_DIR})`);
    const build = await run(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build'], distEnv);
    if (build.code !== 0) {
      record('e2e', { passed: 0, failed: 1, skipped: 0 }, build.code);
      return;
    }
  }
  log('e2e: Playwright in Chromium');
  const { code, out } = await run(
    path.join(ROOT, 'node_modules', '.bin', 'playwright'),
    ['test', '--config', 'tests/e2e/playwright.config.ts', ...filters],
    { ...distEnv, TIMEWEAVE_TEST_APP_PORT: APP_PORT },
  );
  record('e2e', { passed: count(out, /(\d+) passed/g), failed: count(out, /(\d+) failed/g), skipped: count(out, /(\d+) skipped/g) }, code);
}

main().catch((e: unknown) => {
  console.error(`[test] ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  console.log(`tests: ${total.passed} passed, ${total.failed + 1} failed`);
  process.exit(1);
});
