// Old- and new-style resource filters for the three resources the prediction needs (velero-objects.md a.4):
// pods (are pods backed up at all), persistentvolumeclaims (backupExcludePVC) and persistentvolumes (issue 10).
// pkg/util/collections/includes_excludes.go; entries resolve through discovery's shortcut expander.
import type { BackupSpec } from '../../model/velero';
import type { IncludeExcludePolicy } from '../../rules/policy/types';
import { globSetMatch } from './glob';
import type { Sourced } from './types';

type Known = 'pods' | 'persistentvolumeclaims' | 'persistentvolumes';

interface BuiltIn {
  plural: string;
  singular: string;
  group: string;
  namespaced: boolean;
  short?: readonly string[];
}

const r = (group: string, namespaced: boolean, plural: string, singular: string, short?: readonly string[]): BuiltIn => ({ plural, singular, group, namespaced, ...(short ? { short } : {}) });

/**
 * What discovery serves on every supported cluster (GA built-ins of Kubernetes 1.30+, the CSI snapshot CRDs the
 * snapshot side needs anyway, and Velero's own CRDs), in discovery's group order: core first. Names, singulars
 * (the lower-case kind) and short names as `kubectl api-resources` lists them.
 */
const BUILT_INS: readonly BuiltIn[] = [
  r('', true, 'bindings', 'binding'),
  r('', false, 'componentstatuses', 'componentstatus', ['cs']),
  r('', true, 'configmaps', 'configmap', ['cm']),
  r('', true, 'endpoints', 'endpoints', ['ep']),
  r('', true, 'events', 'event', ['ev']),
  r('', true, 'limitranges', 'limitrange', ['limits']),
  r('', false, 'namespaces', 'namespace', ['ns']),
  r('', false, 'nodes', 'node', ['no']),
  r('', true, 'persistentvolumeclaims', 'persistentvolumeclaim', ['pvc']),
  r('', false, 'persistentvolumes', 'persistentvolume', ['pv']),
  r('', true, 'pods', 'pod', ['po']),
  r('', true, 'podtemplates', 'podtemplate'),
  r('', true, 'replicationcontrollers', 'replicationcontroller', ['rc']),
  r('', true, 'resourcequotas', 'resourcequota', ['quota']),
  r('', true, 'secrets', 'secret'),
  r('', true, 'serviceaccounts', 'serviceaccount', ['sa']),
  r('', true, 'services', 'service', ['svc']),
  r('admissionregistration.k8s.io', false, 'mutatingwebhookconfigurations', 'mutatingwebhookconfiguration'),
  r('admissionregistration.k8s.io', false, 'validatingadmissionpolicies', 'validatingadmissionpolicy'),
  r('admissionregistration.k8s.io', false, 'validatingadmissionpolicybindings', 'validatingadmissionpolicybinding'),
  r('admissionregistration.k8s.io', false, 'validatingwebhookconfigurations', 'validatingwebhookconfiguration'),
  r('apiextensions.k8s.io', false, 'customresourcedefinitions', 'customresourcedefinition', ['crd', 'crds']),
  r('apiregistration.k8s.io', false, 'apiservices', 'apiservice'),
  r('apps', true, 'controllerrevisions', 'controllerrevision'),
  r('apps', true, 'daemonsets', 'daemonset', ['ds']),
  r('apps', true, 'deployments', 'deployment', ['deploy']),
  r('apps', true, 'replicasets', 'replicaset', ['rs']),
  r('apps', true, 'statefulsets', 'statefulset', ['sts']),
  r('authentication.k8s.io', false, 'selfsubjectreviews', 'selfsubjectreview'),
  r('authentication.k8s.io', false, 'tokenreviews', 'tokenreview'),
  r('authorization.k8s.io', true, 'localsubjectaccessreviews', 'localsubjectaccessreview'),
  r('authorization.k8s.io', false, 'selfsubjectaccessreviews', 'selfsubjectaccessreview'),
  r('authorization.k8s.io', false, 'selfsubjectrulesreviews', 'selfsubjectrulesreview'),
  r('authorization.k8s.io', false, 'subjectaccessreviews', 'subjectaccessreview'),
  r('autoscaling', true, 'horizontalpodautoscalers', 'horizontalpodautoscaler', ['hpa']),
  r('batch', true, 'cronjobs', 'cronjob', ['cj']),
  r('batch', true, 'jobs', 'job'),
  r('certificates.k8s.io', false, 'certificatesigningrequests', 'certificatesigningrequest', ['csr']),
  r('coordination.k8s.io', true, 'leases', 'lease'),
  r('discovery.k8s.io', true, 'endpointslices', 'endpointslice'),
  r('events.k8s.io', true, 'events', 'event', ['ev']),
  r('flowcontrol.apiserver.k8s.io', false, 'flowschemas', 'flowschema'),
  r('flowcontrol.apiserver.k8s.io', false, 'prioritylevelconfigurations', 'prioritylevelconfiguration'),
  r('networking.k8s.io', false, 'ingressclasses', 'ingressclass'),
  r('networking.k8s.io', true, 'ingresses', 'ingress', ['ing']),
  r('networking.k8s.io', true, 'networkpolicies', 'networkpolicy', ['netpol']),
  r('node.k8s.io', false, 'runtimeclasses', 'runtimeclass'),
  r('policy', true, 'poddisruptionbudgets', 'poddisruptionbudget', ['pdb']),
  r('rbac.authorization.k8s.io', false, 'clusterrolebindings', 'clusterrolebinding'),
  r('rbac.authorization.k8s.io', false, 'clusterroles', 'clusterrole'),
  r('rbac.authorization.k8s.io', true, 'rolebindings', 'rolebinding'),
  r('rbac.authorization.k8s.io', true, 'roles', 'role'),
  r('scheduling.k8s.io', false, 'priorityclasses', 'priorityclass', ['pc']),
  r('storage.k8s.io', false, 'csidrivers', 'csidriver'),
  r('storage.k8s.io', false, 'csinodes', 'csinode'),
  r('storage.k8s.io', true, 'csistoragecapacities', 'csistoragecapacity'),
  r('storage.k8s.io', false, 'storageclasses', 'storageclass', ['sc']),
  r('storage.k8s.io', false, 'volumeattachments', 'volumeattachment'),
  r('snapshot.storage.k8s.io', false, 'volumesnapshotclasses', 'volumesnapshotclass', ['vsclass', 'vsclasses']),
  r('snapshot.storage.k8s.io', false, 'volumesnapshotcontents', 'volumesnapshotcontent', ['vsc', 'vscs']),
  r('snapshot.storage.k8s.io', true, 'volumesnapshots', 'volumesnapshot', ['vs']),
  ...([
    ['backuprepositories', 'backuprepository'], ['backups', 'backup'], ['backupstoragelocations', 'backupstoragelocation', 'bsl'],
    ['datadownloads', 'datadownload'], ['datauploads', 'dataupload'], ['deletebackuprequests', 'deletebackuprequest'],
    ['downloadrequests', 'downloadrequest'], ['podvolumebackups', 'podvolumebackup'], ['podvolumerestores', 'podvolumerestore'],
    ['restores', 'restore'], ['schedules', 'schedule'], ['serverstatusrequests', 'serverstatusrequest'],
    ['volumesnapshotlocations', 'volumesnapshotlocation', 'vsl'],
  ] as const).map(([plural, singular, short]) => r('velero.io', true, plural, singular, short ? [short] : undefined)),
];

