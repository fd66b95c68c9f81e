// POST /api/auth/logout: ends the session (server-side) and clears the cookie; same-origin only.
import { SESSION_COOKIE, browserOnLoopback, clearedSessionCookie, cookieValue, sameOrigin } from '@/lib/auth/request';
import { authState } from '@/lib/server/auth-state';
import { errorJson } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  const held = authState();
  if ('error' in held) return errorJson(500, { kind: 'config', message: held.error });
  if (!sameOrigin(request.headers)) return errorJson(403, { kind: 'crossOrigin', message: 'A logout must come from this site (the Origin header does not match).' });
  held.state.sessions?.delete(cookieValue(request.headers, SESSION_COOKIE));
  const location = held.state.settings.auth.mode === 'token' ? '/login' : '/';
  return new Response(null, { status: 303, headers: { location, 'set-cookie': clearedSessionCookie(!browserOnLoopback(request.headers)), 'cache-control': 'no-store' } });
}

/** Only POST changes the session; anything else gets a JSON 405 (not Next.js's empty one). */
export function GET() {
  return errorJson(405, { kind: 'methodNotAllowed', message: 'Use POST from the login page.' });
}
export const HEAD = GET;
