import { makeId } from '../../../lib/model/ids';
import type { CaseBundle } from '../../../lib/model/bundle';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../../scripts/lib/case-folder';

/**
 * A valid, large bundle for tests that need an import to take a while: the sample case under
 * `caseId`, with `copies` extra copies of each of its events and their participations (same
 * citations, so every copy is cited; deterministic ids from the copy number).
 */
export function largeSampleBundle(caseId: string, copies: number): CaseBundle {
  const b = readCaseFolder(SAMPLE_CASE_DIR, caseId);
  const events = [...b.events];
  const participations = [...b.participations];
  for (let n = 1; n <= copies; n++) {
    for (const e of b.events) {
      const id = makeId('event', caseId, e.id, n);
      events.push({ ...e, id, title: `${e.title} (copy ${n})` });
      for (const p of b.participations.filter((x) => x.eventId === e.id)) {
        participations.push({ ...p, id: makeId('participation', id, p.entityId, p.role), eventId: id });
      }
    }
  }
  return { ...b, events, participations };
}
