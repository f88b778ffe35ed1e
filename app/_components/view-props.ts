import type { CaseView } from '@/lib/api/views';
import type { Linked, SelectionTarget } from '@/lib/selection';

/**
 * What every view of a case receives: the timeline and the network canvases, and their list
 * views. One shape, so the shell wires them identically and they cannot drift apart.
 */
export interface ViewProps {
  view: CaseView;
  /** The shared selection and what it links to (lib/selection.ts). */
  linked: Linked;
  /** null clears the selection. */
  onSelect: (target: SelectionTarget | null) => void;
  /** null ends the preview. */
  onHover: (target: SelectionTarget | null) => void;
}
