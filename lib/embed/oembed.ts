import '../zod';
import { z } from 'zod';
import { CASE_ID_PATTERN } from '../model/ids';
import { VERSION_PATTERN } from './version';

/**
 * oEmbed 1.0 (https://oembed.com) for cases: a consumer given a case page or embed URL asks
 * `/api/oembed?url=…` and gets a `rich` response whose html is an iframe of `/embed/cases/{id}`.
 * Only JSON is offered; XML is answered 501 as the spec allows. Pure: the route supplies the origin
 * it is served under and the case's title.
 */
export const OEMBED_DEFAULT_WIDTH = 800;
export const OEMBED_DEFAULT_HEIGHT = 600;
export const PROVIDER_NAME = 'Timeweave';

const positiveInt = (name: string) =>
  z
    .string()
    .regex(/^\d{1,5}$/, `${name} must be a positive whole number of pixels`)
    .transform(Number)
    .refine((n) => n > 0, `${name} must be a positive whole number of pixels`)
    .optional();

export const OEmbedQuery = z.strictObject({
  url: z.string({ message: 'url is required' }).min(1, 'url is required').max(2000),
  format: z.enum(['json', 'xml'], { message: 'format must be json or xml' }).default('json'),
  maxwidth: positiveInt('maxwidth'),
  maxheight: positiveInt('maxheight'),
});
export type OEmbedQuery = z.infer<typeof OEmbedQuery>;

/** The rich-type response, as the spec defines it (version 1.0; html, width and height required). */
export const OEmbedRich = z.strictObject({
  type: z.literal('rich'),
  version: z.literal('1.0'),
  title: z.string(),
  provider_name: z.string(),
  provider_url: z.url(),
  cache_age: z.number().int().nonnegative(),
  html: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type OEmbedRich = z.infer<typeof OEmbedRich>;

export interface OurUrl {
  caseId: string;
  /** The embed parameters (view, focus, window, filters, version) carried over from an embed URL; only `version` from a case page URL. */
  search: string;
}

/**
 * Is `url` one of ours: a case page `/cases/{id}` or an embed `/embed/cases/{id}` on this host?
 * The host is compared without the scheme, since a proxy in front may terminate TLS.
 */
export function parseOurUrl(url: string, ourOrigin: string): OurUrl | null {
  let u: URL;
  let ours: URL;
  try {
    u = new URL(url);
    ours = new URL(ourOrigin);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.host.toLowerCase() !== ours.host.toLowerCase()) return null;
  const m = /^\/(embed\/)?cases\/([^/]+)\/?$/.exec(u.pathname);
  if (!m) return null;
  const caseId = decodeURIComponent(m[2]!);
  if (!CASE_ID_PATTERN.test(caseId)) return null;
  if (m[1]) return { caseId, search: u.search };
  // A case page's own view state is not an embed's, but a `version` (a published version) is kept.
  const version = u.searchParams.get('version');
  return { caseId, search: version && VERSION_PATTERN.test(version) ? `?version=${version}` : '' };
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedUrl(origin: string, caseId: string, search = ''): string {
  return `${origin.replace(/\/+$/, '')}/embed/cases/${encodeURIComponent(caseId)}${search}`;
}

export function oembedResponse(input: { origin: string; caseId: string; title: string; search?: string; maxwidth?: number | undefined; maxheight?: number | undefined }): OEmbedRich {
  const width = Math.min(OEMBED_DEFAULT_WIDTH, input.maxwidth ?? Infinity);
  const height = Math.min(OEMBED_DEFAULT_HEIGHT, input.maxheight ?? Infinity);
  const src = embedUrl(input.origin, input.caseId, input.search);
  const title = `${input.title} — ${PROVIDER_NAME}`;
  return {
    type: 'rich',
    version: '1.0',
    title: input.title,
    provider_name: PROVIDER_NAME,
    provider_url: `${input.origin.replace(/\/+$/, '')}/`,
    cache_age: 3600,
    html: `<iframe src="${escapeAttr(src)}" width="${width}" height="${height}" title="${escapeAttr(title)}" style="border:0;max-width:100%" loading="lazy" allowfullscreen></iframe>`,
    width,
    height,
  };
}

/** The discovery link's href for a page: `<link rel="alternate" type="application/json+oembed" href=…>`. */
export function oembedDiscoveryHref(origin: string, pageUrl: string): string {
  return `${origin.replace(/\/+$/, '')}/api/oembed?url=${encodeURIComponent(pageUrl)}&format=json`;
}
