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
