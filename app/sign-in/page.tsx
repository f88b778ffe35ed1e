import type { Metadata } from 'next';
import { principalOf } from '../api/_lib/auth';
import { isDatabaseUnavailable, DatabaseUnavailableBanner } from '../_components/database-unavailable';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

/** Editors sign in here; readers of public cases never need to. */
export default async function SignInPage() {
  let username: string | null = null;
  try {
    username = (await principalOf(null))?.user.username ?? null;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return (
      <>
        <h1>Sign in</h1>
        <DatabaseUnavailableBanner what="the sign-in page" />
      </>
    );
  }
  return (
    <>
      <h1>Sign in</h1>
      <p className="tw-page-intro">
        Editors sign in to edit, ingest, import and publish cases. Public cases need no account to read.
      </p>
      <SignInForm signedInAs={username} />
    </>
  );
}
