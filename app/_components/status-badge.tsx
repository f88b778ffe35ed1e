import type { EventStatus } from '@/lib/model/vocab';
import { STATUS_DISPLAY } from '@/lib/views/display';

/** A status as text plus the legend's pattern. `prefix` adds "Status: " for screen readers. */
export function StatusBadge({ status, prefix = false }: { status: EventStatus; prefix?: boolean }) {
  const d = STATUS_DISPLAY[status];
  return (
    <span className={`tw-badge tw-status-${status}`} title={d.description}>
      {d.mark ? (
        <span className="tw-mark" aria-hidden="true">
          {d.mark}
        </span>
      ) : null}
      {prefix ? <span className="sr-only">Status: </span> : null}
      {d.label}
    </span>
  );
}
