import { NextResponse, type NextRequest } from 'next/server';
import { SignInBody } from '@/lib/auth/auth.schema';
import { SESSION_COOKIE, SESSION_TTL_SECONDS, sessionCookieOptions, signIn } from '../../_lib/auth';
import { readJsonBody } from '../../_lib/body';
import { errorResponse } from '../../_lib/respond';

/** POST {username, password} → 200 {user, csrfToken} and the session cookie; 401 otherwise. */
export async function POST(request: NextRequest) {
  try {
    const { username, password } = await readJsonBody(request, SignInBody, 4096);
    const { user, sessionToken, csrfToken } = await signIn(request, username, password);
    const response = NextResponse.json({ user, csrfToken }, { headers: { 'Cache-Control': 'no-store' } });
    response.cookies.set(SESSION_COOKIE, sessionToken, sessionCookieOptions(request, SESSION_TTL_SECONDS));
    return response;
  } catch (e) {
    return errorResponse(e);
  }
}
