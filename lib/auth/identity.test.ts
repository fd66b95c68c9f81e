import { describe, expect, it } from 'vitest';
import { serverSettings } from './config';
import { identityKey, resolveIdentity } from './identity';
import { PEER_HEADER, SESSION_COOKIE } from './request';
import { SessionStore } from './sessions';

const proxyAuth = serverSettings({ BACKUP_LENS_AUTH: 'proxy', BACKUP_LENS_TRUSTED_PROXIES: '10.0.0.0/8' }).auth;
const tokenAuth = serverSettings({ BACKUP_LENS_AUTH: 'token' }).auth;

describe('who is asking', () => {
  it('is anyone without an auth mode', () => {
    expect(resolveIdentity({ mode: 'none' }, new Headers(), null, false)).toEqual({ identity: { kind: 'anyone' } });
  });

  it('is the session of a valid cookie in token mode, and refused without one', () => {
    const sessions = new SessionStore({ idleMs: 60_000, maxMs: 600_000 });
    const session = sessions.create('tok', 'alice');
    const ok = resolveIdentity(tokenAuth, new Headers({ cookie: `theme=dark; ${SESSION_COOKIE}=${session.id}` }), sessions, false);
    expect('identity' in ok && ok.identity.kind === 'session' && ok.identity.session.user).toBe('alice');
    expect(resolveIdentity(tokenAuth, new Headers({ cookie: `${SESSION_COOKIE}=forged` }), sessions, false)).toMatchObject({ refusal: { reason: 'noSession' } });
  });

  it('believes the proxy user header only from a trusted peer address', () => {
    const trusted = new Headers({ [PEER_HEADER]: '10.1.1.1', 'x-forwarded-user': 'alice@example.com' });
    expect(resolveIdentity(proxyAuth, trusted, null, true)).toEqual({ identity: { kind: 'proxy', user: 'alice@example.com' } });
    const untrusted = new Headers({ [PEER_HEADER]: '192.168.0.9', 'x-forwarded-user': 'alice@example.com' });
    expect(resolveIdentity(proxyAuth, untrusted, null, true)).toMatchObject({ refusal: { reason: 'untrustedPeer' } });
  });

  it('refuses a trusted peer that names no user', () => {
    expect(resolveIdentity(proxyAuth, new Headers({ [PEER_HEADER]: '10.1.1.1' }), null, true)).toMatchObject({ refusal: { reason: 'noUser' } });
    expect(resolveIdentity(proxyAuth, new Headers({ [PEER_HEADER]: '10.1.1.1', 'x-forwarded-user': ' ' }), null, true)).toMatchObject({ refusal: { reason: 'noUser' } });
  });

  it('ignores a peer header a client could have sent when the server does not set it', () => {
    const spoofed = new Headers({ [PEER_HEADER]: '10.1.1.1', 'x-forwarded-user': 'alice' });
    expect(resolveIdentity(proxyAuth, spoofed, null, false)).toMatchObject({ refusal: { reason: 'noPeerAddress' } });
  });

  it('keys rate limits and caches by token hash or proxy user, never by the token itself', () => {
    const sessions = new SessionStore({ idleMs: 60_000, maxMs: 600_000 });
    const session = sessions.create('secret-token', 'alice');
    const key = identityKey({ kind: 'session', session });
    expect(key).not.toContain('secret-token');
    expect(key).toBe(`token:${session.tokenHash}`);
    expect(identityKey({ kind: 'proxy', user: 'bob' })).toBe('proxy:bob');
  });
});
