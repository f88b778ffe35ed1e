import { EVENT_STATUSES } from '@/lib/model/vocab';
import { STATUS_DISPLAY } from '@/lib/views/display';

/** The status legend in one line, for embeds and presentations: the same swatches and words. */
export function CompactLegend({ id = 'tw-compact-legend' }: { id?: string }) {
  return (
    <section className="tw-compact-legend" aria-labelledby={id}>
      <h2 id={id} className="tw-compact-legend-title">
        Status
      </h2>
      <ul>
        {EVENT_STATUSES.map((status) => {
          const d = STATUS_DISPLAY[status];
          return (
            <li key={status} title={d.description}>
              <span className={`tw-swatch tw-status-${status}`} aria-hidden="true">
                {d.mark}
              </span>
              {d.label}
              <span className="sr-only">: {d.description}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
