// What a volume policy's conditions see for one pod volume (velero-rules.md §7 table): Velero's structuredVolume,
// built by parsePV / parsePodVolume / parsePVC from the VolumeFilterData that B9 and E2 pass.
import type { PersistentVolume, PersistentVolumeClaim, Volume } from '../../model/kube';
import type { FilterData, PolicyTarget } from '../policy';
import { present } from '../volume-type';

export type { FilterData };

/** getVolumeTypeFromPV: JSON key of the PV source → Velero's SupportedVolume, in Velero's order. */
const PV_TYPES: ReadonlyArray<readonly [string, string]> = [
  ['awsElasticBlockStore', 'awsElasticBlockStore'], ['azureDisk', 'azureDisk'], ['azureFile', 'azureFile'],
  ['cephfs', 'cephfs'], ['cinder', 'cinder'], ['csi', 'csi'], ['fc', 'fc'], ['flocker', 'flocker'],
  ['flexVolume', 'flexVolume'], ['gcePersistentDisk', 'gcePersistentDisk'], ['glusterfs', 'glusterfs'],
  ['hostPath', 'hostPath'], ['iscsi', 'iscsi'], ['local', 'local'], ['nfs', 'nfs'],
  ['photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume'], ['quobyte', 'quobyte'],
  ['rbd', 'rbd'], ['scaleIO', 'scaleIO'], ['storageos', 'storageOS'], ['vsphereVolume', 'vsphereVolume'],
];

/** getVolumeTypeFromVolume, in Velero's order (no `local`; adds gitRepo, secret, downwardAPI, configMap, …). */
const VOLUME_TYPES: ReadonlyArray<readonly [string, string]> = [
  ['awsElasticBlockStore', 'awsElasticBlockStore'], ['azureDisk', 'azureDisk'], ['azureFile', 'azureFile'],
  ['cephfs', 'cephfs'], ['cinder', 'cinder'], ['csi', 'csi'], ['fc', 'fc'], ['flocker', 'flocker'],
  ['flexVolume', 'flexVolume'], ['gcePersistentDisk', 'gcePersistentDisk'], ['gitRepo', 'gitRepo'],
  ['glusterfs', 'glusterfs'], ['iscsi', 'iscsi'], ['nfs', 'nfs'], ['secret', 'secret'], ['rbd', 'rbd'],
  ['downwardAPI', 'downwardAPI'], ['configMap', 'configMap'], ['projected', 'projected'], ['ephemeral', 'ephemeral'],
  ['photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume'], ['quobyte', 'quobyte'],
  ['scaleIO', 'scaleIO'], ['storageos', 'storageOS'], ['vsphereVolume', 'vsphereVolume'], ['hostPath', 'hostPath'],
  ['emptyDir', 'emptyDir'],
];

type Source = Record<string, unknown>;

function typeFrom(source: Source | undefined, table: ReadonlyArray<readonly [string, string]>): string {
  if (!source) return '';
  return table.find(([key]) => present(source[key]))?.[1] ?? '';
}

export const getVolumeTypeFromPV = (pv: PersistentVolume | null): string => typeFrom(pv?.spec as Source | undefined, PV_TYPES);
export const getVolumeTypeFromVolume = (volume: Volume | null): string => typeFrom(volume as Source | null ?? undefined, VOLUME_TYPES);

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function nfsOf(source: Source | undefined): FilterData['nfs'] {
  const nfs = source?.nfs as Source | null | undefined;
  return present(nfs) ? { server: str(nfs?.server), path: str(nfs?.path) } : null;
}

function csiOf(source: Source | undefined): FilterData['csi'] {
  const csi = source?.csi as Source | null | undefined;
  if (!present(csi)) return null;
  const attributes = (csi?.volumeAttributes ?? {}) as Record<string, unknown>;
  return { driver: str(csi?.driver), volumeAttributes: Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, str(v)])) };
}

/** parsePVC: labels only when there are some; the phase as written. */
function claimData(claim: PersistentVolumeClaim | null): Pick<FilterData, 'pvcLabels' | 'pvcPhase'> {
  const labels = claim?.metadata?.labels;
  return { pvcLabels: labels && Object.keys(labels).length > 0 ? { ...labels } : null, pvcPhase: claim?.status?.phase ?? '' };
}

const EMPTY = { capacity: null, storageClass: '', nfs: null, csi: null, volumeType: '' } as const;

/**
 * The filter data of §7's table. With a PV: its capacity, class, NFS/CSI and source type, plus the claim. Without one:
 * B9 passes the pod volume (inline NFS/CSI and its type; a PVC volume has none), E2 passes the claim alone.
 */
export function filterDataFor(target: PolicyTarget): FilterData {
  const { volume, claim, pv } = target;
  if (pv) {
    const spec = pv.spec as Source | undefined;
    const capacity = (spec?.capacity as Record<string, unknown> | undefined)?.storage;
    return {
      from: 'pv',
      capacity: typeof capacity === 'string' ? capacity : null,
      storageClass: str(spec?.storageClassName),
      nfs: nfsOf(spec),
      csi: csiOf(spec),
      volumeType: getVolumeTypeFromPV(pv),
      ...claimData(claim),
    };
  }
  if (target.stage === 'E2' && claim) return { from: 'claim', ...EMPTY, ...claimData(claim) };
  const source = volume as Source;
  return { from: 'podVolume', ...EMPTY, nfs: nfsOf(source), csi: csiOf(source), volumeType: getVolumeTypeFromVolume(volume), ...claimData(claim) };
}