/** Characters that never appear in a resource name: such an entry cannot resolve and is kept as a glob. */
const GLOB_META = /[*?[\]{}\\!]/;

export interface ResolvedResource {
  /** gr.String(): `pods`, `storageclasses.storage.k8s.io`, or the entry as written when it does not resolve. */
  name: string;
  /** null: not resolved, so kept in either scope. */
  namespaced: boolean | null;
  /** Not resolved, but it might be a resource discovery serves that this table does not know (a CRD, an aggregated API). */
  uncertain: boolean;
}

/**
 * discovery.Helper.ResourceFor(schema.ParseGroupResource(item)) against BUILT_INS: the shortcut expander (exact
 * short name, in group order, within the entry's group if it names one), then the REST mapper (the lower-cased
 * plural or singular, in the entry's group if it names one). Velero keeps an entry it cannot resolve as written.
 */
export function resolveResource(item: string): ResolvedResource {
  const dot = item.indexOf('.');
  const group = dot >= 0 ? item.slice(dot + 1) : '';
  let resource = dot >= 0 ? item.slice(0, dot) : item;
  const inGroup = (b: BuiltIn) => group === '' || b.group === group;
  const shortcut = BUILT_INS.find((b) => inGroup(b) && (b.short ?? []).includes(resource));
  if (shortcut) resource = shortcut.plural;
  const lower = resource.toLowerCase();
  const found = BUILT_INS.find((b) => inGroup(b) && (b.plural === lower || b.singular === lower));
  if (found) return { name: found.group ? `${found.plural}.${found.group}` : found.plural, namespaced: found.namespaced, uncertain: false };
  return { name: item, namespaced: null, uncertain: !GLOB_META.test(item) };
}

