import { describe, expect, it } from 'vitest';
import type { IncludeExcludePolicy } from '../../rules/policy/types';
import { mixedFilterError, resolveResource, resourceFilters, usesOldResourceFilters } from './resource-filters';

const policy = (p: Partial<IncludeExcludePolicy>): IncludeExcludePolicy => ({
  includedClusterScopedResources: [], excludedClusterScopedResources: [], includedNamespaceScopedResources: [], excludedNamespaceScopedResources: [], ...p,
});

describe('resource names resolve as discovery does', () => {
  it('expands short names, singulars and case to the plural resource', () => {
    expect(resolveResource('pvc').name).toBe('persistentvolumeclaims');
    expect(resolveResource('persistentvolumeclaim').name).toBe('persistentvolumeclaims');
    expect(resolveResource('Pods').name).toBe('pods');
    expect(resolveResource('po').name).toBe('pods');
    expect(resolveResource('PVC').name).toBe('PVC');
    expect(resolveResource('persistent*').name).toBe('persistent*');
  });

  it('knows the common cluster-scoped built-ins by plural, singular, short name and group, as discovery serves them', () => {
    expect(resolveResource('namespaces')).toEqual({ name: 'namespaces', namespaced: false, uncertain: false });
    expect(resolveResource('ns')).toMatchObject({ name: 'namespaces', namespaced: false });
    expect(resolveResource('node')).toMatchObject({ name: 'nodes', namespaced: false });
    expect(resolveResource('sc')).toMatchObject({ name: 'storageclasses.storage.k8s.io', namespaced: false });
    expect(resolveResource('storageclasses.storage.k8s.io')).toMatchObject({ name: 'storageclasses.storage.k8s.io', namespaced: false });
    expect(resolveResource('crd')).toMatchObject({ name: 'customresourcedefinitions.apiextensions.k8s.io', namespaced: false });
    expect(resolveResource('ClusterRoleBinding')).toMatchObject({ name: 'clusterrolebindings.rbac.authorization.k8s.io', namespaced: false });
    expect(resolveResource('vsc')).toMatchObject({ name: 'volumesnapshotcontents.snapshot.storage.k8s.io', namespaced: false });
    expect(resolveResource('deploy')).toMatchObject({ name: 'deployments.apps', namespaced: true });
  });

  it('marks a plain name it cannot resolve as uncertain, and a glob as certainly unresolvable', () => {
    expect(resolveResource('widgets.example.com')).toEqual({ name: 'widgets.example.com', namespaced: null, uncertain: true });
    expect(resolveResource('storageclasses.apps')).toMatchObject({ namespaced: null, uncertain: true });
    expect(resolveResource('persistent*')).toMatchObject({ namespaced: null, uncertain: false });
  });
});

describe('old-style filters', () => {
  it('are used when includeClusterResources is set, even with no lists', () => {
    expect(usesOldResourceFilters({ includeClusterResources: false })).toBe(true);
    expect(usesOldResourceFilters({ includedNamespaceScopedResources: [] })).toBe(false);
  });

  it('--exclude-resources pvc gives backupExcludePVC', () => {
    const r = resourceFilters({ excludedResources: ['pvc'] }, null);
    expect(r.style).toBe('old');
    expect(r.backupExcludePVC).toMatchObject({ value: true, source: 'spec' });
    expect(r.backupPods.value).toBe(true);
  });

  it('an include list without claims excludes them, and one without pods drops pods', () => {
    const r = resourceFilters({ includedResources: ['deployments', 'configmaps'] }, null);
    expect(r.backupExcludePVC.value).toBe(true);
    expect(r.backupPods.value).toBe(false);
  });

  it('an unresolvable glob entry still matches', () => {
    const r = resourceFilters({ excludedResources: ['persistent*'] }, null);
    expect(r.backupExcludePVC.value).toBe(true);
    expect(r.persistentVolumesIncluded.value).toBe(false);
  });

  it('includeClusterResources false drops the PVs pulled in by claims', () => {
    expect(resourceFilters({ includeClusterResources: false }, null).persistentVolumesIncluded).toMatchObject({ value: false, note: 'spec.includeClusterResources is false' });
    expect(resourceFilters({ includeClusterResources: true }, null).persistentVolumesIncluded.value).toBe(true);
  });

  it('reports invalid lists with Velero\'s prefix', () => {
    expect(resourceFilters({ includedResources: ['pods'], excludedResources: ['pods'] }, null).errors).toEqual([
      'Invalid included/excluded resource lists: excludes list cannot contain an item in the includes list: pods',
    ]);
  });
});

