// Checks a pasted bearer token with a read: GET /api (discovery) with that token. The API server answers 401
// for a token it does not accept; discovery is open to every authenticated user. Nothing is written (a
// SelfSubjectReview would be a POST).
import { withToken, type ClusterAccess } from '../k8s/kubeconfig';
import { createTransport } from '../k8s/transport';

export type TokenCheck = { ok: true } | { ok: false; reason: 'refused' | 'unreachable'; detail: string };

export async function verifyToken(access: ClusterAccess, token: string, timeoutMs = 10_000): Promise<TokenCheck> {
  try {
    const transport = await createTransport(withToken(access, token, 'login').kc);
    const answer = await transport.get('/api', AbortSignal.timeout(timeoutMs));
    if (answer.status === 200 || answer.status === 403) return { ok: true };
    if (answer.status === 401) return { ok: false, reason: 'refused', detail: 'GET /api answered 401' };
    return { ok: false, reason: 'unreachable', detail: `GET /api answered ${answer.status}` };
  } catch (error) {
    return { ok: false, reason: 'unreachable', detail: (error as Error).message };
  }
}
