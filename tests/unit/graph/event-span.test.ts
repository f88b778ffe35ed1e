import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_SPAN_CLASS_BOUNDS, SPAN_CLASSES_LITERAL, spanClassOf } from '../../../graph/queries/event-span';

describe('event span classes (window queries)', () => {
  it('cover every span, in increasing bounds, and the Cypher names each class once', () => {
    assert.deepEqual([...EVENT_SPAN_CLASS_BOUNDS].sort((a, b) => a - b), [...EVENT_SPAN_CLASS_BOUNDS]);
    // What precisions give: a minute, a day (plus a DST hour), a 31-day month, a leap year.
    for (const [span, cls] of [[60, 0], [86_400 + 3_600, 1], [31 * 86_400, 2], [366 * 86_400, 3], [3_653 * 86_400, 4], [40_000 * 86_400, 5]] as const) {
      assert.ok(span <= EVENT_SPAN_CLASS_BOUNDS[cls]! && (cls === 0 || span > EVENT_SPAN_CLASS_BOUNDS[cls - 1]!), `${span} s in class ${cls}`);
    }
    const cypher = spanClassOf('e.span');
    assert.equal((cypher.match(/WHEN/g) ?? []).length, EVENT_SPAN_CLASS_BOUNDS.length - 1);
    assert.match(cypher, new RegExp(`ELSE ${EVENT_SPAN_CLASS_BOUNDS.length - 1} END$`));
    assert.equal((SPAN_CLASSES_LITERAL.match(/id: /g) ?? []).length, EVENT_SPAN_CLASS_BOUNDS.length);
  });
});
