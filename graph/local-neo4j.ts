/**
 * Local Neo4j 5.26 Community DBMS that Timeweave runs itself, without Docker or a server tarball:
 * Neo4j's jars come from Maven Central (graph/launcher/pom.xml), a one-file launcher
 * (graph/launcher/src/TimeweaveNeo4j.java) starts the embedded DBMS with Bolt on 127.0.0.1,
 * and this module fetches, compiles, starts, stops and inspects it. Used by scripts/db.ts.
 *
 * Everything lives in the git-ignored .neo4j/ at the repo root:
 *   lib/        Neo4j + dependencies (~213 jars, ~123 MB), with a version marker
 *   classes/    the compiled launcher
 *   data/       the store (TIMEWEAVE_NEO4J_DATA overrides)
 *   logs/PORT/  neo4j.log (launcher stdout/stderr) + Neo4j's debug/security/query logs
 *   run/PORT.pid  pid of the launcher serving Bolt on PORT
 *   password    generated password of user neo4j (mode 0600), unless TIMEWEAVE_NEO4J_PASSWORD is set
 *
 * Environment: TIMEWEAVE_NEO4J_PORT (7687), TIMEWEAVE_NEO4J_DATA (.neo4j/data),
 * TIMEWEAVE_NEO4J_PASSWORD, TIMEWEAVE_NEO4J_HEAP (JVM -Xmx, 1g), TIMEWEAVE_NEO4J_PAGECACHE (512m),
 * JAVA_HOME (else java/javac from PATH). Needs Java 17+ (JDK) and Maven on PATH. POSIX only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export type Log = (msg: string) => void;

const MAIN_CLASS = 'TimeweaveNeo4j';
const READY_MARKER = 'TIMEWEAVE_NEO4J_READY';

/**
 * Walks up from this file to the directory holding graph/launcher/pom.xml. Under tsx (CommonJS,
 * since package.json has no "type": "module") __dirname is this file's folder; the cwd fallback
 * covers bundlers that do not provide it (scripts always run from the root anyway).
 */
function findRepoRoot(): string {
  const start = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'graph', 'launcher', 'pom.xml'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

const ROOT = findRepoRoot();
const HOME = path.join(ROOT, '.neo4j');
const LIB_DIR = path.join(HOME, 'lib');
const LIB_MARKER = path.join(LIB_DIR, '.timeweave-neo4j-version');
const CLASSES_DIR = path.join(HOME, 'classes');
const PASSWORD_FILE = path.join(HOME, 'password');
const POM = path.join(ROOT, 'graph', 'launcher', 'pom.xml');
const LAUNCHER_SOURCE = path.join(ROOT, 'graph', 'launcher', 'src', `${MAIN_CLASS}.java`);

/**
 * JVM flags of Neo4j 5.26's own neo4j.conf (server.jvm.additional), so the embedded DBMS runs as
 * the server would. Left out on purpose: -XX:+AlwaysPreTouch, which commits the whole heap up
 * front: right for a dedicated production box, wasted RAM on a developer laptop.
 */
const NEO4J_JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '-XX:FlightRecorderOptions=stackdepth=256',
  '-XX:+UnlockDiagnosticVMOptions',
  '-XX:+DebugNonSafepoints',
  // Without these Neo4j falls back to slower, more memory-hungry page cache / IO code paths.
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dlog4j.layout.jsonTemplate.maxStringLength=32768',
  // Ours: a JVM that hit OutOfMemoryError is in an undefined state; exiting lets status() and the
  // next start() see it as stopped (the store recovers from its transaction log) instead of a
  // half-dead server that still holds the port.
  '-XX:+ExitOnOutOfMemoryError',
];

export interface LocalNeo4jConfig {
  port: number;
  dataDir: string;
  /** JVM max heap, in -Xmx syntax ("1g", "768m"). */
  heap: string;
  /** Page cache size in Neo4j syntax ("512m", "2g", or bytes). */
  pageCache: string;
}

