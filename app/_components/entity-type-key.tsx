import { ENTITY_TYPES, type EntityType } from '@/lib/model/vocab';
import { ENTITY_TYPE_DISPLAY } from '@/lib/views/display';

/** SVG approximations of the cytoscape shapes in ENTITY_TYPE_DISPLAY, on a 16×16 box. */
const SHAPES: Record<EntityType, string> = {
  person: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z',
  organisation: 'M4 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z',
  place: 'M8 1.2L14.8 8L8 14.8L1.2 8z',
  facility: 'M4.5 2h7L14 4.5v7L11.5 14h-7L2 11.5v-7z',
  group: 'M4.5 2h7L15 8l-3.5 6h-7L1 8z',
  outlet: 'M2 3h8.5L14.5 8L10.5 13H2z',
};

/** The entity shapes and colours used in the network, with names: shape and word, not colour alone. */
export function EntityTypeKey() {
  return (
    <ul className="tw-type-key" aria-label="Entity types">
      {ENTITY_TYPES.map((type) => (
        <li key={type}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d={SHAPES[type]} fill={ENTITY_TYPE_DISPLAY[type].colour} />
          </svg>
          {ENTITY_TYPE_DISPLAY[type].label}
        </li>
      ))}
    </ul>
  );
}
