// Which VolumeSnapshotter plugin takes a PV natively. Plugin code lives outside Velero's repository, so this is
// an assumption stated as data (velero-objects.md c.5): the three common providers and the PV types they take.
import type { PersistentVolume } from '../../model/kube';
import { present } from '../volume-type';

export interface NativePluginSupport {
  providers: readonly string[];
  /** In-tree PV sources the plugin's GetVolumeID answers for. */
  pvTypes: readonly string[];
  /** CSI drivers whose volume handles the plugin understands. */
  csiDrivers: readonly string[];
}

export const NATIVE_PLUGIN_SUPPORT: readonly NativePluginSupport[] = [
  { providers: ['aws', 'velero.io/aws'], pvTypes: ['awsElasticBlockStore'], csiDrivers: ['ebs.csi.aws.com'] },
  { providers: ['gcp', 'velero.io/gcp'], pvTypes: ['gcePersistentDisk'], csiDrivers: ['pd.csi.storage.gke.io'] },
  { providers: ['azure', 'velero.io/azure'], pvTypes: ['azureDisk'], csiDrivers: ['disk.csi.azure.com'] },
];

export const NATIVE_PLUGIN_ASSUMPTION = 'Native snapshots: a VolumeSnapshotLocation of provider aws is assumed to take awsElasticBlockStore PVs and '
  + 'CSI PVs of ebs.csi.aws.com, gcp gcePersistentDisk and pd.csi.storage.gke.io, azure azureDisk and disk.csi.azure.com; '
  + 'any other provider or PV type is assumed not to be snapshotted (plugin behaviour cannot be read from the cluster).';

/** True when the assumed plugin of `provider` returns a volume ID for `pv`. */
export function pluginTakes(provider: string, pv: PersistentVolume): boolean {
  const support = NATIVE_PLUGIN_SUPPORT.find((s) => s.providers.includes(provider));
  if (!support) return false;
  const spec = (pv.spec ?? {}) as Record<string, unknown>;
  if (support.pvTypes.some((t) => present(spec[t]))) return true;
  return present(pv.spec?.csi) && support.csiDrivers.includes(pv.spec?.csi?.driver ?? '');
}
