import { describe, expect, it } from 'vitest';
import { BACKUP, claimVolume, pod, pvc, snapshot } from '../../rules/fixtures';
import { decideVolumes } from '../../rules/verdict';
import { scheduleOptions, whatIfOptions } from './builders';
import { engineInput, stableKey } from './engine-input';
import { context, nightly, velero, veleroDeployment } from './test-fixtures';

describe('engine input from effective options', () => {
  it('maps the options and scope so that excluded namespaces get no verdicts', () => {
    const snap = snapshot({
      pods: [
        pod('shop', 'db-0', { annotations: { [BACKUP]: 'data' }, volumes: [claimVolume('data', 'data-db-0')] }),
        pod('scratch', 'tmp-0', { annotations: { [BACKUP]: 'data' }, volumes: [claimVolume('data', 'data-tmp-0')] }),
      ],
      pvcs: [pvc('shop', 'data-db-0'), pvc('scratch', 'data-tmp-0')],
    });
    const { options, scope } = engineInput(scheduleOptions(nightly(), context()));
    expect(options).toEqual({ defaultVolumesToFsBackup: false, backupExcludePVC: false });
    const result = decideVolumes({ snapshot: snap, options, scope });
    expect(result.verdicts.map((v) => `${v.namespace}/${v.pod}`)).toEqual(['shop/db-0', 'velero/node-agent-node-a', 'velero/node-agent-node-b']);
  });

  it('a backup that fails validation puts no namespace in scope', () => {
    const { scope } = engineInput(scheduleOptions(nightly({ storageLocation: 'gone' }), context()));
    expect(scope.namespaces?.size).toBe(0);
  });
});

describe('stableKey', () => {
  it('a schedule and an equal what-if share one key', () => {
    const schedule = scheduleOptions(nightly({ excludedNamespaces: ['kube-system'] }), context());
    const whatIf = whatIfOptions({ includedNamespaces: ['*'], excludedNamespaces: ['kube-system'] }, context());
    expect(stableKey(whatIf)).toBe(stableKey(schedule));
  });

  it('changes when a verdict-changing option changes', () => {
    const base = whatIfOptions({}, context());
    expect(stableKey(whatIfOptions({ defaultVolumesToFsBackup: true }, context()))).not.toBe(stableKey(base));
    expect(stableKey(whatIfOptions({ backupExcludePVC: true }, context()))).not.toBe(stableKey(base));
    expect(stableKey(whatIfOptions({ excludedNamespaces: ['shop'] }, context()))).not.toBe(stableKey(base));
  });

  it('the server flag and an explicit spec value with the same effect share a key', () => {
    const ctx = context({ velero: velero({ deployments: [veleroDeployment(['server', '--features=EnableCSI', '--uploader-type=kopia', '--default-volumes-to-fs-backup=true'])] }) });
    expect(stableKey(whatIfOptions({}, ctx))).toBe(stableKey(whatIfOptions({ defaultVolumesToFsBackup: true }, context())));
  });

  it('changes when a setting of the snapshot side changes (protection depends on it, verdicts do not)', () => {
    const base = stableKey(scheduleOptions(nightly(), context()));
    expect(stableKey(scheduleOptions(nightly({ snapshotVolumes: false }), context()))).not.toBe(base);
    expect(stableKey(scheduleOptions(nightly({ snapshotMoveData: true }), context()))).not.toBe(base);
    expect(stableKey(scheduleOptions(nightly({ excludedClusterScopedResources: ['persistentvolumes'] }), context()))).not.toBe(base);
    const withoutCsi = context({ velero: velero({ deployments: [veleroDeployment(['server', '--uploader-type=kopia'])] }) });
    expect(stableKey(scheduleOptions(nightly(), withoutCsi))).not.toBe(base);
  });

  it('does not depend on the order of matchLabels keys', () => {
    const a = scheduleOptions(nightly({ labelSelector: { matchLabels: { app: 'db', tier: 'data' } } }), context());
    const b = scheduleOptions(nightly({ labelSelector: { matchLabels: { tier: 'data', app: 'db' } } }), context());
    expect(stableKey(a)).toBe(stableKey(b));
  });
});
