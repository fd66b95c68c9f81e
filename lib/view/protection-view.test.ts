import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../model/kube';
import { bound, claimOf, protect, storage } from '../rules/protection/test-fixtures';
import { scheduleOptions } from '../velero/backup-options/builders';
import { context, nightly, ns, velero } from '../velero/backup-options/test-fixtures';
import { protectionOptions } from './protection-view';

// A Schedule's options through protectionOptions into the protection decision, for a claim the backup leaves out.
describe('claims left out of a backup that lists every PersistentVolume', () => {
  const namespaces = [ns('default'), ns('shop'), ns('legacy'), ns('velero')];
  const ebs = { awsElasticBlockStore: { volumeID: 'vol-0abc', fsType: 'ext4' } };
  const tmp = bound('shop', 'tmp', ebs, { labels: { 'velero.io/exclude-from-backup': 'true' } });
  const old = bound('legacy', 'old-disk', ebs);
  const snap: ClusterSnapshot = {
    namespaces, pods: [], pvcs: [tmp.claim, old.claim], pvs: [tmp.pv, old.pv], veleroNamespace: 'velero', incomplete: [], storage: storage(), velero: velero(),
  };
  const decide = (template: Parameters<typeof nightly>[0], ref: string, cluster = namespaces) => {
    const effective = scheduleOptions(nightly({ excludedNamespaces: [], ...template }), context({ namespaces: cluster }));
    return claimOf(protect(snap, protectionOptions(snap, effective)), ref);
  };

  it('includeClusterResources true + an excluded namespace + an EBS PV + the aws VSL: native snapshot', () => {
    expect(decide({ includeClusterResources: true, excludedNamespaces: ['legacy'] }, 'legacy/old-disk'))
      .toMatchObject({ protection: 'native-snapshot', snapshotLocation: 'default', claimNotInBackup: 'namespaceExcluded' });
  });

  it('includeClusterResources unset + every namespace + a label-excluded claim: native snapshot', () => {
    expect(decide({}, 'shop/tmp')).toMatchObject({ protection: 'native-snapshot', claimNotInBackup: 'claimExcludedByLabel' });
  });

  it('unset + some namespaces, a labelled namespace, or includeClusterResources false: unchanged', () => {
    expect(decide({ includedNamespaces: ['shop'] }, 'shop/tmp')).toMatchObject({ protection: 'notInBackup', reason: 'claimExcludedByLabel' });
    expect(decide({ includedNamespaces: ['shop'] }, 'legacy/old-disk')).toMatchObject({ protection: 'notInBackup', reason: 'namespaceExcluded' });
    expect(decide({}, 'shop/tmp', [...namespaces, ns('scratch', { 'velero.io/exclude-from-backup': 'true' })])).toMatchObject({ protection: 'notInBackup', reason: 'claimExcludedByLabel' });
    expect(decide({ includeClusterResources: false }, 'shop/tmp')).toMatchObject({ protection: 'notInBackup', reason: 'claimExcludedByLabel' });
  });

  it('new style: persistentvolumes in includedClusterScopedResources lists them for a namespace subset', () => {
    expect(decide({ includedNamespaces: ['shop'], includedClusterScopedResources: ['persistentvolumes'] }, 'legacy/old-disk'))
      .toMatchObject({ protection: 'native-snapshot', claimNotInBackup: 'namespaceExcluded' });
  });
});
