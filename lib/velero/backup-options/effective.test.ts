import { describe, expect, it } from 'vitest';
import { backupOptions, scheduleOptions, whatIfOptions } from './builders';
import { NAMESPACES, bsl, context, nightly, ns, policyConfigMap, processedBackup, velero, veleroDeployment, vsl } from './test-fixtures';

describe('options of a Schedule', () => {
  it('resolves the template of the example Schedule against the cluster', () => {
    const o = scheduleOptions(nightly({ defaultVolumesToFsBackup: true }), context());
    expect(o.validationErrors).toEqual([]);
    expect(o.ref).toEqual({ kind: 'schedule', name: 'nightly' });
    expect(o.namespacesInScope).toEqual(['default', 'shop', 'shop-staging', 'velero', 'wiki']);
    expect(o.excludedNamespaces).toMatchObject({ value: ['kube-system', 'scratch'], note: expect.stringContaining('scratch') });
    expect(o.defaultVolumesToFsBackup).toMatchObject({ value: true, source: 'spec' });
    expect(o.backupExcludePVC).toMatchObject({ value: false, source: 'default' });
    expect(o.server.enableCSI).toMatchObject({ value: true, source: 'server' });
    expect(o.storageLocation).toBe('default');
    expect(o.volumeSnapshotLocations).toEqual(['default']);
  });

  it('takes an unset defaultVolumesToFsBackup from the server flag', () => {
    const ctx = context({ velero: velero({ deployments: [veleroDeployment(['server', '--default-volumes-to-fs-backup'])] }) });
    expect(scheduleOptions(nightly(), ctx).defaultVolumesToFsBackup).toMatchObject({ value: true, source: 'server' });
  });

  it('defaultVolumesToRestic: true overrides an explicit false', () => {
    const o = scheduleOptions(nightly({ defaultVolumesToFsBackup: false, defaultVolumesToRestic: true }), context());
    expect(o.defaultVolumesToFsBackup).toMatchObject({ value: true, source: 'spec', note: expect.stringContaining('defaultVolumesToRestic') });
  });

  it('shows a paused schedule as paused', () => {
    const s = nightly();
    if (s.spec) s.spec.paused = true;
    expect(scheduleOptions(s, context()).paused).toBe(true);
  });

  it('turns the Schedule\'s own FailedValidation into validation errors', () => {
    const s = nightly();
    s.status = { phase: 'FailedValidation', validationErrors: ['invalid schedule: expected exactly 5 fields, found 1: [daily]'] };
    const o = scheduleOptions(s, context());
    expect(o.validationErrors).toEqual(['Schedule nightly: invalid schedule: expected exactly 5 fields, found 1: [daily]']);
    expect(o.namespacesInScope).toEqual([]);
  });

  it('a Schedule with an empty or unparsable spec.schedule and no status yet fails as parseCronSchedule says', () => {
    const s = nightly();
    if (s.spec) s.spec.schedule = '';
    delete s.status;
    const o = scheduleOptions(s, context());
    expect(o.validationErrors).toEqual(['Schedule nightly: Schedule must be a non-empty valid Cron expression']);
    expect(o.namespacesInScope).toEqual([]);
    if (s.spec) s.spec.schedule = '0 25 * * *';
    expect(scheduleOptions(s, context()).validationErrors).toEqual(['Schedule nightly: invalid schedule: end of range (25) above maximum (23): 25']);
  });

  it('rewrites the template\'s resourcePolicy kind to configmap, as FromSchedule does', () => {
    const ctx = context({ velero: velero({ configMaps: [policyConfigMap('backup-policy', { 'policy.yaml': 'version: v1\n' })] }) });
    const o = scheduleOptions(nightly({ resourcePolicy: { kind: 'Secret', name: 'backup-policy' } }), ctx);
    expect(o.resourcePolicy).toMatchObject({ state: 'ok', name: 'backup-policy' });
  });

  it('names the schedule\'s next backup in policy errors', () => {
    const o = scheduleOptions(nightly({ resourcePolicy: { kind: 'configmap', name: 'gone' } }), context());
    expect(o.validationErrors).toEqual(['fail to get ResourcePolicies velero/gone ConfigMap with error configmaps "gone" not found']);
    expect(o.resourcePolicy.state).toBe('invalid');
  });

  it('a policy includeExcludePolicy excluding claims sets backupExcludePVC, and with old filters fails validation', () => {
    const policy = 'version: v1\nincludeExcludePolicy:\n  excludedNamespaceScopedResources: [persistentvolumeclaims]\n';
    const ctx = context({ velero: velero({ configMaps: [policyConfigMap('p', { 'policy.yaml': policy })] }) });
    expect(scheduleOptions(nightly({ resourcePolicy: { kind: 'configmap', name: 'p' } }), ctx).backupExcludePVC.value).toBe(true);
    const old = scheduleOptions(nightly({ resourcePolicy: { kind: 'configmap', name: 'p' }, includeClusterResources: true }), ctx);
    expect(old.validationErrors).toEqual(['include-resources, exclude-resources and include-cluster-resources are old filter parameters.\nThey cannot be used with include-exclude policies.']);
  });

  it('a namespace-scoped include list naming only cluster-scoped resources backs up pods and claims', () => {
    const o = scheduleOptions(nightly({ includedNamespaceScopedResources: ['namespaces'] }), context());
    expect(o.backupPods.value).toBe(true);
    expect(o.backupExcludePVC.value).toBe(false);
    const unknown = scheduleOptions(nightly({ includedNamespaceScopedResources: ['widgets'] }), context());
    expect(unknown.backupPods.source).toBe('assumed');
    expect(unknown.warnings.some((w) => w.includes('"widgets"'))).toBe(true);
  });

  it('refuses both label selectors, and mixed old and new filters', () => {
    const o = scheduleOptions(nightly({ labelSelector: { matchLabels: { a: 'b' } }, orLabelSelectors: [{ matchLabels: { c: 'd' } }], excludedResources: ['secrets'], excludedNamespaceScopedResources: ['configmaps'] }), context());
    expect(o.validationErrors).toHaveLength(2);
    expect(o.validationErrors[0]).toContain('They cannot be used together');
    expect(o.validationErrors[1]).toBe('encountered labelSelector as well as orLabelSelectors in backup spec, only one can be specified');
  });

  it('a literal include of a namespace labelled exclude-from-backup fails validation', () => {
    expect(scheduleOptions(nightly({ includedNamespaces: ['scratch'] }), context()).validationErrors).toEqual([
      'Invalid included/excluded namespace lists: excludes list cannot contain an item in the includes list: scratch',
    ]);
  });

  it('a namespace wildcard that passes validation but does not compile fails the backup at run time: nothing in scope', () => {
    const o = scheduleOptions(nightly({ includedNamespaces: ['shop[a-z0-9-]*'], excludedNamespaces: [] }), context());
    expect(o.namespacesInScope).toEqual([]);
    expect(o.failureReason).toBe('expected close range character');
    expect(o.validationErrors).toEqual([
      'error getting namespace includes/excludes: expected close range character (spec.includedNamespaces pattern "shop[a-z0-9-]*"): '
        + 'the backup passes validation, then ends in phase Failed with status.failureReason "expected close range character" and backs up nothing',
    ]);
    const excluded = scheduleOptions(nightly({ excludedNamespaces: ['[z-a]'] }), context());
    expect(excluded.failureReason).toBe("hi character 'a' should be greater than lo 'z'");
    expect(excluded.namespacesInScope).toEqual([]);
  });

  it('a real validation error comes first: the run-time failure is not reached', () => {
    const o = scheduleOptions(nightly({ includedNamespaces: ['shop[a-z0-9-]*'], excludedNamespaces: [], storageLocation: 'offsite' }), context());
    expect(o.failureReason).toBeUndefined();
    expect(o.validationErrors).toHaveLength(1);
    expect(o.validationErrors[0]).toContain('offsite was not found');
  });

  it('warns that an empty labelSelector selects nothing', () => {
    expect(scheduleOptions(nightly({ labelSelector: {} }), context()).warnings[0]).toContain('no pod is selected');
  });

  it('warns when the server never runs schedules', () => {
    const ctx = context({ velero: velero({ deployments: [veleroDeployment(['server', '--disable-controllers=schedule'])] }) });
    expect(scheduleOptions(nightly(), ctx).warnings[0]).toContain('never runs scheduled backups');
  });
});

