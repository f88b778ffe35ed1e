import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../../scripts/lib/case-folder';
import { Story, missingReferences, resolveStep } from '../../../lib/stories/story.schema';

const dir = path.join(SAMPLE_CASE_DIR, 'stories');
const sample = readCaseFolder(SAMPLE_CASE_DIR);
const shipped = readdirSync(dir)
  .filter((n) => n.endsWith('.json'))
  .map((n) => ({ name: n, story: Story.parse(JSON.parse(readFileSync(path.join(dir, n), 'utf8'))) }));

const step = { title: 'T', text: 'Words', window: null, focus: [], citations: [] };
const story = (over: Record<string, unknown> = {}) => ({ id: 's', caseId: 'kazakhstan-2022-01', title: 'S', steps: [step], ...over });

describe('story schema', () => {
  it('accepts a minimal story and fills defaults', () => {
    const s = Story.parse(story());
    assert.equal(s.summary, '');
    assert.deepEqual(s.steps[0]!.focus, []);
  });

  it('turns a date into the start of that day and checks the window order', () => {
    const s = Story.parse(story({ steps: [{ ...step, window: { start: '2022-01-03', end: '2022-01-09T12:30' } }] }));
    assert.deepEqual(s.steps[0]!.window, { start: '2022-01-03T00:00', end: '2022-01-09T12:30' });
    assert.equal(Story.safeParse(story({ steps: [{ ...step, window: { start: '2022-01-09', end: '2022-01-03' } }] })).success, false);
    assert.equal(Story.safeParse(story({ steps: [{ ...step, window: { start: '2022-13-40', end: '2023-01-01' } }] })).success, false);
  });

  it('refuses empty stories, unknown fields, bad ids and bad references', () => {
    assert.equal(Story.safeParse(story({ steps: [] })).success, false);
    assert.equal(Story.safeParse(story({ extra: 1 })).success, false);
    assert.equal(Story.safeParse(story({ id: '../x' })).success, false);
    assert.equal(Story.safeParse(story({ steps: [{ ...step, focus: ['src_0123456789abcdef'] }] })).success, false);
    assert.equal(Story.safeParse(story({ steps: [{ ...step, citations: ['c-headline'] }] })).success, false);
  });

  it('resolves case-file keys to the ids the case file gives them', () => {
    const s = Story.parse(story({ steps: [{ ...step, focus: ['event:csto-deployment', 'entity:csto', 'evt_0123456789abcdef'] }] }));
    const r = resolveStep(s.steps[0]!, s.caseId);
    const csto = sample.entities.find((e) => e.name === 'Collective Security Treaty Organization')!;
    const deployment = sample.events.find((e) => e.title.startsWith('CSTO peacekeeping contingent deployed'))!;
    assert.deepEqual(r.eventIds, [deployment.id, 'evt_0123456789abcdef']);
    assert.deepEqual(r.entityIds, [csto.id]);
  });
});

describe('the sample case ships a story', () => {
  it('of 6 to 8 steps, every reference found in the case', () => {
    assert.ok(shipped.length >= 1);
    for (const { name, story: s } of shipped) {
      assert.equal(`${s.id}.json`, name);
      assert.equal(s.caseId, sample.case.id);
      assert.ok(s.steps.length >= 6 && s.steps.length <= 8, `${name}: ${s.steps.length} steps`);
      const has = {
        events: new Set(sample.events.map((e) => e.id)),
        entities: new Set(sample.entities.map((e) => e.id)),
        citations: new Set(sample.citations.map((c) => c.id)),
      };
      assert.deepEqual(missingReferences(s, has), []);
      for (const st of s.steps) assert.ok(st.citations.length > 0 && st.focus.length > 0, `${name}: "${st.title}" has evidence and focus`);
    }
  });

  it('walks from what is reported to what is only alleged', () => {
    const s = shipped.find((x) => x.story.id === 'established-vs-alleged')!.story;
    const statusOf = new Map(sample.events.map((e) => [e.id, e.status]));
    const statuses = s.steps.map((st) => resolveStep(st, s.caseId).eventIds.map((id) => statusOf.get(id)));
    assert.ok(statuses[0]!.every((x) => x === 'reported'));
    assert.ok(statuses.at(-1)!.every((x) => x === 'alleged'));
  });
});
