import './status.css';
import { EVENT_STATUSES } from '@/lib/model/vocab';
import { STATUS_DISPLAY } from '@/lib/views/display';

/**
 * The one legend: the same `tw-status-*` classes as the timeline items and the badges, each with
 * its name and meaning in words, plus how uncertain dates are drawn.
 */
export function StatusLegend() {
  return (
    <section className="tw-legend" aria-labelledby="tw-legend-heading">
      <h2 id="tw-legend-heading">How sure is each event?</h2>
      <ul>
        {EVENT_STATUSES.map((status) => {
          const d = STATUS_DISPLAY[status];
          return (
            <li key={status}>
              <span className={`tw-swatch tw-status-${status}`} aria-hidden="true">
                {d.mark}
              </span>
              <span>
                <strong>{d.label}</strong>
                <span className="tw-legend-text">
                  {d.description}
                  <span className="sr-only"> Drawn with {d.pattern}.</span>
                </span>
              </span>
            </li>
          );
        })}
        <li>
          <span className="tw-swatch tw-swatch-uncertain" aria-hidden="true" />
          <span>
            <strong>Uncertain date</strong>
            <span className="tw-legend-text">
              Known only to the month or year, or approximate (“Jan 2022”, “c. 13 Jan”): spans the whole period, ends
              faded.
            </span>
          </span>
        </li>
      </ul>
    </section>
  );
}