/**
 * Files of one instance, keyed by its Bolt port: the dev server (7687) and the test server that
 * `npm test` starts (7688) run side by side from one checkout without sharing a pid or a log.
 */
function instanceFiles(port: number): { pidFile: string; logsDir: string; logFile: string } {
  const logsDir = path.join(HOME, 'logs', String(port));
  return { pidFile: path.join(HOME, 'run', `${port}.pid`), logsDir, logFile: path.join(logsDir, 'neo4j.log') };
}

/** Read on every call, so callers (and tests) can change the environment between calls. */
export function config(): LocalNeo4jConfig {
  const port = Number(process.env.TIMEWEAVE_NEO4J_PORT || 7687);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`TIMEWEAVE_NEO4J_PORT must be a TCP port, got "${process.env.TIMEWEAVE_NEO4J_PORT}"`);
  }
  return {
    port,
    dataDir: path.resolve(ROOT, process.env.TIMEWEAVE_NEO4J_DATA || path.join('.neo4j', 'data')),
    heap: process.env.TIMEWEAVE_NEO4J_HEAP || '1g',
    pageCache: process.env.TIMEWEAVE_NEO4J_PAGECACHE || '512m',
  };
}

/** The Neo4j version is pinned in one place only: the launcher's pom.xml. */
export function neo4jVersion(): string {
  const match = /<neo4j\.version>\s*([^<\s]+)\s*<\/neo4j\.version>/.exec(fs.readFileSync(POM, 'utf8'));
  if (!match?.[1]) throw new Error(`no <neo4j.version> property in ${POM}`);
  return match[1];
}

/**
 * Password of user neo4j: TIMEWEAVE_NEO4J_PASSWORD if set, else one generated on first use and
 * kept in .neo4j/password. The launcher (re)applies it on every start, so changing the variable
 * and restarting is enough to rotate it.
 */
export function password(): string {
  const fromEnv = process.env.TIMEWEAVE_NEO4J_PASSWORD;
  if (fromEnv) {
    if (fromEnv.length < 8) throw new Error('TIMEWEAVE_NEO4J_PASSWORD must be at least 8 characters (Neo4j minimum)');
    return fromEnv;
  }
  const stored = readTrimmed(PASSWORD_FILE);
  if (stored) return stored;
  fs.mkdirSync(HOME, { recursive: true });
  const generated = randomBytes(24).toString('base64url'); // 32 chars, no quoting issues anywhere
  try {
    // 'wx': if two processes race here, the second one fails and reads the winner's password.
    fs.writeFileSync(PASSWORD_FILE, `${generated}\n`, { mode: 0o600, flag: 'wx' });
    return generated;
  } catch (err) {
    const winner = isErrno(err, 'EEXIST') ? readTrimmed(PASSWORD_FILE) : null;
    if (winner) return winner;
    throw err;
  }
}

export interface LocalConnection {
  uri: string;
  username: string;
  password: string;
}

/** Bolt connection details of the local DBMS (whether or not it is running). */
export function localConnection(): LocalConnection {
  return { uri: `bolt://127.0.0.1:${config().port}`, username: 'neo4j', password: password() };
}

/**
 * Makes sure the jars are in .neo4j/lib and the launcher is compiled. The fetch only happens when
 * the version marker is missing or names another version; it goes to a side directory that is
 * renamed into place at the end, so an interrupted download is never mistaken for a complete one.
 */
