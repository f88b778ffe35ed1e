import { SearchHit, type SearchResults } from '../lib/api/views';
import { CASE_ID_PATTERN } from '../lib/model/ids';
import type { EntityType } from '../lib/model/vocab';
import { luceneQuery } from '../lib/search/lucene';
import { rankHits } from '../lib/search/rank';
import { snippetOf } from '../lib/search/snippet';
import { ENTITY_TYPE_DISPLAY } from '../lib/views/display';
import { neo4j, read } from './driver';
import { toPlain } from './decode';
import { SEARCH } from './queries/read.queries';
import { getCase } from './cases.repo';

interface Row {
  inCase: boolean;
  kind: SearchHit['kind'];
  id: string;
  score: number;
  text: Record<string, string | null>;
  supports: Array<{ kind: 'event' | 'entity'; id: string; label: string }>;
  sourceTitle: string | null;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The two ways SEARCH runs (see there): Lucene's best `limit`, records of other cases marked; or
 * every match, filtered to the case before the page is cut.
 */
export type SearchWay = 'top' | 'filtered';

export function searchParams(caseId: string, lucene: string, limit: number, way: SearchWay): Record<string, unknown> {
  const top = way === 'top';
  return { caseId, lucene, limit: neo4j.int(limit), options: top ? { limit: neo4j.int(limit) } : {}, othersToo: top };
}

/**
 * Full-text search within a case, over entity names and aliases (every script), event titles and
 * descriptions, and quotes with their translations. Null when the case does not exist.
 */
export async function searchCase(caseId: string, q: string, limit = 20, kind: 'entity' | null = null): Promise<SearchResults | null> {
  // Not a case id: no such case (the API refuses one before this; other callers get null too).
  if (!CASE_ID_PATTERN.test(caseId)) return null;
  const lucene = luceneQuery(q, caseId, kind);
  const search = async (way: SearchWay) => (lucene ? (await read(SEARCH, searchParams(caseId, lucene, limit, way))).records.map((r) => toPlain(r.toObject()) as Row) : []);
  const [found, top] = await Promise.all([getCase(caseId), search('top')]);
  if (!found) return null;
  // Another case's record among Lucene's best: this case's own page may be longer than what is left.
  const rows = top.every((row) => row.inCase) ? top : await search('filtered');
  const names = (row: Row) => (row.kind === 'entity' ? [row.text.name ?? '', ...(row.text.aliasText ?? '').split(' | ')] : [row.text.title ?? '']);
  return { query: q, hits: rankHits(rows.map((row) => ({ hit: toHit(row, q), names: names(row) })), q) };
}

function toHit(row: Row, q: string): SearchHit {
  const t = row.text;
  const aliases = (t.aliasText ?? '').split(' | ');
  if (row.kind === 'entity') {
    const snip = snippetOf([t.name, ...aliases, t.description], q);
    return SearchHit.parse({
      kind: 'entity',
      id: row.id,
      label: t.name ?? row.id,
      what: ENTITY_TYPE_DISPLAY[t.type as EntityType]?.label ?? 'Entity',
      snippet: snip && snip.text !== t.name ? snip.text : null,
      match: snip && snip.text !== t.name ? snip.match : null,
      score: row.score,
      target: { kind: 'entity', id: row.id },
    });
  }
  if (row.kind === 'event') {
    const snip = snippetOf([t.description, t.title], q);
    return SearchHit.parse({
      kind: 'event',
      id: row.id,
      label: t.title ?? row.id,
      what: `Event · ${capitalise(t.kind ?? 'other')}`,
      snippet: snip?.text ?? null,
      match: snip?.match ?? null,
      score: row.score,
      target: { kind: 'event', id: row.id },
    });
  }
  const snip = snippetOf([t.quote, t.translation], q);
  const supported = row.supports[0] ?? null;
  return SearchHit.parse({
    kind: 'citation',
    id: row.id,
    label: supported ? supported.label : 'Quote',
    what: `Quote${row.sourceTitle ? ` in “${row.sourceTitle}”` : ''}`,
    snippet: snip?.text ?? null,
    match: snip?.match ?? null,
    score: row.score,
    target: supported ? { kind: supported.kind, id: supported.id } : null,
  });
}