/**
 * generateIncludesExcludes / generateFilter with scopeResourceMapFunc: `*` kept, and in a scoped list an entry
 * of the other scope maps to "" and is dropped. `uncertain` collects the entries kept only because they are not
 * known here (Velero drops them too if discovery serves them in the other scope).
 */
function mapList(items: readonly string[] | null | undefined, scope: 'global' | 'namespaced' | 'cluster', isExclude = false, unknown?: Unknowns): string[] {
  const out: string[] = [];
  for (const item of items ?? []) {
    if (item === '*') {
      if (!(scope === 'global' && isExclude)) out.push(item);
      continue;
    }
    const { name, namespaced, uncertain } = resolveResource(item);
    if (scope !== 'global' && namespaced !== null && namespaced !== (scope === 'namespaced')) continue;
    if (uncertain && scope !== 'global' && unknown) {
      unknown.seen.add(item);
      if (unknown.drop) continue;
    }
    out.push(name);
  }
  return out;
}

/** Scoped entries this table cannot resolve: kept as written (what Velero does when discovery does not know them either), or dropped. */
interface Unknowns {
  seen: Set<string>;
  drop: boolean;
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
  /** What had to be assumed about entries this dashboard cannot resolve. */
  warnings: string[];
  backupPods: Sourced<boolean>;
  backupExcludePVC: Sourced<boolean>;
  /** PVs pulled in by claims survive itemInclusionChecks (ShouldExclude is false): native snapshots can run. */
  persistentVolumesIncluded: Sourced<boolean>;
  /**
   * getResourceItems lists every PersistentVolume of the cluster as an item of its own (ShouldInclude is true),
   * so each goes through itemInclusionChecks and takePVSnapshot whether or not its claim is in the backup.
   */
  allPersistentVolumesListed: Sourced<boolean>;
}

/** What the namespace filter contributes (NamespaceIncludesExcludes.IncludeEverything). */
export interface NamespaceFilterFacts {
  includeEverything: boolean;
}

const sourced = (value: boolean, why: string | null): Sourced<boolean> => (why ? { value, source: 'spec', note: why } : { value, source: 'default' });

function oldStyle(spec: BackupSpec, namespaces: NamespaceFilterFacts): ResourceFilterResult {
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
  // GlobalIncludesExcludes.ShouldInclude for a cluster-scoped type: false when includeClusterResources is false, or
  // unset without a whole-cluster namespace filter; else the resource lists decide (no namespace-scoped condition).
  const clusterNil = spec.includeClusterResources == null;
  const listed = !clusterFalse && !(clusterNil && !namespaces.includeEverything) && include('persistentvolumes');
  const listedWhy = clusterFalse ? 'spec.includeClusterResources is false'
    : clusterNil && !namespaces.includeEverything ? 'includeClusterResources is unset and the backup does not take every namespace (excludes, labelled ones included, or a list)'
      : !listed ? why('persistentvolumes', listed)
        : clusterNil ? 'includeClusterResources is unset and the backup takes every namespace' : 'spec.includeClusterResources is true';
  return {
    style: 'old',
    errors,
    warnings: [],
    backupPods: sourced(pods, why('pods', pods)),
    backupExcludePVC: sourced(!pvcs, why('persistentvolumeclaims', pvcs)),
    persistentVolumesIncluded: sourced(!pvExcluded, clusterFalse ? 'spec.includeClusterResources is false' : why('persistentvolumes', !pvExcluded)),
    allPersistentVolumesListed: sourced(listed, listedWhy),
  };
}

