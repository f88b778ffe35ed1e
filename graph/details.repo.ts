import { CitationView, EntityDetail, EventDetail, RelationView, SourceDetail } from '../lib/api/views';
import { read } from './driver';
import { decodeCitation, decodeEntity, decodeEvent, decodeSource, toPlain, type Props } from './decode';
import { GET_ENTITY, GET_EVENT, GET_SOURCE } from './queries/read.queries';

function citationView(raw: unknown): CitationView {
  const p = raw as Props & { source: unknown };
  return CitationView.parse({ ...decodeCitation(p), source: toPlain(p.source) });
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
  const event = decodeEvent(nodeProps(rec.get('event')), citations.map((c) => c.id));
  return EventDetail.parse({ ...event, citations, participants });
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

export async function getSourceDetail(id: string): Promise<SourceDetail | null> {
  const rec = (await read(GET_SOURCE, { id })).records[0];
  if (!rec) return null;
  const citations = (rec.get('citations') as unknown[]).map((c) => decodeCitation(nodeProps(c)));
  return SourceDetail.parse({ ...decodeSource(nodeProps(rec.get('source'))), citations });
}
