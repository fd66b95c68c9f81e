import { describe, expect, it } from 'vitest';
import { browserOnLoopback, clearedSessionCookie, cookieValue, sameOrigin, sessionCookie } from './request';

describe('request helpers', () => {
  it('accept a POST only when Origin names the same host as Host', () => {
    expect(sameOrigin(new Headers({ host: 'lens.example:8443', origin: 'https://lens.example:8443' }))).toBe(true);
    expect(sameOrigin(new Headers({ host: 'lens.example', origin: 'https://evil.example' }))).toBe(false);
    expect(sameOrigin(new Headers({ host: 'lens.example' }))).toBe(false);
    expect(sameOrigin(new Headers({ host: 'lens.example', origin: 'null' }))).toBe(false);
  });

  it('leave Secure off the cookie only for a browser on a loopback host', () => {
    expect(browserOnLoopback(new Headers({ host: '127.0.0.1:3000' }))).toBe(true);
    expect(browserOnLoopback(new Headers({ host: 'localhost:8080' }))).toBe(true);
    expect(browserOnLoopback(new Headers({ host: '[::1]:3000' }))).toBe(true);
    expect(browserOnLoopback(new Headers({ host: 'lens.example' }))).toBe(false);
    expect(sessionCookie('abc', 3600, true)).toBe('backup_lens_session=abc; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600; Secure');
    expect(clearedSessionCookie(false)).toBe('backup_lens_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
  });

  it('read one cookie out of several', () => {
    expect(cookieValue(new Headers({ cookie: 'a=1; backup_lens_session=xyz; b=2' }), 'backup_lens_session')).toBe('xyz');
    expect(cookieValue(new Headers({ cookie: 'a=1' }), 'backup_lens_session')).toBeUndefined();
  });
});
