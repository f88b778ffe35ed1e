import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SAMPLE_CASE_DIR, readCaseFolderWithStories } from '../../../scripts/lib/case-folder';
import { candidateCitations, catalogOf, draftOf, matchesFilter, newStoryBody, saveBodyOf } from '../../../lib/stories/draft';
import { StoryCreate, normalizeStory, referenceProblems, slugify, withoutMissing } from '../../../lib/stories/story.schema';
import { storyNodeId } from '../../../lib/stories/story-ids';
import { checkBundleIntegrity } from '../../../lib/model/bundle';
import { rekeyBundle } from '../../../lib/interchange/bundle';
import { caseVersion } from '../../../lib/embed/version';

const sample = readCaseFolderWithStories(SAMPLE_CASE_DIR);
const story = sample.stories![0]!;
const catalog = catalogOf(sample);
const has = {
  events: new Set(sample.events.map((e) => e.id)),
  entities: new Set(sample.entities.map((e) => e.id)),
  citations: new Set(sample.citations.map((c) => c.id)),
};

describe('stories as stored', () => {
  it('normalises case-file keys to ids, once, keeping the order', () => {
    const n = normalizeStory(story);
    assert.ok(n.steps.every((s) => s.focus.every((id) => /^(evt|ent)_[0-9a-f]{16}$/.test(id))));
    assert.deepEqual(normalizeStory(n), n, 'idempotent');
    const dup = normalizeStory({ ...story, steps: [{ ...story.steps[0]!, focus: ['entity:csto', 'entity:csto'], citations: ['cit_0000000000000001', 'cit_0000000000000001'] }] });
    assert.equal(dup.steps[0]!.focus.length, 1);
    assert.equal(dup.steps[0]!.citations.length, 1);
  });

  it('checks every reference against the case, with the path of the field', () => {
    assert.deepEqual(referenceProblems(story, has), []);
    const foreign = { ...story, steps: [{ ...story.steps[0]!, focus: ['evt_0000000000000000', 'ent_0000000000000000'], citations: ['cit_0000000000000000'] }] };
    assert.deepEqual(referenceProblems(foreign, has), [
      { path: 'steps.0.focus', message: 'no event evt_0000000000000000 in this case' },
      { path: 'steps.0.focus', message: 'no entity ent_0000000000000000 in this case' },
      { path: 'steps.0.citations', message: 'no citation cit_0000000000000000 in this case' },
    ]);
    assert.deepEqual(withoutMissing(foreign, has).steps[0]!.focus, []);
  });

  it('a bundle with stories is checked like the rest of the bundle, and re-keyed with it', () => {
    assert.deepEqual(checkBundleIntegrity(sample), []);
    const broken = { ...sample, stories: [{ ...story, caseId: 'other' }, { ...story, steps: [{ ...story.steps[0]!, citations: ['cit_0000000000000000'] }] }] };
    const problems = checkBundleIntegrity(broken).map((p) => `${p.path}: ${p.message}`);
    assert.ok(problems.includes('stories[0]: belongs to case other, not kazakhstan-2022-01'), problems.join('\n'));
    assert.ok(problems.includes('stories[1]: duplicate story id established-vs-alleged'), problems.join('\n'));
    assert.ok(problems.includes('stories[1].steps.0.citations: no citation cit_0000000000000000 in this case'), problems.join('\n'));
    const copy = rekeyBundle(sample, 'a-copy');
    assert.deepEqual(checkBundleIntegrity(copy), [], 'the copy\'s stories point at the copy\'s records');
    assert.equal(copy.stories![0]!.caseId, 'a-copy');
  });

  it('stories are not part of the case content version', () => {
    const { stories: _s, ...withoutStories } = sample;
    assert.equal(caseVersion(sample), caseVersion(withoutStories));
    assert.equal(caseVersion({ ...sample, stories: [] }), caseVersion(withoutStories));
  });

  it('story node ids are deterministic and differ by case and slug', () => {
    assert.equal(storyNodeId('a', 'b'), storyNodeId('a', 'b'));
    assert.notEqual(storyNodeId('a', 'b'), storyNodeId('b', 'a'));
    assert.match(storyNodeId('a', 'b'), /^sty_[0-9a-f]{16}$/);
  });

  it('a new story: an id from the title, or refused', () => {
    assert.equal(slugify('Kazakhstan, janvier 2022 : établi ou allégué ?'), 'kazakhstan-janvier-2022-etabli-ou-allegue');
    assert.equal(slugify('¿?'), '');
    assert.equal(StoryCreate.safeParse(newStoryBody('A title')).success, true);
    assert.equal(StoryCreate.safeParse({ ...newStoryBody('A title'), id: 'Not A Slug' }).success, false);
  });
});

