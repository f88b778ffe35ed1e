import type { AsserterKind, EventStatus, Stance } from '../model/vocab';

/** What the status rules look at in one citation. */
export interface StatusEvidence {
  stance: Stance;
  asserterKind: AsserterKind;
  hedges: readonly string[];
  /** The publisher of the source the citation is in; independence is counted by publisher. */
  publisher: string;
}

export interface DerivedStatus {
  status: EventStatus;
  /** The rule that decided, in words a reader can check. */
  rule: string;
}

/**
 * How an event's status follows from its citations. Deliberately conservative: a rumour must
 * never look like a fact. In order, the first rule that applies decides:
 *
 * 1. denied    — every citation denies it.
 * 2. disputed  — some citations deny it and others support it.
 * 3. confirmed — at least two independent publishers state it without hedging, each naming who
 *                speaks (one outlet, however often it repeats itself, is never corroboration).
 * 4. alleged   — any support is hedged ("aurait", "selon"…), comes from unnamed sources, or is
 *                presented as an allegation: the reporting itself signals doubt.
 * 5. reported  — otherwise: named, unhedged, but from a single publisher.
 *
 * An editor may set another status, but only with a reason, which is kept and shown.
 */
export function deriveStatus(evidence: readonly StatusEvidence[]): DerivedStatus {
  if (evidence.length === 0) throw new Error('an event without citations has no status: it must not exist');
  const denials = evidence.filter((e) => e.stance === 'denies');
  const support = evidence.filter((e) => e.stance !== 'denies');
  if (support.length === 0) return { status: 'denied', rule: 'every citation denies it' };
  if (denials.length > 0) return { status: 'disputed', rule: 'some citations deny it, others support it' };

  const firm = (e: StatusEvidence) =>
    (e.stance === 'asserts' || e.stance === 'reports') && e.hedges.length === 0 && e.asserterKind !== 'unnamed';
  const firmPublishers = new Set(support.filter(firm).map((e) => e.publisher));
  if (firmPublishers.size >= 2) {
    return { status: 'confirmed', rule: `stated without hedging by ${firmPublishers.size} independent publishers` };
  }
  const doubtful = support.filter((e) => !firm(e));
  if (doubtful.length > 0) {
    return {
      status: 'alleged',
      rule: 'part of its support is hedged, from unnamed sources, or presented as an allegation, and nothing independent corroborates it',
    };
  }
  return { status: 'reported', rule: 'stated by named sources without hedging, but by a single publisher' };
}
