import { type NextRequest, NextResponse } from 'next/server';
import { CHROME_HEADER, isBareChromePath, parseEmbedOrigins, securityHeaders } from './lib/security/headers';

/**
 * Runs before every page and API request: a fresh CSP nonce per response, and the security headers
 * of lib/security/headers.ts. The CSP also goes on the request, which is where Next.js reads the
 * nonce to stamp its own inline scripts.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const headers = securityHeaders({
    nonce,
    pathname: request.nextUrl.pathname,
    dev: process.env.NODE_ENV === 'development',
    embedOrigins: parseEmbedOrigins(process.env.TIMEWEAVE_EMBED_ORIGINS),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  // Embeds and presentations render without the site's header (app/layout.tsx reads this). Set
  // here, never taken from the client: a caller-sent value is overwritten or removed.
  if (isBareChromePath(request.nextUrl.pathname)) requestHeaders.set(CHROME_HEADER, 'bare');
  else requestHeaders.delete(CHROME_HEADER);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build files carry no user content and are cached; everything else gets the headers.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)' }],
};
