// Operator-facing notices about the Velero part of a snapshot: Velero not installed, discovery refused, and each
// unreadable list with its HTTP status and the assumption used instead (velero-objects.md b.4). Pure.
import type { ClusterSnapshot, ReadResource } from '../model/kube';

export type VeleroResource = Extract<ReadResource,
  'schedules' | 'backups' | 'backupstoragelocations' | 'volumesnapshotlocations' | 'podvolumebackups' | 'configmaps' | 'deployments' | 'daemonsets'
  | 'datauploads' | 'storageclasses' | 'volumesnapshotclasses'>;
/** Cluster-scoped lists of the storage side (their IncompleteRead has namespace null). */
const CLUSTER_SCOPED: ReadonlySet<string> = new Set(['storageclasses', 'volumesnapshotclasses']);

export type VeleroNotice =
  | { kind: 'notInstalled'; message: string; assumption: string }
  | { kind: 'discoveryFailed'; status: number | null; message: string; assumption: string }
  | { kind: 'unreadable'; resource: VeleroResource; namespace: string | null; status: number | null; message: string; assumption: string };

const WHAT: Record<VeleroResource, { label: string; assumption: string }> = {
  schedules: { label: 'Schedules', assumption: 'Schedules are not known: predictions use the what-if options only.' },
  backups: { label: 'Backups', assumption: 'Past backups are not shown, and server defaults are not inferred from processed Backups.' },
  backupstoragelocations: {
    label: 'BackupStorageLocations',
    assumption: 'The backup storage location is assumed to exist and be Available (a real backup fails validation when it is not).',
  },
  volumesnapshotlocations: {
    label: 'VolumeSnapshotLocations',
    assumption: 'No volume snapshot location is known: native (VolumeSnapshotter) snapshots are assumed not to be taken.',
  },
  podvolumebackups: { label: 'PodVolumeBackups', assumption: 'Predictions are not compared with what the last backups actually copied.' },
  configmaps: {
    label: 'ConfigMaps',
    assumption: 'Resource policies cannot be read: a schedule that names one shows its policy as not readable, and its volumes cannot be predicted.',
  },
  deployments: {
    label: 'Deployments',
    assumption: "Velero's server flags are assumed at Velero's defaults: default-volumes-to-fs-backup=false, default-snapshot-move-data=false, "
      + 'EnableCSI off, uploader kopia, one item-block worker.',
  },
  datauploads: { label: 'DataUploads', assumption: 'The data mover\'s results are not compared with the prediction (no DataUpload phase is shown).' },
  storageclasses: {
    label: 'StorageClasses',
    assumption: 'Each claim\'s StorageClass is assumed to exist, with its PV\'s CSI driver as provisioner (CSI snapshot class choice may differ).',
  },
  volumesnapshotclasses: { label: 'VolumeSnapshotClasses', assumption: 'A VolumeSnapshotClass is assumed to exist for every CSI driver.' },
  daemonsets: {
    label: 'DaemonSets',
    assumption: 'The node-agent DaemonSet is not shown; which nodes run a node-agent is still read from its pods (label role=node-agent).',
  },
};

const isVeleroResource = (resource: ReadResource): resource is VeleroResource => resource in WHAT;

/** Notices for the Velero part of `snapshot`; none when the source did not read Velero at all. */
export function veleroNotices(snapshot: Pick<ClusterSnapshot, 'velero' | 'incomplete' | 'veleroNamespace'>): VeleroNotice[] {
  const velero = snapshot.velero;
  if (!velero) return [];
  const notices: VeleroNotice[] = [];
  if (velero.discoveryError) {
    const { status, message } = velero.discoveryError;
    notices.push({
      kind: 'discoveryFailed', status,
      message: `Could not check whether Velero is installed: the API server answered ${status ?? 'nothing'} to GET /apis${message ? ` (${message})` : ''}.`,
      assumption: velero.installed
        ? "Velero's lists were read directly, and Velero is taken as installed."
        : 'Every velero.io list answered 404 Not Found, so Velero is taken as not installed; predictions use what-if options.',
    });
  }
  if (!velero.installed) {
    notices.push({
      kind: 'notInstalled',
      message: 'Velero is not installed in this cluster (the API server does not serve velero.io); predictions use what-if options.',
      assumption: 'Backup options come from the what-if controls, with Velero\'s server defaults.',
    });
  }
  for (const entry of snapshot.incomplete) {
    if (!isVeleroResource(entry.resource)) continue;
    const cluster = CLUSTER_SCOPED.has(entry.resource);
    if (cluster ? entry.namespace !== null : entry.namespace !== snapshot.veleroNamespace) continue;
    const what = WHAT[entry.resource];
    notices.push({
      kind: 'unreadable', resource: entry.resource, namespace: entry.namespace, status: entry.status,
      message: `${what.label} ${cluster ? 'of the cluster' : `in the namespace ${entry.namespace}`} could not be read (HTTP ${entry.status ?? 'error'}${entry.message ? `: ${entry.message}` : ''}).`,
      assumption: what.assumption,
    });
  }
  return notices;
}
