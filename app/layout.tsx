import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import { CHROME_HEADER } from '@/lib/security/headers';
import './globals.css';
import './_components/status.css';

export const metadata: Metadata = {
  title: { default: 'Timeweave', template: '%s · Timeweave' },
  description: 'News-derived events on a timeline and a network, each citing the exact passage of its source.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the CSP nonce (proxy.ts) is new each time, and Next.js can
  // only stamp it on its inline scripts when it renders the page then; and pages read the database,
  // which may be absent at build time (a prerendered "unavailable" banner must never be served).
  await connection();
  // Embeds and presentations (proxy.ts marks them) get no site header: an embed sits inside
  // someone else's article, a presentation fills the screen.
  const bare = (await headers()).get(CHROME_HEADER) === 'bare';
  return (
    <html lang="en">
      <body className={bare ? 'tw-bare' : undefined}>
        <a className="tw-skip-link" href="#main">
          Skip to main content
        </a>
        {bare ? null : (
          <header className="tw-site-header">
            <div className="tw-site-header-inner">
              <Link href="/" className="tw-brand">
                Timeweave
              </Link>
              <p className="tw-tagline">Events from the news, with the words that support them.</p>
              <nav className="tw-site-nav" aria-label="Account">
                <Link href="/sign-in">Editors: sign in</Link>
              </nav>
            </div>
          </header>
        )}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
