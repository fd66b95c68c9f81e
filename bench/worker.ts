// One measured approach in its own process (so its peak RSS is its own): prints one JSON line.
//   tsx bench/worker.ts MODE KUBECONFIG [--sample N] [--big NAMESPACE]
import { CoreV1Api } from '@kubernetes/client-node';
import https from 'node:https';
import { loadAccess, type ClusterAccess } from '../lib/k8s/kubeconfig';
import { listAll } from '../lib/k8s/list-all';
import { clusterSource } from '../lib/k8s/source';
import { createTransport, type Transport } from '../lib/k8s/transport';
import { Scanner } from '../lib/scan';
import { volumesBody } from '../lib/server/queries';
import { PvcPodCache } from '../lib/velero/pod-volumes';
import { namespaceDetail } from '../lib/view/namespace-detail';
import type { Pod } from '../lib/model/kube';
import { resolveSelection } from '../lib/server/selection';

const [mode = '', kubeconfig = ''] = process.argv.slice(2);
const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
function load(): ClusterAccess {
  const result = loadAccess({ env: { KUBECONFIG: kubeconfig } });
  if (result.kind !== 'access') throw new Error(result.message);
  return result;
}
const access = load();
const RESOURCES = ['namespaces', 'pods', 'persistentvolumeclaims', 'persistentvolumes'];
const identity = (raw: unknown) => raw;
const names = (items: unknown[]) => items.map((o) => (o as { metadata: { name: string } }).metadata.name);

/** (a) The floor: the same paginated lists, fetched with plain node:https and JSON.parse'd, nothing else. */
async function floor(): Promise<Record<string, unknown>> {
  const opts: https.RequestOptions = { headers: {} };
  await access.kc.applyToHTTPSOptions(opts);
  const agent = new https.Agent({ ca: opts.ca, keepAlive: true, maxSockets: 8 });
  let requests = 0;
  const getJson = (path: string) =>
    new Promise<{ items: unknown[]; metadata: { continue?: string } }>((resolve, reject) => {
      requests++;
      https.get(new URL(path, access.server), { agent, headers: opts.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      }).on('error', reject);
    });
  let objects = 0;
  await Promise.all(RESOURCES.map(async (resource) => {
    let token = '';
    do {
      const page = await getJson(`/api/v1/${resource}?limit=500${token ? `&continue=${encodeURIComponent(token)}` : ''}`);
      objects += page.items.length;
      token = page.metadata.continue ?? '';
    } while (token);
  }));
  return { requests, objects };
}

/** (b) Backup Lens: snapshot + index + verdicts + the volumes answer; then warm per-namespace answers. */
async function lens(): Promise<Record<string, unknown>> {
  const source = clusterSource(access, { context: 'bench', server: access.server, demo: true }, { BACKUP_LENS_WATCH: '0' });
  const scanner = new Scanner(source);
  const scan = await scanner.get();
  const query = { backup: { kind: 'whatIf', whatIf: { defaultVolumesToFsBackup: false } } as const, namespaces: [] };
  const effective = resolveSelection(scan.snapshot, query.backup).effective;
  const body = JSON.stringify(volumesBody(scan, query));
  const coldMs = performance.now();
  const big = flag('big');
  const warm: Record<string, number> = {};
  if (big) {
    const time = (fn: () => unknown) => {
      const runs = 5;
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) JSON.stringify(fn());
      return Math.round(((performance.now() - t0) / runs) * 10) / 10;
    };
    warm.graphMs = time(() => namespaceDetail(scan, effective, big));
    warm.volumesMs = time(() => volumesBody(scan, { ...query, namespaces: [big] }));
  }
  return { requests: scan.requests, volumes: scan.view(effective).result.verdicts.length, answerBytes: body.length, endMs: coldMs, ...warm };
}

/** (c) Naive: for each claim, list its namespace's pods (Velero before v1.18). Sampled and extrapolated. */
async function naive(transport: Transport): Promise<Record<string, unknown>> {
  const claims = (await listAll(transport, '/api/v1/persistentvolumeclaims', identity)).items as Array<{ metadata: { name: string; namespace: string } }>;
  const sample = Math.min(claims.length, Number(flag('sample') ?? 200));
  const before = transport.requests;
  const t0 = performance.now();
  for (const claim of claims.slice(0, sample)) {
    const pods = (await listAll(transport, `/api/v1/namespaces/${claim.metadata.namespace}/pods`, identity)).items as Pod[];
    pods.filter((p) => (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim.metadata.name));
  }
  const perClaimMs = (performance.now() - t0) / Math.max(1, sample);
  const perClaimRequests = (transport.requests - before) / Math.max(1, sample);
  return { claims: claims.length, sample, extrapolatedMs: Math.round(perClaimMs * claims.length), requests: Math.round(1 + perClaimRequests * claims.length) };
}

/** (d) Velero's cached approach: one pod list per namespace, a PVC→pod cache, a lookup per claim. */
async function cached(transport: Transport): Promise<Record<string, unknown>> {
  const namespaces = names((await listAll(transport, '/api/v1/namespaces', identity)).items);
  const claims = (await listAll(transport, '/api/v1/persistentvolumeclaims', identity)).items as Array<{ metadata: { name: string; namespace: string } }>;
  const pods: Pod[] = [];
  for (const ns of namespaces) pods.push(...((await listAll(transport, `/api/v1/namespaces/${ns}/pods`, identity)).items as Pod[]));
  const cache = new PvcPodCache();
  cache.build(pods, namespaces);
  let found = 0;
  for (const claim of claims) found += cache.getPodsUsingPvc(claim.metadata.namespace, claim.metadata.name).length;
  return { requests: transport.requests, namespaces: namespaces.length, found };
}

/** (f) client-node's generated API: the same lists through ObjectSerializer (typed objects, Dates). */
async function clientNode(): Promise<Record<string, unknown>> {
  const api = access.kc.makeApiClient(CoreV1Api);
  let requests = 0;
  let objects = 0;
  const page = async <T extends { items: unknown[]; metadata?: { _continue?: string } }>(call: (token?: string) => Promise<T>) => {
    let token: string | undefined;
    do {
      requests++;
      const list = await call(token);
      objects += list.items.length;
      token = list.metadata?._continue || undefined;
    } while (token);
  };
  await Promise.all([
    page((t) => api.listNamespace({ limit: 500, _continue: t })),
    page((t) => api.listPodForAllNamespaces({ limit: 500, _continue: t })),
    page((t) => api.listPersistentVolumeClaimForAllNamespaces({ limit: 500, _continue: t })),
    page((t) => api.listPersistentVolume({ limit: 500, _continue: t })),
  ]);
  return { requests, objects };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  let result: Record<string, unknown>;
  if (mode === 'floor') result = await floor();
  else if (mode === 'lens') result = await lens();
  else if (mode === 'naive') result = await naive(await createTransport(access.kc));
  else if (mode === 'cached') result = await cached(await createTransport(access.kc));
  else if (mode === 'client-node') result = await clientNode();
  else throw new Error(`unknown mode ${mode}`);
  const ms = Math.round(((typeof result.endMs === 'number' ? result.endMs : performance.now()) - t0));
  delete result.endMs;
  console.log(JSON.stringify({ mode, ms, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), ...result }));
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