describe('storage and snapshot locations (a.2 steps 5 and 7)', () => {
  it('an unset storageLocation uses the BSL marked default', () => {
    const ctx = context({ velero: velero({ backupStorageLocations: [bsl('default'), bsl('primary', { default: true })] }) });
    expect(scheduleOptions(nightly({ storageLocation: '' }), ctx).storageLocation).toBe('primary');
  });

  it('a missing, read-only or unavailable BSL fails validation', () => {
    expect(scheduleOptions(nightly({ storageLocation: 'offsite' }), context()).validationErrors[0]).toContain('the default offsite was not found');
    const ro = context({ velero: velero({ backupStorageLocations: [bsl('default', { accessMode: 'ReadOnly', phase: 'Unavailable' })] }) });
    expect(scheduleOptions(nightly(), ro).validationErrors).toEqual([
      "backup can't be created because backup storage location default is currently in read-only mode",
      "backup can't be created because BackupStorageLocation default is in Unavailable status.",
    ]);
  });

  it('a what-if with a missing BSL still predicts, and warns that a real backup would fail', () => {
    const o = whatIfOptions({}, context({ velero: velero({ backupStorageLocations: [] }) }));
    expect(o.validationErrors).toEqual([]);
    expect(o.warnings.some((w) => w.startsWith('A real backup with these options would fail validation') && w.includes('not found'))).toBe(true);
  });

  it('without Velero installed no location is checked: a what-if predicts with a stated assumption', () => {
    const o = whatIfOptions({ defaultVolumesToFsBackup: true }, context({ velero: { ...velero({ backupStorageLocations: [], volumeSnapshotLocations: [] }), installed: false } }));
    expect(o.validationErrors).toEqual([]);
    expect(o.namespacesInScope.length).toBeGreaterThan(0);
    expect(o.assumptions).toContain('Velero is not installed: a usable backup storage location is assumed.');
  });

  it('unreadable BSLs are an assumption, not an error', () => {
    const o = scheduleOptions(nightly(), context({ velero: velero({ backupStorageLocations: null }) }));
    expect(o.validationErrors).toEqual([]);
    expect(o.assumptions.some((a) => a.includes('BackupStorageLocations could not be read'))).toBe(true);
  });

  it('a provider with several VSLs and no default fails validation; the server default resolves it', () => {
    const vsls = [vsl('east'), vsl('west')];
    expect(scheduleOptions(nightly(), context({ velero: velero({ volumeSnapshotLocations: vsls }) })).validationErrors).toEqual([
      'provider aws has more than one possible volume snapshot location, and none were specified explicitly or as a default',
    ]);
    const withDefault = context({ velero: velero({ volumeSnapshotLocations: vsls, deployments: [veleroDeployment(['server', '--default-volume-snapshot-locations=aws:west'])] }) });
    expect(scheduleOptions(nightly(), withDefault).volumeSnapshotLocations).toEqual(['west']);
  });

  it('a named VSL that does not exist, or two for one provider, fails validation', () => {
    expect(scheduleOptions(nightly({ volumeSnapshotLocations: ['gone'] }), context()).validationErrors[0]).toContain('a VolumeSnapshotLocation CRD for the location gone');
    const two = context({ velero: velero({ volumeSnapshotLocations: [vsl('east'), vsl('west')] }) });
    expect(scheduleOptions(nightly({ volumeSnapshotLocations: ['east', 'west'] }), two).validationErrors[0]).toBe('more than one VolumeSnapshotLocation name specified for provider aws: west; unexpected name was east');
  });
});

