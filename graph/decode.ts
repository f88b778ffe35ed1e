import neo4j from 'neo4j-driver';
import { EventListItem } from '../lib/api/views';
import type { Citation } from '../lib/model/citation';
import type { Entity } from '../lib/model/entity';
import type { Event } from '../lib/model/event';
import type { Source } from '../lib/model/source';
import { AsserterKind } from '../lib/model/vocab';

/**
 * Neo4j values → plain JS, in one place (the GraphAcademy convention). Integers become numbers
 * (our counts and offsets are far below 2^53), temporals become ISO strings, and the flattened
 * encodings of encode.ts are folded back into domain records.
 */
export type Props = Record<string, unknown>;

export function toNumber(v: unknown): number {
  if (neo4j.isInt(v)) return v.toNumber();
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  throw new TypeError(`expected a number, got ${typeof v}`);
}

/** Deep conversion of driver values (Integer, temporal types, lists, maps) to plain JSON-able values. */
export function toPlain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (neo4j.isInt(v)) return v.toNumber();
  if (neo4j.isDateTime(v) || neo4j.isDate(v) || neo4j.isLocalDateTime(v) || neo4j.isTime(v) || neo4j.isDuration(v)) {
    return v.toString();
  }
  if (Array.isArray(v)) return v.map(toPlain);
  if (typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Props).map(([k, x]) => [k, toPlain(x)]));
  }
  return v;
}

/**
 * An EventListItem as EVENT_LIST_ITEM (graph/queries/read.queries.ts) returns it: its participant
 * and source ids arrive unsorted, sources once per citation; here they are sorted and deduped, so
 * every reader of the API sees the same order whatever the database's.
 */
export function decodeEventListItem(raw: unknown): EventListItem {
  const e = EventListItem.parse(toPlain(raw));
  const sorted = (ids: string[]) => [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { ...e, participantIds: sorted(e.participantIds), sourceIds: sorted(e.sourceIds) };
}

const str = (p: Props, k: string): string => String(p[k] ?? '');
const optStr = (p: Props, k: string): string | null => (p[k] === null || p[k] === undefined ? null : String(p[k]));
const strList = (p: Props, k: string): string[] => (Array.isArray(p[k]) ? (p[k] as unknown[]).map(String) : []);

export function decodeCitation(raw: Props): Citation {
  const p = toPlain(raw) as Props;
  const viaKinds = strList(p, 'viaKinds');
  const viaNames = strList(p, 'viaNames');
  const viaEntityIds = strList(p, 'viaEntityIds');
  return {
    id: str(p, 'id'),
    caseId: str(p, 'caseId'),
    sourceId: str(p, 'sourceId'),
    quote: str(p, 'quote'),
    prefix: str(p, 'prefix'),
    suffix: str(p, 'suffix'),
    start: toNumber(p.start),
    end: toNumber(p.end),
    language: str(p, 'language'),
    translation: optStr(p, 'translation'),
    assertedBy: {
      kind: AsserterKind.parse(p.assertedByKind),
      name: str(p, 'assertedByName'),
      entityId: optStr(p, 'assertedByEntityId'),
    },
    via: viaKinds.map((kind, i) => ({
      kind: AsserterKind.parse(kind),
      name: viaNames[i] ?? '',
      entityId: viaEntityIds[i] ? viaEntityIds[i]! : null,
    })),
    stance: p.stance as Citation['stance'],
    hedges: strList(p, 'hedges'),
    orphaned: p.orphaned === true,
  };
}

export function decodeEntity(raw: Props, citationIds: string[]): Entity {
  const p = toPlain(raw) as Props;
  const names = strList(p, 'aliases');
  const langs = strList(p, 'aliasLangs');
  return {
    id: str(p, 'id'),
    caseId: str(p, 'caseId'),
    type: p.type as Entity['type'],
    name: str(p, 'name'),
    aliases: names.map((name, i) => ({ name, lang: langs[i] ? langs[i]! : null })),
    description: optStr(p, 'description'),
    citationIds,
  };
}

export function decodeEvent(raw: Props, citationIds: string[]): Event {
  const p = toPlain(raw) as Props;
  return {
    id: str(p, 'id'),
    caseId: str(p, 'caseId'),
    title: str(p, 'title'),
    description: str(p, 'description'),
    kind: p.kind as Event['kind'],
    start: str(p, 'start'),
    precision: p.precision as Event['precision'],
    approximate: p.approximate === true,
    end: optStr(p, 'end'),
    endPrecision: (optStr(p, 'endPrecision') as Event['endPrecision']) ?? null,
    endApproximate: p.endApproximate === true,
    timeZone: optStr(p, 'timeZone'),
    status: p.status as Event['status'],
    statusReason: optStr(p, 'statusReason'),
    citationIds,
  };
}

export function decodeSource(raw: Props): Source {
  const p = toPlain(raw) as Props;
  return {
    id: str(p, 'id'),
    caseId: str(p, 'caseId'),
    title: str(p, 'title'),
    publisher: str(p, 'publisher'),
    publisherEntityId: optStr(p, 'publisherEntityId'),
    author: optStr(p, 'author'),
    url: optStr(p, 'url'),
    language: str(p, 'language'),
    published: optStr(p, 'published'),
    retrieved: optStr(p, 'retrieved'),
    text: str(p, 'text'),
    contentHash: str(p, 'contentHash'),
    reliabilityNote: optStr(p, 'reliabilityNote'),
    furniture: JSON.parse(str(p, 'furnitureJson') || '[]') as Source['furniture'],
  };
}
