// Slimming of Velero's objects and the Velero namespace's ConfigMaps and workloads, as they arrive: only the
// fields lib/model/velero.ts has. Values of the wrong JSON type are dropped (absent = Velero's nil).
import type { ObjectMeta } from '../model/kube';
import type {
  Backup, BackupSpec, BackupStatus, BackupStorageLocation, ConfigMap, PodVolumeBackup, Schedule, VolumeSnapshotLocation, Workload, WorkloadContainer,
} from '../model/velero';
import { slimMeta } from './slim';

type Json = Record<string, unknown>;
const obj = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const bool = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined);
const stringMap = (value: unknown): Record<string, string> | undefined => {
  const o = obj(value);
  if (!o) return undefined;
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string'));
};

/** Copies the keys whose values pass `read`, leaving absent what is absent or mistyped. */
function pick<T extends object>(from: Json, readers: { [K in keyof T]?: (value: unknown) => T[K] | undefined }): T {
  const out: Partial<T> = {};
  for (const key of Object.keys(readers) as Array<keyof T>) {
    const value = (readers[key] as (value: unknown) => T[keyof T] | undefined)(from[key as string]);
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

const STRING_LISTS = ['includedNamespaces', 'excludedNamespaces', 'includedResources', 'excludedResources', 'includedClusterScopedResources',
  'excludedClusterScopedResources', 'includedNamespaceScopedResources', 'excludedNamespaceScopedResources', 'volumeSnapshotLocations'] as const;
const BOOLEANS = ['includeClusterResources', 'snapshotVolumes', 'defaultVolumesToFsBackup', 'defaultVolumesToRestic', 'snapshotMoveData'] as const;
const STRINGS = ['datamover', 'storageLocation', 'volumeGroupSnapshotLabelKey', 'ttl'] as const;

export function slimBackupSpec(raw: unknown): BackupSpec {
  const s = obj(raw) ?? {};
  const spec: BackupSpec = {};
  for (const key of STRING_LISTS) if (strings(s[key])) spec[key] = strings(s[key]);
  for (const key of BOOLEANS) if (bool(s[key]) !== undefined) spec[key] = bool(s[key]);
  for (const key of STRINGS) if (str(s[key]) !== undefined) spec[key] = str(s[key]);
  const labels = stringMap(obj(s.metadata)?.labels);
  if (obj(s.metadata)) spec.metadata = labels ? { labels } : {};
  if (obj(s.labelSelector)) spec.labelSelector = obj(s.labelSelector);
  if (Array.isArray(s.orLabelSelectors)) spec.orLabelSelectors = s.orLabelSelectors.map((sel) => obj(sel) ?? {});
  const policy = obj(s.resourcePolicy);
  if (policy) spec.resourcePolicy = pick(policy, { apiGroup: str, kind: str, name: str });
  if (stringMap(s.orderedResources)) spec.orderedResources = stringMap(s.orderedResources);
  if (s.hooks !== undefined && s.hooks !== null) spec.hooks = s.hooks;
  return spec;
}

export function slimSchedule(raw: unknown): Schedule {
  const o = obj(raw) ?? {};
  const spec = obj(o.spec) ?? {};
  return {
    metadata: slimMeta(o.metadata, true),
    spec: { ...pick(spec, { schedule: str, paused: bool, useOwnerReferencesInBackup: bool, skipImmediately: bool }), template: slimBackupSpec(spec.template) },
    status: pick(obj(o.status) ?? {}, { phase: str, validationErrors: strings, lastBackup: str, lastSkipped: str }),
  };
}

const progress = (value: unknown) => (obj(value) ? pick(obj(value) as Json, { totalItems: num, itemsBackedUp: num }) : undefined);

export function slimBackup(raw: unknown): Backup {
  const o = obj(raw) ?? {};
  const status = pick<BackupStatus>(obj(o.status) ?? {}, {
    phase: str, validationErrors: strings, startTimestamp: str, completionTimestamp: str, expiration: str, errors: num, warnings: num, failureReason: str,
    volumeSnapshotsAttempted: num, volumeSnapshotsCompleted: num, csiVolumeSnapshotsAttempted: num, csiVolumeSnapshotsCompleted: num,
    backupItemOperationsAttempted: num, backupItemOperationsCompleted: num, backupItemOperationsFailed: num,
    hookStatus: (v) => (obj(v) ? pick(obj(v) as Json, { hooksAttempted: num, hooksFailed: num }) : undefined), progress,
  });
  return { metadata: slimMeta(o.metadata, true), spec: slimBackupSpec(o.spec), status };
}

export function slimBackupStorageLocation(raw: unknown): BackupStorageLocation {
  const o = obj(raw) ?? {};
  const spec = obj(o.spec) ?? {};
  return {
    metadata: slimMeta(o.metadata, false),
    // spec.credential names a Secret: it is not kept (and never followed).
    spec: pick(spec, { provider: str, default: bool, accessMode: str, objectStorage: (v) => (obj(v) ? pick(obj(v) as Json, { bucket: str, prefix: str }) : undefined) }),
    status: pick(obj(o.status) ?? {}, { phase: str, message: str, lastValidationTime: str }),
  };
}

export function slimVolumeSnapshotLocation(raw: unknown): VolumeSnapshotLocation {
  const o = obj(raw) ?? {};
  return { metadata: slimMeta(o.metadata, false), spec: pick(obj(o.spec) ?? {}, { provider: str, config: stringMap }), status: pick(obj(o.status) ?? {}, { phase: str }) };
}

const PVB_LABELS = ['velero.io/backup-name', 'velero.io/backup-uid', 'velero.io/pvc-uid'];

/** PodVolumeBackups can number tens of thousands: name, the three labels, the claim annotation, pod, volume, outcome (no uid, kind or tags). */
export function slimPodVolumeBackup(raw: unknown): PodVolumeBackup {
  const o = obj(raw) ?? {};
  const m = obj(o.metadata) ?? {};
  const labels = stringMap(m.labels) ?? {};
  const metadata: ObjectMeta = pick(m, { name: str, namespace: str });
  metadata.labels = Object.fromEntries(PVB_LABELS.filter((k) => labels[k] !== undefined).map((k) => [k, labels[k] as string]));
  const claim = stringMap(m.annotations)?.['velero.io/pvc-name'];
  if (claim !== undefined) metadata.annotations = { 'velero.io/pvc-name': claim };
  const spec = obj(o.spec) ?? {};
  const pod = obj(spec.pod);
  return {
    metadata,
    spec: { ...pick(spec, { node: str, volume: str, backupStorageLocation: str, uploaderType: str }), ...(pod ? { pod: pick(pod, { namespace: str, name: str, uid: str }) } : {}) },
    status: pick(obj(o.status) ?? {}, {
      phase: str, message: str, snapshotID: str, startTimestamp: str, completionTimestamp: str,
      progress: (v) => (obj(v) ? pick(obj(v) as Json, { totalBytes: num, bytesDone: num }) : undefined),
    }),
  };
}

/** `data` is kept whole (a policy is one of its values); `binaryData` only by its keys, as Velero ignores it. */
export function slimConfigMap(raw: unknown): ConfigMap {
  const o = obj(raw) ?? {};
  const out: ConfigMap = { metadata: slimMeta(o.metadata, false), data: stringMap(o.data) ?? null };
  const binary = obj(o.binaryData);
  if (binary) out.binaryDataKeys = Object.keys(binary);
  return out;
}

const container = (raw: unknown): WorkloadContainer => pick(obj(raw) ?? {}, { name: str, image: str, command: strings, args: strings });
const containers = (value: unknown) => (Array.isArray(value) ? value.map(container) : undefined);

/** Deployment or DaemonSet: selector, pod labels, containers' command and args (never env: it may hold credentials). */
export function slimWorkload(raw: unknown): Workload {
  const o = obj(raw) ?? {};
  const spec = obj(o.spec) ?? {};
  const template = obj(spec.template) ?? {};
  const podSpec = obj(template.spec) ?? {};
  const labels = stringMap(obj(template.metadata)?.labels);
  return {
    metadata: slimMeta(o.metadata, false),
    spec: {
      ...(obj(spec.selector) ? { selector: obj(spec.selector) } : {}),
      template: {
        metadata: labels ? { labels } : {},
        spec: pick(podSpec, { containers, initContainers: containers, serviceAccountName: str }),
      },
    },
    status: pick(obj(o.status) ?? {}, { replicas: num, readyReplicas: num, desiredNumberScheduled: num, numberReady: num }),
  };
}
