import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>There is nothing at this address. The case may have been removed, or the link may be mistyped.</p>
      <p>
        <Link href="/">Back to the list of cases</Link>
      </p>
    </>
  );
}
