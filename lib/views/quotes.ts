import type { CaseBundle } from '../model/bundle';
import type { Citation } from '../model/citation';
import type { EventStatus } from '../model/vocab';
import { attributionLinks } from '../model/citation';

/**
 * Citations flattened for reading without JavaScript (embeds, presentations): the words, their
 * translation, who speaks through whom, and the source. Small plain objects, so a server page can
 * pass them to a client component.
 */
export interface QuoteView {
  id: string;
  quote: string;
  language: string;
  translation: string | null;
  /** "Press TV ← Interfax ← Stanislav Zas". */
  attribution: string;
  stance: Citation['stance'];
  hedges: string[];
  orphaned: boolean;
  sourceId: string;
  sourceTitle: string;
  publisher: string;
}

export interface CitedEvent {
  id: string;
  title: string;
  status: EventStatus;
  start: string;
  end: string | null;
  approximate: boolean;
  endApproximate: boolean;
  quotes: QuoteView[];
}

export function quoteViews(bundle: Pick<CaseBundle, 'citations' | 'sources'>): Map<string, QuoteView> {
  const sources = new Map(bundle.sources.map((s) => [s.id, s]));
  return new Map(
    bundle.citations.map((c) => {
      const s = sources.get(c.sourceId);
      const publisher = s?.publisher ?? 'unknown publisher';
      return [
        c.id,
        {
          id: c.id,
          quote: c.quote,
          language: c.language,
          translation: c.translation,
          attribution: attributionLinks({ publisher, publisherEntityId: s?.publisherEntityId ?? null }, c).map((l) => l.name).join(' ← '),
          stance: c.stance,
          hedges: c.hedges,
          orphaned: c.orphaned,
          sourceId: c.sourceId,
          sourceTitle: s?.title ?? 'unknown source',
          publisher,
        },
      ];
    }),
  );
}

/** Events with their quotes in source order (position in the text), orphans last. */
export function citedEvents(bundle: Pick<CaseBundle, 'citations' | 'sources' | 'events'>): CitedEvent[] {
  const quotes = quoteViews(bundle);
  const order = new Map(bundle.citations.map((c) => [c.id, c]));
  const bySourcePosition = (a: string, b: string) => {
    const x = order.get(a);
    const y = order.get(b);
    if (!x || !y) return 0;
    return Number(x.orphaned) - Number(y.orphaned) || x.sourceId.localeCompare(y.sourceId) || x.start - y.start;
  };
  return bundle.events.map((e) => ({
    id: e.id,
    title: e.title,
    status: e.status,
    start: e.start,
    end: e.end,
    approximate: e.approximate,
    endApproximate: e.endApproximate,
    quotes: [...e.citationIds].sort(bySourcePosition).flatMap((id) => quotes.get(id) ?? []),
  }));
}
