import type { CaseGraph, Neighbourhood } from '../api/views';
import type { NetworkScope, SharedEventsPair } from './network-views';

/**
 * Focus mode of the network, as pure set logic: the analyst focuses on an entity (the network
 * shows it and its 1-hop neighbourhood from the neighbourhood API), then expands shown entities
 * by 1 or 2 hops and collapses them again.
 *
 * What is shown is always the union of the answers the state names (the focus's one-hop answer
 * and each expansion's answer). So collapsing an expansion removes exactly what it added and no
 * other expansion or the focus still needs, without bookkeeping that could drift: it simply
 * stops being part of the union. An expansion's own centre is in its answer, so an entity that
 * was expanded stays while its expansion does.
 */

export type Hops = 1 | 2;

export interface Expansion {
  id: string;
  hops: Hops;
}

export interface NetworkFocus {
  centre: string;
  /** In the order they were made (oldest first); at most one per entity. */
  expansions: readonly Expansion[];
}

/** Expansions kept (URL, state): enough for an analyst's session, bounded for the URL. */
export const MAX_EXPANSIONS = 20;

/** What one neighbourhood answer contributes. */
export interface ScopePart {
  entityIds: readonly string[];
  eventIds: readonly string[];
  truncated?: boolean;
  /** The answer's own graph: what a page that does not hold the whole case draws (focusGraph). */
  graph?: CaseGraph;
}

export const answerKey = (id: string, hops: Hops) => `${id}:${hops}`;

export function partOf(n: Neighbourhood): ScopePart {
  return { entityIds: n.graph.nodes.map((x) => x.id), eventIds: n.eventIds, truncated: n.truncated, graph: n.graph };
}

export function focusOn(centre: string): NetworkFocus {
  return { centre, expansions: [] };
}

/** Adds an expansion, or changes its hops if the entity is already expanded. Same object if nothing changes. */
export function expand(focus: NetworkFocus, id: string, hops: Hops): NetworkFocus {
  const existing = focus.expansions.find((e) => e.id === id);
  if (existing?.hops === hops) return focus;
  const others = focus.expansions.filter((e) => e.id !== id);
  // Past the bound the oldest expansion gives way, rather than refusing the analyst's click.
  const expansions = [...others, { id, hops }].slice(-MAX_EXPANSIONS);
  return { ...focus, expansions };
}

export function collapse(focus: NetworkFocus, id: string): NetworkFocus {
  return focus.expansions.some((e) => e.id === id) ? { ...focus, expansions: focus.expansions.filter((e) => e.id !== id) } : focus;
}

export function expansionOf(focus: NetworkFocus | null, id: string): Expansion | null {
  return focus?.expansions.find((e) => e.id === id) ?? null;
}

/** The answers the state needs, focus first: [key, entity id, hops]. */
export function neededAnswers(focus: NetworkFocus): Array<{ key: string; id: string; hops: Hops }> {
  const out = [{ key: answerKey(focus.centre, 1), id: focus.centre, hops: 1 as Hops }];
  for (const e of focus.expansions) {
    const key = answerKey(e.id, e.hops);
    if (!out.some((x) => x.key === key)) out.push({ key, id: e.id, hops: e.hops });
  }
  return out;
}

function union(parts: ReadonlyArray<ScopePart | undefined>): NetworkScope {
  const entityIds = new Set<string>();
  const eventIds = new Set<string>();
  for (const p of parts) {
    if (!p) continue;
    for (const id of p.entityIds) entityIds.add(id);
    for (const id of p.eventIds) eventIds.add(id);
  }
  return { entityIds, eventIds };
}

export interface FocusScope {
  scope: NetworkScope;
  /** Answers not yet at hand (being fetched); what they add appears when they arrive. */
  pending: string[];
  /** Some answer was cut at the API's limit. */
  truncated: boolean;
}

/** What a focused network shows: the union of the answers at hand. The centre is always shown. */
export function focusScope(focus: NetworkFocus, answers: ReadonlyMap<string, ScopePart>): FocusScope {
  const needed = neededAnswers(focus);
  const parts = needed.map((n) => answers.get(n.key));
  const scope = union([{ entityIds: [focus.centre], eventIds: [] }, ...parts]);
  return {
    scope,
    pending: needed.filter((_, i) => !parts[i]).map((n) => n.key),
    truncated: parts.some((p) => p?.truncated === true),
  };
}

/** What collapsing `id`'s expansion would remove: in its answer, and in no other answer or the focus. */
export function addedBy(focus: NetworkFocus, answers: ReadonlyMap<string, ScopePart>, id: string): NetworkScope {
  const exp = expansionOf(focus, id);
  if (!exp) return { entityIds: new Set(), eventIds: new Set() };
  const before = focusScope(focus, answers).scope;
  const after = focusScope(collapse(focus, id), answers).scope;
  return {
    entityIds: new Set([...before.entityIds].filter((x) => !after.entityIds.has(x))),
    eventIds: new Set([...before.eventIds].filter((x) => !after.eventIds.has(x))),
  };
}

/**
 * What a focused network draws where the page does not hold the whole case (the large case page):
 * the union of the answers' own graphs at hand (each entity, relationship and participation once),
 * and, for the shared-events view, each pair of its entities with how many of its events both
 * took part in. Bounded by the answers' limits, whatever the case's size.
 */
export function focusGraph(focus: NetworkFocus, answers: ReadonlyMap<string, ScopePart>): { graph: CaseGraph; shared: SharedEventsPair[] } {
  const nodes = new Map<string, CaseGraph['nodes'][number]>();
  const edges = new Map<string, CaseGraph['edges'][number]>();
  const participations = new Map<string, CaseGraph['participations'][number]>();
  for (const { key } of neededAnswers(focus)) {
    const graph = answers.get(key)?.graph;
    if (!graph) continue;
    for (const n of graph.nodes) nodes.set(n.id, n);
    for (const e of graph.edges) edges.set(e.id, e);
    for (const p of graph.participations) participations.set(`${p.eventId} ${p.entityId}`, p);
  }
  const byEvent = new Map<string, Set<string>>();
  for (const p of participations.values()) {
    if (!nodes.has(p.entityId)) continue;
    const set = byEvent.get(p.eventId) ?? new Set<string>();
    byEvent.set(p.eventId, set.add(p.entityId));
  }
  const weights = new Map<string, number>();
  for (const set of byEvent.values()) {
    const ids = [...set].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) weights.set(`${ids[i]} ${ids[j]}`, (weights.get(`${ids[i]} ${ids[j]}`) ?? 0) + 1);
    }
  }
  const shared = [...weights].map(([pair, weight]) => {
    const [source, target] = pair.split(' ') as [string, string];
    return { source, target, weight };
  });
  return { graph: { nodes: [...nodes.values()], edges: [...edges.values()], participations: [...participations.values()] }, shared };
}
