import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * Bearer secrets (session cookies, API tokens, CSRF tokens): 32 random bytes, base64url, with a
 * readable prefix so a leaked one is recognisable in logs and secret scanners. Only their SHA-256
 * is stored: a database dump does not let anyone sign in. (A fast hash is right here: the secret
 * has 256 bits of entropy, unlike a password.)
 */
export function generateSecret(prefix: 'tws' | 'twt' | 'twc'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `${prefix}_${Buffer.from(bytes).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return bytesToHex(sha256(utf8ToBytes(secret)));
}

/** Constant-time comparison of two strings, so a CSRF check does not leak by timing. */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
