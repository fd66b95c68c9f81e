// Plain Kubernetes JSON shapes, only the fields Backup Lens reads. Objects arrive from the API (or the demo
// cluster) as JSON and are slimmed on arrival (lib/k8s/slim.ts); every field may be missing, as on the wire.
import type { StorageObjects } from './storage';
import type { VeleroObjects } from './velero';


export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
  deletionTimestamp?: string | null;
  creationTimestamp?: string | null;
  resourceVersion?: string;
  ownerReferences?: OwnerReference[] | null;
}

export interface OwnerReference {
  kind?: string;
  name?: string;
  controller?: boolean;
}

/** One entry of `pod.spec.volumes`. Source fields are presence-tested: `emptyDir: {}` is present. */
export interface Volume {
  name?: string;
  persistentVolumeClaim?: { claimName?: string; readOnly?: boolean } | null;
  hostPath?: { path?: string; type?: string } | null;
  secret?: { secretName?: string } | null;
  configMap?: { name?: string } | null;
  projected?: Record<string, unknown> | null;
  downwardAPI?: Record<string, unknown> | null;
  emptyDir?: Record<string, unknown> | null;
  ephemeral?: Record<string, unknown> | null;
  nfs?: { server?: string; path?: string; readOnly?: boolean } | null;
  csi?: { driver?: string; volumeAttributes?: Record<string, string> | null } | null;
  [source: string]: unknown;
}

export interface VolumeMount {
  name?: string;
  mountPath?: string;
}

export interface VolumeDevice {
  name?: string;
  devicePath?: string;
}

export interface Container {
  name?: string;
  volumeMounts?: VolumeMount[] | null;
  volumeDevices?: VolumeDevice[] | null;
  restartPolicy?: string;
}

export interface PodSpec {
  nodeName?: string;
  volumes?: Volume[] | null;
  containers?: Container[] | null;
  initContainers?: Container[] | null;
  ephemeralContainers?: Container[] | null;
}

export interface Pod {
  metadata?: ObjectMeta;
  spec?: PodSpec;
  status?: { phase?: string };
}

export interface PersistentVolumeClaim {
  metadata?: ObjectMeta;
  spec?: {
    volumeName?: string;
    storageClassName?: string | null;
    volumeMode?: string;
    resources?: { requests?: Record<string, string> };
  };
  status?: { phase?: string; capacity?: Record<string, string> };
}

export interface PersistentVolume {
  metadata?: ObjectMeta;
  spec?: {
    capacity?: Record<string, string>;
    storageClassName?: string;
    volumeMode?: string;
    claimRef?: { namespace?: string; name?: string } | null;
    hostPath?: { path?: string } | null;
    local?: { path?: string } | null;
    nfs?: { server?: string; path?: string } | null;
    csi?: { driver?: string; volumeHandle?: string; volumeAttributes?: Record<string, string> | null } | null;
    [source: string]: unknown;
  };
  status?: { phase?: string };
}

export interface Namespace {
  metadata?: ObjectMeta;
  status?: { phase?: string };
}

/** What could not be read: partial failure as data, never an exception. */
export type ReadResource =
  | 'namespaces' | 'pods' | 'persistentvolumeclaims' | 'persistentvolumes' | 'configmaps'
  | 'schedules' | 'backups' | 'backupstoragelocations' | 'volumesnapshotlocations' | 'podvolumebackups'
  | 'deployments' | 'daemonsets' | 'datauploads' | 'storageclasses' | 'volumesnapshotclasses';

export interface IncompleteRead {
  resource: ReadResource;
  namespace: string | null;
  status: number | null;
  message: string;
}

/** Everything one scan read. Lists are in the order received; the engine sorts what it needs itself. */
export interface ClusterSnapshot {
  namespaces: Namespace[];
  pods: Pod[];
  pvcs: PersistentVolumeClaim[];
  pvs: PersistentVolume[];
  /** The namespace Velero runs in (node-agent pods live there). */
  veleroNamespace: string;
  /** Velero's own objects; absent when the source did not read them (older snapshots, unit fixtures). */
  velero?: VeleroObjects;
  /** StorageClasses and VolumeSnapshotClasses; absent when the source did not read them (older snapshots, unit fixtures). */
  storage?: StorageObjects;
  incomplete: IncompleteRead[];
}
