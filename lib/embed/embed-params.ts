import { NO_FILTERS, type Filters } from '../filters';
import { decodeExploreState, encodeExploreState, type TimeWindow } from '../url-state';
import type { SelectionTarget } from '../selection';
import { VERSION_PATTERN } from './version';

/**
 * The embed's URL parameters, pure encode/decode. Window and status filters are the case page's
 * own (lib/url-state.ts: `from`, `to`, `hideStatus`…), so a view copied from the case page means the
 * same thing in an embed; `focus` is the case page's `sel`.
 *
 *   /embed/cases/{id}?view=timeline|graph|both&focus=evt_…&from=…&to=…&hideStatus=alleged&version=…
 *
 * Like the case page, decoding drops what it does not understand instead of failing: a stale
 * embed in a published article must still show the case.
 */
export const EMBED_VIEWS = ['both', 'timeline', 'graph'] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];

export interface EmbedParams {
  view: EmbedView;
  focus: SelectionTarget | null;
  window: TimeWindow | null;
  filters: Filters;
  /** The content version the embed was published with (lib/embed/version.ts), if pinned. */
  version: string | null;
}

export const DEFAULT_EMBED_PARAMS: EmbedParams = { view: 'both', focus: null, window: null, filters: NO_FILTERS, version: null };

export function decodeEmbedParams(input: URLSearchParams | string): EmbedParams {
  const q = new URLSearchParams(typeof input === 'string' ? input : input.toString());
  const viewParam = q.get('view');
  const view = (EMBED_VIEWS as readonly string[]).includes(viewParam ?? '') ? (viewParam as EmbedView) : 'both';
  const focus = q.get('focus');
  q.delete('sel');
  if (focus) q.set('sel', focus);
  const explore = decodeExploreState(q);
  const version = q.get('version');
  return {
    view,
    focus: explore.selected,
    window: explore.window,
    filters: explore.filters,
    version: version && VERSION_PATTERN.test(version) ? version : null,
  };
}

/** The query string (without "?") of an embed URL; defaults are left out so URLs stay short. */
export function encodeEmbedParams(p: EmbedParams): string {
  const explore = new URLSearchParams(encodeExploreState({ selected: null, window: p.window, lanes: 'none', filters: p.filters }));
  const q = new URLSearchParams();
  if (p.view !== 'both') q.set('view', p.view);
  if (p.focus) q.set('focus', p.focus.id);
  for (const [k, v] of explore) q.append(k, v);
  if (p.version) q.set('version', p.version);
  return q.toString();
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The iframe an editor pastes into an article. The title names the frame for screen readers. */
export function embedIframeHtml(src: string, title: string, width = 800, height = 600): string {
  return `<iframe src="${escapeAttr(src)}" width="${width}" height="${height}" title="${escapeAttr(title)}" style="border:0;max-width:100%" loading="lazy" allowfullscreen></iframe>`;
}
