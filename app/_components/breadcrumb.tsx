import Link from 'next/link';

/** Cases › [the case] › the current page: the one trail every page under a case shows. */
export function Breadcrumb({ kase, current }: { kase?: { id: string; title: string } | null; current: string }) {
  return (
    <nav className="tw-breadcrumb" aria-label="Breadcrumb">
      <ol>
        <li>
          <Link href="/">Cases</Link>
        </li>
        {kase ? (
          <li>
            <Link href={`/cases/${encodeURIComponent(kase.id)}`}>{kase.title}</Link>
          </li>
        ) : null}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
