/**
 * `npm start`: everything a new user needs, in order, with progress. Starts (or reuses) the local
 * Neo4j unless NEO4J_URI points elsewhere, applies migrations, loads the sample case if it is
 * missing, builds the app when the sources are newer than the last build, and serves it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { caseExists, importCaseBundle } from '../graph/import.repo';
import { closeDriver } from '../graph/driver';
import { migrate } from '../graph/migrations';
import { start as startLocalNeo4j } from '../graph/local-neo4j';
import { seedMissingStories } from '../graph/stories.repo';
import { SAMPLE_CASE_DIR, readCaseFolderWithStories } from './lib/case-folder';

const ROOT = path.resolve(__dirname, '..');
const log = (msg: string) => console.log(`[timeweave] ${msg}`);

async function main(): Promise<void> {
  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a TCP port, got "${process.env.PORT}"`);
  // Checked first, so a busy port fails in a second with advice, not after Neo4j and a build.
  if (!(await portFree(port))) {
    throw new Error(`port ${port} is already in use (another \`npm start\`?): stop that, or choose another with PORT=…`);
  }
  if (process.env.NEO4J_URI) {
    log(`using the Neo4j at ${process.env.NEO4J_URI} (NEO4J_URI is set; no local database is started)`);
  } else {
    await startLocalNeo4j({ log });
  }
  const report = await migrate(log);
  log(`schema up to date (${report.applied.length} migration(s) applied now, ${report.skipped.length} already applied)`);

  const sample = readCaseFolderWithStories(SAMPLE_CASE_DIR);
  if (await caseExists(sample.case.id)) {
    log(`sample case "${sample.case.id}" already loaded; keeping the database as it is`);
    // A database from before stories were stored gets the sample's stories; existing ones (and their edits) stay.
    await seedMissingStories(sample.case.id, sample.stories ?? []);
  } else {
    log(`loading the sample case "${sample.case.id}"…`);
    const counts = await importCaseBundle(sample);
    log(`loaded: ${counts.events} events, ${counts.entities} entities, ${counts.citations} citations`);
  }
  await closeDriver();

  if (needsBuild()) {
    log('building the app (next build)…');
    const build = spawnSync(nextBin(), ['build'], { cwd: ROOT, stdio: 'inherit', env: nextEnv() });
    if (build.status !== 0) throw new Error('next build failed (see above)');
  } else {
    log('app build is up to date');
  }
  log(`starting the web server on port ${port}…`);
  const server = spawn(nextBin(), ['start', '-p', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: nextEnv() });
  server.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/Ready in|started server/i.test(text)) log(`ready at http://localhost:${port}  (Ctrl-C stops the app; \`npm run db:stop\` stops Neo4j)`);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .listen(port, () => probe.close(() => resolve(true)));
  });
}

/** Next.js would otherwise report usage to its makers; nobody opted in to that. */
function nextEnv(): NodeJS.ProcessEnv {
  return { NEXT_TELEMETRY_DISABLED: '1', ...process.env };
}

function nextBin(): string {
  return path.join(ROOT, 'node_modules', '.bin', 'next');
}

/** A build is stale when any source file is newer than it. Cheap: a few hundred stat calls. */
function needsBuild(): boolean {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const newer = (p: string): boolean => {
    if (!existsSync(p)) return false;
    const st = statSync(p);
    if (st.isFile()) return st.mtimeMs > built;
    return readdirSync(p).some((name) => newer(path.join(p, name)));
  };
  return ['app', 'lib', 'graph', 'types', 'next.config.js', 'package.json', 'tsconfig.json'].some((p) => newer(path.join(ROOT, p)));
}

main().catch(async (e: unknown) => {
  console.error(`[timeweave] could not start: ${e instanceof Error ? e.message : String(e)}`);
  await closeDriver().catch(() => {});
  process.exit(1);
});
