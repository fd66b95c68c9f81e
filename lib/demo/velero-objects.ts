// Builders of Velero's objects as the API returns them: a Schedule, the Backup it created after the backup
// controller patched its spec (velero-objects.md a.1, a.2, a.8), and a PodVolumeBackup (d.2).
import { createHash } from 'node:crypto';
import type { Pod } from '../model/kube';
import { uid } from './objects';
import type { DemoJson } from './types';

const NS = 'velero';
const J = (v: unknown) => v as DemoJson;
const shortHash = (seed: string) => createHash('sha1').update(seed).digest('hex').replace(/[0-9]/g, (d) => 'bcdfghjklm'[Number(d)] ?? 'x').slice(0, 5);
/** Namespaces labelled velero.io/exclude-from-backup=true in the seeded cluster (appended at a.2 step 8). */
const EXCLUDED_BY_LABEL = ['scratch'];
const SNAPSHOT_TYPES = { ns: 'volumesnapshots.snapshot.storage.k8s.io', cluster: 'volumesnapshotcontents.snapshot.storage.k8s.io' };

export function schedule(name: string, cron: string, lastBackup: string, template: DemoJson, extra: { labels?: Record<string, string>; paused?: boolean } = {}): DemoJson {
  return {
    apiVersion: 'velero.io/v1', kind: 'Schedule',
    metadata: { name, namespace: NS, uid: uid(`schedule/${name}`), creationTimestamp: '2026-10-01T12:30:00Z', generation: 2, ...(extra.labels ? { labels: extra.labels } : {}) },
    spec: {
      schedule: cron, useOwnerReferencesInBackup: false, paused: extra.paused ?? false, skipImmediately: false,
      template: { metadata: {}, ttl: '720h0m0s', csiSnapshotTimeout: '0s', itemOperationTimeout: '0s', hooks: {}, ...template },
    },
    status: { phase: 'Enabled', lastBackup },
  };
}

/** The processed spec: the template plus what prepareBackupRequest patches in with the demo's server flags. */
function processedSpec(template: DemoJson): DemoJson {
  const spec: DemoJson = { ...template };
  const list = (key: string) => (Array.isArray(spec[key]) ? (spec[key] as string[]) : []);
  if (!spec.ttl || spec.ttl === '0s') spec.ttl = '720h0m0s';
  spec.volumeGroupSnapshotLabelKey ??= 'velero.io/volume-group';
  if (!spec.csiSnapshotTimeout || spec.csiSnapshotTimeout === '0s') spec.csiSnapshotTimeout = '10m0s';
  if (!spec.itemOperationTimeout || spec.itemOperationTimeout === '0s') spec.itemOperationTimeout = '4h0m0s';
  spec.defaultVolumesToFsBackup ??= false;
  spec.snapshotMoveData ??= false;
  spec.storageLocation ||= 'default';
  spec.volumeSnapshotLocations = ['default'];
  spec.excludedNamespaces = [...list('excludedNamespaces'), ...EXCLUDED_BY_LABEL];
  const oldStyle = spec.includeClusterResources != null || list('includedResources').length > 0 || list('excludedResources').length > 0;
  if (oldStyle) spec.excludedResources = [...list('excludedResources'), SNAPSHOT_TYPES.ns, SNAPSHOT_TYPES.cluster];
  else {
    spec.excludedNamespaceScopedResources = [...list('excludedNamespaceScopedResources'), SNAPSHOT_TYPES.ns];
    spec.excludedClusterScopedResources = [...list('excludedClusterScopedResources'), SNAPSHOT_TYPES.cluster];
  }
  if (list('includedNamespaces').length === 0) spec.includedNamespaces = ['*'];
  if (spec.resourcePolicy) spec.resourcePolicy = { kind: 'configmap', name: J(spec.resourcePolicy).name };
  return spec;
}

export interface BackupOutcome {
  phase: 'Completed' | 'PartiallyFailed' | 'FailedValidation';
  errors?: number;
  warnings?: number;
  items?: number;
  csi?: number;
  /** Native (VolumeSnapshotter) snapshots taken. */
  native?: number;
  /** DataUploads made (data mover): async operations, no csiVolumeSnapshotsAttempted. */
  dataUploads?: number;
  validationErrors?: string[];
}

