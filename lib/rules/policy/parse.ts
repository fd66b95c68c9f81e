// parseResourcePolicy: a resource-policy document decoded and validated as Velero v1.18.1 does
// (unmarshalResourcePolicies → BuildPolicy → Validate, internal/resourcepolicies). Velero stops at its first error;
// this reports every error it finds, each naming the field (list positions are 1-based, as the UI numbers policies).
import type { z } from 'zod';
import type { PolicyActionType } from '../policy';
import { capacityRangeValid, parseCapacity } from './capacity';
import { nanosToBytes } from './quantity';
import { goTypeAt, resourcePoliciesSchema, volumeConditionsSchema, type DecodedConditions } from './schema';
import type { IncludeExcludePolicy, PolicyIssue, PolicyParseResult, VolumeConditions, VolumePolicy } from './types';
import { parseYamlTree, pathKey, type TreePath, type TreeValue, type YamlTree } from './yaml-tree';

export const ACTION_TYPES: readonly PolicyActionType[] = ['skip', 'snapshot', 'fs-backup', 'custom'];
export const SUPPORTED_VERSION = 'v1';

/** `volumePolicies[2].conditions.capacity`: names 1-based, as the UI numbers policies. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return 'document';
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg + 1}]` : `${i ? '.' : ''}${String(seg)}`)).join('');
}

/**
 * Where Velero meets a refusal, and in which order (see PolicyIssue). `policy` is the 0-based volume policy;
 * Velero checks every policy's pvcLabels before it builds any, and validates a policy's action before its conditions.
 */
type Step =
  | { kind: 'decode' }
  | { kind: 'pvcLabels'; policy: number }
  | { kind: 'conditions' | 'capacity'; policy: number }
  | { kind: 'version' }
  | { kind: 'action' | 'capacityRange' | 'csi'; policy: number }
  | { kind: 'includeExclude' };

const WRAP: Partial<Record<Step['kind'], string>> = {
  // unmarshalResourcePolicies: fmt.Errorf("failed to decode yaml data into resource policies  %v", err) (two spaces).
  decode: 'failed to decode yaml data into resource policies  ',
  // unmarshalVolConditions: errors.Wrap(err, "failed to decode volume conditions").
  conditions: 'failed to decode volume conditions: ',
};
const READ_STEPS: ReadonlySet<Step['kind']> = new Set(['decode', 'pvcLabels', 'conditions', 'capacity']);
const VALIDATE_SUB: Partial<Record<Step['kind'], number>> = { action: 0, capacityRange: 1, csi: 2 };

function rank(step: Step): number {
  switch (step.kind) {
    case 'decode': return 0;
    case 'pvcLabels': return 1 + step.policy;
    case 'conditions': case 'capacity': return 1e6 + step.policy * 2 + (step.kind === 'capacity' ? 1 : 0);
    case 'version': return 2e6;
    case 'action': case 'capacityRange': case 'csi': return 2e6 + 1 + step.policy * 3 + (VALIDATE_SUB[step.kind] ?? 0);
    case 'includeExclude': return 3e6;
  }
}

class Problems {
  readonly list: string[] = [];
  private readonly ranked: Array<{ rank: number; issue: PolicyIssue }> = [];
  constructor(private readonly tree: YamlTree) {}

  add(path: TreePath, message: string, step: Step): void {
    const line = this.tree.lines.get(pathKey(path));
    this.record(`${formatPath(path)}: ${message}${line ? ` (line ${line})` : ''}`, step);
  }

  record(text: string, step: Step): void {
    this.list.push(text);
    this.ranked.push({ rank: rank(step), issue: { stage: READ_STEPS.has(step.kind) ? 'read' : 'validate', message: `${WRAP[step.kind] ?? ''}${text}` } });
  }

  /** In Velero's order (a stable sort: equal ranks keep the order they were found in). */
  issues(): PolicyIssue[] {
    return [...this.ranked].sort((a, b) => a.rank - b.rank).map((r) => r.issue);
  }

  fromZod(prefix: TreePath, issues: readonly z.core.$ZodIssue[], step: Step): void {
    for (const issue of issues) {
      const path = [...prefix, ...(issue.path as Array<string | number>)];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) this.add([...path, key], `unknown field (Velero: field ${key} not found in type ${goTypeAt(path)})`, step);
      } else {
        this.add(path, issue.message, step);
      }
    }
  }
}

const isMap = (value: TreeValue | undefined): value is Record<string, TreeValue> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** unmarshalResourcePolicies' own check: pvcLabels must decode as map[string]any / map[string]string. */
function checkPvcLabelsShape(tree: YamlTree, raw: TreeValue | undefined, path: TreePath, problems: Problems, policy: number): boolean {
  if (raw === undefined) return true;
  if (isMap(raw) && !tree.nonStringKeys.has(raw)) return true;
  const got = raw === null ? '<nil>' : Array.isArray(raw) ? '[]interface {}' : isMap(raw) ? 'map[interface {}]interface {}' : 'string';
  problems.add(path, `must be a map of label names to values (Velero: pvcLabels must be a map of string to string, got ${got})`, { kind: 'pvcLabels', policy });
  return false;
}

