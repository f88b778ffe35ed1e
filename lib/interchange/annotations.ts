import type { CaseBundle } from '../model/bundle';
import type { Asserter, Citation } from '../model/citation';
import type { Source } from '../model/source';
import { RELATION_LABELS } from '../model/vocab';

/**
 * Citations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), JSON-LD, one
 * annotation per citation and item it supports: the target is the passage in the stored source
 * text, selected twice (TextQuoteSelector: exact, prefix, suffix; TextPositionSelector: start,
 * end); the body is the event, entity, relationship or participation it supports; the creator is
 * who asserts it (the voice the statement is attributed to, not the curator), relays and stance
 * in Timeweave's own terms. The whole is one AnnotationCollection with one page.
 *
 * Offsets: the model says selector positions count Unicode code points; Timeweave stores UTF-16
 * code units (JavaScript string indices), so they are converted here (they differ only past a
 * character outside the Basic Multilingual Plane, an emoji say).
 */
export interface AnnotationOptions {
  /** Origin the ids and links are made under, e.g. https://timeweave.example. */
  baseUrl: string;
}

const TW_CONTEXT = {
  tw: 'https://timeweave.dev/ns#',
  stance: 'tw:stance',
  via: { '@id': 'tw:via', '@container': '@list' },
  status: 'tw:status',
  hedges: 'tw:hedges',
  orphaned: 'tw:orphaned',
};

export function codePointOffset(text: string, utf16Index: number): number {
  let n = 0;
  for (let i = 0; i < utf16Index && i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The high half of a surrogate pair begins a code point; its low half does not count again.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  return n;
}

function agent(a: Asserter) {
  const type = a.kind === 'person' ? 'Person' : a.kind === 'unnamed' ? undefined : 'Organization';
  return { ...(type ? { type } : {}), name: a.name, ...(a.entityId ? { id: `urn:timeweave:${a.entityId}` } : {}), 'tw:asserterKind': a.kind };
}

interface Supported {
  id: string;
  kind: 'event' | 'entity' | 'relation' | 'participation';
  label: string;
  status?: string;
}

export function toWebAnnotations(bundle: CaseBundle, options: AnnotationOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const sources = new Map(bundle.sources.map((s) => [s.id, s]));
  const names = new Map(bundle.entities.map((e) => [e.id, e.name]));
  const events = new Map(bundle.events.map((e) => [e.id, e.title]));
  const supported = new Map<string, Supported[]>();
  const add = (citationIds: readonly string[], item: Supported) => {
    for (const id of citationIds) supported.set(id, [...(supported.get(id) ?? []), item]);
  };
  for (const e of bundle.events) add(e.citationIds, { id: e.id, kind: 'event', label: e.title, status: e.status });
  for (const e of bundle.entities) add(e.citationIds, { id: e.id, kind: 'entity', label: e.name });
  for (const r of bundle.relations) {
    add(r.citationIds, { id: r.id, kind: 'relation', label: `${names.get(r.fromId) ?? r.fromId} ${RELATION_LABELS[r.type]} ${names.get(r.toId) ?? r.toId}` });
  }
  for (const p of bundle.participations) {
    add(p.citationIds, { id: p.id, kind: 'participation', label: `${names.get(p.entityId) ?? p.entityId} (${p.role}) in ${events.get(p.eventId) ?? p.eventId}` });
  }

  const itemUrl = (s: Supported) =>
    s.kind === 'event' ? `${base}/api/events/${s.id}` : s.kind === 'entity' ? `${base}/api/entities/${s.id}` : `urn:timeweave:${s.id}`;

  const annotation = (c: Citation, src: Source, s: Supported) => ({
    id: `${base}/api/cases/${bundle.case.id}/export?format=annotations#${c.id}-${s.id}`,
    type: 'Annotation',
    motivation: 'linking',
    creator: agent(c.assertedBy),
    generator: { id: base, type: 'Software', name: 'Timeweave' },
    body: [
      {
        type: 'SpecificResource',
        purpose: 'identifying',
        source: { id: itemUrl(s), type: 'Dataset', format: 'application/json', title: s.label, 'tw:itemKind': s.kind, ...(s.status ? { status: s.status } : {}) },
      },
      ...(c.translation ? [{ type: 'TextualBody', purpose: 'describing', value: c.translation, language: 'en', format: 'text/plain' }] : []),
    ],
    target: {
      type: 'SpecificResource',
      source: {
        id: `${base}/api/sources/${src.id}`,
        type: 'Text',
        format: 'text/plain',
        language: src.language,
        title: src.title,
        ...(src.url ? { 'tw:originalUrl': src.url } : {}),
        'tw:publisher': src.publisher,
        'tw:contentHash': src.contentHash,
      },
      selector: [
        { type: 'TextQuoteSelector', exact: c.quote, prefix: c.prefix, suffix: c.suffix },
        { type: 'TextPositionSelector', start: codePointOffset(src.text, c.start), end: codePointOffset(src.text, c.end) },
      ],
    },
    stance: c.stance,
    via: c.via.map(agent),
    hedges: c.hedges,
    ...(c.orphaned ? { orphaned: true } : {}),
  });

  const items = [...bundle.citations]
    .sort((a, b) => a.sourceId.localeCompare(b.sourceId) || a.start - b.start || a.id.localeCompare(b.id))
    .flatMap((c) => {
      const src = sources.get(c.sourceId);
      if (!src) return [];
      return (supported.get(c.id) ?? []).map((s) => annotation(c, src, s));
    });
  const collectionId = `${base}/api/cases/${bundle.case.id}/export?format=annotations`;
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', TW_CONTEXT],
    id: collectionId,
    type: 'AnnotationCollection',
    label: `Citations of ${bundle.case.title}`,
    total: items.length,
    first: { id: `${collectionId}#page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function webAnnotationsText(bundle: CaseBundle, options: AnnotationOptions): string {
  return `${JSON.stringify(toWebAnnotations(bundle, options), null, 2)}\n`;
}
