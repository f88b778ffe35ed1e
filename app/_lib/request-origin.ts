import 'server-only';
import { headers } from 'next/headers';

/**
 * The origin this request was made to, as the browser saw it: a proxy's X-Forwarded-Host/-Proto
 * win over Host. Used for links that must be absolute (oEmbed, exported ids).
 */
export function originFromHeaders(h: Headers, fallback = 'http://localhost'): string {
  const host = h.get('x-forwarded-host')?.split(',')[0]?.trim() || h.get('host');
  if (!host) return fallback;
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() || (fallback.startsWith('https:') ? 'https' : 'http');
  return `${proto}://${host}`;
}

/** For server components and generateMetadata. */
export async function requestOrigin(): Promise<string> {
  return originFromHeaders(await headers());
}
