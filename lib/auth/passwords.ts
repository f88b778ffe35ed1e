import 'server-only';
import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing with Argon2id (@node-rs/argon2: maintained Rust binding, prebuilt for the
 * platforms npm serves, no compiler needed). Its defaults follow OWASP's minimum for Argon2id
 * (19 MiB, 2 iterations, 1 lane); the parameters are stored inside each hash, so raising them later
 * keeps old hashes verifiable.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/**
 * A hash of nothing in particular, verified when the username is unknown, so a sign-in takes
 * as long for an unknown user as for a wrong password (no user enumeration by timing).
 */
let decoy: Promise<string> | null = null;
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hash('timeweave-decoy-password');
  await verifyPassword(await decoy, password);
  return false;
}
