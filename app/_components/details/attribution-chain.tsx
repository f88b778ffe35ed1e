import './provenance.css';
import type { AttributionLink } from '@/lib/model/citation';

const KIND_LABELS = { outlet: 'outlet', person: 'person', organisation: 'organisation', unnamed: 'unnamed source' } as const;

/**
 * "Press TV ← Interfax ← Stanislav Zas": who relays whom, publisher first. The arrows are for the
 * eye; a screen reader hears "quoting". Each voice after the publisher says what kind it is, so an
 * unnamed source is never mistaken for a named one.
 */
export function AttributionChain({ links }: { links: readonly AttributionLink[] }) {
  return (
    <span className="tw-chain">
      {links.map((l, i) => (
        <span key={`${i}-${l.name}`} className={`tw-chain-link tw-chain-${l.role}${l.kind === 'unnamed' ? ' tw-chain-unnamed' : ''}`}>
          {i > 0 ? (
            <>
              <span className="tw-chain-sep" aria-hidden="true">
                ←
              </span>
              <span className="sr-only"> quoting </span>
            </>
          ) : null}
          {l.name}
          {l.kind && l.role !== 'publisher' ? <span className="tw-chain-kind"> ({KIND_LABELS[l.kind]})</span> : null}
        </span>
      ))}
    </span>
  );
}