describe('the editor draft', () => {
  it('round-trips a story: draft → save body → the same steps', () => {
    const { draft, dropped } = draftOf(normalizeStory(story), catalog);
    assert.equal(dropped, 0);
    assert.equal(draft.steps[0]!.start, '2022-01-03', 'midnight shows as a date');
    const { body, problems } = saveBodyOf(draft, 3);
    assert.deepEqual(problems, []);
    assert.equal(body.expectedVersion, 3);
    const n = normalizeStory(story);
    const asSaved = (s: (typeof n.steps)[number]) => ({ ...s, focus: [...s.focus].sort() });
    assert.deepEqual(
      body.steps.map((s) => ({ ...s, focus: [...(s.focus ?? [])].sort(), window: s.window && { start: `${s.window.start}T00:00`, end: `${s.window.end}T00:00` } })),
      n.steps.map(asSaved),
    );
  });

  it('keeps a wall-clock minute that was not edited, and drops references the case no longer has', () => {
    const withTime = { ...story, steps: [{ ...story.steps[0]!, window: { start: '2022-01-03T18:30', end: '2022-01-04T00:00' }, focus: [...(story.steps[0]!.focus ?? []), 'evt_0000000000000000'] }] };
    const { draft, dropped } = draftOf(withTime, catalog);
    assert.equal(dropped, 1);
    assert.equal(draft.steps[0]!.start, '2022-01-03T18:30');
    assert.deepEqual(saveBodyOf(draft, 1).body.steps[0]!.window, { start: '2022-01-03T18:30', end: '2022-01-04' });
  });

  it('reports problems by field path: missing title and text, half a window, a window the wrong way round', () => {
    const { draft } = draftOf(story, catalog);
    draft.title = ' ';
    draft.steps[0]!.text = '';
    draft.steps[1]!.end = '';
    draft.steps[2]!.start = '2022-02-01';
    draft.steps[2]!.end = '2022-01-01';
    const paths = saveBodyOf(draft, 1).problems.map((p) => `${p.path}: ${p.message}`);
    assert.ok(paths.includes('title: a title is needed'), paths.join('\n'));
    assert.ok(paths.includes('steps.0.text: write what the presenter says'), paths.join('\n'));
    assert.ok(paths.includes('steps.1.window: give both dates of the window, or neither'), paths.join('\n'));
    assert.ok(paths.some((p) => p.startsWith('steps.2.window: window start must be before its end')), paths.join('\n'));
  });

  it('offers the citations of the focused items, plus those already chosen', () => {
    const deployment = catalog.events.find((e) => e.title.startsWith('CSTO peacekeeping contingent deployed'))!;
    const offered = candidateCitations({ eventIds: [deployment.id], entityIds: [], citationIds: [] }, catalog).map((c) => c.id);
    assert.deepEqual(offered, deployment.citationIds);
    const other = catalog.citations.find((c) => !deployment.citationIds.includes(c.id))!;
    assert.ok(candidateCitations({ eventIds: [deployment.id], entityIds: [], citationIds: [other.id] }, catalog).some((c) => c.id === other.id));
    assert.deepEqual(candidateCitations({ eventIds: [], entityIds: [], citationIds: [] }, catalog), []);
  });

  it('filters ignoring case and accents', () => {
    assert.ok(matchesFilter('Tokaïev meets Zas', 'tokaiev'));
    assert.ok(matchesFilter('anything', '  '));
    assert.ok(!matchesFilter('CSTO', 'nato'));
  });
});
