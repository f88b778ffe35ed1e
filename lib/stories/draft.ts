import type { CaseBundle } from '../model/bundle';
import { formatPartialDate } from '../model/partial-date';
import { StoryUpdate, resolveStep, type Story, type StoryProblem } from './story.schema';

/**
 * The authoring UI's model, pure (tested without a DOM or a database): what the editor can point
 * a step at (the catalog of the case's events, entities and citations), a story as an editable
 * draft, and the draft back into the body of a save.
 */
export interface CatalogEvent {
  id: string;
  title: string;
  date: string;
  status: string;
  citationIds: string[];
}
export interface CatalogEntity {
  id: string;
  name: string;
  type: string;
  citationIds: string[];
}
export interface CatalogCitation {
  id: string;
  quote: string;
  translation: string | null;
  assertedBy: string;
  source: string;
}
export interface Catalog {
  events: CatalogEvent[];
  entities: CatalogEntity[];
  citations: CatalogCitation[];
}

export function catalogOf(bundle: CaseBundle): Catalog {
  const sources = new Map(bundle.sources.map((s) => [s.id, s]));
  const byText = <T>(key: (x: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
  return {
    events: bundle.events
      .map((e) => ({ id: e.id, title: e.title, date: formatPartialDate(e.start, e.approximate), start: e.start, status: e.status, citationIds: e.citationIds }))
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.title.localeCompare(b.title)))
      .map(({ start: _start, ...e }) => e),
    entities: bundle.entities.map((e) => ({ id: e.id, name: e.name, type: e.type, citationIds: e.citationIds })).sort(byText((e) => e.name)),
    citations: bundle.citations.map((c) => {
      const s = sources.get(c.sourceId);
      return { id: c.id, quote: c.quote, translation: c.translation, assertedBy: c.assertedBy.name, source: s ? `${s.publisher}: ${s.title}` : c.sourceId };
    }),
  };
}

export interface DraftStep {
  /** Client-only identity, stable across moves (React keys, where focus goes after a move). */
  key: string;
  title: string;
  text: string;
  /** YYYY-MM-DD, or a stored wall-clock minute kept as it was until the date is changed; '' for none. */
  start: string;
  end: string;
  eventIds: string[];
  entityIds: string[];
  citationIds: string[];
}
export interface Draft {
  title: string;
  summary: string;
  steps: DraftStep[];
}

// Loaded steps are keyed by position (the same on the server and in the browser, so hydration
// matches); steps added in the browser get keys no loaded step can have.
let counter = 0;
export const newStepKey = () => `added-${(counter += 1)}`;

export function emptyStep(): DraftStep {
  return { key: newStepKey(), title: '', text: '', start: '', end: '', eventIds: [], entityIds: [], citationIds: [] };
}

/** A stored window bound as it shows in a date input (`2022-01-03T00:00` → `2022-01-03`). */
export const dateOf = (v: string) => v.slice(0, 10);

/**
 * A story → an editable draft. References the case no longer has are dropped (and counted), since
 * the editor could neither show nor save them.
 */
export function draftOf(story: Pick<Story, 'caseId' | 'title' | 'summary' | 'steps'>, catalog: Catalog): { draft: Draft; dropped: number } {
  const events = new Set(catalog.events.map((e) => e.id));
  const entities = new Set(catalog.entities.map((e) => e.id));
  const citations = new Set(catalog.citations.map((c) => c.id));
  let dropped = 0;
  const keep = (ids: string[], has: Set<string>) => ids.filter((id) => has.has(id) || ((dropped += 1), false));
  const steps = story.steps.map((s, i) => {
    const r = resolveStep(s, story.caseId);
    const bound = (v: string | undefined) => (v === undefined ? '' : v.endsWith('T00:00') ? dateOf(v) : v);
    return {
      key: `step-${i}`,
      title: s.title,
      text: s.text,
      start: bound(s.window?.start),
      end: bound(s.window?.end),
      eventIds: keep(r.eventIds, events),
      entityIds: keep(r.entityIds, entities),
      citationIds: keep(r.citationIds, citations),
    };
  });
  return { draft: { title: story.title, summary: story.summary, steps }, dropped };
}

/** The body of a save (PUT) from a draft, validated as the server will; problems have field paths. */
export function saveBodyOf(draft: Draft, expectedVersion: number): { body: StoryUpdate; problems: StoryProblem[] } {
  const problems: StoryProblem[] = [];
  const steps = draft.steps.map((s, i) => {
    if ((s.start === '') !== (s.end === '')) problems.push({ path: `steps.${i}.window`, message: 'give both dates of the window, or neither' });
    return {
      title: s.title.trim(),
      text: s.text.trim(),
      window: s.start && s.end ? { start: s.start, end: s.end } : null,
      focus: [...s.eventIds, ...s.entityIds],
      citations: s.citationIds,
    };
  });
  const body = { expectedVersion, title: draft.title.trim(), summary: draft.summary.trim(), steps };
  const parsed = StoryUpdate.safeParse(body);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      // The window's own refinement reports on the window, not its inner fields.
      const path = i.path.map(String).join('.') || 'body';
      problems.push({ path, message: humanMessage(path, i.message) });
    }
  }
  const seen = new Set<string>();
  return { body, problems: problems.filter((p) => !seen.has(`${p.path}|${p.message}`) && (seen.add(`${p.path}|${p.message}`), true)) };
}

function humanMessage(path: string, message: string): string {
  if (/^(title|steps\.\d+\.title)$/.test(path) && /at least 1|>=1|too small/i.test(message)) return 'a title is needed';
  if (/^steps\.\d+\.text$/.test(path) && /at least 1|>=1|too small/i.test(message)) return 'write what the presenter says';
  return message;
}

/**
 * The citations an editor may choose for a step: those of its focused events and entities, in
 * that order, plus any it already shows (so they can be unchecked).
 */
export function candidateCitations(step: Pick<DraftStep, 'eventIds' | 'entityIds' | 'citationIds'>, catalog: Catalog): CatalogCitation[] {
  const events = new Map(catalog.events.map((e) => [e.id, e]));
  const entities = new Map(catalog.entities.map((e) => [e.id, e]));
  const byId = new Map(catalog.citations.map((c) => [c.id, c]));
  const ids = new Set<string>([
    ...step.eventIds.flatMap((id) => events.get(id)?.citationIds ?? []),
    ...step.entityIds.flatMap((id) => entities.get(id)?.citationIds ?? []),
    ...step.citationIds,
  ]);
  return [...ids].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Case-insensitive, accent-insensitive filter for the checkbox lists. */
export function matchesFilter(text: string, filter: string): boolean {
  const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const f = fold(filter.trim());
  return f === '' || fold(text).includes(f);
}

/** A new story's body: its title and one first step to write (a story has at least one). */
export function newStoryBody(title: string, id?: string) {
  return {
    ...(id ? { id } : {}),
    title: title.trim(),
    summary: '',
    steps: [{ title: 'First step', text: 'What the presenter says at this step.', window: null, focus: [], citations: [] }],
  };
}
