// Every protection and reason in plain words, for the pages, the CSV and the detail panel. One table, exhaustive.
import { REASONS } from '../reasons';
import type { ClaimProtection, ProtectionKind, ProtectionReason } from './types';

export const PROTECTION_LABELS: { readonly [k in ProtectionKind]: string } = {
  'fs-backup': 'fs-backup',
  'csi-snapshot': 'CSI snapshot',
  'csi-snapshot-data-mover': 'CSI snapshot + data mover',
  'native-snapshot': 'native snapshot',
  custom: 'custom (external)',
  none: 'not protected',
  notInBackup: 'not in backup',
};

export const PROTECTION_REASON_TEXT: { readonly [r in ProtectionReason]: string } = {
  optedIn: 'a pod opts the volume in (backup-volumes); its PodVolumeBackup copies the files',
  defaultFsBackup: 'opt-out mode copies every volume not excluded; its PodVolumeBackup copies the files',
  policyFsBackup: 'a volume policy selects fs-backup; its PodVolumeBackup copies the files',
  policySnapshot: 'a volume policy selects a snapshot',
  snapshotDefault: 'fs-backup does not take it, so Velero snapshots it (snapshotVolumes is not false)',
  policyCustom: 'a volume policy selects custom: Velero neither snapshots nor copies it; an external plugin is expected to',
  fsSelectedNoPvb: 'selected for fs-backup, which switches its snapshot off, but no PodVolumeBackup will be made: nothing protects it',
  policySkip: 'a volume policy skips it',
  snapshotVolumesDisabled: 'snapshotVolumes is false and fs-backup does not take it',
  pvUnresolvable: 'its PersistentVolume cannot be resolved (not bound, not Bound, or gone), so nothing snapshots it; with EnableCSI, or a volume policy and a missing PV, the PVC item fails too',
  noStorageClass: 'the claim has no storage class, so the CSI snapshot fails',
  storageClassMissing: 'its StorageClass does not exist, so the CSI snapshot fails',
  noSnapshotClass: 'no VolumeSnapshotClass can be chosen for its driver, so the CSI snapshot fails',
  pvNotInBackup: 'its PersistentVolume is not in the backup (PVs left out, or the PV carries the exclude label or is being deleted), so no native snapshot is taken',
  noSnapshotLocation: 'no VolumeSnapshotLocation plugin takes this PV, so no native snapshot is taken',
  claimMissing: 'a pod in the backup names this claim, but it does not exist',
  csiClaimNotInBackup: 'its CSI PersistentVolume is in the backup, but with EnableCSI Velero leaves CSI volumes to the claim\'s CSI action, and the claim is not in the backup: nothing snapshots it',
  namespaceExcluded: 'its namespace is not in the backup',
  pvcExcluded: 'the backup\'s resource filter excludes PersistentVolumeClaims',
  claimExcludedByLabel: 'the claim is labelled velero.io/exclude-from-backup=true',
  claimTerminating: 'the claim is being deleted',
  notSelected: 'the backup\'s label selector selects neither the claim nor a pod using it',
  validationFailed: 'Velero would refuse this backup (validation) or fail it as it starts: nothing is backed up',
};

/** One sentence for a claim's protection, with the trap spelled out when it applies. */
export function explainProtection(c: Parameters<typeof explain>[0] & Pick<ClaimProtection, 'claimNotInBackup'>): string {
  const text = explain(c);
  const outside = c.claimNotInBackup
    ? ` The claim itself is not in the backup (${PROTECTION_REASON_TEXT[c.claimNotInBackup]}), but its PersistentVolume is: the backup lists every PersistentVolume of the cluster.`
    : '';
  return text.charAt(0).toUpperCase() + text.slice(1) + outside;
}

function explain(c: Pick<ClaimProtection, 'protection' | 'reason' | 'via' | 'selectedBy' | 'policyIndex' | 'snapshotClass' | 'storageClass' | 'driver' | 'snapshotLocation'>): string {
  const base = PROTECTION_REASON_TEXT[c.reason];
  const policy = c.policyIndex !== undefined && c.reason.startsWith('policy') ? ` (volume policy #${c.policyIndex})` : '';
  if (c.protection === 'fs-backup' && c.via) return `${base}${policy}: ${c.via.pod}/${c.via.volume}.`;
  if (c.reason === 'fsSelectedNoPvb' && c.selectedBy) {
    const s = c.selectedBy;
    if (s.by === 'policy') return `Volume policy #${s.policyIndex ?? '?'} selects fs-backup, which switches the snapshot off, but no pod volume of this claim gets a PodVolumeBackup: nothing protects it.`;
    const why = s.verdictReason ? ` The pod volume's verdict: ${REASONS[s.verdictReason].label}.` : ' That pod is not processed by this backup.';
    return `Pod ${s.pod} selects volume ${s.volume} for fs-backup by annotation, which switches the snapshot off, but no PodVolumeBackup will be made: nothing protects it.${why}`;
  }
  if (c.protection === 'csi-snapshot' || c.protection === 'csi-snapshot-data-mover') {
    return `${base}${policy}: CSI snapshot with class ${c.snapshotClass ?? '(assumed)'} (StorageClass ${c.storageClass ?? '?'}, driver ${c.driver ?? '?'})${c.protection === 'csi-snapshot-data-mover' ? ', moved by the data mover (DataUpload)' : ''}.`;
  }
  if (c.protection === 'native-snapshot') return `${base}${policy}: native snapshot through VolumeSnapshotLocation ${c.snapshotLocation ?? '?'}.`;
  return `${base}${policy}.`;
}
