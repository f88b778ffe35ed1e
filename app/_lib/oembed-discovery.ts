import 'server-only';
import type { Metadata } from 'next';
import { oembedDiscoveryHref } from '@/lib/embed/oembed';
import { requestOrigin } from './request-origin';

/**
 * oEmbed discovery for a page, as Next metadata: renders
 * `<link rel="alternate" type="application/json+oembed" href="…/api/oembed?url=…&format=json">`.
 * Absolute, since consumers read it from another site. For case pages and (later) embed pages.
 */
export async function oembedAlternates(path: string): Promise<NonNullable<Metadata['alternates']>> {
  const origin = await requestOrigin();
  return { types: { 'application/json+oembed': oembedDiscoveryHref(origin, `${origin}${path}`) } };
}
