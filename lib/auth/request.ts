// What the auth layer reads from a request: cookies, the same-origin check of POSTs, loopback hosts.
import { isLoopbackHost } from './config';

export const SESSION_COOKIE = 'backup_lens_session';
/** Set by scripts/server-preload.cjs from the socket, overwriting anything a client sent. */
export const PEER_HEADER = 'x-backup-lens-peer';

export function cookieValue(headers: Headers, name: string): string | undefined {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function hostOf(value: string | null): string | null {
  if (!value) return null;
  try {
    return new URL(value.includes('://') ? value : `http://${value}`).host.toLowerCase();
  } catch {
    return null;
  }
}

/** CSRF: a state-changing POST must come from a page of this origin (Origin's host equals Host). */
export function sameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (!origin || origin === 'null') return false;
  const host = hostOf(headers.get('host'));
  return host !== null && hostOf(origin) === host;
}

/** The browser is on a loopback host (http://localhost, 127.0.0.1, [::1]): the only place a cookie may go without Secure. */
export function browserOnLoopback(headers: Headers): boolean {
  const host = hostOf(headers.get('host'));
  if (!host) return false;
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return isLoopbackHost(name);
}

export function sessionCookie(id: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.floor(maxAgeSeconds)}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}
