// The auth e2e servers: one demo cluster with a full-access and a namespace-limited user, and the app three
// times on it: token mode, proxy mode trusting an address no test comes from, proxy mode trusting loopback.
// Waits for the main e2e server (e2e/serve.ts), which builds the app, so the two never build at once.
import http from 'node:http';
import { seededCluster } from '../lib/demo/scenarios';
import { startDemoCluster } from '../lib/demo/server';
import { buildIfNeeded, startNext } from '../scripts/launch';
import { AUTH_PORTS, FULL_TOKEN, LIMITED_NAMESPACES, LIMITED_TOKEN, REFRESH_INTERVAL_SECONDS, UNTRUSTED_PROXY } from './auth-fixture';

async function answers(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no answer from ${url}`);
}

async function main(): Promise<void> {
  await answers(`http://127.0.0.1:${process.env.E2E_PORT ?? 3107}/api/healthz`);
  buildIfNeeded();
  const demo = await startDemoCluster({
    objects: seededCluster(),
    token: FULL_TOKEN,
    users: [{ name: 'alice', token: LIMITED_TOKEN, namespaces: LIMITED_NAMESPACES }],
    kubeconfigPath: '.backup-lens/e2e-auth.kubeconfig',
  });
  const common = { KUBECONFIG: demo.kubeconfigPath ?? '', BACKUP_LENS_CONTEXT: '', BACKUP_LENS_DEMO_ACTIVE: '1', BACKUP_LENS_DEMO_REASON: 'auth end-to-end tests.' };
  const servers = [
    startNext(AUTH_PORTS.token, { ...common, BACKUP_LENS_AUTH: 'token', BACKUP_LENS_REFRESH_INTERVAL_SECONDS: String(REFRESH_INTERVAL_SECONDS), BACKUP_LENS_LOGIN_ATTEMPTS_PER_MINUTE: '30' }),
    startNext(AUTH_PORTS.proxyUntrusted, { ...common, BACKUP_LENS_AUTH: 'proxy', BACKUP_LENS_TRUSTED_PROXIES: `${UNTRUSTED_PROXY}/32` }),
    startNext(AUTH_PORTS.proxyTrusted, { ...common, BACKUP_LENS_AUTH: 'proxy', BACKUP_LENS_TRUSTED_PROXIES: '127.0.0.1/32,::1' }),
  ];
  for (const server of servers) server.on('exit', (code) => process.exit(code ?? 1));
  for (const port of [AUTH_PORTS.token, AUTH_PORTS.proxyUntrusted, AUTH_PORTS.proxyTrusted]) await answers(`http://127.0.0.1:${port}/api/healthz`);
  // Playwright waits for this control server, so it starts last.
  http
    .createServer((req, res) => {
      if (req.method === 'GET' && req.url === '/requests') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(demo.requests));
      else res.writeHead(404).end();
    })
    .listen(AUTH_PORTS.control, '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
