import { CitationView, EntityDetail, EventDetail, RelationView, SourceDetail } from '../lib/api/views';
import { read } from './driver';
import { attributionLinks } from '../lib/model/citation';
import { deriveStatusOf } from '../lib/provenance/status-rules';
import { decodeCitation, decodeEntity, decodeEvent, toNumber, toPlain, type Props } from './decode';
import { getSourceReader } from './provenance.repo';
import { GET_ENTITY, GET_EVENT } from './queries/read.queries';

function citationView(raw: unknown): CitationView {
  const p = raw as Props & { source: unknown };
  const c = decodeCitation(p);
  const source = toPlain(p.source) as { publisher: string; publisherEntityId: string | null };
  return CitationView.parse({ ...c, source, attribution: attributionLinks({ publisher: source.publisher, publisherEntityId: source.publisherEntityId ?? null }, c) });
}

const nodeProps = (v: unknown): Props => (v as { properties: Props }).properties;

/** An event with every citation behind it and every participant with theirs. Null when unknown. */
export async function getEventDetail(id: string): Promise<EventDetail | null> {
  const rec = (await read(GET_EVENT, { id })).records[0];
  if (!rec) return null;
  const citations = (rec.get('citations') as unknown[]).map(citationView);
  const participants = (rec.get('participants') as Array<{ entity: unknown; role: string; citations: unknown[] }>).map((x) => ({
    entity: toPlain(x.entity),
    role: x.role,
    citations: x.citations.map(citationView),
  }));
  const props = nodeProps(rec.get('event'));
  const event = decodeEvent(props, citations.map((c) => c.id));
  // The rules' verdict is computed on every read from the citations as they now stand (orphans
  // excluded), so it stays visible beside an editor's status and follows re-anchoring.
  const derived = deriveStatusOf(citations.map((c) => ({ ...c, publisher: c.source.publisher })));
  return EventDetail.parse({
    ...event,
    derivedStatus: derived?.status ?? null,
    derivedRule: derived?.rule ?? 'no citation of it can be found in its source any more: nothing supports it',
    statusSetBy: event.statusReason ? 'editor' : 'rules',
    version: props.version === undefined || props.version === null ? 0 : toNumber(props.version),
    citations,
    participants,
  });
}

export async function getEntityDetail(id: string): Promise<EntityDetail | null> {
  const rec = (await read(GET_ENTITY, { id })).records[0];
  if (!rec) return null;
  const citations = (rec.get('citations') as unknown[]).map(citationView);
  const relations = (rec.get('relations') as Array<Props & { citations: unknown[] }>).map((r) =>
    RelationView.parse({ ...(toPlain({ ...r, citations: [] }) as Props), citations: r.citations.map(citationView) }),
  );
  const entity = decodeEntity(nodeProps(rec.get('entity')), citations.map((c) => c.id));
  return EntityDetail.parse({ ...entity, citations, events: toPlain(rec.get('events')), relations });
}

/** A source with its text and every citation in it (orphans included), with what each supports. */
export async function getSourceDetail(id: string): Promise<SourceDetail | null> {
  return getSourceReader(id);
}
