// Token-mode sessions: an opaque random id (the cookie) maps, on the server only, to the user's token. The token
// never goes back to the browser. Sessions end after an idle time, at an absolute age, or on logout.
import { createHash, randomBytes } from 'node:crypto';

export interface Session {
  id: string;
  token: string;
  /** sha256 of the token: the key of the user's scans; never shown. */
  tokenHash: string;
  /** Display name of the user (from the token when it says, else a short hash). */
  user: string;
  /** Namespaces to read one by one when the token cannot list namespaces. */
  namespaces: string[];
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
  /** The oldest sessions are dropped beyond this many. */
  maxSessions?: number;
  now?: () => number;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly now: () => number;

  constructor(private readonly limits: SessionLimits) {
    this.now = limits.now ?? Date.now;
  }

  create(token: string, user: string, namespaces: string[] = []): Session {
    this.sweep();
    const max = this.limits.maxSessions ?? 1000;
    while (this.sessions.size >= max) this.sessions.delete(this.sessions.keys().next().value as string);
    const at = this.now();
    const session: Session = { id: randomBytes(32).toString('base64url'), token, tokenHash: hashToken(token), user, namespaces, createdAt: at, lastSeenAt: at };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id (its idle clock restarts), or null when unknown or expired. */
  get(id: string | undefined): Session | null {
    if (!id) return null;
    const session = this.sessions.get(id);
    if (!session) return null;
    const at = this.now();
    if (this.expired(session, at)) {
      this.sessions.delete(id);
      return null;
    }
    session.lastSeenAt = at;
    return session;
  }

  delete(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  /** Whether any live session still uses this token (its scans may be kept). */
  tokenInUse(tokenHash: string): boolean {
    const at = this.now();
    for (const session of this.sessions.values()) if (session.tokenHash === tokenHash && !this.expired(session, at)) return true;
    return false;
  }

  get size(): number {
    return this.sessions.size;
  }

  private expired(session: Session, at: number): boolean {
    return at - session.lastSeenAt >= this.limits.idleMs || at - session.createdAt >= this.limits.maxMs;
  }

  private sweep(): void {
    const at = this.now();
    for (const [id, session] of this.sessions) if (this.expired(session, at)) this.sessions.delete(id);
  }
}
