// Builders of real Kubernetes JSON for the demo cluster: what an API server returns for workloads made by
// controllers (uids, timestamps, owner references, kube-api-access volumes, managedFields).
import { createHash } from 'node:crypto';
import type { Namespace, PersistentVolume, PersistentVolumeClaim, Pod, Volume } from '../model/kube';

const CREATED = '2026-10-02T08:15:00Z';

export function uid(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const suffix = (seed: string) => createHash('sha1').update(seed).digest('hex').replace(/[0-9]/g, (d) => 'bcdfghjklm'[Number(d)] ?? 'x').slice(0, 5);

export function namespace(name: string, labels: Record<string, string> = {}): Namespace {
  return { metadata: { name, uid: uid(`ns/${name}`), creationTimestamp: CREATED, labels: { 'kubernetes.io/metadata.name': name, ...labels } }, status: { phase: 'Active' } };
}

/** The projected service-account volume every pod gets from the API server. */
export function kubeApiAccess(seed: string): Volume {
  return {
    name: `kube-api-access-${suffix(seed)}`,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

export interface ContainerInput {
  name: string;
  image?: string;
  mounts?: Record<string, string>;
  devices?: Record<string, string>;
  restartPolicy?: 'Always';
}

export interface PodInput {
  namespace: string;
  name: string;
  owner?: { kind: string; name: string };
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  node?: string | null;
  phase?: string;
  volumes?: Volume[];
  containers: ContainerInput[];
  initContainers?: ContainerInput[];
  deletionTimestamp?: string;
  /** Add the kube-api-access projected volume (default true). */
  serviceAccountVolume?: boolean;
  managedFields?: boolean;
}

function container(input: ContainerInput, apiAccess: string | null) {
  const mounts = Object.entries(input.mounts ?? {}).map(([name, mountPath]) => ({ name, mountPath }));
  if (apiAccess) mounts.push({ name: apiAccess, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true } as { name: string; mountPath: string });
  return {
    name: input.name,
    image: input.image ?? `registry.example.com/${input.name}:1.4.2`,
    imagePullPolicy: 'IfNotPresent',
    resources: { requests: { cpu: '100m', memory: '128Mi' } },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...(input.restartPolicy ? { restartPolicy: input.restartPolicy } : {}),
    volumeMounts: mounts,
    ...(input.devices ? { volumeDevices: Object.entries(input.devices).map(([name, devicePath]) => ({ name, devicePath })) } : {}),
  };
}

export function pod(input: PodInput): Pod {
  const apiAccess = input.serviceAccountVolume === false ? null : kubeApiAccess(`${input.namespace}/${input.name}`);
  const phase = input.phase ?? 'Running';
  const node = input.node === undefined ? 'node-a' : input.node;
  const object = {
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid: uid(`pod/${input.namespace}/${input.name}`),
      creationTimestamp: CREATED,
      labels: input.labels ?? { app: input.owner?.name ?? input.name },
      ...(input.annotations ? { annotations: input.annotations } : {}),
      ...(input.deletionTimestamp ? { deletionTimestamp: input.deletionTimestamp, deletionGracePeriodSeconds: 30 } : {}),
      ...(input.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: input.owner.kind, name: input.owner.name, uid: uid(`owner/${input.namespace}/${input.owner.name}`), controller: true, blockOwnerDeletion: true }] } : {}),
      ...(input.managedFields !== false ? { managedFields: [{ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'v1', time: CREATED, fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': {} }, 'f:spec': { 'f:containers': {} } } }] } : {}),
    },
    spec: {
      ...(node ? { nodeName: node } : {}),
      serviceAccountName: 'default',
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      ...(input.initContainers ? { initContainers: input.initContainers.map((c) => container(c, null)) } : {}),
      containers: input.containers.map((c) => container(c, apiAccess?.name ?? null)),
      volumes: [...(input.volumes ?? []), ...(apiAccess ? [apiAccess] : [])],
    },
    status: {
      phase,
      qosClass: 'Burstable',
      ...(phase === 'Running' ? { conditions: [{ type: 'Ready', status: 'True' }], podIP: '10.244.1.17', startTime: CREATED } : {}),
    },
  };
  return object as Pod;
}

export const claim = (name: string, claimName: string): Volume => ({ name, persistentVolumeClaim: { claimName } });

export interface ClaimInput {
  namespace: string;
  name: string;
  size?: string;
  storageClass?: string;
  /** PV name; null: unbound (Pending). Default pvc-<uid>. */
  volumeName?: string | null;
  phase?: string;
  volumeMode?: 'Filesystem' | 'Block';
  labels?: Record<string, string>;
}

export function pvc(input: ClaimInput): PersistentVolumeClaim {
  const volumeName = input.volumeName === undefined ? `pvc-${uid(`pvc/${input.namespace}/${input.name}`)}` : input.volumeName;
  const size = input.size ?? '10Gi';
  return {
    metadata: { name: input.name, namespace: input.namespace, uid: uid(`pvc/${input.namespace}/${input.name}`), creationTimestamp: CREATED, ...(input.labels ? { labels: input.labels } : {}) },
    spec: { ...(volumeName ? { volumeName } : {}), storageClassName: input.storageClass ?? 'gp3', volumeMode: input.volumeMode ?? 'Filesystem', resources: { requests: { storage: size } } },
    status: { phase: input.phase ?? (volumeName ? 'Bound' : 'Pending'), ...(volumeName ? { capacity: { storage: size } } : {}) },
  } as PersistentVolumeClaim;
}

/** The PV bound to a claim; `source` defaults to an EBS CSI volume. */
export function pvFor(claimObject: PersistentVolumeClaim, source?: Record<string, unknown>): PersistentVolume {
  const name = claimObject.spec?.volumeName ?? '';
  return {
    metadata: { name, uid: uid(`pv/${name}`), creationTimestamp: CREATED },
    spec: {
      capacity: { storage: claimObject.spec?.resources?.requests?.storage ?? '10Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: claimObject.spec?.storageClassName ?? 'gp3',
      volumeMode: claimObject.spec?.volumeMode ?? 'Filesystem',
      claimRef: { kind: 'PersistentVolumeClaim', namespace: claimObject.metadata?.namespace, name: claimObject.metadata?.name },
      ...(source ?? { csi: { driver: 'ebs.csi.aws.com', volumeHandle: `vol-${uid(name).slice(0, 17).replace(/-/g, '')}`, fsType: 'ext4', volumeAttributes: { type: 'gp3' } } }),
    },
    status: { phase: 'Bound' },
  } as PersistentVolume;
}
