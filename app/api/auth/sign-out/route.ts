import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE, sessionCookieOptions, signOut } from '../../_lib/auth';
import { errorResponse } from '../../_lib/respond';

/** POST → 204; the session ends on the server too, not just in this browser. */
export async function POST(request: NextRequest) {
  try {
    await signOut(request);
    const response = new NextResponse(null, { status: 204 });
    response.cookies.set(SESSION_COOKIE, '', sessionCookieOptions(request, 0));
    return response;
  } catch (e) {
    return errorResponse(e);
  }
}
