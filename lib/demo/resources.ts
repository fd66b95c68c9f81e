// What the demo cluster serves, per resource: API group and version, kind, scope, short names (as Velero's
// CRDs and the API server declare them) and the DemoObjects field that seeds it.
import type { DemoObjects, DemoResource } from './types';

export interface ResourceInfo {
  group: string;
  version: string;
  kind: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  seed: keyof DemoObjects;
}

export const VELERO_GROUP = 'velero.io';
export const SNAPSHOT_GROUP = 'snapshot.storage.k8s.io';

export const RESOURCE_INFO: Record<DemoResource, ResourceInfo> = {
  namespaces: { group: '', version: 'v1', kind: 'Namespace', singular: 'namespace', namespaced: false, shortNames: ['ns'], seed: 'namespaces' },
  pods: { group: '', version: 'v1', kind: 'Pod', singular: 'pod', namespaced: true, shortNames: ['po'], categories: ['all'], seed: 'pods' },
  persistentvolumeclaims: { group: '', version: 'v1', kind: 'PersistentVolumeClaim', singular: 'persistentvolumeclaim', namespaced: true, shortNames: ['pvc'], seed: 'pvcs' },
  persistentvolumes: { group: '', version: 'v1', kind: 'PersistentVolume', singular: 'persistentvolume', namespaced: false, shortNames: ['pv'], seed: 'pvs' },
  configmaps: { group: '', version: 'v1', kind: 'ConfigMap', singular: 'configmap', namespaced: true, shortNames: ['cm'], seed: 'configmaps' },
  deployments: { group: 'apps', version: 'v1', kind: 'Deployment', singular: 'deployment', namespaced: true, shortNames: ['deploy'], categories: ['all'], seed: 'deployments' },
  daemonsets: { group: 'apps', version: 'v1', kind: 'DaemonSet', singular: 'daemonset', namespaced: true, shortNames: ['ds'], categories: ['all'], seed: 'daemonSets' },
  schedules: { group: VELERO_GROUP, version: 'v1', kind: 'Schedule', singular: 'schedule', namespaced: true, seed: 'schedules' },
  backups: { group: VELERO_GROUP, version: 'v1', kind: 'Backup', singular: 'backup', namespaced: true, seed: 'backups' },
  backupstoragelocations: { group: VELERO_GROUP, version: 'v1', kind: 'BackupStorageLocation', singular: 'backupstoragelocation', namespaced: true, shortNames: ['bsl'], seed: 'backupStorageLocations' },
  volumesnapshotlocations: { group: VELERO_GROUP, version: 'v1', kind: 'VolumeSnapshotLocation', singular: 'volumesnapshotlocation', namespaced: true, shortNames: ['vsl'], seed: 'volumeSnapshotLocations' },
  podvolumebackups: { group: VELERO_GROUP, version: 'v1', kind: 'PodVolumeBackup', singular: 'podvolumebackup', namespaced: true, seed: 'podVolumeBackups' },
  backuprepositories: { group: VELERO_GROUP, version: 'v1', kind: 'BackupRepository', singular: 'backuprepository', namespaced: true, seed: 'backupRepositories' },
  storageclasses: { group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass', singular: 'storageclass', namespaced: false, shortNames: ['sc'], seed: 'storageClasses' },
  volumesnapshotclasses: { group: SNAPSHOT_GROUP, version: 'v1', kind: 'VolumeSnapshotClass', singular: 'volumesnapshotclass', namespaced: false, shortNames: ['vsclass', 'vsclasses'], seed: 'volumeSnapshotClasses' },
  datauploads: { group: VELERO_GROUP, version: 'v2alpha1', kind: 'DataUpload', singular: 'dataupload', namespaced: true, seed: 'dataUploads' },
};

export const ALL_RESOURCES = Object.keys(RESOURCE_INFO) as DemoResource[];

export const apiVersionOf = (resource: DemoResource): string => {
  const { group, version } = RESOURCE_INFO[resource];
  return group ? `${group}/${version}` : version;
};

/** The resources served under one group/version ("" for the core group), in declaration order. */
export function resourcesOf(group: string, version: string, served: (r: DemoResource) => boolean): DemoResource[] {
  return ALL_RESOURCES.filter((r) => RESOURCE_INFO[r].group === group && RESOURCE_INFO[r].version === version && served(r));
}
