/**
 * Security headers, as pure functions of the request, so they are unit-tested and the proxy that
 * applies them stays a few lines.
 *
 * Scripts: only this origin's files and inline scripts carrying the per-request nonce (Next.js
 * streams its hydration data as inline scripts and stamps them with the nonce it finds in the
 * request's CSP header). 'strict-dynamic' lets those trusted scripts load the lazy chunks of
 * vis-timeline and cytoscape. So an injected <script> or event-handler attribute never runs, even
 * if some text slipped through unescaped.
 * Styles: 'unsafe-inline' is needed for React `style` attributes and for the inline styles that
 * vis-timeline and cytoscape set; CSS cannot run script, so this is the usual trade-off.
 * Framing: pages refuse to be framed except by this origin; embeds (/embed/…) may be framed by the
 * origins configured in TIMEWEAVE_EMBED_ORIGINS (default: any, since sample cases are public).
 */

export interface SecurityContext {
  /** Fresh, unguessable, base64 nonce for this response. */
  nonce: string;
  pathname: string;
  /** Next's dev server evaluates code (React Refresh), which a production build never does. */
  dev: boolean;
  /** Space-separated origins allowed to frame embeds ("*" for any), e.g. "https://news.example". */
  embedOrigins: string;
}

export function isEmbedPath(pathname: string): boolean {
  return pathname === '/embed' || pathname.startsWith('/embed/');
}

/** The request header by which proxy.ts tells the root layout to leave out the site's chrome. */
export const CHROME_HEADER = 'x-tw-chrome';

/** Pages shown without the site header and navigation: embeds and full-screen presentations. */
export function isBareChromePath(pathname: string): boolean {
  return isEmbedPath(pathname) || pathname === '/present' || pathname.startsWith('/present/');
}

/**
 * Only well-formed origins (scheme://host[:port]) or "*" pass, so a mistyped variable cannot inject
 * other directives into the header (a ";" would end the directive).
 */
export function parseEmbedOrigins(value: string | undefined): string {
  const raw = (value ?? '*').trim();
  if (raw === '' || raw === '*') return '*';
  const origins = raw.split(/[\s,]+/).filter((o) => /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(o) || o === "'self'");
  return origins.length ? origins.join(' ') : "'none'";
}

export function contentSecurityPolicy(ctx: SecurityContext): string {
  const frameAncestors = isEmbedPath(ctx.pathname) ? ctx.embedOrigins : "'self'";
  const directives: Array<[string, string]> = [
    ['default-src', "'self'"],
    ['script-src', `'self' 'nonce-${ctx.nonce}' 'strict-dynamic'${ctx.dev ? " 'unsafe-eval'" : ''}`],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self'"],
    ['connect-src', ctx.dev ? "'self' ws:" : "'self'"],
    // The network's layout worker (app/_components/network/worker-layout.ts): the bundler starts
    // it from a blob: bootstrap that loads its chunk from 'self'.
    ['worker-src', "'self' blob:"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', frameAncestors],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** Headers for every response; the CSP comes from contentSecurityPolicy(). */
export function securityHeaders(ctx: SecurityContext): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(ctx),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  // frame-ancestors supersedes it in every current browser; kept for old ones, except on embeds.
  if (!isEmbedPath(ctx.pathname)) headers['X-Frame-Options'] = 'SAMEORIGIN';
  return headers;
}
