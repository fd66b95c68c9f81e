// Who may use the dashboard, read from the environment once: the listen address, the authentication mode and
// its settings. Pure: the start script and the server both call it, and a bad value is an error naming it.
import { parseAddressList, type AddressList } from './addresses';

export type Env = Record<string, string | undefined>;

export interface NoAuth {
  mode: 'none';
}
export interface TokenAuth {
  mode: 'token';
  /** A session ends after this long without a request. */
  idleMs: number;
  /** A session ends this long after login, whatever happens. */
  maxMs: number;
}
export interface ProxyAuth {
  mode: 'proxy';
  /** Lower-case header the authenticating proxy puts the user name in. */
  userHeader: string;
  /** Peers whose user header is believed. */
  trusted: AddressList;
  trustedText: string;
}
export type AuthConfig = NoAuth | TokenAuth | ProxyAuth;

export interface ServerSettings {
  host: string;
  auth: AuthConfig;
  /** Whether BACKUP_LENS_AUTH was set (none on loopback is the silent default). */
  authExplicit: boolean;
  /** Minimum time between two refresh=1 scans of one identity. */
  refreshIntervalMs: number;
}

export class SettingError extends Error {
  constructor(readonly variable: string, message: string) {
    super(message);
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

function positiveNumber(env: Env, name: string, fallback: number, { allowZero = false } = {}): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new SettingError(name, `${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, not "${raw.slice(0, 40)}".`);
  }
  return value;
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

function authFrom(env: Env): AuthConfig {
  const mode = (env.BACKUP_LENS_AUTH ?? 'none').trim();
  switch (mode) {
    case '':
    case 'none':
      return { mode: 'none' };
    case 'token': {
      const idleMs = positiveNumber(env, 'BACKUP_LENS_SESSION_IDLE_MINUTES', 30) * 60_000;
      const maxMs = positiveNumber(env, 'BACKUP_LENS_SESSION_MAX_HOURS', 8) * 3_600_000;
      return { mode: 'token', idleMs, maxMs: Math.max(maxMs, idleMs) };
    }
    case 'proxy': {
      const userHeader = (env.BACKUP_LENS_PROXY_USER_HEADER || 'X-Forwarded-User').trim();
      if (!HEADER_NAME.test(userHeader)) throw new SettingError('BACKUP_LENS_PROXY_USER_HEADER', `BACKUP_LENS_PROXY_USER_HEADER is not a header name: "${userHeader.slice(0, 40)}".`);
      const trustedText = (env.BACKUP_LENS_TRUSTED_PROXIES ?? '').trim();
      if (!trustedText) {
        throw new SettingError('BACKUP_LENS_TRUSTED_PROXIES', 'BACKUP_LENS_AUTH=proxy needs BACKUP_LENS_TRUSTED_PROXIES: the addresses or CIDRs of the authenticating proxy (e.g. 10.0.0.0/8), whose user header is believed.');
      }
      let trusted: AddressList;
      try {
        trusted = parseAddressList(trustedText);
      } catch (error) {
        throw new SettingError('BACKUP_LENS_TRUSTED_PROXIES', `BACKUP_LENS_TRUSTED_PROXIES: ${(error as Error).message}`);
      }
      return { mode: 'proxy', userHeader: userHeader.toLowerCase(), trusted, trustedText };
    }
    default:
      throw new SettingError('BACKUP_LENS_AUTH', `BACKUP_LENS_AUTH must be none, token or proxy, not "${mode.slice(0, 40)}".`);
  }
}

/** Reads and checks every setting; throws SettingError naming the variable. */
export function serverSettings(env: Env): ServerSettings {
  const host = (env.BACKUP_LENS_HOST ?? '127.0.0.1').trim() || '127.0.0.1';
  return {
    host,
    auth: authFrom(env),
    authExplicit: (env.BACKUP_LENS_AUTH ?? '').trim() !== '',
    refreshIntervalMs: positiveNumber(env, 'BACKUP_LENS_REFRESH_INTERVAL_SECONDS', 10, { allowZero: true }) * 1000,
  };
}

export type StartDecision = { start: true; warnings: string[] } | { start: false; message: string };

/** Local use is safe by default: a non-loopback address needs an auth mode, or an explicit BACKUP_LENS_AUTH=none. */
export function startDecision(settings: ServerSettings): StartDecision {
  if (isLoopbackHost(settings.host)) return { start: true, warnings: [] };
  if (settings.auth.mode !== 'none') return { start: true, warnings: [] };
  if (!settings.authExplicit) {
    return {
      start: false,
      message:
        `Refusing to listen on ${settings.host} without authentication: anyone who can reach this address would read the cluster's pods, volumes, annotations and Velero setup.\n` +
        'Set BACKUP_LENS_AUTH=token (users log in with their own Kubernetes token) or BACKUP_LENS_AUTH=proxy (behind an authenticating proxy), ' +
        'or BACKUP_LENS_AUTH=none to accept that, or unset BACKUP_LENS_HOST to listen on 127.0.0.1 only.',
    };
  }
  return {
    start: true,
    warnings: [
      `WARNING: listening on ${settings.host} with BACKUP_LENS_AUTH=none: anyone who can reach this address reads, with this server's own Kubernetes credentials, ` +
        "every pod, volume, annotation and the Velero setup it can see. Nothing is written to the cluster and Secrets are never read.",
    ],
  };
}
