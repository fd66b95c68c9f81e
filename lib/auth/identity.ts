// Who is asking: anyone (no auth mode), a token session, or a user named by a trusted proxy. Refusals are data
// with a message that says what is missing and nothing about the cluster.
import type { AuthConfig } from './config';
import { PEER_HEADER, SESSION_COOKIE, cookieValue } from './request';
import type { Session, SessionStore } from './sessions';

export type Identity = { kind: 'anyone' } | { kind: 'session'; session: Session } | { kind: 'proxy'; user: string };

export type Refusal = { reason: 'noSession' | 'untrustedPeer' | 'noUser' | 'noPeerAddress'; message: string };

export type Resolution = { identity: Identity } | { refusal: Refusal };

// One line of printable characters (header values cannot carry newlines; this also refuses tabs and DEL).
const USER_VALUE = /^[\x20-\x7e\u00a0-\uffff]{1,256}$/;

export function resolveIdentity(auth: AuthConfig, headers: Headers, sessions: SessionStore | null, peerHeaderTrusted: boolean): Resolution {
  switch (auth.mode) {
    case 'none':
      return { identity: { kind: 'anyone' } };
    case 'token': {
      const session = sessions?.get(cookieValue(headers, SESSION_COOKIE)) ?? null;
      if (!session) return { refusal: { reason: 'noSession', message: 'Log in with a Kubernetes bearer token first.' } };
      return { identity: { kind: 'session', session } };
    }
    case 'proxy': {
      const peer = peerHeaderTrusted ? headers.get(PEER_HEADER) : null;
      if (!peer) return { refusal: { reason: 'noPeerAddress', message: 'The server cannot tell which address this request came from, so no proxy is trusted (start it with npm start or the image).' } };
      if (!auth.trusted.has(peer)) return { refusal: { reason: 'untrustedPeer', message: 'Authentication required: this request did not come through the trusted authenticating proxy.' } };
      const user = headers.get(auth.userHeader)?.trim() ?? '';
      if (!USER_VALUE.test(user)) return { refusal: { reason: 'noUser', message: 'Authentication required: the proxy did not name a user.' } };
      return { identity: { kind: 'proxy', user } };
    }
  }
}

/** The key that rate limits and scan caches are kept under. */
export function identityKey(identity: Identity): string {
  switch (identity.kind) {
    case 'anyone':
      return 'anyone';
    case 'session':
      return `token:${identity.session.tokenHash}`;
    case 'proxy':
      return `proxy:${identity.user}`;
  }
}