describe('options of a Backup and of the what-if controls', () => {
  it('reads a processed Backup\'s spec as stored, with source spec', () => {
    const b = processedBackup('nightly-20260520020012', 'nightly', { includedNamespaces: ['*'], excludedNamespaces: ['kube-system', 'scratch'], defaultVolumesToFsBackup: true, snapshotMoveData: false, storageLocation: 'default' });
    const o = backupOptions(b, context());
    expect(o.ref).toEqual({ kind: 'backup', name: 'nightly-20260520020012' });
    expect(o.defaultVolumesToFsBackup.source).toBe('spec');
    expect(o.snapshotMoveData).toMatchObject({ value: false, source: 'spec' });
  });

  it('a FailedValidation Backup shows Velero\'s own validationErrors and nothing in scope', () => {
    const b = processedBackup('nightly-20260520020012', 'nightly', { includedNamespaces: ['*'], storageLocation: 'default' },
      { phase: 'FailedValidation', startTimestamp: null, validationErrors: ["backup can't be created because BackupStorageLocation default is in Unavailable status."] });
    const o = backupOptions(b, context());
    expect(o.validationErrors).toEqual(["backup can't be created because BackupStorageLocation default is in Unavailable status."]);
    expect(o.namespacesInScope).toEqual([]);
  });

  it('a Backup past validation is not checked against today\'s locations, and its patched excludes are not added to again', () => {
    const unavailable = context({ velero: velero({ backupStorageLocations: [bsl('default', { default: true, phase: 'Unavailable' })] }) });
    for (const phase of ['InProgress', 'WaitingForPluginOperations', 'Finalizing', 'Completed', 'PartiallyFailed', 'Failed']) {
      const b = processedBackup('nightly-20260520020012', 'nightly', { includedNamespaces: ['*'], excludedNamespaces: ['kube-system', 'scratch'], storageLocation: 'default', volumeSnapshotLocations: ['default'] }, { phase });
      const o = backupOptions(b, unavailable);
      expect(o.validationErrors).toEqual([]);
      expect(o.namespacesInScope).toEqual(['default', 'shop', 'shop-staging', 'velero', 'wiki']);
      expect(o.excludedNamespaces).toEqual({ value: ['kube-system', 'scratch'], source: 'spec' });
      expect(o.storageLocation).toBe('default');
      expect(o.volumeSnapshotLocations).toEqual(['default']);
    }
  });

  it('a Backup past validation whose policy ConfigMap is gone today gets a warning, not a validation error', () => {
    const b = processedBackup('nightly-20260520020012', 'nightly', { includedNamespaces: ['*'], storageLocation: 'default', resourcePolicy: { kind: 'configmap', name: 'gone' } });
    const o = backupOptions(b, context());
    expect(o.validationErrors).toEqual([]);
    expect(o.warnings).toContain('Backup nightly-20260520020012 passed validation when it ran; checked again today: fail to get ResourcePolicies velero/gone ConfigMap with error configmaps "gone" not found');
  });

  it('a Backup still ahead of validation (New, Queued, ReadyToStart) is validated as the controller will', () => {
    const unavailable = context({ velero: velero({ backupStorageLocations: [bsl('default', { default: true, phase: 'Unavailable' })] }) });
    for (const phase of ['', 'New', 'Queued', 'ReadyToStart']) {
      const b = processedBackup('adhoc', '', { includedNamespaces: ['*'], storageLocation: 'default' }, { phase, startTimestamp: null });
      const o = backupOptions(b, unavailable);
      expect(o.validationErrors).toEqual(["backup can't be created because BackupStorageLocation default is in Unavailable status."]);
      expect(o.excludedNamespaces.value).toEqual(['scratch']);
    }
  });

  it('a what-if with backupExcludePVC uses the new-style exclude and the server default for fs-backup', () => {
    const o = whatIfOptions({ backupExcludePVC: true, includedNamespaces: ['shop*'] }, context());
    expect(o.backupExcludePVC.value).toBe(true);
    expect(o.defaultVolumesToFsBackup).toMatchObject({ value: false, source: 'default' });
    expect(o.namespacesInScope).toEqual(['shop', 'shop-staging']);
  });

  it('unreadable Namespaces are stated as an assumption', () => {
    const o = whatIfOptions({}, context({ namespaces: [ns('shop')], incomplete: [{ resource: 'namespaces', namespace: null, status: 403, message: 'forbidden' }] }));
    expect(o.assumptions.some((a) => a.startsWith('Namespaces could not be listed'))).toBe(true);
    expect(o.namespacesInScope).toEqual(['shop']);
  });
});

