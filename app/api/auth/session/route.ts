import type { NextRequest } from 'next/server';
import type { SessionView } from '@/lib/auth/auth.schema';
import { principalOf } from '../../_lib/auth';
import { handle } from '../../_lib/respond';

export const dynamic = 'force-dynamic';

/** Who is signed in, and the CSRF token their pages must send with every write. */
export function GET(request: NextRequest) {
  return handle(
    () => null,
    async (): Promise<SessionView> => {
      const p = await principalOf(request);
      return { user: p?.user ?? null, csrfToken: p?.csrfToken ?? null };
    },
    'no session',
  );
}
