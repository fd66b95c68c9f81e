// The resource-policy ConfigMaps of the demo's Velero namespace: one valid policy whose rules use every
// condition and every action against the demo's real PVs and claims, one that Velero refuses.

/**
 * Valid (velero-rules.md §7). Rules in order, first match wins; the volume each one matches is named above it.
 * Conditions used: pvcPhase, nfs, csi (driver only, and with attributes), capacity, storageClass, pvcLabels,
 * volumeTypes. Actions used: skip, fs-backup, snapshot, custom.
 */
export const BACKUP_POLICY = `version: v1
volumePolicies:
# 1. analytics/etl-archive: its PV was deleted, the claim is Lost -> the pod volume is skipped (fs-backup); the
#    claim's own item still fails, as getMatchAction cannot get the PV it names (protection: pvUnresolvable).
- conditions:
    pvcPhase: [Lost]
  action:
    type: skip
# 2. media/assets: the NFS export of the file server -> fs-backup (overrides media-a-0's opt-out).
- conditions:
    nfs:
      server: 10.20.0.5
      path: /exports/assets
  action:
    type: fs-backup
# 3. wiki/wiki-media: EFS cannot be snapshotted -> fs-backup.
- conditions:
    csi:
      driver: efs.csi.aws.com
  action:
    type: fs-backup
# 4. monitoring/prometheus-db (100Gi) and analytics/raw-disk (500Gi): large gp3 EBS volumes -> snapshot.
- conditions:
    capacity: "100Gi,"
    storageClass: [gp3]
    csi:
      driver: ebs.csi.aws.com
      volumeAttributes:
        type: gp3
  action:
    type: snapshot
# 5. shop/data-postgres-0 and -1 (claims labelled app=postgres): dumped by the DBA team's own tool -> custom.
- conditions:
    pvcLabels:
      app: postgres
  action:
    type: custom
    parameters:
      tool: pg-dump
      keep: "7"
# 6. analytics/hdfs-scratch: node-local scratch space -> skip.
- conditions:
    storageClass: [local-storage]
  action:
    type: skip
# 7. every emptyDir (shop/redis-0 cache, monitoring/grafana storage, mistakes/*/cache, ...) -> skip.
- conditions:
    volumeTypes: [emptyDir]
  action:
    type: skip
`;

/** Invalid: storageClass is written beside conditions instead of inside them (an unknown key of a volume policy). */
export const BROKEN_POLICY = `version: v1
volumePolicies:
- conditions:
    capacity: "10Gi"
  storageClass: [gp3]
  action:
    type: snapshot
`;

/** What Velero writes into status.validationErrors of a Backup that names broken-policy (a.6). */
export const brokenPolicyValidationError = (backup: string) =>
  `fail to read the ResourcePolicies from ConfigMap velero/${backup} with error failed to decode yaml data into resource policies  yaml: unmarshal errors:\n  line 5: field storageClass not found in type resourcepolicies.VolumePolicy`;
