// Builders of real Kubernetes-shaped objects for the engine's tests (shapes as the API server returns them).
import type { ClusterSnapshot, Container, PersistentVolume, PersistentVolumeClaim, Pod, Volume } from '../model/kube';
import type { PolicyMatch, PolicyTarget, VolumePolicyMatcher } from './policy';
import type { BackupOptions, VolumeVerdict } from './types';
import { decideVolumes } from './verdict';

export interface PodSpecInput {
  volumes?: Volume[];
  /** Volume names mounted by the first regular container; default: every volume except block devices. */
  mounts?: string[];
  devices?: string[];
  initContainers?: Container[];
  containers?: Container[];
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  phase?: string;
  node?: string;
  deletionTimestamp?: string;
}

let uid = 0;

export function pod(namespace: string, name: string, input: PodSpecInput = {}): Pod {
  const volumes = input.volumes ?? [];
  const devices = input.devices ?? [];
  const mounts = input.mounts ?? volumes.map((v) => v.name ?? '').filter((n) => !devices.includes(n));
  const container: Container = {
    name: 'app',
    volumeMounts: mounts.map((m) => ({ name: m, mountPath: `/mnt/${m}` })),
    ...(devices.length ? { volumeDevices: devices.map((d) => ({ name: d, devicePath: `/dev/${d}` })) } : {}),
  };
  return {
    metadata: {
      name,
      namespace,
      uid: `uid-${++uid}`,
      labels: { app: name.replace(/-\d+$/, ''), ...input.labels },
      ...(input.annotations ? { annotations: input.annotations } : {}),
      ...(input.deletionTimestamp ? { deletionTimestamp: input.deletionTimestamp } : {}),
      creationTimestamp: '2026-11-01T10:00:00Z',
    },
    spec: {
      nodeName: input.node ?? 'node-a',
      containers: input.containers ?? [container],
      ...(input.initContainers ? { initContainers: input.initContainers } : {}),
      volumes,
    },
    status: { phase: input.phase ?? 'Running' },
  };
}

export const claimVolume = (name: string, claimName: string): Volume => ({ name, persistentVolumeClaim: { claimName } });
export const emptyDir = (name: string): Volume => ({ name, emptyDir: {} });
export const kubeApiAccess = (suffix = 'x7k2p'): Volume => ({
  name: `kube-api-access-${suffix}`,
  projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }] },
});

export function pvc(namespace: string, name: string, opts: { volumeName?: string; phase?: string; labels?: Record<string, string> } = {}): PersistentVolumeClaim {
  const volumeName = opts.volumeName ?? `pvc-${namespace}-${name}`;
  return {
    metadata: { name, namespace, uid: `uid-${++uid}`, ...(opts.labels ? { labels: opts.labels } : {}) },
    spec: { volumeName, storageClassName: 'standard', volumeMode: 'Filesystem', resources: { requests: { storage: '10Gi' } } },
    status: { phase: opts.phase ?? 'Bound', capacity: { storage: '10Gi' } },
  };
}

export function pv(name: string, source: Record<string, unknown> = { csi: { driver: 'ebs.csi.aws.com', volumeHandle: `vol-${name}` } }): PersistentVolume {
  return {
    metadata: { name },
    spec: { capacity: { storage: '10Gi' }, storageClassName: 'standard', volumeMode: 'Filesystem', ...source },
    status: { phase: 'Bound' },
  };
}

/** A Running node-agent pod of the DaemonSet in the velero namespace. */
export function nodeAgent(node: string): Pod {
  return pod('velero', `node-agent-${node}`, {
    labels: { name: 'node-agent', role: 'node-agent' },
    node,
    volumes: [{ name: 'host-pods', hostPath: { path: '/var/lib/kubelet/pods' } }],
  });
}

/** A snapshot where every claim has its PV, and node-agents run on node-a and node-b. */
export function snapshot(input: { pods?: Pod[]; pvcs?: PersistentVolumeClaim[]; pvs?: PersistentVolume[]; nodeAgents?: string[] }): ClusterSnapshot {
  const pvcs = input.pvcs ?? [];
  const pvs = input.pvs ?? pvcs.filter((c) => c.spec?.volumeName).map((c) => pv(c.spec?.volumeName ?? ''));
  const agents = (input.nodeAgents ?? ['node-a', 'node-b']).map(nodeAgent);
  const pods = [...(input.pods ?? []), ...agents];
  const namespaces = [...new Set(pods.map((p) => p.metadata?.namespace ?? ''))].map((name) => ({ metadata: { name } }));
  return { namespaces, pods, pvcs, pvs, veleroNamespace: 'velero', incomplete: [] };
}

export const OPT_IN: BackupOptions = { defaultVolumesToFsBackup: false, backupExcludePVC: false };
export const OPT_OUT: BackupOptions = { defaultVolumesToFsBackup: true, backupExcludePVC: false };
export const BACKUP = 'backup.velero.io/backup-volumes';
export const EXCLUDES = 'backup.velero.io/backup-volumes-excludes';

export function decide(snap: ClusterSnapshot, options: BackupOptions, policy?: VolumePolicyMatcher) {
  return decideVolumes({ snapshot: snap, options, policy });
}

export function verdictOf(snap: ClusterSnapshot, options: BackupOptions, ref: string, policy?: VolumePolicyMatcher): VolumeVerdict {
  const [namespace, podName, volume] = ref.split('/');
  const found = decide(snap, options, policy).verdicts.find((v) => v.namespace === namespace && v.pod === podName && v.volume === volume);
  if (!found) throw new Error(`no verdict for ${ref}`);
  return found;
}

export const reasonOf = (snap: ClusterSnapshot, options: BackupOptions, ref: string, policy?: VolumePolicyMatcher) =>
  verdictOf(snap, options, ref, policy).reason;

/** A matcher standing in for a parsed policy document: the first rule whose predicate holds wins. */
export function rules(...list: Array<[(t: PolicyTarget) => boolean, PolicyMatch['action']]>): VolumePolicyMatcher {
  return {
    match: (target) => {
      const i = list.findIndex(([when]) => when(target));
      return i < 0 ? null : { index: i + 1, action: (list[i] as [unknown, PolicyMatch['action']])[1] };
    },
  };
}

