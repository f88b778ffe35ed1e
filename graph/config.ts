import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import '../lib/zod';
import { z } from 'zod';

/**
 * Where the app finds Neo4j, parsed once from the environment. With NEO4J_URI set, the app talks to
 * that server (a single instance, a cluster, Aura over neo4j+s://) and starts nothing. Without it,
 * it uses the local Neo4j that `npm run db:start` runs, whose password lives in .neo4j/password.
 */
const Env = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'NEO4J_URI must be a bolt:// or neo4j:// URI (optionally +s or +ssc)')
    .optional(),
  NEO4J_USERNAME: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).optional(),
  TIMEWEAVE_HOME: z.string().optional(),
  TIMEWEAVE_NEO4J_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  TIMEWEAVE_NEO4J_PASSWORD: z.string().min(8).optional(),
});

export interface Neo4jConnection {
  uri: string;
  username: string;
  password: string;
  /** undefined: the server's default database. */
  database: string | undefined;
  /** True when the project's own local Neo4j is meant, false for an external server. */
  local: boolean;
}

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** The project root: where .neo4j/ lives. Scripts and `next start` both run from it. */
export function projectRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.TIMEWEAVE_HOME ?? process.cwd());
}

export function localPasswordFile(root: string): string {
  return path.join(root, '.neo4j', 'password');
}

export function neo4jConnection(env: NodeJS.ProcessEnv = process.env): Neo4jConnection {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new ConfigurationError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const e = parsed.data;
  if (e.NEO4J_URI) {
    if (!e.NEO4J_PASSWORD) throw new ConfigurationError('NEO4J_URI is set but NEO4J_PASSWORD is not');
    return { uri: e.NEO4J_URI, username: e.NEO4J_USERNAME, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE, local: false };
  }
  const file = localPasswordFile(projectRoot(env));
  const password = e.TIMEWEAVE_NEO4J_PASSWORD ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
  if (!password) {
    throw new ConfigurationError(`no local Neo4j password: run \`npm run db:start\` first (it creates ${file}), or set NEO4J_URI`);
  }
  return {
    uri: `bolt://127.0.0.1:${e.TIMEWEAVE_NEO4J_PORT}`,
    username: 'neo4j',
    password,
    database: e.NEO4J_DATABASE,
    local: true,
  };
}
