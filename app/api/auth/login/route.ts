// POST /api/auth/login (token mode): a same-origin form or JSON with a bearer token (and optionally the
// namespaces it may read). The token is checked against the API server, then kept server-side behind an
// opaque session id in an HttpOnly, SameSite=Strict cookie. Refusals never repeat the token.
import { namespaceParam } from '@/lib/api/params';
import { PEER_HEADER, browserOnLoopback, sameOrigin, sessionCookie } from '@/lib/auth/request';
import { tokenProblem, tokenUser } from '@/lib/auth/token-user';
import { authState, peerHeaderTrusted } from '@/lib/server/auth-state';
import { errorJson } from '@/lib/server/respond';
import { baseAccess } from '@/lib/server/scanner';
import { verifyToken } from '@/lib/server/verify-token';

export const dynamic = 'force-dynamic';

const MAX_BODY = 64 * 1024;
type Failure = 'malformed' | 'refused' | 'unreachable' | 'namespaces' | 'rateLimited';

const STATUS: Record<Failure, number> = { malformed: 400, namespaces: 400, refused: 401, rateLimited: 429, unreachable: 503 };

async function readForm(request: Request): Promise<{ token: string; namespaces: string } | null> {
  const text = await request.text();
  if (text.length > MAX_BODY) return null;
  if ((request.headers.get('content-type') ?? '').includes('application/json')) {
    try {
      const body = JSON.parse(text) as { token?: unknown; namespaces?: unknown };
      return { token: typeof body.token === 'string' ? body.token : '', namespaces: typeof body.namespaces === 'string' ? body.namespaces : '' };
    } catch {
      return null;
    }
  }
  const form = new URLSearchParams(text);
  return { token: form.get('token') ?? '', namespaces: form.get('namespaces') ?? '' };
}

export async function POST(request: Request) {
  const held = authState();
  if ('error' in held) return errorJson(500, { kind: 'config', message: held.error });
  const { settings, sessions } = held.state;
  if (settings.auth.mode !== 'token' || !sessions) return errorJson(404, { kind: 'notFound', message: 'Login is only used with BACKUP_LENS_AUTH=token.' });
  if (!sameOrigin(request.headers)) return errorJson(403, { kind: 'crossOrigin', message: 'A login must come from this site\'s own login page (the Origin header does not match).' });
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const fail = (reason: Failure, message: string) =>
    wantsJson ? errorJson(STATUS[reason], { kind: reason, message }) : new Response(null, { status: 303, headers: { location: `/login?error=${reason}`, 'cache-control': 'no-store' } });

  const peer = (peerHeaderTrusted() && request.headers.get(PEER_HEADER)) || 'unknown';
  const attempt = held.state.loginLimiter.take(peer);
  if (!attempt.ok) return fail('rateLimited', `Too many login attempts from this address; try again in ${attempt.retryAfterSeconds} s.`);
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY) return fail('malformed', 'The login form is too large.');
  const form = await readForm(request);
  if (!form) return fail('malformed', 'The login form could not be read.');
  const token = form.token.trim();
  const problem = tokenProblem(token);
  if (problem) return fail('malformed', problem);
  let namespaces: string[];
  try {
    namespaces = [...new Set(form.namespaces.split(/[\s,]+/).filter(Boolean))].slice(0, 100).map((ns) => namespaceParam(ns, 'namespaces'));
  } catch (error) {
    return fail('namespaces', (error as Error).message);
  }
  const base = baseAccess();
  if ('error' in base) return fail('unreachable', 'The server has no cluster configured to check the token against.');
  const check = await verifyToken(base.access, token);
  if (!check.ok) {
    if (check.reason === 'unreachable') console.error(`login: the token could not be checked: ${check.detail}`);
    return fail(check.reason, check.reason === 'refused' ? 'The cluster did not accept this token (401 Unauthorized).' : 'The cluster could not be reached to check the token; try again later.');
  }
  const session = sessions.create(token, tokenUser(token), namespaces);
  const cookie = sessionCookie(session.id, settings.auth.maxMs / 1000, !browserOnLoopback(request.headers));
  const headers = { 'set-cookie': cookie, 'cache-control': 'no-store' };
  if (wantsJson) return Response.json({ user: session.user }, { headers });
  return new Response(null, { status: 303, headers: { ...headers, location: '/' } });
}

/** Only POST changes the session; anything else gets a JSON 405 (not Next.js's empty one). */
export function GET() {
  return errorJson(405, { kind: 'methodNotAllowed', message: 'Use POST from the login page.' });
}
export const HEAD = GET;
