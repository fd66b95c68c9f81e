import { describe, expect, it } from 'vitest';
import { serverSettings, startDecision, SettingError } from './config';

describe('server settings', () => {
  it('listen on 127.0.0.1 without authentication by default', () => {
    const settings = serverSettings({});
    expect(settings.host).toBe('127.0.0.1');
    expect(settings.auth).toEqual({ mode: 'none' });
    expect(startDecision(settings)).toEqual({ start: true, warnings: [] });
  });

  it('refuse 0.0.0.0 without an auth mode, saying how to choose one', () => {
    const decision = startDecision(serverSettings({ BACKUP_LENS_HOST: '0.0.0.0' }));
    expect(decision.start).toBe(false);
    if (!decision.start) {
      expect(decision.message).toContain('Refusing to listen on 0.0.0.0 without authentication');
      expect(decision.message).toContain('BACKUP_LENS_AUTH=token');
      expect(decision.message).toContain('BACKUP_LENS_AUTH=none');
    }
  });

  it('start on 0.0.0.0 with an explicit BACKUP_LENS_AUTH=none, with a warning saying who reads what', () => {
    const decision = startDecision(serverSettings({ BACKUP_LENS_HOST: '0.0.0.0', BACKUP_LENS_AUTH: 'none' }));
    expect(decision.start).toBe(true);
    if (decision.start) expect(decision.warnings.join(' ')).toMatch(/anyone who can reach this address reads.*every pod, volume, annotation/);
  });

  it('start on :: with token mode and treat ::1 and 127.0.0.5 as loopback', () => {
    expect(startDecision(serverSettings({ BACKUP_LENS_HOST: '::', BACKUP_LENS_AUTH: 'token' })).start).toBe(true);
    expect(startDecision(serverSettings({ BACKUP_LENS_HOST: '::1' })).start).toBe(true);
    expect(startDecision(serverSettings({ BACKUP_LENS_HOST: '127.0.0.5' })).start).toBe(true);
    expect(startDecision(serverSettings({ BACKUP_LENS_HOST: '192.168.1.10' })).start).toBe(false);
  });

  it('read the session limits of token mode in minutes and hours', () => {
    const { auth } = serverSettings({ BACKUP_LENS_AUTH: 'token', BACKUP_LENS_SESSION_IDLE_MINUTES: '5', BACKUP_LENS_SESSION_MAX_HOURS: '1' });
    expect(auth).toEqual({ mode: 'token', idleMs: 300_000, maxMs: 3_600_000 });
  });

  it('name the variable of an unknown mode or a bad number, echoing a bounded part of it', () => {
    expect(() => serverSettings({ BACKUP_LENS_AUTH: 'oidc' })).toThrow('BACKUP_LENS_AUTH must be none, token or proxy, not "oidc".');
    expect(() => serverSettings({ BACKUP_LENS_AUTH: 'x'.repeat(500) })).toThrow(/not "x{40}"\.$/);
    expect(() => serverSettings({ BACKUP_LENS_AUTH: 'token', BACKUP_LENS_SESSION_IDLE_MINUTES: '-1' })).toThrow(SettingError);
    expect(() => serverSettings({ BACKUP_LENS_REFRESH_INTERVAL_SECONDS: 'soon' })).toThrow('BACKUP_LENS_REFRESH_INTERVAL_SECONDS must be a non-negative number');
  });

  it('require trusted proxies in proxy mode and default the user header to X-Forwarded-User', () => {
    expect(() => serverSettings({ BACKUP_LENS_AUTH: 'proxy' })).toThrow('BACKUP_LENS_AUTH=proxy needs BACKUP_LENS_TRUSTED_PROXIES');
    const { auth } = serverSettings({ BACKUP_LENS_AUTH: 'proxy', BACKUP_LENS_TRUSTED_PROXIES: '10.0.0.0/8, fd00::/8' });
    expect(auth.mode === 'proxy' && auth.userHeader).toBe('x-forwarded-user');
    expect(auth.mode === 'proxy' && auth.trusted.has('10.1.2.3')).toBe(true);
  });

  it('refuse a trusted-proxy entry that is not an address or CIDR', () => {
    expect(() => serverSettings({ BACKUP_LENS_AUTH: 'proxy', BACKUP_LENS_TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow('"10.0.0.0/33" has an invalid prefix length.');
    expect(() => serverSettings({ BACKUP_LENS_AUTH: 'proxy', BACKUP_LENS_TRUSTED_PROXIES: 'proxy.example' })).toThrow('"proxy.example" is not an IP address or CIDR.');
    expect(() => serverSettings({ BACKUP_LENS_AUTH: 'proxy', BACKUP_LENS_TRUSTED_PROXIES: '10.0.0.1', BACKUP_LENS_PROXY_USER_HEADER: 'bad header' })).toThrow('BACKUP_LENS_PROXY_USER_HEADER is not a header name');
  });
});