function buildConditions(decoded: NonNullable<DecodedConditions> | null, path: TreePath, problems: Problems, policy: number): VolumeConditions {
  const conditions: VolumeConditions = {};
  if (!decoded) return conditions;
  if (decoded.capacity !== undefined) {
    const parsed = parseCapacity(decoded.capacity);
    if (!parsed.ok) problems.add([...path, 'capacity'], parsed.error, { kind: 'capacity', policy });
    else if (!capacityRangeValid(parsed.range)) {
      problems.add([...path, 'capacity'], `"${decoded.capacity}": the lower bound is above the upper bound (Velero: illegal values for capacity)`, { kind: 'capacityRange', policy });
    } else if (decoded.capacity !== '') {
      conditions.capacity = { raw: decoded.capacity, lower: nanosToBytes(parsed.range.lower), upper: nanosToBytes(parsed.range.upper) };
    }
  }
  if (decoded.storageClass) conditions.storageClass = decoded.storageClass;
  if (decoded.nfs) {
    conditions.nfs = {};
    if (decoded.nfs.server) conditions.nfs.server = decoded.nfs.server;
    if (decoded.nfs.path) conditions.nfs.path = decoded.nfs.path;
  }
  if (decoded.csi) {
    const driver = decoded.csi.driver ?? '';
    const attributes = decoded.csi.volumeAttributes;
    if (driver === '' && attributes !== null && attributes !== undefined) {
      problems.add([...path, 'csi', 'volumeAttributes'], 'needs csi.driver (Velero: csi driver should not be empty when filtering by volume attributes)', { kind: 'csi', policy });
    }
    conditions.csi = {};
    if (driver) conditions.csi.driver = driver;
    if (attributes) conditions.csi.volumeAttributes = attributes;
  }
  if (decoded.volumeTypes) conditions.volumeTypes = decoded.volumeTypes;
  if (decoded.pvcLabels) conditions.pvcLabels = decoded.pvcLabels;
  if (decoded.pvcPhase) conditions.pvcPhase = decoded.pvcPhase;
  return conditions;
}

function checkIncludeExclude(policy: IncludeExcludePolicy, problems: Problems): void {
  const scopes = [
    ['includedClusterScopedResources', 'excludedClusterScopedResources'],
    ['includedNamespaceScopedResources', 'excludedNamespaceScopedResources'],
  ] as const;
  for (const [inc, exc] of scopes) {
    for (const field of [inc, exc]) {
      if (policy[field].includes('*')) problems.add(['includeExcludePolicy', field], `"*" is not allowed (Velero: cannot use '*' in includes or excludes filters in the policy)`, { kind: 'includeExclude' });
    }
    for (const item of [...new Set(policy[exc])].sort()) {
      if (policy[inc].includes(item)) problems.add(['includeExcludePolicy', exc], `"${item}" is also in ${inc} (Velero: excludes list cannot contain an item in the includes list: ${item})`, { kind: 'includeExclude' });
    }
  }
}

export function parseResourcePolicy(text: string): PolicyParseResult {
  const tree = parseYamlTree(text);
  const problems = new Problems(tree);
  if (tree.errors.length) {
    for (const error of tree.errors) problems.record(error, { kind: 'decode' });
    return { ok: false, errors: problems.list, issues: problems.issues() };
  }
  const top = resourcePoliciesSchema.safeParse(tree.root);
  if (!top.success) {
    problems.fromZod([], top.error.issues, { kind: 'decode' });
    return { ok: false, errors: problems.list, issues: problems.issues() };
  }
  const decoded = top.data ?? {};
  const version = decoded.version ?? '';
  if (version !== SUPPORTED_VERSION) {
    problems.add(['version'], `"${version}" must be "${SUPPORTED_VERSION}" (Velero: incompatible version number ${version} with supported version ${SUPPORTED_VERSION})`, { kind: 'version' });
  }

  const rawPolicies = isMap(tree.root) && Array.isArray(tree.root.volumePolicies) ? tree.root.volumePolicies : [];
  const volumePolicies: VolumePolicy[] = (decoded.volumePolicies ?? []).map((policy, i) => {
    const path: TreePath = ['volumePolicies', i, 'conditions'];
    const raw = rawPolicies[i];
    const rawConditions = isMap(raw) ? raw.conditions : undefined;
    const labelsOk = checkPvcLabelsShape(tree, isMap(rawConditions) ? rawConditions.pvcLabels : undefined, [...path, 'pvcLabels'], problems, i);
    const second = volumeConditionsSchema.safeParse(rawConditions ?? null);
    // Velero stops at the pvcLabels shape check; do not report the same field twice.
    if (!second.success) problems.fromZod(path, second.error.issues.filter((issue) => labelsOk || issue.path[0] !== 'pvcLabels'), { kind: 'conditions', policy: i });
    const conditions = buildConditions(second.success ? second.data : null, path, problems, i);
    const type = policy.action?.type ?? '';
    if (!(ACTION_TYPES as readonly string[]).includes(type)) {
      problems.add(['volumePolicies', i, 'action', 'type'], `"${type}" must be one of ${ACTION_TYPES.join(', ')} (Velero: invalid action type ${type})`, { kind: 'action', policy: i });
    }
    const parameters = policy.action?.parameters;
    return {
      index: i + 1,
      conditions,
      action: { type: type as PolicyActionType, ...(parameters ? { parameters } : {}) },
      yaml: tree.itemText.get(pathKey(['volumePolicies', i])) ?? '',
    };
  });

  const ie = decoded.includeExcludePolicy;
  const includeExcludePolicy: IncludeExcludePolicy | null = ie
    ? {
        includedClusterScopedResources: ie.includedClusterScopedResources ?? [],
        excludedClusterScopedResources: ie.excludedClusterScopedResources ?? [],
        includedNamespaceScopedResources: ie.includedNamespaceScopedResources ?? [],
        excludedNamespaceScopedResources: ie.excludedNamespaceScopedResources ?? [],
      }
    : null;
  if (includeExcludePolicy) checkIncludeExclude(includeExcludePolicy, problems);

  if (problems.list.length) return { ok: false, errors: problems.list, issues: problems.issues() };
  return { ok: true, policy: { version: 'v1', volumePolicies, includeExcludePolicy } };
}
