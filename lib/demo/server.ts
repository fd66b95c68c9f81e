// The demo cluster: a real HTTPS server speaking the Kubernetes API subset Backup Lens and kubectl read
// (discovery; list, get and watch of namespaces, pods, PVCs, PVs, configmaps, apps/v1 workloads and Velero's
// velero.io objects; limit/continue; selectors; bearer tokens), with switchable faults for tests. GET only;
// Secrets do not exist here.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { stringify } from 'yaml';
import { handleRequest, type ServerState } from './handler';
import { seededCluster } from './scenarios';
import { RESOURCE_INFO, SNAPSHOT_GROUP, VELERO_GROUP } from './resources';
import { DemoStore } from './store';
import { demoTls } from './tls';
import type { DemoCluster, DemoClusterOptions, DemoFaults, DemoResource } from './types';

export const DEMO_CONTEXT = 'backup-lens-demo';

export function demoKubeconfig(url: string, caPem: string, token: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: DEMO_CONTEXT, cluster: { server: url, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
    users: [{ name: 'demo', user: { token } }],
    contexts: [{ name: DEMO_CONTEXT, context: { cluster: DEMO_CONTEXT, user: 'demo' } }],
    'current-context': DEMO_CONTEXT,
  });
}

export async function startDemoCluster(options: DemoClusterOptions = {}): Promise<DemoCluster> {
  const tls = await demoTls();
  const token = options.token ?? randomBytes(24).toString('hex');
  // A demo without Velero: the velero.io group is neither discovered nor served (apps/v1 still is).
  const served = (resource: DemoResource) => (options.velero !== false || RESOURCE_INFO[resource].group !== VELERO_GROUP)
    && (options.snapshotApi !== false || RESOURCE_INFO[resource].group !== SNAPSHOT_GROUP);
  const state: ServerState = {
    store: new DemoStore(options.objects ?? seededCluster(), served),
    served,
    token,
    users: options.users ?? [],
    faults: { ...options.faults },
    requests: [],
    started: Date.now(),
    openWatches: new Set(),
  };
  const server = https.createServer({ cert: tls.cert, key: tls.key, keepAlive: true }, (req, res) => handleRequest(state, req, res));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const kubeconfigYaml = demoKubeconfig(url, tls.cert, token);
  const kubeconfigPath = options.kubeconfigPath === undefined ? path.join(process.cwd(), '.backup-lens', 'demo.kubeconfig') : options.kubeconfigPath;
  if (kubeconfigPath) {
    mkdirSync(path.dirname(kubeconfigPath), { recursive: true });
    writeFileSync(kubeconfigPath, kubeconfigYaml, { mode: 0o600 });
  }

  return {
    url,
    token,
    caPem: tls.cert,
    kubeconfigPath,
    kubeconfigYaml,
    requests: state.requests,
    setFaults(faults: DemoFaults) {
      state.faults = { ...faults };
    },
    upsert: (resource, object) => state.store.upsert(resource, object),
    remove: (resource, namespace, name) => state.store.remove(resource, namespace, name),
    close: () =>
      new Promise<void>((resolve) => {
        for (const end of state.openWatches) end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
