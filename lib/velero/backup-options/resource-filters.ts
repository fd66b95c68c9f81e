// Old- and new-style resource filters for the three resources the prediction needs (velero-objects.md a.4):
// pods (are pods backed up at all), persistentvolumeclaims (backupExcludePVC) and persistentvolumes (issue 10).
// pkg/util/collections/includes_excludes.go; entries resolve through discovery's shortcut expander.
import type { BackupSpec } from '../../model/velero';
import type { IncludeExcludePolicy } from '../../rules/policy/types';
import { globSetMatch } from './glob';
import type { Sourced } from './types';

type Known = 'pods' | 'persistentvolumeclaims' | 'persistentvolumes';
const RESOURCES: Record<Known, { short: string; singular: string; namespaced: boolean }> = {
  pods: { short: 'po', singular: 'pod', namespaced: true },
  persistentvolumeclaims: { short: 'pvc', singular: 'persistentvolumeclaim', namespaced: true },
  persistentvolumes: { short: 'pv', singular: 'persistentvolume', namespaced: false },
};

/**
 * discovery.Helper.ResourceFor for the core resources we care about: the shortcut expander (exact short name),
 * then the REST mapper (lower-cased plural or singular). Anything else is returned as written: Velero keeps
 * unresolvable entries, and a resolvable other resource can never match these three names.
 */
export function resolveResource(item: string): { name: string; namespaced: boolean | null } {
  if (item.includes('.')) return { name: item, namespaced: null };
  for (const [plural, r] of Object.entries(RESOURCES) as Array<[Known, (typeof RESOURCES)[Known]]>) {
    const lower = item.toLowerCase();
    if (item === r.short || lower === plural || lower === r.singular) return { name: plural, namespaced: r.namespaced };
  }
  return { name: item, namespaced: null };
}

/** generateIncludesExcludes / generateFilter: `*` kept, scoped lists drop entries of the other scope. */
function mapList(items: readonly string[] | null | undefined, scope: 'global' | 'namespaced' | 'cluster', isExclude = false): string[] {
  const out: string[] = [];
  for (const item of items ?? []) {
    if (item === '*') {
      if (!(scope === 'global' && isExclude)) out.push(item);
      continue;
    }
    const { name, namespaced } = resolveResource(item);
    if (scope !== 'global' && namespaced !== null && namespaced !== (scope === 'namespaced')) continue;
    out.push(name);
  }
  return out;
}

interface Filter {
  includes: string[];
  excludes: string[];
}
const includesMatch = (f: Filter, name: string) => f.includes.length === 0 || f.includes.includes('*') || globSetMatch(f.includes, name);

/** collections.UseOldResourceFilters. */
export function usesOldResourceFilters(spec: BackupSpec): boolean {
  return spec.includeClusterResources != null || (spec.includedResources?.length ?? 0) > 0 || (spec.excludedResources?.length ?? 0) > 0;
}

/** oldAndNewFilterParametersUsedTogether (backup_controller.go), with Velero's message. */
export function mixedFilterError(spec: BackupSpec): string | null {
  const hasNew = [spec.includedClusterScopedResources, spec.excludedClusterScopedResources, spec.includedNamespaceScopedResources, spec.excludedNamespaceScopedResources]
    .some((l) => (l?.length ?? 0) > 0);
  if (!(usesOldResourceFilters(spec) && hasNew)) return null;
  return 'include-resources, exclude-resources and include-cluster-resources are old filter parameters.\n'
    + 'include-cluster-scoped-resources, exclude-cluster-scoped-resources, include-namespace-scoped-resources and exclude-namespace-scoped-resources are new filter parameters.\n'
    + 'They cannot be used together';
}

export const POLICY_WITH_OLD_FILTERS_ERROR = 'include-resources, exclude-resources and include-cluster-resources are old filter parameters.\n'
  + 'They cannot be used with include-exclude policies.';

function validateScoped(includes: readonly string[], excludes: readonly string[]): string[] {
  const inc = new Set(includes);
  const exc = new Set(excludes);
  const errors: string[] = [];
  if (inc.size > 1 && inc.has('*')) errors.push("includes list must either contain '*' only, or a non-empty list of items");
  if (exc.size > 1 && exc.has('*')) errors.push("excludes list must either contain '*' only, or a non-empty list of items");
  if (inc.size > 0 && exc.has('*')) errors.push("when exclude is '*', include cannot have value");
  for (const item of [...exc].sort()) if (inc.has(item)) errors.push(`excludes list cannot contain an item in the includes list: ${item}`);
  return errors;
}

function validateGlobal(includes: readonly string[], excludes: readonly string[]): string[] {
  const inc = new Set(includes);
  const errors: string[] = [];
  if (inc.size > 1 && inc.has('*')) errors.push("includes list must either contain '*' only, or a non-empty list of items");
  if (excludes.includes('*')) errors.push("excludes list cannot contain '*'");
  for (const item of [...new Set(excludes)].sort()) if (inc.has(item)) errors.push(`excludes list cannot contain an item in the includes list: ${item}`);
  return errors;
}

export interface ResourceFilterResult {
  style: 'old' | 'new';
  /** Velero's validation messages for the lists (prepareBackupRequest prefixes). */
  errors: string[];
  backupPods: Sourced<boolean>;
  backupExcludePVC: Sourced<boolean>;
  /** PVs pulled in by claims survive itemInclusionChecks (ShouldExclude is false): native snapshots can run. */
  persistentVolumesIncluded: Sourced<boolean>;
}

