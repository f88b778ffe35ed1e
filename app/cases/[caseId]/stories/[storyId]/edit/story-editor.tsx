'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  candidateCitations,
  dateOf,
  draftOf,
  emptyStep,
  matchesFilter,
  saveBodyOf,
  type Catalog,
  type Draft,
  type DraftStep,
} from '@/lib/stories/draft';
import { focusAfterRemove, insertAt, moveBy, removeAt } from '@/lib/stories/step-order';
import type { StoryProblem, StoryRecord } from '@/lib/stories/story.schema';
import { csrfHeaders } from '../../../../../_lib/csrf';
import styles from '../../stories.module.css';

interface Props {
  caseId: string;
  storyId: string;
  initial: StoryRecord;
  catalog: Catalog;
}

type Notice = { kind: 'success' | 'error' | 'warning'; text: string } | null;
/** Where keyboard focus goes after the next render (a moved, added or removed step). */
type PendingFocus = { key: string; target: 'up' | 'down' | 'heading' | 'title' } | { key: null; target: 'add' } | null;

/**
 * The story editor. The whole story is one draft in memory, saved with one PUT carrying the
 * version it was loaded at: the server refuses a save from a stale version (409), and the editor
 * then says so and offers to reload, rather than overwrite someone else's work.
 */
export function StoryEditor({ caseId, storyId, initial, catalog }: Props) {
  const uid = useId();
  const first = useMemo(() => draftOf(initial, catalog), [initial, catalog]);
  const [draft, setDraft] = useState<Draft>(first.draft);
  const [version, setVersion] = useState(initial.version);
  const [problems, setProblems] = useState<StoryProblem[]>([]);
  const [notice, setNotice] = useState<Notice>(
    first.dropped ? { kind: 'warning', text: `${first.dropped} reference(s) to records this case no longer has were left out of this draft. Saving removes them from the story.` } : null,
  );
  const [conflict, setConflict] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [pendingFocus, setPendingFocus] = useState<PendingFocus>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const api = `/api/cases/${encodeURIComponent(caseId)}/stories/${encodeURIComponent(storyId)}`;
  // Set once React owns the form: typing into the server-rendered fields before hydration would be
  // overwritten by it (tests wait for this; so could a slow device's user, were it shown).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  useEffect(() => {
    if (!pendingFocus || !rootRef.current) return;
    const root = rootRef.current;
    let el: HTMLElement | null = null;
    if (pendingFocus.key === null) el = root.querySelector('[data-action="add"]');
    else {
      const step = root.querySelector(`[data-step-key="${pendingFocus.key}"]`);
      const pick = (a: string) => step?.querySelector<HTMLElement>(`[data-action="${a}"]`) ?? null;
      const usable = (b: HTMLElement | null) => (b && !(b as HTMLButtonElement).disabled ? b : null);
      if (pendingFocus.target === 'up') el = usable(pick('up')) ?? usable(pick('down')) ?? pick('heading');
      else if (pendingFocus.target === 'down') el = usable(pick('down')) ?? usable(pick('up')) ?? pick('heading');
      else el = pick(pendingFocus.target);
    }
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest' });
    setPendingFocus(null);
  }, [pendingFocus]);

  const errorsAt = (path: string) => problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));
  const setStep = (index: number, patch: Partial<DraftStep>) =>
    setDraft((d) => ({ ...d, steps: d.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) }));

  function move(index: number, delta: -1 | 1) {
    const key = draft.steps[index]!.key;
    const { items, index: to } = moveBy(draft.steps, index, delta);
    if (to === index) return;
    setDraft({ ...draft, steps: items });
    // Problems are reported by position: after a move they would point at the wrong step.
    setProblems([]);
    setAnnounce(`Step “${items[to]!.title || 'untitled'}” moved to position ${to + 1} of ${items.length}.`);
    setPendingFocus({ key, target: delta < 0 ? 'up' : 'down' });
  }

  function remove(index: number) {
    const removed = draft.steps[index]!;
    const next = removeAt(draft.steps, index);
    const focusIndex = focusAfterRemove(index, draft.steps.length);
    setDraft({ ...draft, steps: next });
    setProblems([]);
    setAnnounce(`Step “${removed.title || 'untitled'}” deleted. ${next.length} step(s) left.`);
    setPendingFocus(focusIndex === null ? { key: null, target: 'add' } : { key: next[focusIndex]!.key, target: 'heading' });
  }

  function add() {
    const step = emptyStep();
    setDraft({ ...draft, steps: insertAt(draft.steps, draft.steps.length, step) });
    setAnnounce(`Step ${draft.steps.length + 1} added.`);
    setPendingFocus({ key: step.key, target: 'title' });
  }

  async function save() {
    setNotice(null);
    setConflict(null);
    const { body, problems: found } = saveBodyOf(draft, version);
    setProblems(found);
    if (found.length) {
      setNotice({ kind: 'error', text: `Not saved: ${found.length} problem(s) to fix, shown next to their fields.` });
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSaving(true);
    try {
      const res = await fetch(api, { method: 'PUT', headers: { 'content-type': 'application/json', ...(await csrfHeaders()) }, body: JSON.stringify(body) });
      const answer = (await res.json().catch(() => ({}))) as Partial<StoryRecord> & { message?: string; details?: unknown };
      if (res.ok && typeof answer.version === 'number') {
        setVersion(answer.version);
        setProblems([]);
        setNotice({ kind: 'success', text: `Saved: version ${answer.version}, ${draft.steps.length} step(s).` });
      } else if (res.status === 409) {
        const current = (answer.details as { currentVersion?: number } | undefined)?.currentVersion ?? null;
        setConflict(current ?? version + 1);
      } else if (res.status === 422 && Array.isArray(answer.details)) {
        setProblems(answer.details as StoryProblem[]);
        setNotice({ kind: 'error', text: `Not saved: ${(answer.details as unknown[]).length} problem(s), shown next to their fields.` });
      } else if (res.status === 401 || res.status === 403) {
        setNotice({ kind: 'error', text: `Not saved: ${answer.message ?? 'you are not signed in as an editor'}. Sign in again (in another tab, to keep this draft), then save.` });
      } else {
        setNotice({ kind: 'error', text: `Not saved: ${answer.message ?? `the server answered ${res.status}`}.` });
      }
    } catch {
      setNotice({ kind: 'error', text: 'Not saved: the server could not be reached. Your draft is still here; try again.' });
    } finally {
      setSaving(false);
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  }

  async function reload() {
    const res = await fetch(api, { cache: 'no-store' });
    if (!res.ok) {
      setNotice({ kind: 'error', text: `Could not load the latest version (the server answered ${res.status}).` });
      return;
    }
    const latest = (await res.json()) as StoryRecord;
    const next = draftOf(latest, catalog);
    setDraft(next.draft);
    setVersion(latest.version);
    setConflict(null);
    setProblems([]);
    setNotice({ kind: 'success', text: `Loaded the latest version (${latest.version}). Your unsaved changes were discarded.` });
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  const general = problems.filter((p) => !/^(title|summary|steps\.\d+)/.test(p.path));
  return (
    <div ref={rootRef} data-testid="story-editor" data-hydrated={hydrated ? 'true' : 'false'}>
      <div ref={summaryRef} tabIndex={-1} aria-live="polite" data-testid="editor-status">
        {conflict !== null ? (
          <div role="alert" className={styles.error} data-testid="conflict">
            <p>
              <strong>Someone else saved a newer version of this story</strong> (version {conflict}) while you were editing version {version}.
              Your changes are not saved.
            </p>
            <p>
              <button type="button" className="tw-button" onClick={reload}>
                Reload the latest version
              </button>{' '}
              (discards your changes here; copy any text you want to keep first)
            </p>
          </div>
        ) : null}
        {notice ? (
          <div role={notice.kind === 'error' ? 'alert' : 'status'} className={styles[notice.kind]}>
            <p>{notice.text}</p>
            {general.length ? (
              <ul>
                {general.map((p, i) => (
                  <li key={i}>
                    {p.path}: {p.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>

      <section className={styles.storyFields} aria-labelledby={`${uid}-story`}>
        <h2 id={`${uid}-story`} className="sr-only">
          Story
        </h2>
        <TextField id={`${uid}-title`} label="Story title" value={draft.title} maxLength={200} errors={errorsAt('title')} onChange={(v) => setDraft({ ...draft, title: v })} />
        <TextField
          id={`${uid}-summary`}
          label="Description"
          hint="What the story is about, for the list of stories (optional)."
          multiline
          value={draft.summary}
          maxLength={1000}
          errors={errorsAt('summary')}
          onChange={(v) => setDraft({ ...draft, summary: v })}
        />
        <p className={styles.meta}>
          Version {version} · {draft.steps.length} step(s)
        </p>
      </section>

      <h2>Steps</h2>
      {errorsAt('steps')
        .filter((p) => p.path === 'steps')
        .map((p, i) => (
          <p key={i} className={styles.fieldError}>
            {p.message}
          </p>
        ))}
      <ol className={styles.steps} aria-label="Steps, in the order they are presented">
        {draft.steps.map((step, i) => (
          <StepEditor
            key={step.key}
            step={step}
            index={i}
            count={draft.steps.length}
            catalog={catalog}
            errorsAt={(field) => errorsAt(`steps.${i}${field ? `.${field}` : ''}`)}
            onChange={(patch) => setStep(i, patch)}
            onMove={(delta) => move(i, delta)}
            onRemove={() => remove(i)}
          />
        ))}
      </ol>
      <div className={`${styles.actions} ${styles.sticky}`}>
        <button type="button" className="tw-button" data-action="add" onClick={add} disabled={draft.steps.length >= 50}>
          Add step
        </button>
        <button type="button" className={`tw-button ${styles.primary}`} onClick={save} disabled={saving}>
          {saving ? 'Saving…' : 'Save story'}
        </button>
      </div>
    </div>
  );
}

function TextField(props: {
  id: string;
  label: string;
  value: string;
  maxLength: number;
  errors: StoryProblem[];
  onChange: (v: string) => void;
  multiline?: boolean;
  hint?: string;
  dataAction?: string;
}) {
  const { id, label, value, maxLength, errors, onChange, multiline, hint, dataAction } = props;
  const describedBy = [hint ? `${id}-hint` : '', errors.length ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, value, maxLength, 'aria-invalid': errors.length > 0 || undefined, 'aria-describedby': describedBy, 'data-action': dataAction };
  return (
    <div className={styles.field} data-invalid={errors.length > 0}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea {...common} onChange={(e) => onChange(e.target.value)} /> : <input {...common} onChange={(e) => onChange(e.target.value)} />}
      {errors.length ? (
        <p id={`${id}-err`} className={styles.fieldError}>
          {errors.map((e) => e.message).join('; ')}
        </p>
      ) : null}
    </div>
  );
}

function StepEditor(props: {
  step: DraftStep;
  index: number;
  count: number;
  catalog: Catalog;
  errorsAt: (field: string) => StoryProblem[];
  onChange: (patch: Partial<DraftStep>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { step, index, count, catalog, errorsAt, onChange, onMove, onRemove } = props;
  const uid = useId();
  const name = step.title.trim() || 'untitled';
  const windowErrors = errorsAt('window');
  const citations = candidateCitations(step, catalog);
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  return (
    <li className={styles.step} data-step-key={step.key} data-testid="step" aria-labelledby={`${uid}-h`}>
      <div className={styles.stepHead}>
        <h3 id={`${uid}-h`} tabIndex={-1} data-action="heading">
          Step {index + 1} of {count}: {name}
        </h3>
        <div className={styles.stepTools}>
          <button type="button" className="tw-button" data-action="up" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Move step ${index + 1} (${name}) up`}>
            ↑ Move up
          </button>
          <button type="button" className="tw-button" data-action="down" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`Move step ${index + 1} (${name}) down`}>
            ↓ Move down
          </button>
          <button type="button" className="tw-button" data-action="delete" onClick={onRemove} disabled={count <= 1} aria-label={`Delete step ${index + 1} (${name})`}>
            Delete
          </button>
        </div>
      </div>
      <TextField id={`${uid}-title`} dataAction="title" label="Step title" value={step.title} maxLength={200} errors={errorsAt('title')} onChange={(v) => onChange({ title: v })} />
      <TextField
        id={`${uid}-text`}
        label="Narrative"
        hint="What the presenter says. A blank line starts a new paragraph."
        multiline
        value={step.text}
        maxLength={4000}
        errors={errorsAt('text')}
        onChange={(v) => onChange({ text: v })}
      />
      <fieldset className={styles.picker} data-invalid={windowErrors.length > 0} aria-describedby={`${uid}-win-hint`}>
        <legend>Time window</legend>
        <p id={`${uid}-win-hint`} className={styles.hint}>
          Where the timeline moves at this step. Leave both empty to keep the timeline as it is.
        </p>
        <div className={styles.window}>
          <div className={styles.field}>
            <label htmlFor={`${uid}-start`}>From</label>
            <input id={`${uid}-start`} type="date" value={dateOf(step.start)} onChange={(e) => onChange({ start: e.target.value })} aria-invalid={windowErrors.length > 0 || undefined} />
          </div>
          <div className={styles.field}>
            <label htmlFor={`${uid}-end`}>To</label>
            <input id={`${uid}-end`} type="date" value={dateOf(step.end)} onChange={(e) => onChange({ end: e.target.value })} aria-invalid={windowErrors.length > 0 || undefined} />
          </div>
        </div>
        {windowErrors.length ? <p className={styles.fieldError}>{[...new Set(windowErrors.map((e) => e.message))].join('; ')}</p> : null}
      </fieldset>
      <div className={styles.pickers}>
        <Picker
          legend="Events in focus"
          filterLabel="Filter events"
          items={catalog.events.map((e) => ({ id: e.id, label: e.title, meta: `${e.date} · ${e.status}` }))}
          selected={step.eventIds}
          errors={errorsAt('focus').filter((p) => /event/.test(p.message))}
          onToggle={(id, on) => onChange({ eventIds: toggle(step.eventIds, id, on) })}
        />
        <Picker
          legend="Entities in focus"
          filterLabel="Filter entities"
          items={catalog.entities.map((e) => ({ id: e.id, label: e.name, meta: e.type }))}
          selected={step.entityIds}
          errors={errorsAt('focus').filter((p) => !/event/.test(p.message))}
          onToggle={(id, on) => onChange({ entityIds: toggle(step.entityIds, id, on) })}
        />
      </div>
      <Picker
        legend="Citations to show"
        filterLabel="Filter citations"
        empty="Choose events or entities above: the citations that support them appear here."
        items={citations.map((c) => ({ id: c.id, label: `“${c.quote}”`, meta: `${c.assertedBy} · ${c.source}${c.translation ? ` · ${c.translation}` : ''}`, quote: true }))}
        selected={step.citationIds}
        errors={errorsAt('citations')}
        onToggle={(id, on) => onChange({ citationIds: toggle(step.citationIds, id, on) })}
      />
    </li>
  );
}

interface PickerItem {
  id: string;
  label: string;
  meta: string;
  quote?: boolean;
}

/** A filterable list of checkboxes, each with its own label; what is checked stays listed whatever the filter. */
function Picker(props: {
  legend: string;
  filterLabel: string;
  items: PickerItem[];
  selected: string[];
  errors: StoryProblem[];
  onToggle: (id: string, on: boolean) => void;
  empty?: string;
}) {
  const { legend, filterLabel, items, selected, errors, onToggle, empty } = props;
  const uid = useId();
  const [filter, setFilter] = useState('');
  const chosen = new Set(selected);
  const shown = items.filter((it) => chosen.has(it.id) || matchesFilter(`${it.label} ${it.meta}`, filter)).slice(0, 300);
  return (
    <fieldset className={styles.picker} data-invalid={errors.length > 0}>
      <legend>
        {legend} ({selected.length} chosen)
      </legend>
      {items.length === 0 ? (
        <p className={styles.hint}>{empty ?? 'Nothing to choose from.'}</p>
      ) : (
        <>
          <div className={styles.field}>
            <label htmlFor={`${uid}-filter`}>{filterLabel}</label>
            <input id={`${uid}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
          <ul className={styles.options}>
            {shown.map((it) => (
              <li key={it.id}>
                <label className={styles.option}>
                  <input type="checkbox" checked={chosen.has(it.id)} onChange={(e) => onToggle(it.id, e.target.checked)} />
                  <span>
                    <span className={it.quote ? styles.quote : undefined}>{it.label}</span>
                    <span className={styles.optionMeta}>{it.meta}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {shown.length === 0 ? <p className={styles.hint}>Nothing matches “{filter}”.</p> : null}
        </>
      )}
      {errors.length ? <p className={styles.fieldError}>{errors.map((e) => e.message).join('; ')}</p> : null}
    </fieldset>
  );
}
