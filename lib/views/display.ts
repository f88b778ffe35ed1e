import type { EntityType, EventStatus, Stance } from '../model/vocab';

/**
 * How each closed vocabulary value is shown. One table, so the legend, the badges, the timeline
 * and the network cannot drift apart. Colour is never the only cue: every status also has a
 * pattern (in app/_components/status.css) and a text label; every entity type has a shape.
 */

export interface StatusDisplay {
  label: string;
  /** A glyph shown before the title where the status calls for a warning; '' for none. */
  mark: string;
  /** What the status means, in the terms of lib/provenance/status-rules.ts. */
  description: string;
  /** The pattern in words, for the legend (so the encoding is explained, not just shown). */
  pattern: string;
}

export const STATUS_DISPLAY: Record<EventStatus, StatusDisplay> = {
  confirmed: {
    label: 'Confirmed',
    mark: '',
    description: 'Stated without hedging by at least two independent publishers.',
    pattern: 'solid fill',
  },
  reported: {
    label: 'Reported',
    mark: '',
    description: 'Stated by named sources without hedging, but by a single publisher.',
    pattern: 'outline',
  },
  alleged: {
    label: 'Alleged',
    mark: '?',
    description: 'Hedged, from unnamed sources, or presented as an allegation.',
    pattern: 'dashed, hatched',
  },
  disputed: {
    label: 'Disputed',
    mark: '⚠',
    description: 'Some sources deny it, others support it.',
    pattern: 'double border, warning sign',
  },
  denied: {
    label: 'Denied',
    mark: '✕',
    description: 'Every source that mentions it denies it.',
    pattern: 'dotted, struck through',
  },
};

export interface EntityTypeDisplay {
  label: string;
  /** A cytoscape node shape (Css.NodeShape). */
  shape: 'ellipse' | 'round-rectangle' | 'round-diamond' | 'cut-rectangle' | 'round-hexagon' | 'round-tag';
  /** Fill colour; each has at least 4.5:1 contrast on white. */
  colour: string;
}

export const ENTITY_TYPE_DISPLAY: Record<EntityType, EntityTypeDisplay> = {
  person: { label: 'Person', shape: 'ellipse', colour: '#1d4ed8' },
  organisation: { label: 'Organisation', shape: 'round-rectangle', colour: '#6d28d9' },
  place: { label: 'Place', shape: 'round-diamond', colour: '#047857' },
  facility: { label: 'Facility', shape: 'cut-rectangle', colour: '#92400e' },
  group: { label: 'Group', shape: 'round-hexagon', colour: '#be185d' },
  outlet: { label: 'Outlet', shape: 'round-tag', colour: '#374151' },
};

export const STANCE_LABELS: Record<Stance, string> = {
  asserts: 'asserts',
  reports: 'reports',
  alleges: 'alleges',
  denies: 'denies',
};
