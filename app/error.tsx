'use client';

import Link from 'next/link';

/** Anything unexpected below the layout. Database outages are handled where they happen, with their own banner. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="tw-banner tw-banner-error" role="alert">
      <p className="tw-banner-title">Something went wrong on our side.</p>
      <p>The page could not be shown. It has been logged; you can try again.</p>
      <p>
        <button type="button" className="tw-button" onClick={reset}>
          Try again
        </button>{' '}
        <Link href="/">Back to the list of cases</Link>
      </p>
    </div>
  );
}