/** `<schedule>-<yyyymmddhhmmss>`: the timestamps follow from the name. */
export function backup(fromSchedule: DemoJson, name: string, outcome: BackupOutcome): DemoJson {
  const scheduleMeta = J(fromSchedule.metadata);
  const scheduleName = String(scheduleMeta.name);
  const stamp = /(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(name);
  if (!stamp) throw new Error(`velero-objects: backup name ${name} does not end in a yyyymmddhhmmss timestamp`);
  const at = (plusSeconds: number) => new Date(Date.UTC(+stamp[1]!, +stamp[2]! - 1, +stamp[3]!, +stamp[4]!, +stamp[5]!, +stamp[6]! + plusSeconds)).toISOString().replace('.000', '');
  const template = J(J(fromSchedule.spec).template);
  const labels = { ...(J(template.metadata).labels as Record<string, string> | undefined ?? scheduleMeta.labels as Record<string, string> | undefined ?? {}) };
  const ran = outcome.phase !== 'FailedValidation';
  return {
    apiVersion: 'velero.io/v1', kind: 'Backup',
    metadata: {
      name, namespace: NS, uid: uid(`backup/${name}`), creationTimestamp: at(0), generation: 6,
      labels: { ...labels, 'velero.io/schedule-name': scheduleName, 'velero.io/storage-location': 'default' },
      annotations: { 'velero.io/resource-timeout': '10m0s', 'velero.io/source-cluster-k8s-gitversion': 'v1.33.0-backup-lens-demo',
        'velero.io/source-cluster-k8s-major-version': '1', 'velero.io/source-cluster-k8s-minor-version': '33' },
    },
    spec: processedSpec(template),
    status: ran
      ? {
        phase: outcome.phase, formatVersion: '1.1.0', version: 1, expiration: at(30 * 86400), startTimestamp: at(1), completionTimestamp: at(449),
        errors: outcome.errors ?? 0, warnings: outcome.warnings ?? 0, progress: { totalItems: outcome.items ?? 0, itemsBackedUp: outcome.items ?? 0 },
        volumeSnapshotsAttempted: outcome.native ?? 0, volumeSnapshotsCompleted: outcome.native ?? 0, csiVolumeSnapshotsAttempted: outcome.csi ?? 0, csiVolumeSnapshotsCompleted: outcome.csi ?? 0,
        backupItemOperationsAttempted: (outcome.csi ?? 0) + (outcome.dataUploads ?? 0), backupItemOperationsCompleted: (outcome.csi ?? 0) + (outcome.dataUploads ?? 0), hookStatus: {},
      }
      : { phase: 'FailedValidation', formatVersion: '1.1.0', version: 1, expiration: at(30 * 86400), validationErrors: outcome.validationErrors ?? [] },
  };
}

/** A PodVolumeBackup of `ofBackup` for one pod volume; `outcome` failed or empty, else Completed with a snapshot. */
export function podVolumeBackup(ofBackup: DemoJson, pod: Pod, volume: string, claim: string | null, outcome?: 'failed' | 'empty'): DemoJson {
  const backupMeta = J(ofBackup.metadata);
  const backupName = String(backupMeta.name);
  const backupUid = String(backupMeta.uid);
  const namespace = pod.metadata?.namespace ?? '';
  const podName = pod.metadata?.name ?? '';
  const podUid = pod.metadata?.uid ?? '';
  const pvcUid = claim ? uid(`pvc/${namespace}/${claim}`) : null;
  const start = String(J(ofBackup.status).startTimestamp);
  const shift = (seconds: number) => new Date(Date.parse(start) + seconds * 1000).toISOString().replace('.000', '');
  const bytes = 1_073_741_824;
  const status: DemoJson = outcome === 'failed'
    ? { phase: 'Failed', message: 'data path backup failed: Failed to run kopia backup: unable to read /host_pods/' + podUid + '/volumes/kubernetes.io~csi/' + volume + ': input/output error',
      startTimestamp: shift(40), completionTimestamp: shift(95), progress: { totalBytes: bytes, bytesDone: bytes / 4 } }
    : outcome === 'empty'
      ? { phase: 'Completed', message: 'volume was empty so no snapshot was taken', startTimestamp: shift(40), completionTimestamp: shift(41), progress: {} }
      : { phase: 'Completed', snapshotID: shortHash(`${backupName}/${podUid}/${volume}`) + '0c2b4b7e8f55', path: `/host_pods/${podUid}/volumes/kubernetes.io~csi/pvc/mount`,
        startTimestamp: shift(40), completionTimestamp: shift(200), progress: { totalBytes: bytes, bytesDone: bytes }, incrementalBytes: 52_428_800 };
  return {
    apiVersion: 'velero.io/v1', kind: 'PodVolumeBackup',
    metadata: {
      name: `${backupName}-${shortHash(`${namespace}/${podName}/${volume}`)}`, generateName: `${backupName}-`, namespace: NS,
      uid: uid(`pvb/${backupName}/${namespace}/${podName}/${volume}`), creationTimestamp: shift(30),
      labels: { 'velero.io/backup-name': backupName, 'velero.io/backup-uid': backupUid, ...(pvcUid ? { 'velero.io/pvc-uid': pvcUid } : {}) },
      ...(claim ? { annotations: { 'velero.io/pvc-name': claim } } : {}),
      ownerReferences: [{ apiVersion: 'velero.io/v1', kind: 'Backup', name: backupName, uid: backupUid, controller: true }],
    },
    spec: {
      node: pod.spec?.nodeName ?? '', pod: { kind: 'Pod', namespace, name: podName, uid: podUid }, volume,
      backupStorageLocation: 'default', repoIdentifier: '', uploaderType: 'kopia',
      tags: { backup: backupName, 'backup-uid': backupUid, ns: namespace, pod: podName, 'pod-uid': podUid, volume, ...(pvcUid ? { 'pvc-uid': pvcUid } : {}) },
      uploaderSettings: {},
    },
    status,
  };
}

/** The DataUpload the CSI PVC action makes for one claim when snapshotMoveData is on (d.3), Completed. */
export function dataUpload(ofBackup: DemoJson, namespace: string, claim: string, node: string): DemoJson {
  const backupMeta = J(ofBackup.metadata);
  const backupName = String(backupMeta.name);
  const backupUid = String(backupMeta.uid);
  const pvcUid = uid(`pvc/${namespace}/${claim}`);
  const start = String(J(ofBackup.status).startTimestamp);
  const shift = (seconds: number) => new Date(Date.parse(start) + seconds * 1000).toISOString().replace('.000', '');
  const bytes = 21_474_836_480;
  return {
    apiVersion: 'velero.io/v2alpha1', kind: 'DataUpload',
    metadata: {
      name: `${backupName}-${shortHash(`du/${namespace}/${claim}`)}`, generateName: `${backupName}-`, namespace: NS, uid: uid(`du/${backupName}/${namespace}/${claim}`), creationTimestamp: shift(20),
      labels: { 'velero.io/backup-name': backupName, 'velero.io/backup-uid': backupUid, 'velero.io/pvc-uid': pvcUid, 'velero.io/async-operation-id': `du-${backupUid}.${pvcUid}` },
      ownerReferences: [{ apiVersion: 'velero.io/v1', kind: 'Backup', name: backupName, uid: backupUid, controller: true }],
    },
    spec: {
      snapshotType: 'CSI', sourcePVC: claim, sourceNamespace: namespace, backupStorageLocation: 'default', operationTimeout: '10m0s',
      csiSnapshot: { volumeSnapshot: `velero-${claim}-${shortHash(`vs/${backupName}/${claim}`)}`, storageClass: 'gp3', snapshotClass: 'ebs-vsc', driver: 'ebs.csi.aws.com' },
    },
    status: { phase: 'Completed', node, snapshotID: shortHash(`du/${backupName}/${claim}`) + '9f0e4b7c', startTimestamp: shift(25), completionTimestamp: shift(310),
      progress: { totalBytes: bytes, bytesDone: bytes } },
  };
}
