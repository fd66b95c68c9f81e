import { describe, expect, it } from 'vitest';
import { hashToken, SessionStore } from './sessions';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('token sessions', () => {
  it('map an opaque random id to the token, on the server only', () => {
    const store = new SessionStore({ idleMs: 60_000, maxMs: 600_000 });
    const a = store.create('token-a', 'alice');
    const b = store.create('token-a', 'alice');
    expect(a.id).not.toBe(b.id);
    expect(a.id).not.toContain('token-a');
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.get(a.id)?.token).toBe('token-a');
    expect(a.tokenHash).toBe(hashToken('token-a'));
  });

  it('end after the idle time without requests', () => {
    const time = clock();
    const store = new SessionStore({ idleMs: 60_000, maxMs: 600_000, now: time.now });
    const session = store.create('t', 'u');
    time.advance(59_000);
    expect(store.get(session.id)).not.toBeNull();
    time.advance(59_000);
    expect(store.get(session.id)).not.toBeNull();
    time.advance(60_000);
    expect(store.get(session.id)).toBeNull();
  });

  it('end at the absolute age even when used all the time', () => {
    const time = clock();
    const store = new SessionStore({ idleMs: 60_000, maxMs: 150_000, now: time.now });
    const session = store.create('t', 'u');
    for (let i = 0; i < 4; i++) {
      time.advance(40_000);
      expect(store.get(session.id) === null).toBe(i === 3);
    }
  });

  it('end on logout and ignore unknown or missing ids', () => {
    const store = new SessionStore({ idleMs: 60_000, maxMs: 600_000 });
    const session = store.create('t', 'u');
    store.delete(session.id);
    expect(store.get(session.id)).toBeNull();
    expect(store.get(undefined)).toBeNull();
    expect(store.get('forged')).toBeNull();
  });

  it('drop the oldest sessions beyond the bound, and say whether a token is still in use', () => {
    const store = new SessionStore({ idleMs: 60_000, maxMs: 600_000, maxSessions: 2 });
    const first = store.create('t1', 'u1');
    store.create('t2', 'u2');
    store.create('t3', 'u3');
    expect(store.size).toBe(2);
    expect(store.get(first.id)).toBeNull();
    expect(store.tokenInUse(hashToken('t1'))).toBe(false);
    expect(store.tokenInUse(hashToken('t3'))).toBe(true);
  });
});
