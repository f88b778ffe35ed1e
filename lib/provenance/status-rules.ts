import type { Citation } from '../model/citation';
import type { AsserterKind, EventStatus, Stance } from '../model/vocab';

/** What the status rules look at in one citation. */
export interface StatusEvidence {
  stance: Stance;
  asserterKind: AsserterKind;
  hedges: readonly string[];
  /** The publisher of the source the citation is in. */
  publisher: string;
  /**
   * Where the publisher got it: the outermost outlet it relays (Interfax in Press TV ← Interfax ←
   * Zas), else the publisher itself. Independence is counted by this, so two outlets copying the
   * same wire story are one voice, not corroboration. Defaults to `publisher`.
   */
  origin?: string;
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
 *                speaks (one outlet, however often it repeats itself, is never corroboration; two
 *                outlets relaying the same agency count once).
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
  const firmPublishers = independentVoices(support.filter(firm));
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

/**
 * Independent voices among firm support: one per publisher, except that publishers whose support
 * all comes relayed from one and the same outlet (the same wire story) share that outlet's voice.
 */
function independentVoices(firm: readonly StatusEvidence[]): Set<string> {
  const originsByPublisher = new Map<string, Set<string>>();
  for (const e of firm) {
    const set = originsByPublisher.get(e.publisher) ?? new Set<string>();
    set.add(e.origin ?? e.publisher);
    originsByPublisher.set(e.publisher, set);
  }
  const voices = new Set<string>();
  for (const [publisher, origins] of originsByPublisher) {
    // An outlet relaying Interfax and Interfax itself are one voice: keyed by name alone.
    voices.add(origins.size === 1 ? [...origins][0]! : publisher);
  }
  return voices;
}

/**
 * What the rules read from one citation. Orphaned citations are left out by the callers: words
 * that can no longer be found in their source support nothing.
 */
export function statusEvidenceOf(
  c: Pick<Citation, 'stance' | 'assertedBy' | 'via' | 'hedges'>,
  publisher: string,
): StatusEvidence {
  const relayedOutlet = c.via.find((v) => v.kind === 'outlet')?.name ?? (c.assertedBy.kind === 'outlet' && c.assertedBy.name !== publisher ? c.assertedBy.name : null);
  return { stance: c.stance, asserterKind: c.assertedBy.kind, hedges: c.hedges, publisher, origin: relayedOutlet ?? publisher };
}

/** The rules over the citations that still anchor; null when none does (nothing supports it any more). */
export function deriveStatusOf(
  citations: ReadonlyArray<Pick<Citation, 'stance' | 'assertedBy' | 'via' | 'hedges' | 'orphaned'> & { publisher: string }>,
): DerivedStatus | null {
  const live = citations.filter((c) => !c.orphaned);
  if (live.length === 0) return null;
  return deriveStatus(live.map((c) => statusEvidenceOf(c, c.publisher)));
}
