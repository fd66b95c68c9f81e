// The storage side, read beside the core lists: StorageClasses (storage.k8s.io/v1, always served) and, when
// discovery serves snapshot.storage.k8s.io/v1, VolumeSnapshotClasses, both cluster-wide. A group that is not served
// is a state ('notServed', no classes), not an error; 403 → that list null + an IncompleteRead.
import type { IncompleteRead } from '../model/kube';
import type { StorageObjects } from '../model/storage';
import { ApiStatusError } from './errors';
import { listAll, type ListOptions } from './list-all';
import { slimStorageClass, slimVolumeSnapshotClass } from './slim-storage';
import type { Transport } from './transport';
import { serves, type GroupDiscovery } from './velero-read';

export const SNAPSHOT_GROUP = 'snapshot.storage.k8s.io';

export interface StorageList {
  field: 'storageClasses' | 'volumeSnapshotClasses';
  resource: 'storageclasses' | 'volumesnapshotclasses';
  path: string;
  slim(raw: unknown): unknown;
}

export const STORAGE_LISTS: readonly StorageList[] = [
  { field: 'storageClasses', resource: 'storageclasses', path: '/apis/storage.k8s.io/v1/storageclasses', slim: slimStorageClass },
  { field: 'volumeSnapshotClasses', resource: 'volumesnapshotclasses', path: `/apis/${SNAPSHOT_GROUP}/v1/volumesnapshotclasses`, slim: slimVolumeSnapshotClass },
];

export interface StorageRead {
  storage: StorageObjects;
  incomplete: IncompleteRead[];
  resourceVersions: Partial<Record<StorageList['field'], string>>;
}

export async function readStorage(transport: Transport, discovery: Promise<GroupDiscovery>, options: ListOptions = {}): Promise<StorageRead> {
  const found = await discovery;
  const served = serves(found, SNAPSHOT_GROUP, 'v1');
  const storage: StorageObjects = { storageClasses: [], snapshotApi: served === null ? 'unknown' : served ? 'served' : 'notServed', volumeSnapshotClasses: [] };
  const incomplete: IncompleteRead[] = [];
  const resourceVersions: StorageRead['resourceVersions'] = {};
  await Promise.all(STORAGE_LISTS.map(async (list) => {
    if (list.field === 'volumeSnapshotClasses' && served === false) return;
    try {
      const result = await listAll(transport, list.path, list.slim, options);
      (storage as unknown as Record<string, unknown>)[list.field] = result.items;
      resourceVersions[list.field] = result.resourceVersion;
      if (list.field === 'volumeSnapshotClasses') storage.snapshotApi = 'served';
    } catch (error) {
      if (!(error instanceof ApiStatusError) || (error.status !== 403 && error.status !== 404)) throw error;
      // Discovery failed and the snapshot group answers 404: it is not installed.
      if (list.field === 'volumeSnapshotClasses' && error.status === 404) {
        storage.snapshotApi = 'notServed';
        return;
      }
      storage[list.field] = null;
      incomplete.push({ resource: list.resource, namespace: null, status: error.status, message: error.statusMessage || `GET ${error.path} answered ${error.status}` });
    }
  }));
  return { storage, incomplete, resourceVersions };
}