describe('every PersistentVolume listed as an item of its own (getResourceItems asks ResourceIncludesExcludes.ShouldInclude)', () => {
  // No namespace labelled velero.io/exclude-from-backup=true here, unless a test adds one.
  const plain = [ns('default'), ns('kube-system'), ns('shop'), ns('wiki'), ns('velero')];
  const listed = (template: Parameters<typeof nightly>[0], namespaces = plain) =>
    scheduleOptions(nightly({ excludedNamespaces: [], ...template }), context({ namespaces })).allPersistentVolumesListed;

  it('old style, includeClusterResources true: listed whatever the namespaces', () => {
    expect(listed({ includeClusterResources: true, excludedNamespaces: ['kube-system'] })).toMatchObject({ value: true, source: 'spec', note: 'spec.includeClusterResources is true' });
    expect(listed({ includeClusterResources: true, includedNamespaces: ['shop'] }, NAMESPACES).value).toBe(true);
    expect(listed({ includeClusterResources: true, excludedResources: ['pv'] }).value).toBe(false);
    expect(listed({ includeClusterResources: true, includedResources: ['pods', 'persistentvolumeclaims'] }).value).toBe(false);
  });

  it('old style, includeClusterResources false: never listed', () => {
    expect(listed({ includeClusterResources: false })).toMatchObject({ value: false, note: 'spec.includeClusterResources is false' });
  });

  it('old style, unset: listed only for a whole-cluster namespace filter, whatever the namespace-scoped lists', () => {
    expect(listed({ excludedResources: ['secrets'] }).value).toBe(true);
    expect(listed({ excludedResources: ['secrets'], includedNamespaces: ['shop'] }).value).toBe(false);
    expect(listed({ excludedResources: ['secrets'], excludedNamespaces: ['kube-system'] }).value).toBe(false);
  });

  it('the labelled namespaces prepareBackupRequest appends to the excludes make the filter not whole-cluster', () => {
    expect(listed({ excludedResources: ['secrets'] }, NAMESPACES).value).toBe(false);
    expect(listed({}, NAMESPACES).value).toBe(false);
  });

  it('IncludeEverything after expansion: `*` matches every namespace; a literal list of all of them counts; an exclude wildcard matching none leaves no excludes', () => {
    expect(listed({ includedNamespaces: ['*'] }).value).toBe(true);
    expect(listed({ includedNamespaces: ['default', 'kube-system', 'shop', 'velero', 'wiki'] }).value).toBe(true);
    expect(listed({ includedNamespaces: ['default', 'kube-system', 'shop', 'velero'] }).value).toBe(false);
    expect(listed({ excludedNamespaces: ['tmp-*'] }).value).toBe(true);
    expect(listed({ excludedNamespaces: ['tmp'] }).value).toBe(false);
  });

  it('new style: a whole-cluster backup with no lists (the default), or persistentvolumes included by cluster-scoped list', () => {
    expect(listed({})).toMatchObject({ value: true, source: 'default' });
    expect(listed({ excludedNamespaceScopedResources: ['secrets'] }).value).toBe(false);
    expect(listed({ includedNamespaceScopedResources: ['*'] }).value).toBe(true);
    expect(listed({ includedClusterScopedResources: ['persistentvolumes'], includedNamespaces: ['shop'] })).toMatchObject({ value: true, source: 'spec' });
    expect(listed({ includedClusterScopedResources: ['*'], excludedNamespaces: ['kube-system'] }).value).toBe(true);
    expect(listed({ includedClusterScopedResources: ['storageclasses'] }).value).toBe(false);
    expect(listed({ excludedClusterScopedResources: ['pv'] }).value).toBe(false);
    expect(listed({ excludedClusterScopedResources: ['storageclasses'] }).value).toBe(false);
  });

  it('new style: the resource policy\'s includeExcludePolicy counts, as CombineWithPolicy adds it', () => {
    const policy = 'version: v1\nincludeExcludePolicy:\n  includedClusterScopedResources: [persistentvolumes]\n';
    const ctx = context({ namespaces: plain, velero: velero({ configMaps: [policyConfigMap('p', { 'policy.yaml': policy })] }) });
    const o = scheduleOptions(nightly({ includedNamespaces: ['shop'], resourcePolicy: { kind: 'configmap', name: 'p' } }), ctx);
    expect(o.allPersistentVolumesListed.value).toBe(true);
  });
});