/** ScopeIncludesExcludes.CombineWithPolicy: a policy entry is added only when the spec's lists do not already match it. */
function combine(filter: Filter, add: readonly string[] | undefined, scope: 'namespaced' | 'cluster', into: 'includes' | 'excludes', fromPolicy: Set<string>, unknown: Unknowns) {
  for (const item of mapList(add, scope, false, unknown)) {
    if (globSetMatch(filter.includes, item) || globSetMatch(filter.excludes, item)) continue;
    filter[into].push(item);
    fromPolicy.add(item);
  }
}

interface ScopedFilters {
  ns: Filter;
  cl: Filter;
  fromPolicy: Set<string>;
  pods: boolean;
  pvcs: boolean;
  pvExcluded: boolean;
  pvListed: boolean;
}

/** GetScopeResourceIncludesExcludes + CombineWithPolicy, then ScopeIncludesExcludes.ShouldInclude / ShouldExclude. */
function scopedFilters(spec: BackupSpec, policy: IncludeExcludePolicy | null, unknown: Unknowns, namespaces: NamespaceFilterFacts): ScopedFilters {
  const ns: Filter = { includes: mapList(spec.includedNamespaceScopedResources, 'namespaced', false, unknown), excludes: mapList(spec.excludedNamespaceScopedResources, 'namespaced', false, unknown) };
  const cl: Filter = { includes: mapList(spec.includedClusterScopedResources, 'cluster', false, unknown), excludes: mapList(spec.excludedClusterScopedResources, 'cluster', false, unknown) };
  const fromPolicy = new Set<string>();
  if (policy) {
    combine(ns, policy.excludedNamespaceScopedResources, 'namespaced', 'excludes', fromPolicy, unknown);
    combine(ns, policy.includedNamespaceScopedResources, 'namespaced', 'includes', fromPolicy, unknown);
    combine(cl, policy.excludedClusterScopedResources, 'cluster', 'excludes', fromPolicy, unknown);
    combine(cl, policy.includedClusterScopedResources, 'cluster', 'includes', fromPolicy, unknown);
  }
  const include = (name: Known) => !(ns.excludes.includes('*') || globSetMatch(ns.excludes, name)) && includesMatch(ns, name);
  // ScopeIncludesExcludes.ShouldInclude for a cluster-scoped type: excluded by `*` or a match; with both cluster lists
  // empty, listed for a whole-cluster backup (every namespace, IncludesExcludes.IncludeEverything of the
  // namespace-scoped lists); else only by `*` or a match in includedClusterScopedResources.
  const nsIncludes = new Set(ns.includes);
  const everyNamespacedType = ns.excludes.length === 0 && (nsIncludes.size === 0 || (nsIncludes.size === 1 && nsIncludes.has('*')));
  const pvListed = !(cl.excludes.includes('*') || globSetMatch(cl.excludes, 'persistentvolumes'))
    && ((cl.includes.length === 0 && cl.excludes.length === 0 && namespaces.includeEverything && everyNamespacedType)
      || cl.includes.includes('*') || globSetMatch(cl.includes, 'persistentvolumes'));
  return { ns, cl, fromPolicy, pods: include('pods'), pvcs: include('persistentvolumeclaims'), pvExcluded: globSetMatch(cl.excludes, 'persistentvolumes'), pvListed };
}

