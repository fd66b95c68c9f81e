// EffectiveOptions + the snapshot → the protection engine's options for one backup (the view decides with them). The only place that knows both vocabularies; lib/rules/protection stays free of backup-option types.
import type { ClusterSnapshot } from '../model/kube';
import { BACKUP_SNAPSHOT_CLASS_ANNOTATION_PREFIX } from '../rules/protection/snapshot-class';
import type { ClaimProtection, ProtectionOptions } from '../rules/protection/types';
import type { EffectiveOptions } from '../velero/backup-options/types';

/** The Schedule's or Backup's velero.io/csi-volumesnapshot-class_<driver> annotations (c.3 step 2). */
export function backupClassAnnotations(snapshot: Pick<ClusterSnapshot, 'velero'>, effective: EffectiveOptions): Record<string, string> {
  const { ref } = effective;
  if (ref.kind === 'whatIf') return {};
  const list = ref.kind === 'schedule' ? snapshot.velero?.schedules : snapshot.velero?.backups;
  const annotations = list?.find((o) => o.metadata?.name === ref.name)?.metadata?.annotations ?? {};
  return Object.fromEntries(Object.entries(annotations).filter(([k]) => k.startsWith(BACKUP_SNAPSHOT_CLASS_ANNOTATION_PREFIX)).sort());
}

export function protectionOptions(snapshot: Pick<ClusterSnapshot, 'velero'>, effective: EffectiveOptions): ProtectionOptions {
  const blocked = effective.validationErrors.length > 0 || effective.resourcePolicy.state === 'unreadable' || effective.resourcePolicy.state === 'invalid';
  const vsls = snapshot.velero?.volumeSnapshotLocations ?? [];
  return {
    validationFailed: blocked,
    namespacesInScope: new Set(effective.namespacesInScope),
    backupExcludePVC: effective.backupExcludePVC.value,
    defaultVolumesToFsBackup: effective.defaultVolumesToFsBackup.value,
    snapshotVolumes: effective.snapshotVolumes.value,
    snapshotMoveData: effective.snapshotMoveData.value,
    enableCSI: effective.server.enableCSI.value,
    persistentVolumesIncluded: effective.persistentVolumesIncluded.value,
    allPersistentVolumesListed: effective.allPersistentVolumesListed.value,
    policy: effective.resourcePolicy.state === 'ok' ? effective.resourcePolicy.policy : null,
    labelSelector: effective.labelSelector,
    orLabelSelectors: effective.orLabelSelectors,
    volumeSnapshotLocations: effective.volumeSnapshotLocations.map((name) => ({ name, provider: vsls.find((v) => v.metadata?.name === name)?.spec?.provider ?? '' })),
    backupAnnotations: backupClassAnnotations(snapshot, effective),
  };
}

/** none or notInBackup: nothing of this backup keeps the claim's data. `custom` counts as protected (an external plugin is expected to). */
export const notProtected = (c: Pick<ClaimProtection, 'protection'>) => c.protection === 'none' || c.protection === 'notInBackup';
