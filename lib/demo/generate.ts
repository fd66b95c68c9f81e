// A deterministic generator of large clusters for benchmarks and scale tests: about half the pods use claims,
// some claims shared by two pods, realistic object sizes (managedFields included, as a real server sends).
import type { PersistentVolume, PersistentVolumeClaim, Pod, Volume } from '../model/kube';
import { claim, namespace, pod, pvFor, pvc } from './objects';
import type { DemoObjects } from './types';

export interface GenerateOptions {
  pods: number;
  namespaces?: number;
  seed?: number;
  /** One claim in this many is shared by two pods (default 10). */
  podsPerClaimShare?: number;
  /** Also a namespace with this many single-pod claims, for UI scale tests. */
  bigNamespace?: { name: string; pvcs: number };
}

/** mulberry32: small, fast, seedable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NODES = ['node-a', 'node-b', 'node-c', 'node-d', 'node-e', 'node-f'];
const BACKUP = 'backup.velero.io/backup-volumes';
const EXCLUDES = 'backup.velero.io/backup-volumes-excludes';

export function generateCluster(options: GenerateOptions): DemoObjects {
  const random = prng(options.seed ?? 1);
  const nsCount = Math.max(1, options.namespaces ?? Math.ceil(options.pods / 500));
  const share = options.podsPerClaimShare ?? 10;
  const pods: Pod[] = [];
  const claims: PersistentVolumeClaim[] = [];
  const pvs: PersistentVolume[] = [];
  const names = Array.from({ length: nsCount }, (_, i) => `team-${String(i).padStart(3, '0')}`);

  const lastClaim = new Map<string, string>();
  for (let i = 0; i < options.pods; i++) {
    const ns = names[i % nsCount] as string;
    const app = `svc-${Math.floor(i / nsCount) % 97}`;
    const name = `${app}-${i.toString(36)}`;
    const withClaim = random() < 0.5;
    const volumes: Volume[] = [{ name: 'tmp', emptyDir: {} }];
    const mounts: Record<string, string> = { tmp: '/tmp' };
    let claimName: string | null = null;
    if (withClaim) {
      const previous = lastClaim.get(ns);
      claimName = previous && random() < 1 / share ? previous : `data-${name}`;
      if (claimName !== previous) {
        const c = pvc({ namespace: ns, name: claimName, size: `${1 + Math.floor(random() * 100)}Gi` });
        claims.push(c);
        pvs.push(pvFor(c));
        lastClaim.set(ns, claimName);
      }
      volumes.push(claim('data', claimName));
      mounts.data = '/data';
    }
    const roll = random();
    const annotations: Record<string, string> = roll < 0.4 ? { [BACKUP]: withClaim ? 'data' : 'tmp' } : roll < 0.6 ? { [EXCLUDES]: 'tmp' } : {};
    annotations['kubectl.kubernetes.io/last-applied-configuration'] = JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: app, namespace: ns } });
    pods.push(pod({
      namespace: ns, name, owner: { kind: 'ReplicaSet', name: `${app}-7c9d8f` }, node: NODES[i % NODES.length] as string,
      phase: random() < 0.03 ? 'Pending' : 'Running', labels: { app, 'app.kubernetes.io/part-of': ns, 'pod-template-hash': '7c9d8f' },
      annotations, volumes, containers: [{ name: 'app', mounts }, { name: 'sidecar', image: 'envoyproxy/envoy:v1.31.0' }],
    }));
  }

  if (options.bigNamespace) {
    const { name: ns, pvcs: count } = options.bigNamespace;
    names.push(ns);
    for (let i = 0; i < count; i++) {
      const c = pvc({ namespace: ns, name: `shard-${i}-data` });
      claims.push(c);
      pvs.push(pvFor(c));
      pods.push(pod({ namespace: ns, name: `shard-${i}`, owner: { kind: 'StatefulSet', name: 'shard' }, node: NODES[i % NODES.length] as string,
        annotations: i % 3 === 0 ? { [EXCLUDES]: 'data' } : {}, volumes: [claim('data', c.metadata?.name ?? '')], containers: [{ name: 'db', mounts: { data: '/data' } }] }));
    }
  }

  for (const node of NODES.slice(0, 5)) {
    pods.push(pod({ namespace: 'velero', name: `node-agent-${node}`, owner: { kind: 'DaemonSet', name: 'node-agent' }, node, labels: { name: 'node-agent', role: 'node-agent' },
      volumes: [{ name: 'host-pods', hostPath: { path: '/var/lib/kubelet/pods' } }], containers: [{ name: 'node-agent', mounts: { 'host-pods': '/host_pods' } }] }));
  }
  return { namespaces: [...names, 'velero'].map((n) => namespace(n)), pods, pvcs: claims, pvs, configmaps: [] };
}
