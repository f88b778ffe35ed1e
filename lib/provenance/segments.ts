/**
 * Cuts a source text into runs for the source reader: each run knows which citations cover it and
 * whether it is page furniture. Citations may overlap or nest; a run boundary falls wherever any
 * citation or furniture span starts or ends, so every run has one fixed set of covers.
 *
 * Invariant: the runs concatenate back to exactly `text`. Only citations whose quote stands verbatim
 * at their offsets are drawn (an orphan or a stale offset must never highlight other words).
 */

export interface SpanLike {
  id: string;
  start: number;
  end: number;
  quote: string;
}

export interface FurnitureLike {
  start: number;
  end: number;
  reason: string;
}

export interface TextRun {
  start: number;
  end: number;
  text: string;
  /** Ids of the citations covering this run, in the order of the input. */
  citationIds: string[];
  /** Ids of the citations that begin at this run (where their `id` anchor goes). */
  startsHere: string[];
  /** Ids of the citations that end at this run (where their note reference goes). */
  endsHere: string[];
  /** The reason, when this run is page furniture. */
  furniture: string | null;
}

/** Citations that can be drawn over `text`: in range and verbatim at their offsets. */
export function drawable<C extends SpanLike>(text: string, citations: readonly C[]): C[] {
  return citations.filter((c) => c.start >= 0 && c.end <= text.length && c.start < c.end && text.slice(c.start, c.end) === c.quote);
}

export function segmentText(text: string, citations: readonly SpanLike[], furniture: readonly FurnitureLike[] = []): TextRun[] {
  const cites = drawable(text, citations);
  const furn = furniture.filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end);
  const cuts = new Set<number>([0, text.length]);
  for (const s of [...cites, ...furn]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (start === end) continue;
    const covering = cites.filter((c) => c.start <= start && c.end >= end);
    const f = furn.find((x) => x.start <= start && x.end >= end);
    runs.push({
      start,
      end,
      text: text.slice(start, end),
      citationIds: covering.map((c) => c.id),
      startsHere: covering.filter((c) => c.start === start).map((c) => c.id),
      endsHere: covering.filter((c) => c.end === end).map((c) => c.id),
      furniture: f ? f.reason : null,
    });
  }
  return runs;
}