const sourced = (value: boolean, why: string | null): Sourced<boolean> => (why ? { value, source: 'spec', note: why } : { value, source: 'default' });

function oldStyle(spec: BackupSpec): ResourceFilterResult {
  const includes = spec.includedResources ?? [];
  const excludes = spec.excludedResources ?? [];
  const errors = validateGlobal(includes, excludes).map((e) => `Invalid included/excluded resource lists: ${e}`);
  const filter: Filter = { includes: mapList(includes, 'global'), excludes: mapList(excludes, 'global', true) };
  const include = (name: Known) => !globSetMatch(filter.excludes, name) && includesMatch(filter, name);
  const why = (name: Known, included: boolean) =>
    globSetMatch(filter.excludes, name) ? `spec.excludedResources matches ${name}`
      : !included ? `spec.includedResources does not include ${name}`
        : includes.length ? `spec.includedResources includes ${name}` : null;
  const pods = include('pods');
  const pvcs = include('persistentvolumeclaims');
  // GlobalIncludesExcludes.ShouldExclude for a cluster-scoped type.
  const clusterFalse = spec.includeClusterResources === false;
  const pvExcluded = globSetMatch(filter.excludes, 'persistentvolumes') || clusterFalse || (spec.includeClusterResources == null && !include('persistentvolumes'));
  return {
    style: 'old',
    errors,
    backupPods: sourced(pods, why('pods', pods)),
    backupExcludePVC: sourced(!pvcs, why('persistentvolumeclaims', pvcs)),
    persistentVolumesIncluded: sourced(!pvExcluded, clusterFalse ? 'spec.includeClusterResources is false' : why('persistentvolumes', !pvExcluded)),
  };
}

/** ScopeIncludesExcludes.CombineWithPolicy: a policy entry is added only when the spec's lists do not already match it. */
function combine(filter: Filter, add: readonly string[] | undefined, scope: 'namespaced' | 'cluster', into: 'includes' | 'excludes', fromPolicy: Set<string>) {
  for (const item of mapList(add, scope)) {
    if (globSetMatch(filter.includes, item) || globSetMatch(filter.excludes, item)) continue;
    filter[into].push(item);
    fromPolicy.add(item);
  }
}

function newStyle(spec: BackupSpec, policy: IncludeExcludePolicy | null): ResourceFilterResult {
  const nsInc = spec.includedNamespaceScopedResources ?? [];
  const nsExc = spec.excludedNamespaceScopedResources ?? [];
  const clInc = spec.includedClusterScopedResources ?? [];
  const clExc = spec.excludedClusterScopedResources ?? [];
  const errors = [
    ...validateScoped(clInc, clExc).map((e) => `Invalid cluster-scoped included/excluded resource lists: ${e}`),
    ...validateScoped(nsInc, nsExc).map((e) => `Invalid namespace-scoped included/excluded resource lists: ${e}`),
  ];
  const ns: Filter = { includes: mapList(nsInc, 'namespaced'), excludes: mapList(nsExc, 'namespaced') };
  const cl: Filter = { includes: mapList(clInc, 'cluster'), excludes: mapList(clExc, 'cluster') };
  const fromPolicy = new Set<string>();
  if (policy) {
    combine(ns, policy.excludedNamespaceScopedResources, 'namespaced', 'excludes', fromPolicy);
    combine(ns, policy.includedNamespaceScopedResources, 'namespaced', 'includes', fromPolicy);
    combine(cl, policy.excludedClusterScopedResources, 'cluster', 'excludes', fromPolicy);
    combine(cl, policy.includedClusterScopedResources, 'cluster', 'includes', fromPolicy);
  }
  const include = (name: Known) => !(ns.excludes.includes('*') || globSetMatch(ns.excludes, name)) && includesMatch(ns, name);
  const origin = (f: Filter, list: 'includes' | 'excludes') => {
    const policyOnly = f[list].filter((i) => fromPolicy.has(i));
    return (name: string) => (globSetMatch(policyOnly, name) && !globSetMatch(f[list].filter((i) => !fromPolicy.has(i)), name) ? 'the resource policy\'s includeExcludePolicy' : 'spec');
  };
  const why = (name: Known, included: boolean) => {
    if (!included) {
      const excluded = ns.excludes.includes('*') || globSetMatch(ns.excludes, name);
      return excluded ? `${origin(ns, 'excludes')(name)} excludes ${name} (excludedNamespaceScopedResources)` : `${origin(ns, 'includes')(name)} includes namespace-scoped resources without ${name}`;
    }
    return ns.includes.length ? `includedNamespaceScopedResources includes ${name}` : null;
  };
  const pods = include('pods');
  const pvcs = include('persistentvolumeclaims');
  const pvExcluded = globSetMatch(cl.excludes, 'persistentvolumes');
  return {
    style: 'new',
    errors,
    backupPods: sourced(pods, why('pods', pods)),
    backupExcludePVC: sourced(!pvcs, why('persistentvolumeclaims', pvcs)),
    persistentVolumesIncluded: sourced(!pvExcluded, pvExcluded ? `${origin(cl, 'excludes')('persistentvolumes')} excludes persistentvolumes (excludedClusterScopedResources)` : null),
  };
}

/** The spec's resource filter, combined with the policy's includeExcludePolicy when the new style is used. */
export function resourceFilters(spec: BackupSpec, policy: IncludeExcludePolicy | null): ResourceFilterResult {
  return usesOldResourceFilters(spec) ? oldStyle(spec) : newStyle(spec, policy);
}
