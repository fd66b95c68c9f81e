// Velero's two strict decodes (decodeStruct with KnownFields(true)) as zod schemas over the yaml.v3-shaped tree:
// ResourcePolicies first (conditions kept raw as map[string]any), then each policy's volumeConditions.
// A strict object is yaml.v3's "field x not found in type T"; a wrong shape is its "cannot unmarshal !!kind into T".
import { z } from 'zod';

/** The Go type a value is decoded into, for Velero's own wording in messages. */
type GoType = string;

function kindOf(input: unknown): string {
  if (Array.isArray(input)) return '!!seq';
  if (input !== null && typeof input === 'object') return '!!map';
  return '!!str';
}

export function unmarshalMessage(input: unknown, into: GoType): string {
  const kind = kindOf(input);
  const shown = kind === '!!str' ? ` \`${String(input)}\`` : '';
  return `expected ${describe(into)}, found ${kind === '!!seq' ? 'a list' : kind === '!!map' ? 'a map' : `"${String(input)}"`} (Velero: cannot unmarshal ${kind}${shown} into ${into})`;
}

function describe(into: GoType): string {
  if (into === 'string') return 'a string';
  if (into.startsWith('[]')) return 'a list of strings';
  if (into.startsWith('map[')) return 'a map';
  return 'a map of fields';
}

const typed = (into: GoType) => ({ error: (issue: { input?: unknown }) => unmarshalMessage(issue.input, into) });

/** A Go string field: any scalar's text; null decodes to "". */
const goString = z.string(typed('string')).nullable().transform((v) => v ?? '');
const goStringList = z.array(goString, typed('[]string')).nullable();
const goStringMap = z.record(z.string(), goString, typed('map[string]string')).nullable();
const goAnyMap = z.record(z.string(), z.unknown(), typed('map[string]interface {}')).nullable();

const actionSchema = z.strictObject({ type: goString.optional(), parameters: goAnyMap.optional() }, typed('resourcepolicies.Action'));

const volumePolicySchema = z.strictObject(
  { conditions: goAnyMap.optional(), action: actionSchema.nullable().optional() },
  typed('resourcepolicies.VolumePolicy'),
);

const includeExcludeSchema = z.strictObject(
  {
    includedClusterScopedResources: goStringList.optional(),
    excludedClusterScopedResources: goStringList.optional(),
    includedNamespaceScopedResources: goStringList.optional(),
    excludedNamespaceScopedResources: goStringList.optional(),
  },
  typed('resourcepolicies.IncludeExcludePolicy'),
);

export const resourcePoliciesSchema = z.strictObject(
  {
    version: goString.optional(),
    volumePolicies: z.array(volumePolicySchema, typed('[]resourcepolicies.VolumePolicy')).nullable().optional(),
    includeExcludePolicy: includeExcludeSchema.nullable().optional(),
  },
  typed('resourcepolicies.ResourcePolicies'),
).nullable();

export const volumeConditionsSchema = z.strictObject(
  {
    capacity: goString.optional(),
    storageClass: goStringList.optional(),
    nfs: z.strictObject({ server: goString.optional(), path: goString.optional() }, typed('resourcepolicies.nFSVolumeSource')).nullable().optional(),
    csi: z.strictObject({ driver: goString.optional(), volumeAttributes: goStringMap.optional() }, typed('resourcepolicies.csiVolumeSource')).nullable().optional(),
    volumeTypes: goStringList.optional(),
    pvcLabels: goStringMap.optional(),
    pvcPhase: goStringList.optional(),
  },
  typed('resourcepolicies.volumeConditions'),
).nullable();

export type DecodedPolicies = z.output<typeof resourcePoliciesSchema>;
export type DecodedConditions = z.output<typeof volumeConditionsSchema>;

/** The Go struct behind a path's last field, for "field x not found in type T". */
export function goTypeAt(path: ReadonlyArray<PropertyKey>): string {
  const last = path[path.length - 1];
  if (path.length === 0) return 'resourcepolicies.ResourcePolicies';
  if (typeof last === 'number') return 'resourcepolicies.VolumePolicy';
  switch (last) {
    case 'action': return 'resourcepolicies.Action';
    case 'includeExcludePolicy': return 'resourcepolicies.IncludeExcludePolicy';
    case 'conditions': return 'resourcepolicies.volumeConditions';
    case 'nfs': return 'resourcepolicies.nFSVolumeSource';
    case 'csi': return 'resourcepolicies.csiVolumeSource';
    default: return 'struct';
  }
}
