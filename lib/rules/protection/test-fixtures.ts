// Test helpers only: a backup's protection options, the storage side as the API returns it, and one call that runs
// the verdict engine and the protection decision the way lib/view does.
import type { ClusterSnapshot, PersistentVolume, PersistentVolumeClaim } from '../../model/kube';
import type { StorageObjects, VolumeSnapshotClass } from '../../model/storage';
import { buildPvcPodIndex } from '../../index/pvc-pod-index';
import { pvc } from '../fixtures';
import { parseResourcePolicy } from '../policy/parse';
import { policyMatcher } from '../policy/match';
import { decideVolumes } from '../verdict';
import { decideProtection } from './decide';
import type { ClaimProtection, ProtectionOptions, ProtectionResult } from './types';

export const vsc = (name: string, driver: string, extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}): VolumeSnapshotClass => ({
  metadata: { name, ...(extra.labels ? { labels: extra.labels } : {}), ...(extra.annotations ? { annotations: extra.annotations } : {}) },
  driver,
  deletionPolicy: 'Retain',
});

export function storage(extra: Partial<StorageObjects> = {}): StorageObjects {
  return {
    storageClasses: [
      { metadata: { name: 'standard' }, provisioner: 'ebs.csi.aws.com' },
      { metadata: { name: 'efs-sc' }, provisioner: 'efs.csi.aws.com' },
    ],
    snapshotApi: 'served',
    volumeSnapshotClasses: [vsc('ebs-vsc', 'ebs.csi.aws.com', { labels: { 'velero.io/csi-volumesnapshot-class': 'true' } })],
    ...extra,
  };
}

/** A claim bound to its PV, the PV carrying claimRef as a bound PV does; `source` defaults to an EBS CSI volume. */
export function bound(namespace: string, name: string, source: Record<string, unknown> = { csi: { driver: 'ebs.csi.aws.com', volumeHandle: `vol-${name}` } },
  extra: { labels?: Record<string, string>; storageClassName?: string | null; annotations?: Record<string, string>; deletionTimestamp?: string } = {}): { claim: PersistentVolumeClaim; pv: PersistentVolume } {
  const claim = pvc(namespace, name, extra.labels ? { labels: extra.labels } : {});
  if (extra.storageClassName !== undefined) (claim.spec as NonNullable<PersistentVolumeClaim['spec']>).storageClassName = extra.storageClassName;
  if (extra.annotations) (claim.metadata as NonNullable<PersistentVolumeClaim['metadata']>).annotations = extra.annotations;
  if (extra.deletionTimestamp) (claim.metadata as NonNullable<PersistentVolumeClaim['metadata']>).deletionTimestamp = extra.deletionTimestamp;
  const pv: PersistentVolume = {
    metadata: { name: claim.spec?.volumeName ?? '' },
    spec: { capacity: { storage: '10Gi' }, storageClassName: 'standard', volumeMode: 'Filesystem', claimRef: { namespace, name }, ...source },
    status: { phase: 'Bound' },
  };
  return { claim, pv };
}

export function options(snap: ClusterSnapshot, extra: Partial<ProtectionOptions> = {}): ProtectionOptions {
  return {
    validationFailed: false,
    namespacesInScope: new Set(snap.namespaces.map((n) => n.metadata?.name ?? '').filter((n) => n !== 'velero')),
    backupExcludePVC: false,
    defaultVolumesToFsBackup: false,
    snapshotVolumes: true,
    snapshotMoveData: false,
    enableCSI: true,
    persistentVolumesIncluded: true,
    allPersistentVolumesListed: false,
    policy: null,
    labelSelector: null,
    orLabelSelectors: null,
    volumeSnapshotLocations: [{ name: 'default', provider: 'aws' }],
    backupAnnotations: {},
    ...extra,
  };
}

export function policyFrom(yaml: string): ProtectionOptions['policy'] {
  const parsed = parseResourcePolicy(yaml);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.policy;
}

/** Verdicts and protection of one backup, as lib/view/protection-view.ts computes them. */
export function protect(snap: ClusterSnapshot, opts: ProtectionOptions): ProtectionResult {
  const index = buildPvcPodIndex(snap);
  const decided = decideVolumes({
    snapshot: snap,
    index,
    options: { defaultVolumesToFsBackup: opts.defaultVolumesToFsBackup, backupExcludePVC: opts.backupExcludePVC },
    policy: opts.policy ? policyMatcher(opts.policy) : null,
    scope: opts.validationFailed ? { namespaces: new Set(), backupPods: true, labelSelector: null, orLabelSelectors: null }
      : { namespaces: opts.namespacesInScope, backupPods: true, labelSelector: opts.labelSelector, orLabelSelectors: opts.orLabelSelectors },
  });
  return decideProtection({ snapshot: snap, index, verdicts: decided.verdicts, processingOrder: decided.processingOrder, options: opts });
}

export function claimOf(result: ProtectionResult, ref: string): ClaimProtection {
  const [namespace, name] = ref.split('/');
  const found = result.claims.find((c) => c.namespace === namespace && c.name === name);
  if (!found) throw new Error(`no protection for ${ref}`);
  return found;
}
