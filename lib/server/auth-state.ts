// The process-wide auth state (settings, sessions, the refresh limiter), kept on globalThis so the proxy and
// every route module share one copy. A bad setting is kept as an error and answered as 500 with its text.
import { serverSettings, SettingError, type ServerSettings } from '../auth/config';
import { resolveIdentity, type Resolution } from '../auth/identity';
import { IntervalLimiter, WindowLimiter } from '../auth/rate-limit';
import { SessionStore } from '../auth/sessions';

export interface AuthState {
  settings: ServerSettings;
  sessions: SessionStore | null;
  refreshLimiter: IntervalLimiter;
  /** Login attempts per client address: each one costs a request to the API server. */
  loginLimiter: WindowLimiter;
}

export const LOGIN_ATTEMPTS_PER_MINUTE = Number(process.env.BACKUP_LENS_LOGIN_ATTEMPTS_PER_MINUTE ?? 10);

type Held = { state: AuthState } | { error: string };
const holder = globalThis as typeof globalThis & { __backupLensAuth?: Held; __backupLensTrustedPeer?: boolean };

function create(): Held {
  try {
    const settings = serverSettings(process.env);
    const sessions = settings.auth.mode === 'token' ? new SessionStore({ idleMs: settings.auth.idleMs, maxMs: settings.auth.maxMs }) : null;
    return { state: { settings, sessions, refreshLimiter: new IntervalLimiter(settings.refreshIntervalMs), loginLimiter: new WindowLimiter(LOGIN_ATTEMPTS_PER_MINUTE, 60_000) } };
  } catch (error) {
    if (error instanceof SettingError) return { error: error.message };
    throw error;
  }
}

export function authState(): Held {
  holder.__backupLensAuth ??= create();
  return holder.__backupLensAuth;
}

/** True when scripts/server-preload.cjs runs in this process, so the peer header is the socket's address. */
export const peerHeaderTrusted = () => holder.__backupLensTrustedPeer === true;

export function identify(headers: Headers): Resolution | { error: string } {
  const held = authState();
  if ('error' in held) return held;
  return resolveIdentity(held.state.settings.auth, headers, held.state.sessions, peerHeaderTrusted());
}
