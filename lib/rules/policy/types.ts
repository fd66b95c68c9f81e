// The resource-policy document Velero reads from a ConfigMap (velero-rules.md §7, velero-objects.md a.6), as
// decoded by lib/rules/policy/parse.ts. Only a document that decoded and validated is ever evaluated.
import type { PolicyActionType } from '../policy';

export interface CapacityCondition {
  /** As written, e.g. "10Gi,100Gi". */
  raw: string;
  /** Bytes; 0 when that side is empty. */
  lower: number;
  upper: number;
}

export interface VolumeConditions {
  capacity?: CapacityCondition;
  storageClass?: string[];
  nfs?: { server?: string; path?: string };
  csi?: { driver?: string; volumeAttributes?: Record<string, string> };
  volumeTypes?: string[];
  pvcLabels?: Record<string, string>;
  pvcPhase?: string[];
}

export interface VolumePolicy {
  /** 1-based, as the UI and evidence.policy name it. */
  index: number;
  conditions: VolumeConditions;
  action: { type: PolicyActionType; parameters?: Record<string, unknown> };
  /** The policy's own YAML text, for the detail panel. */
  yaml: string;
}

export interface IncludeExcludePolicy {
  includedClusterScopedResources: string[];
  excludedClusterScopedResources: string[];
  includedNamespaceScopedResources: string[];
  excludedNamespaceScopedResources: string[];
}

export interface ResourcePolicy {
  version: 'v1';
  volumePolicies: VolumePolicy[];
  includeExcludePolicy: IncludeExcludePolicy | null;
}

/**
 * One refusal, placed where Velero meets it: `read` is getResourcePoliciesFromConfig (the YAML decode,
 * unmarshalResourcePolicies' pvcLabels check, BuildPolicy's conditions decode and capacity parse), `validate` is
 * Policies.Validate. `message` is the error as Velero's message carries it: Velero's own wrapping ("failed to
 * decode yaml data into resource policies  ", "failed to decode volume conditions: ") around the field-named detail.
 * Sorted in the order Velero checks them, so the first is the one Velero reports.
 */
export interface PolicyIssue {
  stage: 'read' | 'validate';
  message: string;
}

/** Strict decoding: either a policy Velero would accept, or its validation errors (each names the field). */
export type PolicyParseResult = { ok: true; policy: ResourcePolicy } | { ok: false; errors: string[]; issues?: PolicyIssue[] };

export type ParsePolicy = (text: string) => PolicyParseResult;
