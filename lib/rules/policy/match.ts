// First-match evaluation of a validated resource policy (Velero's Policies.match and each volumeCondition.match).
import type { PolicyMatch, PolicyTarget, VolumePolicyMatcher } from '../policy';
import { capacityInRange, parseCapacity, type CapacityRange } from './capacity';
import { filterDataFor, type FilterData } from './filter-data';
import { quantityNanos } from './quantity';
import type { ResourcePolicy, VolumeConditions, VolumePolicy } from './types';

type Check = (data: FilterData, size: bigint) => boolean;

function capacityCheck(range: CapacityRange): Check {
  return (_data, size) => capacityInRange(range, size);
}

function listCheck(list: readonly string[], value: (d: FilterData) => string, emptyValueFails: boolean): Check {
  return (data) => {
    if (list.length === 0) return true;
    const v = value(data);
    if (emptyValueFails && v === '') return false;
    return list.includes(v);
  };
}

/** nfsCondition.match: {} any NFS; server only → equal server; path (± server) → equal path and server if given. */
function nfsCheck(nfs: NonNullable<VolumeConditions['nfs']>): Check {
  const server = nfs.server ?? '';
  const path = nfs.path ?? '';
  return ({ nfs: v }) => {
    if (!v) return false;
    if (path === '') return server === '' || v.server === server;
    return v.path === path && (server === '' || v.server === server);
  };
}

/**
 * csiCondition.match: {} any CSI; else equal driver and every given attribute equal. Go reads a missing key of the
 * volume's attributes as "", so a condition value "" matches a volume without that attribute (when it has any).
 */
function csiCheck(csi: NonNullable<VolumeConditions['csi']>): Check {
  const driver = csi.driver ?? '';
  const attributes = Object.entries(csi.volumeAttributes ?? {});
  return ({ csi: v }) => {
    if (driver === '') return v !== null;
    if (!v || v.driver !== driver) return false;
    if (attributes.length === 0) return true;
    if (Object.keys(v.volumeAttributes).length === 0) return false;
    return attributes.every(([key, value]) => (v.volumeAttributes[key] ?? '') === value);
  };
}

/** pvcLabelsCondition.match (labels.SelectorFromSet): every pair present with the same value. */
function labelsCheck(labels: Record<string, string>): Check {
  const pairs = Object.entries(labels);
  return ({ pvcLabels }) => pairs.length === 0 || (pvcLabels !== null && pairs.every(([k, v]) => Object.hasOwn(pvcLabels, k) && pvcLabels[k] === v));
}

/** BuildPolicy: capacity, storageClass, nfs, csi, volumeTypes always; pvcLabels/pvcPhase only when non-empty. */
function compile(conditions: VolumeConditions): Check[] {
  const checks: Check[] = [];
  // An unwritten capacity is Velero's "[0,0]": it matches every size ≥ 0, so it needs no check.
  if (conditions.capacity) {
    const parsed = parseCapacity(conditions.capacity.raw);
    if (!parsed.ok) throw new Error(`capacity ${conditions.capacity.raw} did not validate: ${parsed.error}`);
    checks.push(capacityCheck(parsed.range));
  }
  if (conditions.storageClass) checks.push(listCheck(conditions.storageClass, (d) => d.storageClass, true));
  if (conditions.nfs) checks.push(nfsCheck(conditions.nfs));
  if (conditions.csi) checks.push(csiCheck(conditions.csi));
  if (conditions.volumeTypes) checks.push(listCheck(conditions.volumeTypes, (d) => d.volumeType, false));
  if (conditions.pvcLabels && Object.keys(conditions.pvcLabels).length) checks.push(labelsCheck(conditions.pvcLabels));
  if (conditions.pvcPhase && conditions.pvcPhase.length) checks.push(listCheck(conditions.pvcPhase, (d) => d.pvcPhase, true));
  return checks;
}

export interface PolicyHit {
  policy: VolumePolicy;
  /** The volume's filter data that the policy's conditions matched. */
  data: FilterData;
}

function compilePolicy(policy: ResourcePolicy) {
  return policy.volumePolicies.map((vp) => ({ policy: vp, checks: compile(vp.conditions) }));
}

function firstHit(compiled: ReturnType<typeof compilePolicy>, target: PolicyTarget): PolicyHit | null {
  if (compiled.length === 0) return null;
  const data = filterDataFor(target);
  const size = quantityNanos(data.capacity);
  const hit = compiled.find(({ checks }) => checks.every((check) => check(data, size)));
  return hit ? { policy: hit.policy, data } : null;
}

/** The first policy whose conditions all match the target, with the filter data it matched. */
export function matchingPolicy(policy: ResourcePolicy, target: PolicyTarget): PolicyHit | null {
  return firstHit(compilePolicy(policy), target);
}

/** A matcher for the verdict engine: conditions compiled once, first match wins. */
export function policyMatcher(policy: ResourcePolicy): VolumePolicyMatcher {
  const compiled = compilePolicy(policy);
  return {
    match(target: PolicyTarget): PolicyMatch | null {
      const hit = firstHit(compiled, target);
      return hit ? { index: hit.policy.index, action: hit.policy.action.type, conditions: summarizeConditions(hit.policy.conditions), data: hit.data } : null;
    },
  };
}

/** One line naming the conditions a policy wrote, e.g. `capacity 0,10Gi; storageClass gp3`; "any volume" when none. */
export function summarizeConditions(conditions: VolumeConditions): string {
  const parts: string[] = [];
  if (conditions.capacity) parts.push(`capacity ${conditions.capacity.raw}`);
  if (conditions.storageClass) parts.push(`storageClass ${conditions.storageClass.join(', ') || '(any)'}`);
  if (conditions.nfs) parts.push(`nfs ${[conditions.nfs.server, conditions.nfs.path].filter(Boolean).join(':') || '(any)'}`);
  if (conditions.csi) {
    const attrs = Object.entries(conditions.csi.volumeAttributes ?? {}).map(([k, v]) => `${k}=${v}`);
    parts.push(`csi ${conditions.csi.driver ?? '(any)'}${attrs.length ? ` {${attrs.join(', ')}}` : ''}`);
  }
  if (conditions.volumeTypes) parts.push(`volumeTypes ${conditions.volumeTypes.join(', ') || '(any)'}`);
  if (conditions.pvcLabels && Object.keys(conditions.pvcLabels).length) {
    parts.push(`pvcLabels ${Object.entries(conditions.pvcLabels).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  }
  if (conditions.pvcPhase && conditions.pvcPhase.length) parts.push(`pvcPhase ${conditions.pvcPhase.join(', ')}`);
  return parts.length ? parts.join('; ') : 'any volume';
}