export async function ensureInstalled(log: Log = () => {}): Promise<void> {
  const version = neo4jVersion();
  if (readTrimmed(LIB_MARKER) !== version) {
    requireCommand('mvn', ['-v'], 'Maven (mvn) is needed to fetch Neo4j from Maven Central');
    requireCommand(javaTool('java'), ['-version'], 'Java 17+ is needed to run Neo4j (set JAVA_HOME or put java on PATH)');
    log(`fetching Neo4j ${version} from Maven Central into .neo4j/lib (~125 MB, first time only)…`);
    const started = Date.now();
    const partial = `${LIB_DIR}.partial`;
    fs.rmSync(partial, { recursive: true, force: true });
    await run('mvn', [
      '-q', '-B', '-f', POM, 'dependency:copy-dependencies',
      `-DoutputDirectory=${partial}`, '-DincludeScope=runtime',
    ]);
    fs.rmSync(LIB_DIR, { recursive: true, force: true });
    fs.renameSync(partial, LIB_DIR);
    fs.writeFileSync(LIB_MARKER, `${version}\n`);
    const jars = fs.readdirSync(LIB_DIR).filter((f) => f.endsWith('.jar')).length;
    log(`fetched ${jars} jars in ${seconds(Date.now() - started)}`);
  }

  // Recompile when the class is missing, older than its source, or older than the jars it was
  // compiled against (a version bump refetches lib/).
  const classFile = path.join(CLASSES_DIR, `${MAIN_CLASS}.class`);
  const builtAt = mtimeMs(classFile);
  if (builtAt === null || builtAt < (mtimeMs(LAUNCHER_SOURCE) ?? 0) || builtAt < (mtimeMs(LIB_MARKER) ?? 0)) {
    requireCommand(javaTool('javac'), ['-version'], 'a JDK 17+ (javac) is needed to compile the launcher');
    log('compiling the Neo4j launcher…');
    fs.rmSync(CLASSES_DIR, { recursive: true, force: true });
    // "lib/*" is expanded by javac itself (no shell involved).
    await run(javaTool('javac'), ['--release', '17', '-cp', path.join(LIB_DIR, '*'), '-d', CLASSES_DIR, LAUNCHER_SOURCE]);
  }
}

export interface StartOptions {
  log?: Log;
  /** How long to wait for the READY line, default 180 s (first start creates the store). */
  timeoutMs?: number;
}

export interface StartResult {
  uri: string;
  pid: number;
  /** true when a running instance was found and reused. */
  reused: boolean;
}

/**
 * Starts the local DBMS detached (it outlives the calling process) and waits until it is ready,
 * or reuses the one already running from this checkout.
 */
