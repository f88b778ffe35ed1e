import Link from 'next/link';
import { listCases } from '@/graph/cases.repo';
import { readableCases } from './api/_lib/auth';
import type { CaseSummary } from '@/lib/api/views';
import { CaseCounts } from './_components/case-counts';
import { DatabaseUnavailableBanner, isDatabaseUnavailable } from './_components/database-unavailable';

export default async function HomePage() {
  let cases: CaseSummary[];
  try {
    // Public cases, and the private ones of the signed-in reader.
    const [all, readable] = await Promise.all([listCases(), readableCases(null)]);
    cases = all.filter((c) => readable.has(c.id));
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return (
      <>
        <h1>Cases</h1>
        <DatabaseUnavailableBanner what="the list of cases" />
      </>
    );
  }

  return (
    <>
      <h1>Cases</h1>
      <p className="tw-page-intro">
        Each case gathers events reported in the news. Every event cites the exact passage it rests on, and says how well
        established it is: confirmed, reported, alleged, disputed or denied.
      </p>
      {cases.length === 0 ? (
        <p className="tw-empty">No cases have been loaded yet.</p>
      ) : (
        <ul className="tw-case-list">
          {cases.map((c) => (
            <li key={c.id}>
              <article className="tw-card tw-case-card">
                <h2>
                  <Link href={`/cases/${encodeURIComponent(c.id)}`}>{c.title}</Link>
                </h2>
                {c.summary ? <p>{c.summary}</p> : null}
                <CaseCounts c={c} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
