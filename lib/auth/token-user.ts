// A display name for a token the API server accepted: a service account token says whose it is; anything
// else gets a short hash. Display only: the API server, not this, decides what the token may read.
import { createHash } from 'node:crypto';

export const MAX_TOKEN_LENGTH = 16_384;

/** Checks the pasted text looks like a bearer token; the message never repeats the token. */
export function tokenProblem(token: string): string | null {
  if (token.length === 0) return 'Paste a Kubernetes bearer token.';
  if (token.length > MAX_TOKEN_LENGTH) return `That is ${token.length} characters; a bearer token is at most ${MAX_TOKEN_LENGTH}.`;
  if (!/^[\x21-\x7e]+$/.test(token)) return 'A bearer token is one line of printable characters without spaces.';
  return null;
}

export function tokenUser(token: string): string {
  const payload = token.split('.')[1];
  if (payload && token.split('.').length === 3) {
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      const name = [claims.sub, claims.email, claims.preferred_username].find((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 256);
      if (name) return name.startsWith('system:serviceaccount:') ? `service account ${name.slice('system:serviceaccount:'.length).replace(':', '/')}` : name;
    } catch {
      // not a JWT: fall through to the hash
    }
  }
  return `token ${createHash('sha256').update(token).digest('hex').slice(0, 8)}`;
}