export async function start(opts: StartOptions = {}): Promise<StartResult> {
  const log = opts.log ?? (() => {});
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const cfg = config();
  const conn = localConnection(); // generates the password on first use
  const { pidFile, logsDir, logFile } = instanceFiles(cfg.port);
  const running = runningPid(pidFile);
  if (running !== null) {
    // One local Neo4j per port: refuse to "reuse" one that serves another store.
    const cmdline = `${commandLine(running)} `;
    if (!cmdline.includes(` --port=${cfg.port} `) || !cmdline.includes(` --home=${cfg.dataDir} `)) {
      throw new Error(
        `a Neo4j of this checkout already runs on port ${cfg.port} (pid ${running}) with another data dir; stop it first`,
      );
    }
    // Ours and alive. It may still be booting (a concurrent start): give it until the port opens.
    if (!(await waitFor(() => portOpen(cfg.port), timeoutMs))) {
      throw new Error(`Neo4j (pid ${running}) is running but not listening on ${cfg.port}; see ${logFile}`);
    }
    log(`Neo4j already running (pid ${running}) at ${conn.uri}`);
    return { uri: conn.uri, pid: running, reused: true };
  }
  if (await portOpen(cfg.port)) {
    throw new Error(
      `port ${cfg.port} is already in use by a process that is not this checkout's Neo4j; ` +
        'stop it, or set TIMEWEAVE_NEO4J_PORT (or NEO4J_URI to use that server instead)',
    );
  }

  await ensureInstalled(log);
  fs.mkdirSync(logsDir, { recursive: true });
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.mkdirSync(cfg.dataDir, { recursive: true });
  const dataShown = cfg.dataDir.startsWith(ROOT + path.sep) ? path.relative(ROOT, cfg.dataDir) : cfg.dataDir;
  log(`starting Neo4j (data ${dataShown}, heap ${cfg.heap}, page cache ${cfg.pageCache})…`);

  // The JVM writes straight into the log file through an inherited fd, so it keeps logging after
  // this process exits (a pipe would break, and SIGPIPE would kill it).
  const logFd = fs.openSync(logFile, 'a');
  const logOffset = fs.fstatSync(logFd).size;
  fs.writeSync(logFd, `\n==== ${new Date().toISOString()} timeweave: starting Neo4j ${neo4jVersion()} ====\n`);
  const started = Date.now();
  // Filled in by the child's events; an object so TypeScript does not narrow it to null.
  const state: { exited: string | null } = { exited: null };
  const child = spawn(
    javaTool('java'),
    [
      ...NEO4J_JVM_FLAGS,
      `-Xmx${cfg.heap}`,
      '-cp', [CLASSES_DIR, path.join(LIB_DIR, '*')].join(path.delimiter),
      MAIN_CLASS,
      `--home=${cfg.dataDir}`,
      `--logs=${logsDir}`,
      `--port=${cfg.port}`,
      `--pagecache=${cfg.pageCache}`,
    ],
    {
      cwd: ROOT,
      // Own process group and no reference from our event loop: `db:start` can exit and a Ctrl-C
      // in the terminal that ran it does not reach the server.
      detached: true,
      stdio: ['ignore', logFd, logFd],
      // Via the environment, not argv, which any local user can read with ps.
      env: { ...process.env, TIMEWEAVE_NEO4J_PASSWORD: conn.password },
    },
  );
  fs.closeSync(logFd);
  child.on('error', (err) => (state.exited = err.message));
  child.on('exit', (code, sig) => (state.exited = `exited with ${sig ?? `code ${code}`}`));
  child.unref();
  if (child.pid === undefined) {
    await sleep(50); // let the 'error' event (e.g. ENOENT) arrive
    throw new Error(`could not start java: ${state.exited ?? 'unknown error'}`);
  }
  const pid = child.pid;
  fs.writeFileSync(pidFile, `${pid}\n`);

  // Ready = the launcher's READY line, printed after the password is set. An open Bolt port alone
  // is not enough: it opens before that, and an early client would meet neo4j/neo4j.
  const ready = await waitFor(
    async () => state.exited !== null || logSince(logFile, logOffset).includes(READY_MARKER),
    timeoutMs,
  );
  if (state.exited !== null || !ready) {
    const why = state.exited !== null ? `Neo4j ${state.exited}` : `Neo4j not ready after ${seconds(timeoutMs)}`;
    if (state.exited === null) await stop({ log });
    else fs.rmSync(pidFile, { force: true });
    throw new Error(`${why}. Last lines of ${path.relative(ROOT, logFile)}:\n${tail(logSince(logFile, logOffset), 40)}`);
  }
  log(`Neo4j ready at ${conn.uri} (pid ${pid}, ${seconds(Date.now() - started)})`);
  return { uri: conn.uri, pid, reused: false };
}

export interface StopOptions {
  log?: Log;
  /** Grace period after SIGTERM before SIGKILL, default 60 s. */
  timeoutMs?: number;
}

/** Stops the local DBMS: SIGTERM (clean shutdown with checkpoint), SIGKILL if it hangs. */
export async function stop(opts: StopOptions = {}): Promise<{ wasRunning: boolean }> {
  const log = opts.log ?? (() => {});
  const { pidFile } = instanceFiles(config().port);
  const pid = runningPid(pidFile);
  if (pid === null) {
    fs.rmSync(pidFile, { force: true }); // stale (crash, reboot) or absent
    log('Neo4j is not running');
    return { wasRunning: false };
  }
  log(`stopping Neo4j (pid ${pid})…`);
  const started = Date.now();
  signal(pid, 'SIGTERM');
  // Wait for the pid itself to disappear, not just for the command line check to fail: a process
  // that is tearing down already shows an empty command line while it still holds files and port.
  if (!(await waitFor(async () => !isAlive(pid), opts.timeoutMs ?? 60_000))) {
    log(`Neo4j did not stop within ${seconds(opts.timeoutMs ?? 60_000)}; killing it (next start will run recovery)`);
    signal(pid, 'SIGKILL');
    await waitFor(async () => !isAlive(pid), 10_000);
  }
  fs.rmSync(pidFile, { force: true });
  log(`Neo4j stopped (${seconds(Date.now() - started)})`);
  return { wasRunning: true };
}

