// The e2e web server: the demo cluster, the app pointed at it, and a test-only control server on
// E2E_CONTROL_PORT (loopback) through which specs switch faults and change objects. Not part of the app.
import http from 'node:http';
import { generateCluster } from '../lib/demo/generate';
import { seededCluster } from '../lib/demo/scenarios';
import type { DemoObjects } from '../lib/demo/types';
import { startDemoCluster } from '../lib/demo/server';
import type { DemoFaults, DemoResource } from '../lib/demo/types';
import { buildIfNeeded, startNext } from '../scripts/launch';

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

/** The seeded scenarios plus `shards`, a 2,000-claim StatefulSet namespace (set E2E_BIG_NAMESPACE=0 to leave it out). */
export function e2eCluster(): DemoObjects {
  const seeded = seededCluster();
  if (process.env.E2E_BIG_NAMESPACE === '0') return seeded;
  const big = generateCluster({ pods: 0, bigNamespace: { name: 'shards', pvcs: 2000 } });
  const inShards = <T extends { metadata?: { namespace?: string; name?: string } }>(items: T[]) => items.filter((o) => o.metadata?.namespace === 'shards');
  const shardClaims = new Set(inShards(big.pvcs).map((c) => c.spec?.volumeName));
  return {
    ...seeded,
    namespaces: [...seeded.namespaces, ...big.namespaces.filter((n) => n.metadata?.name === 'shards')],
    pods: [...seeded.pods, ...inShards(big.pods)],
    pvcs: [...seeded.pvcs, ...inShards(big.pvcs)],
    pvs: [...seeded.pvs, ...big.pvs.filter((pv) => shardClaims.has(pv.metadata?.name))],
  };
}

async function main(): Promise<void> {
  const port = Number(process.env.E2E_PORT ?? 3107);
  const controlPort = Number(process.env.E2E_CONTROL_PORT ?? 3108);
  buildIfNeeded();
  const demo = await startDemoCluster({ objects: e2eCluster(), kubeconfigPath: '.backup-lens/e2e.kubeconfig' });
  http
    .createServer(async (req, res) => {
      try {
        const body = await readJson(req);
        if (req.method === 'POST' && req.url === '/faults') demo.setFaults(body as DemoFaults);
        else if (req.method === 'POST' && req.url === '/upsert') {
          const { resource, object } = body as { resource: DemoResource; object: Record<string, unknown> };
          demo.upsert(resource, object);
        } else if (req.method === 'POST' && req.url === '/reset') demo.setFaults({});
        else if (req.method === 'GET' && req.url === '/requests') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(demo.requests));
          return;
        } else {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(204).end();
      } catch (error) {
        res.writeHead(400).end(String(error));
      }
    })
    .listen(controlPort, '127.0.0.1');
  startNext(port, {
    KUBECONFIG: demo.kubeconfigPath ?? '',
    BACKUP_LENS_CONTEXT: '',
    BACKUP_LENS_DEMO_ACTIVE: '1',
    BACKUP_LENS_DEMO_REASON: 'end-to-end tests run against the demo cluster.',
    BACKUP_LENS_SCAN_TTL_MS: '2000',
    // The specs refresh on purpose, often; the refresh limit is tested on the token-mode server (auth-serve.ts).
    BACKUP_LENS_REFRESH_INTERVAL_SECONDS: '0',
  }).on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
