import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mainActors, NO_ACTOR_LANE, timelineLanes } from '../../../lib/views/timeline-lanes';
import { sampleCaseView } from './sample-view';

const { view } = sampleCaseView();
const eventId = (fragment: string) => view.events.find((e) => e.title.includes(fragment))!.id;
const nodeId = (name: string) => view.graph.nodes.find((n) => n.name === name)!.id;

describe('timelineLanes', () => {
  it('has no lanes in "none" mode', () => {
    assert.equal(timelineLanes('none', view), null);
  });

  it('by status: one lane per status present, in vocabulary order, every event in one', () => {
    const lanes = timelineLanes('status', view)!;
    assert.deepEqual(lanes.lanes.map((l) => l.label), ['Reported', 'Alleged']);
    assert.equal(lanes.laneOf.size, view.events.length);
    assert.equal(lanes.laneOf.get(eventId('Headline claim')), 'lane-alleged');
  });

  it('by kind: labels capitalised, only kinds present', () => {
    const lanes = timelineLanes('kind', view)!;
    assert.ok(lanes.lanes.some((l) => l.label === 'Attack'));
    assert.ok(!lanes.lanes.some((l) => l.label === 'Other'));
  });

  it('by main actor: the most involved person, organisation or group; places and facilities never act', () => {
    const actors = mainActors(view);
    assert.equal(actors.get(eventId('Tokayev meets')), nodeId('Kassym-Jomart Tokayev'));
    // The laboratory (a facility) is the only participant: no named actor.
    assert.equal(actors.get(eventId('Laboratory staff')), null);
    const lanes = timelineLanes('actor', view)!;
    assert.equal(lanes.lanes.at(-1)!.id, NO_ACTOR_LANE, '"No named actor" comes last');
    assert.equal(lanes.lanes.at(-1)!.label, 'No named actor');
    assert.ok(lanes.lanes.some((l) => l.label === 'Kassym-Jomart Tokayev'));
  });
});
