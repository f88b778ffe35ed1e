import type { CitationView } from '../api/views';

/**
 * Plain-words warnings about what an item rests on, shown next to its status. They repeat what a
 * careful reader would count in the citations, so nobody has to.
 */
export type EvidenceNoteKind = 'single-source' | 'single-publisher' | 'unnamed' | 'partly-unnamed';

export interface EvidenceNote {
  kind: EvidenceNoteKind;
  text: string;
}

type Cited = Pick<CitationView, 'sourceId' | 'assertedBy'> & { source: Pick<CitationView['source'], 'publisher'> };

export function evidenceNotes(citations: readonly Cited[]): EvidenceNote[] {
  if (citations.length === 0) return [];
  const notes: EvidenceNote[] = [];
  const sources = new Set(citations.map((c) => c.sourceId));
  const publishers = new Set(citations.map((c) => c.source.publisher));
  if (sources.size === 1) notes.push({ kind: 'single-source', text: 'Rests on a single source' });
  else if (publishers.size === 1) notes.push({ kind: 'single-publisher', text: 'All its sources are from one publisher' });
  const unnamed = citations.filter((c) => c.assertedBy.kind === 'unnamed').length;
  if (unnamed === citations.length) notes.push({ kind: 'unnamed', text: 'Rests on unnamed sources' });
  else if (unnamed > 0) notes.push({ kind: 'partly-unnamed', text: 'Partly rests on unnamed sources' });
  return notes;
}
