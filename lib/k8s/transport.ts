// GET requests to the API server (https://, or http:// as `kubectl proxy` serves) with the kubeconfig's
// credentials. client-node supplies TLS material, tokens (exec, OIDC, …) and proxy agents, LensKubeConfig the
// rest; the request itself is plain node:https so a 50,000-pod list costs what fetching and JSON.parse cost,
// without client-node's per-field ObjectSerializer pass (measured in bench/).
import type { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import { LensKubeConfig } from './lens-kubeconfig';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Transport {
  readonly server: string;
  /** GET a path ("/api/v1/pods?limit=500"); rejects only on transport errors, never on an HTTP status. */
  get(path: string, signal?: AbortSignal): Promise<HttpAnswer>;
  /** Open a streaming GET (watch); the caller reads and closes the response. */
  stream(path: string, signal?: AbortSignal): Promise<http.IncomingMessage>;
  /** Count of requests sent. */
  readonly requests: number;
}

export const REQUEST_TIMEOUT_MS = Number(process.env.BACKUP_LENS_REQUEST_TIMEOUT_MS ?? 30_000);

/** A transport error that names the cause the way operators read it (ECONNREFUSED, ETIMEDOUT, CERT_…). */
export class TransportError extends Error {
  constructor(readonly code: string, message: string, readonly server: string) {
    super(message);
  }
}

function transportError(error: NodeJS.ErrnoException, server: string): TransportError {
  const code = error.code ?? (error.name === 'AbortError' ? 'ABORT_ERR' : 'UNKNOWN');
  return new TransportError(code, error.message, server);
}

export async function createTransport(kc: KubeConfig): Promise<Transport> {
  // LensKubeConfig adds what client-node leaves out (tokenFile, impersonation groups/uid/extra, http:// servers).
  const lens = kc instanceof LensKubeConfig ? kc : LensKubeConfig.of(kc);
  const opts: https.RequestOptions = { headers: {} };
  // After a 401 this reads the kubeconfig again (fresh exec credentials), so read the cluster after it.
  await lens.applyToHTTPSOptions(opts);
  const generation = lens.generation;
  const cluster = lens.getCurrentCluster();
  if (!cluster) throw new Error('kubeconfig has no current cluster');
  const base = new URL(cluster.server);
  const isHttps = base.protocol === 'https:';
  // Reuse connections across pages; keep client-node's agent when it is a proxy agent.
  const agent = cluster.proxyUrl
    ? opts.agent
    : isHttps
      ? new https.Agent({ ca: opts.ca, cert: opts.cert, key: opts.key, rejectUnauthorized: opts.rejectUnauthorized, servername: opts.servername, keepAlive: true, maxSockets: 8 })
      : new http.Agent({ keepAlive: true, maxSockets: 8 });
  const basePath = base.pathname.replace(/\/$/, '');
  let requests = 0;

  const open = (path: string, signal: AbortSignal | undefined, timeoutMs: number) =>
    new Promise<http.IncomingMessage>((resolve, reject) => {
      requests++;
      const request = (isHttps ? https : http).request(
        {
          protocol: base.protocol,
          hostname: base.hostname.replace(/^\[|\]$/g, ''),
          port: base.port || (isHttps ? 443 : 80),
          path: basePath + path,
          method: 'GET',
          agent,
          auth: opts.auth,
          headers: { ...opts.headers, accept: 'application/json', 'user-agent': 'backup-lens' },
          signal,
        },
        (response) => {
          // Refused credentials: the next transport made from this kubeconfig loads it again (a watch reconnect, a retried scan).
          if (response.statusCode === 401) lens.credentialsRejected(generation);
          resolve(response);
        },
      );
      if (timeoutMs > 0) request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
      request.on('error', (error) => reject(transportError(error, cluster.server)));
      request.end();
    });

  return {
    server: cluster.server,
    get requests() {
      return requests;
    },
    async get(path, signal) {
      const response = await open(path, signal, REQUEST_TIMEOUT_MS);
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of response) chunks.push(chunk as Buffer);
      } catch (error) {
        throw transportError(error as NodeJS.ErrnoException, cluster.server);
      }
      return { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') };
    },
    stream(path, signal) {
      return open(path, signal, 0);
    },
  };
}
