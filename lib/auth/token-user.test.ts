import { describe, expect, it } from 'vitest';
import { tokenProblem, tokenUser } from './token-user';

const jwt = (claims: object) => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('pasted tokens', () => {
  it('name a service account token by namespace/name', () => {
    expect(tokenUser(jwt({ sub: 'system:serviceaccount:team-a:viewer' }))).toBe('service account team-a/viewer');
  });

  it('name an OIDC token by its subject, and anything else by a short hash', () => {
    expect(tokenUser(jwt({ sub: 'alice@example.com' }))).toBe('alice@example.com');
    expect(tokenUser('0123456789abcdef')).toMatch(/^token [0-9a-f]{8}$/);
  });

  it('refuse empty, huge or multi-line input without repeating it', () => {
    expect(tokenProblem('')).toBe('Paste a Kubernetes bearer token.');
    expect(tokenProblem('a'.repeat(20_000))).toBe('That is 20000 characters; a bearer token is at most 16384.');
    const problem = tokenProblem('secret part\nmore');
    expect(problem).toBe('A bearer token is one line of printable characters without spaces.');
    expect(tokenProblem('abc.def-ghi_jkl')).toBeNull();
  });
});
