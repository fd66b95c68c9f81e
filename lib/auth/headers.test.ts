import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, REQUIRED_HEADERS, securityHeaders } from './headers';

describe('security headers', () => {
  it('give pages a nonce script policy without unsafe-eval, frames denied, connections to self only', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc123' });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('allow eval only for the development server', () => {
    expect(contentSecurityPolicy({ nonce: 'n', dev: true })).toContain("'unsafe-eval'");
  });

  it('give API answers a deny-all policy and every required header', () => {
    const headers = securityHeaders({ api: true });
    expect(headers['content-security-policy']).toMatch(/^default-src 'none'/);
    for (const name of REQUIRED_HEADERS) expect(headers[name], name).toBeTruthy();
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('the server preload', () => {
  it('starts every answer with exactly the API header set', () => {
    const { BASELINE_HEADERS } = createRequire(import.meta.url)('../../scripts/baseline-headers.cjs') as { BASELINE_HEADERS: Record<string, string> };
    expect(BASELINE_HEADERS).toEqual(securityHeaders({ api: true }));
  });
});
