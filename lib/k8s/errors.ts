// API and transport errors as a small tagged union with operator-facing text. Pure: no I/O.
import { KubeconfigError } from './config-error';
import { TransportError } from './transport';

export type ClusterErrorKind =
  | 'noKubeconfig' | 'config' | 'unreachable' | 'tls' | 'timeout'
  | 'unauthorized' | 'forbidden' | 'notFound' | 'gone' | 'tooManyRequests' | 'server' | 'unknown';

export interface ClusterError {
  kind: ClusterErrorKind;
  message: string;
  hint: string;
  status: number | null;
  server?: string;
  context?: string;
}

/** A non-2xx answer of the API server, with its Status object when it sent one. */
export class ApiStatusError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    readonly statusMessage: string,
    readonly reason: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(statusMessage || `HTTP ${status} for GET ${path}`);
  }
}

/** Builds an ApiStatusError from an answer, reading the Kubernetes Status body when there is one. */
export function apiStatusError(status: number, path: string, body: string, retryAfter?: string | string[]): ApiStatusError {
  let message = '';
  let reason = '';
  try {
    const parsed = JSON.parse(body) as { message?: unknown; reason?: unknown };
    message = typeof parsed.message === 'string' ? parsed.message : '';
    reason = typeof parsed.reason === 'string' ? parsed.reason : '';
  } catch {
    message = body.slice(0, 200).trim();
  }
  const header = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
  const seconds = header !== undefined && /^\d+$/.test(header) ? Number(header) : null;
  return new ApiStatusError(status, path, message, reason, seconds);
}

const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_SIGNATURE_FAILURE', 'EPROTO', 'ERR_SSL_WRONG_VERSION_NUMBER',
]);
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE', 'EADDRNOTAVAIL']);

export interface ErrorContext {
  server: string;
  context: string;
  user?: string;
}

/** Operator-facing description of any error a scan can meet. */
export function describeClusterError(error: unknown, ctx: ErrorContext): ClusterError {
  const base = { server: ctx.server, context: ctx.context };
  if (error instanceof KubeconfigError) return { ...base, kind: 'config', status: null, message: error.message, hint: error.hint };
  if (error instanceof TransportError) {
    if (TLS_CODES.has(error.code)) {
      return { ...base, kind: 'tls', status: null, message: `The TLS connection to ${ctx.server} failed (${error.code}): ${error.message}.`,
        hint: "Check the cluster's certificate-authority data in the kubeconfig and that the server name matches its certificate." };
    }
    if (error.code === 'ETIMEDOUT' || error.code === 'ESOCKETTIMEDOUT') {
      return { ...base, kind: 'timeout', status: null, message: `The API server ${ctx.server} did not answer in time (${error.code}).`,
        hint: 'Check the network path to the cluster (VPN, firewall, proxy) and that the API server is healthy.' };
    }
    const what = UNREACHABLE_CODES.has(error.code) ? error.code : `${error.code}: ${error.message}`;
    return { ...base, kind: 'unreachable', status: null, message: `Cannot reach the API server ${ctx.server} of context ${ctx.context} (${what}).`,
      hint: 'Check that the cluster is up and reachable from here (VPN, DNS, firewall), or switch context with BACKUP_LENS_CONTEXT.' };
  }
  if (error instanceof ApiStatusError) {
    const status = error.status;
    if (status === 401) {
      return { ...base, kind: 'unauthorized', status, message: `The API server ${ctx.server} rejected the credentials of context ${ctx.context}${ctx.user ? ` (user ${ctx.user})` : ''} (401 Unauthorized).`,
        hint: 'Your token or client certificate has expired or is wrong: log in again (refresh the kubeconfig) and retry.' };
    }
    if (status === 403) {
      return { ...base, kind: 'forbidden', status, message: error.statusMessage || `Forbidden: GET ${error.path}.`,
        hint: 'Backup Lens needs get, list and watch on namespaces, pods, persistentvolumeclaims and persistentvolumes.' };
    }
    if (status === 404) return { ...base, kind: 'notFound', status, message: error.statusMessage || `Not found: GET ${error.path}.`, hint: 'Check that the server is a Kubernetes API server.' };
    if (status === 410) return { ...base, kind: 'gone', status, message: error.statusMessage || 'The list expired while it was read.', hint: 'Refresh to read the cluster again.' };
    if (status === 429) {
      return { ...base, kind: 'tooManyRequests', status, message: `The API server ${ctx.server} kept answering 429 Too Many Requests.`, hint: 'The API server is throttling clients; retry in a moment.' };
    }
    return { ...base, kind: status >= 500 ? 'server' : 'unknown', status, message: `The API server ${ctx.server} answered ${status} for GET ${error.path}${error.statusMessage ? `: ${error.statusMessage}` : ''}.`,
      hint: status >= 500 ? 'The API server is failing; check its health and retry.' : 'This looks like a bug in Backup Lens; please report it with this message.' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ...base, kind: 'unknown', status: null, message: `Reading the cluster failed: ${message}`, hint: 'Retry; if it persists, report it with this message.' };
}