function newStyle(spec: BackupSpec, policy: IncludeExcludePolicy | null, namespaces: NamespaceFilterFacts): ResourceFilterResult {
  const nsInc = spec.includedNamespaceScopedResources ?? [];
  const nsExc = spec.excludedNamespaceScopedResources ?? [];
  const clInc = spec.includedClusterScopedResources ?? [];
  const clExc = spec.excludedClusterScopedResources ?? [];
  const errors = [
    ...validateScoped(clInc, clExc).map((e) => `Invalid cluster-scoped included/excluded resource lists: ${e}`),
    ...validateScoped(nsInc, nsExc).map((e) => `Invalid namespace-scoped included/excluded resource lists: ${e}`),
  ];
  const unknown: Unknowns = { seen: new Set(), drop: false };
  const kept = scopedFilters(spec, policy, unknown, namespaces);
  // The same lists with the unknown entries dropped, as Velero would if discovery serves them in the other scope.
  const dropped = unknown.seen.size ? scopedFilters(spec, policy, { seen: new Set(), drop: true }, namespaces) : kept;
  const { ns, cl, fromPolicy, pods, pvcs, pvExcluded, pvListed } = kept;
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
  const names = [...unknown.seen].sort().map((n) => JSON.stringify(n)).join(', ');
  const consequences: string[] = [];
  const decide = (value: boolean, other: boolean, note: string | null, consequence: string): Sourced<boolean> => {
    if (value === other) return sourced(value, note);
    consequences.push(consequence);
    return { value, source: 'assumed', note: `${note ?? 'resource filters'}; assumes ${names} ${unknown.seen.size > 1 ? 'are' : 'is'} kept (not a resource of the other scope)` };
  };
  const backupPods = decide(pods, dropped.pods, why('pods', pods), `pods are ${dropped.pods ? '' : 'not '}backed up`);
  const backupExcludePVC = decide(!pvcs, !dropped.pvcs, why('persistentvolumeclaims', pvcs), `claims are ${dropped.pvcs ? '' : 'not '}backed up`);
  const persistentVolumesIncluded = decide(!pvExcluded, !dropped.pvExcluded,
    pvExcluded ? `${origin(cl, 'excludes')('persistentvolumes')} excludes persistentvolumes (excludedClusterScopedResources)` : null,
    `persistent volumes are ${dropped.pvExcluded ? 'dropped' : 'kept'}`);
  const clusterListsEmpty = cl.includes.length === 0 && cl.excludes.length === 0;
  const listedNote = pvListed
    ? (clusterListsEmpty ? 'no cluster-scoped lists, every namespace and every namespace-scoped type: a whole-cluster backup' : 'includedClusterScopedResources includes persistentvolumes')
    : pvExcluded || cl.excludes.includes('*') ? 'excludedClusterScopedResources excludes persistentvolumes'
      : clusterListsEmpty ? 'no cluster-scoped lists, and not every namespace or namespace-scoped type is taken' : 'includedClusterScopedResources does not include persistentvolumes';
  const listedDecided = decide(pvListed, dropped.pvListed, listedNote, `every persistent volume is ${dropped.pvListed ? '' : 'not '}listed`);
  const noLists = nsInc.length + nsExc.length + clInc.length + clExc.length === 0 && fromPolicy.size === 0;
  const allPersistentVolumesListed: Sourced<boolean> = noLists && listedDecided.source === 'spec' ? { ...listedDecided, source: 'default' } : listedDecided;
  const them = unknown.seen.size > 1 ? 'them' : 'it';
  const warnings = consequences.length === 0 ? [] : [
    `The scoped resource filters name ${names}, which this dashboard cannot resolve: it assumes Velero's discovery cannot either and keeps ${them} in the list (scopeResourceMapFunc). `
      + `If the cluster serves ${them} in the other scope, Velero drops ${them}, and then ${consequences.join(' and ')}.`,
  ];
  return { style: 'new', errors, warnings, backupPods, backupExcludePVC, persistentVolumesIncluded, allPersistentVolumesListed };
}

/**
 * The spec's resource filter, combined with the policy's includeExcludePolicy when the new style is used.
 * `namespaces`: the resolved namespace filter (whether cluster-scoped types are listed may depend on it).
 */
export function resourceFilters(spec: BackupSpec, policy: IncludeExcludePolicy | null, namespaces: NamespaceFilterFacts = { includeEverything: false }): ResourceFilterResult {
  return usesOldResourceFilters(spec) ? oldStyle(spec, namespaces) : newStyle(spec, policy, namespaces);
}
