// Contract of the demo cluster: a real HTTPS server speaking the Kubernetes API subset Backup Lens reads.
import type { Namespace, PersistentVolume, PersistentVolumeClaim, Pod } from '../model/kube';

/** Any object as the API returns it (Velero's custom resources, apps/v1 workloads). */
export type DemoJson = Record<string, unknown>;

/** Everything the demo cluster serves. ConfigMaps are kept for Velero volume policies. */
export interface DemoObjects {
  namespaces: Namespace[];
  pods: Pod[];
  pvcs: PersistentVolumeClaim[];
  pvs: PersistentVolume[];
  configmaps?: Array<{ metadata?: { name?: string; namespace?: string; labels?: Record<string, string> }; data?: Record<string, string>; binaryData?: Record<string, string> }>;
  /** velero.io/v1 and v2alpha1 objects (served only while the demo serves Velero). */
  schedules?: DemoJson[];
  backups?: DemoJson[];
  backupStorageLocations?: DemoJson[];
  volumeSnapshotLocations?: DemoJson[];
  podVolumeBackups?: DemoJson[];
  backupRepositories?: DemoJson[];
  dataUploads?: DemoJson[];
  /** apps/v1 workloads. */
  deployments?: DemoJson[];
  daemonSets?: DemoJson[];
  /** storage.k8s.io/v1 and snapshot.storage.k8s.io/v1 (cluster-scoped). */
  storageClasses?: DemoJson[];
  volumeSnapshotClasses?: DemoJson[];
}

export type CoreResource = 'namespaces' | 'pods' | 'persistentvolumeclaims' | 'persistentvolumes' | 'configmaps';
export type VeleroResource =
  | 'schedules' | 'backups' | 'backupstoragelocations' | 'volumesnapshotlocations' | 'podvolumebackups' | 'backuprepositories' | 'datauploads';
export type AppsResource = 'deployments' | 'daemonsets';
export type StorageResource = 'storageclasses' | 'volumesnapshotclasses';
export type DemoResource = CoreResource | VeleroResource | AppsResource | StorageResource;

/** Faults switched on for tests. Each counter is consumed by the matching requests, then the fault stops. */
export interface DemoFaults {
  /** 403 for cluster-wide lists of these resources (namespaced lists still work). */
  forbidClusterWide?: DemoResource[];
  /** 403 for namespaced lists/gets/watches of every namespaced resource in these namespaces. */
  forbidNamespaces?: string[];
  /** 403 for every request (list, get, watch, any scope) of these resources, e.g. Velero's. */
  forbidResources?: DemoResource[];
  /** 403 for the discovery documents of API groups (/apis, /apis/<group>[/<version>]). */
  forbidDiscovery?: boolean;
  /** The next N list requests answer 429 with `Retry-After: <retryAfterSeconds>` (default 1). */
  tooManyRequests?: number;
  retryAfterSeconds?: number;
  /** The next N list requests that carry a continue token answer 410 Gone (expired). */
  expireContinue?: number;
  /** The next N list requests answer 500. */
  serverErrors?: number;
  /** Reject every bearer token with 401. */
  rejectAllTokens?: boolean;
  /** Delay each response by this many milliseconds. */
  latencyMs?: number;
}

export interface RequestLogEntry {
  method: string;
  /** Path and query as received, e.g. `/api/v1/pods?limit=500`. */
  url: string;
  status: number;
  /** Milliseconds since the server started. */
  at: number;
}

/** A namespace-limited user of the demo cluster, like a RoleBinding per namespace and no ClusterRole. */
export interface DemoUser {
  /** Name used in 403 messages (default "limited"). */
  name?: string;
  token: string;
  /** Namespaces whose pods, PVCs and configmaps (and the Namespace object itself) this user may get, list and watch. */
  namespaces: string[];
}

export interface DemoClusterOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Objects to serve; default: the seeded scenarios (lib/demo/scenarios.ts). */
  objects?: DemoObjects;
  /** Bearer token required from clients; default a random one. */
  token?: string;
  /** More users, each limited to some namespaces: 403 elsewhere and for cluster-wide lists. */
  users?: DemoUser[];
  /** Where to write a kubeconfig for this server; null: do not write one. Default `.backup-lens/demo.kubeconfig`. */
  kubeconfigPath?: string | null;
  faults?: DemoFaults;
  /** Serve Velero (the velero.io group and its objects); false: a cluster where Velero is not installed. Default true. */
  velero?: boolean;
  /** Serve snapshot.storage.k8s.io (the CSI snapshot CRDs); false: a cluster without them. Default true. */
  snapshotApi?: boolean;
}

export interface DemoCluster {
  /** https://127.0.0.1:PORT */
  url: string;
  token: string;
  /** PEM of the self-signed CA/server certificate (the kubeconfig embeds it). */
  caPem: string;
  kubeconfigPath: string | null;
  kubeconfigYaml: string;
  /** Every request received, in order. */
  requests: RequestLogEntry[];
  setFaults(faults: DemoFaults): void;
  /** Change the served objects; watchers receive ADDED/MODIFIED/DELETED events. */
  upsert(resource: DemoResource, object: Record<string, unknown>): void;
  remove(resource: DemoResource, namespace: string | null, name: string): void;
  close(): Promise<void>;
}
