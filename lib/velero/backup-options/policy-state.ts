// spec.resourcePolicy → the policy Velero would load (velero-objects.md a.6;
// internal/resourcepolicies/resource_policies.go:GetResourcePoliciesFromBackup, getResourcePoliciesFromConfig).
import type { ConfigMap } from '../../model/velero';
import type { ParsePolicy } from '../../rules/policy/types';
import type { PolicyState } from './types';

export interface PolicyStateInput {
  resourcePolicy: { kind?: string; name?: string } | null | undefined;
  /** ConfigMaps of the Velero namespace; null when they could not be read. */
  configMaps: readonly ConfigMap[] | null;
  veleroNamespace: string;
  /** The Backup's name as Velero's messages print it (for a Schedule: `<schedule>-<next>`). */
  backupName: string;
  parsePolicy: ParsePolicy;
  /** Why the ConfigMaps could not be read (from the snapshot's incomplete reads). */
  unreadableMessage?: string;
}

export interface PolicyStateResult {
  state: PolicyState;
  /** Validation errors exactly as Velero would put them in status.validationErrors. */
  errors: string[];
  /** Set when the policy's kind is not configmap, which Velero ignores silently. */
  ignoredKind?: string;
}

export function policyState(input: PolicyStateInput): PolicyStateResult {
  const ref = input.resourcePolicy;
  if (!ref) return { state: { state: 'none' }, errors: [] };
  const kind = ref.kind ?? '';
  if (kind.toLowerCase() !== 'configmap') return { state: { state: 'none' }, errors: [], ignoredKind: kind };
  const name = ref.name ?? '';
  const ns = input.veleroNamespace;
  if (input.configMaps === null) {
    return { state: { state: 'unreadable', name, message: input.unreadableMessage ?? `the ConfigMaps of namespace ${ns} could not be read` }, errors: [] };
  }
  const getError = (cause: string) => `fail to get ResourcePolicies ${ns}/${name} ConfigMap with error ${cause}`;
  // GetResourcePoliciesFromBackup: "read" and "validate" name the backup (backup.Namespace+"/"+backup.Name), not the ConfigMap.
  const readError = (cause: string) => `fail to read the ResourcePolicies from ConfigMap ${ns}/${input.backupName} with error ${cause}`;
  const validateError = (cause: string) => `fail to validate ResourcePolicies in ConfigMap ${ns}/${input.backupName} with error ${cause}`;
  if (name === '') {
    const error = getError('resource name may not be empty');
    return { state: { state: 'invalid', name, errors: [error] }, errors: [error] };
  }
  const configMap = input.configMaps.find((cm) => cm.metadata?.name === name);
  if (!configMap) {
    const error = getError(`configmaps "${name}" not found`);
    return { state: { state: 'invalid', name, errors: [error] }, errors: [error] };
  }
  const entries = Object.entries(configMap.data ?? {});
  if (entries.length !== 1) {
    const error = readError(`illegal resource policies ${ns}/${name} configmap`);
    return { state: { state: 'invalid', name, errors: [error] }, errors: [error] };
  }
  const [key, text] = entries[0] as [string, string];
  const parsed = input.parsePolicy(text);
  if (!parsed.ok) {
    // Velero returns the first error of the first step that refuses the document: getResourcePoliciesFromConfig
    // (read) before Policies.Validate (validate). The strict parser finds several; those of that step are shown.
    const issues = parsed.issues ?? parsed.errors.map((message) => ({ stage: 'read' as const, message }));
    const read = issues.filter((i) => i.stage === 'read');
    const error = read.length ? readError(read.map((i) => i.message).join('; ')) : validateError(issues.map((i) => i.message).join('; '));
    return { state: { state: 'invalid', name, errors: parsed.errors }, errors: [error] };
  }
  return { state: { state: 'ok', name, key, policy: parsed.policy }, errors: [] };
}