describe('new-style filters', () => {
  it('default to everything included', () => {
    const r = resourceFilters({}, null);
    expect(r).toMatchObject({ style: 'new', backupPods: { value: true, source: 'default' }, backupExcludePVC: { value: false, source: 'default' } });
  });

  it('excludedNamespaceScopedResources: [persistentvolumeclaims] gives backupExcludePVC', () => {
    expect(resourceFilters({ excludedNamespaceScopedResources: ['persistentvolumeclaims'] }, null).backupExcludePVC.value).toBe(true);
  });

  it('drops a cluster-scoped name given as namespace-scoped', () => {
    const r = resourceFilters({ includedNamespaceScopedResources: ['pv'] }, null);
    expect(r.backupPods.value).toBe(true);
  });

  it('drops cluster-scoped names from the namespace-scoped include list, which then includes everything (scopeResourceMapFunc)', () => {
    for (const list of [['namespaces'], ['nodes'], ['ns', 'storageclasses', 'clusterroles']]) {
      const r = resourceFilters({ includedNamespaceScopedResources: list }, null);
      expect(r.backupPods).toMatchObject({ value: true, source: 'default' });
      expect(r.backupExcludePVC).toMatchObject({ value: false, source: 'default' });
      expect(r.warnings).toEqual([]);
    }
    expect(resourceFilters({ excludedNamespaceScopedResources: ['persistentvolumes'] }, null).backupExcludePVC.value).toBe(false);
    expect(resourceFilters({ excludedClusterScopedResources: ['pvc'] }, null).persistentVolumesIncluded.value).toBe(true);
  });

  it('drops them from the policy\'s includeExcludePolicy as well', () => {
    const r = resourceFilters({}, policy({ includedNamespaceScopedResources: ['nodes'] }));
    expect(r.backupPods).toMatchObject({ value: true, source: 'default' });
    expect(r.backupExcludePVC.value).toBe(false);
  });

  it('keeps a name it cannot resolve, as Velero does when discovery cannot, and says the outcome is assumed', () => {
    const r = resourceFilters({ includedNamespaceScopedResources: ['widgets'] }, null);
    expect(r.backupPods).toMatchObject({ value: false, source: 'assumed' });
    expect(r.backupExcludePVC).toMatchObject({ value: true, source: 'assumed' });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('"widgets"');
    expect(r.warnings[0]).toContain('pods are backed up and claims are backed up');
    // An unknown name that cannot change the outcome is not an assumption.
    const harmless = resourceFilters({ includedNamespaceScopedResources: ['pods', 'persistentvolumeclaims', 'widgets'] }, null);
    expect(harmless.backupPods).toMatchObject({ value: true, source: 'spec' });
    expect(harmless.warnings).toEqual([]);
  });

  it('the policy\'s includeExcludePolicy can exclude claims', () => {
    const r = resourceFilters({}, policy({ excludedNamespaceScopedResources: ['persistentvolumeclaims'] }));
    expect(r.backupExcludePVC).toMatchObject({ value: true, source: 'spec', note: expect.stringContaining('includeExcludePolicy') });
  });

  it('the spec wins over the policy', () => {
    const r = resourceFilters({ includedNamespaceScopedResources: ['pods', 'persistentvolumeclaims'] }, policy({ excludedNamespaceScopedResources: ['pvc'] }));
    expect(r.backupExcludePVC.value).toBe(false);
  });

  it('a policy include list without pods drops pods', () => {
    expect(resourceFilters({}, policy({ includedNamespaceScopedResources: ['deployments'] })).backupPods.value).toBe(false);
  });

  it('excluding * in the namespace scope drops pods and claims', () => {
    const r = resourceFilters({ excludedNamespaceScopedResources: ['*'] }, null);
    expect(r.backupPods.value).toBe(false);
    expect(r.backupExcludePVC.value).toBe(true);
  });

  it('reports invalid scoped lists with Velero\'s prefix', () => {
    expect(resourceFilters({ includedNamespaceScopedResources: ['pods'], excludedNamespaceScopedResources: ['*'] }, null).errors).toEqual([
      "Invalid namespace-scoped included/excluded resource lists: when exclude is '*', include cannot have value",
    ]);
  });
});

describe('mixing old and new filters', () => {
  it('is refused with Velero\'s message', () => {
    expect(mixedFilterError({ excludedResources: ['pvc'], excludedNamespaceScopedResources: ['secrets'] })).toContain('They cannot be used together');
    expect(mixedFilterError({ excludedResources: ['pvc'] })).toBeNull();
  });
});
