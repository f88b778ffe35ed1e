import type { CaseSummary } from '@/lib/api/views';

const plural = (n: number, one: string, many: string) => (
  <li>
    <strong>{n}</strong> {n === 1 ? one : many}
  </li>
);

/** "13 events · 22 entities · 1 source", on the case list and the case page alike. */
export function CaseCounts({ c }: { c: Pick<CaseSummary, 'eventCount' | 'entityCount' | 'sourceCount'> }) {
  return (
    <ul className="tw-counts" aria-label="In this case">
      {plural(c.eventCount, 'event', 'events')}
      {plural(c.entityCount, 'entity', 'entities')}
      {plural(c.sourceCount, 'source', 'sources')}
    </ul>
  );
}