export interface Status {
  state: 'running' | 'stopped';
  pid: number | null;
  uri: string;
  /** Whether the Bolt port accepts connections (false while starting). */
  listening: boolean;
  dataDir: string;
  dataBytes: number;
  logFile: string;
}

export async function status(): Promise<Status> {
  const cfg = config();
  const { pidFile, logFile } = instanceFiles(cfg.port);
  const pid = runningPid(pidFile);
  return {
    state: pid === null ? 'stopped' : 'running',
    pid,
    uri: `bolt://127.0.0.1:${cfg.port}`,
    listening: pid !== null && (await portOpen(cfg.port)),
    dataDir: cfg.dataDir,
    dataBytes: dirSize(cfg.dataDir),
    logFile,
  };
}

// ---------------------------------------------------------------------------------------------

/** Pid from the pid file, if that process is alive and is our launcher; null otherwise. */
function runningPid(pidFile: string): number | null {
  const pid = Number(readTrimmed(pidFile));
  return Number.isInteger(pid) && pid > 0 && isOurProcess(pid) ? pid : null;
}

/**
 * A pid file can outlive its process (crash, reboot) and the pid be reused by anything, so a pid
 * only counts if its command line is this checkout's launcher. A zombie has an empty command
 * line, so it counts as gone too.
 */
function isOurProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false; // ESRCH: gone; EPERM: another user's process, so not ours
  }
  const cmdline = commandLine(pid);
  return cmdline.includes(MAIN_CLASS) && cmdline.includes(CLASSES_DIR);
}

/** The process's command line, arguments separated by spaces; '' if it is gone. */
function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trimEnd();
  } catch {
    return spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' }).stdout?.trim() ?? ''; // macOS
  }
}

/** Whether the pid exists and is not a zombie (exited, waiting to be reaped by its parent). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  let stat: string;
  try {
    // Field 3 of /proc/<pid>/stat, after the parenthesised command name, is the state letter.
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '');
  } catch {
    stat = spawnSync('ps', ['-p', String(pid), '-o', 'stat='], { encoding: 'utf8' }).stdout?.trim() ?? ''; // macOS
  }
  return !stat.startsWith('Z');
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if (!isErrno(err, 'ESRCH')) throw err; // already gone is fine
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Polls `check` every 250 ms until it is true (→ true) or the timeout passes (→ false). */
async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(250);
  }
}

/** Runs a command; on failure the error carries the tail of its output. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} ${args.slice(0, 6).join(' ')} failed (exit ${code}):\n${tail(output, 40)}`)),
    );
  });
}

function requireCommand(command: string, args: string[], hint: string): void {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  if (result.error) throw new Error(`${hint}: cannot run "${command}" (${result.error.message})`);
}

function javaTool(name: 'java' | 'javac'): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', name) : name;
}

function logSince(logFile: string, offset: number): string {
  try {
    const fd = fs.openSync(logFile, 'r');
    try {
      const length = Math.max(0, fs.fstatSync(fd).size - offset);
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, offset);
      return buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

function dirSize(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += dirSize(full);
    else if (entry.isFile()) total += fs.statSync(full, { throwIfNoEntry: false })?.size ?? 0;
  }
  return total;
}

function readTrimmed(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function mtimeMs(file: string): number | null {
  return fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? null;
}

function isErrno(err: unknown, code: string): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === code;
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
