'use client';

import { useState, type FormEvent } from 'react';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'error'; message: string };

/**
 * Posts the credentials as JSON (the API's own sign-in), so the page and scripts share one path.
 * The password field is never echoed back and the form is cleared on failure.
 */
export function SignInForm({ signedInAs }: { signedInAs: string | null }) {
  const [user, setUser] = useState(signedInAs);
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setState({ kind: 'busy' });
    const res = await fetch('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
    });
    const body = (await res.json().catch(() => ({}))) as { user?: { username: string }; message?: string };
    if (res.ok && body.user) {
      setUser(body.user.username);
      setState({ kind: 'idle' });
    } else {
      setState({ kind: 'error', message: body.message ?? `sign-in failed (${res.status})` });
    }
  }

  async function signOut() {
    await fetch('/api/auth/sign-out', { method: 'POST' });
    setUser(null);
  }

  if (user) {
    return (
      <div className="tw-card">
        <p role="status">
          Signed in as <strong>{user}</strong>.
        </p>
        <p>
          <a href="/">Go to the cases</a>
        </p>
        <button type="button" className="tw-button" onClick={signOut}>
          Sign out
        </button>
      </div>
    );
  }
  return (
    <form className="tw-card tw-form" method="post" onSubmit={signIn} aria-describedby={state.kind === 'error' ? 'sign-in-error' : undefined}>
      <p>
        <label htmlFor="username">Username</label>
        <input id="username" name="username" autoComplete="username" required minLength={3} maxLength={64} />
      </p>
      <p>
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={256} />
      </p>
      {state.kind === 'error' ? (
        <p id="sign-in-error" className="tw-banner tw-banner-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="tw-button" disabled={state.kind === 'busy'}>
        {state.kind === 'busy' ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
