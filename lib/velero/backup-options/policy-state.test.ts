import { describe, expect, it } from 'vitest';
import { policyState, type PolicyStateInput } from './policy-state';
import { policyConfigMap, testParsePolicy } from './test-fixtures';

const POLICY = 'version: v1\nvolumePolicies:\n- conditions: {volumeTypes: [emptyDir]}\n  action: {type: skip}\n';
const input = (extra: Partial<PolicyStateInput>): PolicyStateInput => ({
  resourcePolicy: { kind: 'configmap', name: 'backup-policy' },
  configMaps: [policyConfigMap('backup-policy', { 'policy.yaml': POLICY })],
  veleroNamespace: 'velero',
  backupName: 'nightly-<next>',
  parsePolicy: testParsePolicy,
  ...extra,
});

describe('resource policy state (a.6)', () => {
  it('loads the single data key of the ConfigMap', () => {
    const r = policyState(input({}));
    expect(r.errors).toEqual([]);
    expect(r.state).toMatchObject({ state: 'ok', name: 'backup-policy', key: 'policy.yaml' });
  });

  it('accepts the kind case-insensitively and ignores any other kind', () => {
    expect(policyState(input({ resourcePolicy: { kind: 'ConfigMap', name: 'backup-policy' } })).state.state).toBe('ok');
    const other = policyState(input({ resourcePolicy: { kind: 'secret', name: 'backup-policy' } }));
    expect(other).toMatchObject({ state: { state: 'none' }, errors: [], ignoredKind: 'secret' });
  });

  it('a missing ConfigMap fails validation with Velero\'s message', () => {
    expect(policyState(input({ configMaps: [] })).errors).toEqual([
      'fail to get ResourcePolicies velero/backup-policy ConfigMap with error configmaps "backup-policy" not found',
    ]);
  });

  it('a ConfigMap with two data keys fails validation, naming the backup', () => {
    const r = policyState(input({ configMaps: [policyConfigMap('backup-policy', { a: POLICY, b: POLICY })] }));
    expect(r.state.state).toBe('invalid');
    expect(r.errors).toEqual(['fail to read the ResourcePolicies from ConfigMap velero/nightly-<next> with error illegal resource policies velero/backup-policy configmap']);
  });

  it('a document the parser refuses fails validation with the parser\'s errors', () => {
    const r = policyState(input({ configMaps: [policyConfigMap('backup-policy', { 'policy.yaml': 'version: v2\n' })] }));
    expect(r.state).toMatchObject({ state: 'invalid', errors: ['version: "v2" must be "v1" (Velero: incompatible version number v2 with supported version v1) (line 1)'] });
  });

  it('a document that decodes but fails Policies.Validate reads "fail to validate ResourcePolicies in ConfigMap"', () => {
    const r = policyState(input({ configMaps: [policyConfigMap('backup-policy', { 'policy.yaml': 'version: v2\n' })] }));
    expect(r.errors).toEqual([
      'fail to validate ResourcePolicies in ConfigMap velero/nightly-<next> with error version: "v2" must be "v1" (Velero: incompatible version number v2 with supported version v1) (line 1)',
    ]);
    const action = policyState(input({ configMaps: [policyConfigMap('backup-policy', { 'policy.yaml': 'version: v1\nvolumePolicies:\n- conditions: {}\n  action: {type: delete}\n' })] }));
    expect(action.errors[0]).toMatch(/^fail to validate ResourcePolicies in ConfigMap velero\/nightly-<next> with error volumePolicies\[1\]\.action\.type: "delete"/);
  });

  it('a decode error is a read error wrapped as unmarshalResourcePolicies wraps it', () => {
    const r = policyState(input({ configMaps: [policyConfigMap('backup-policy', { 'policy.yaml': 'version: v1\nvolumePolicy: []\n' })] }));
    expect(r.errors).toEqual([
      'fail to read the ResourcePolicies from ConfigMap velero/nightly-<next> with error failed to decode yaml data into resource policies  '
        + 'volumePolicy: unknown field (Velero: field volumePolicy not found in type resourcepolicies.ResourcePolicies) (line 2)',
    ]);
  });

  it('a read error wins over validation errors found in the same document, as Velero stops at the read', () => {
    const doc = 'version: v2\nvolumePolicies:\n- conditions: {capacity: "10Gi"}\n  action: {type: skip}\n';
    const r = policyState(input({ configMaps: [policyConfigMap('backup-policy', { 'policy.yaml': doc })] }));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^fail to read the ResourcePolicies from ConfigMap velero\/nightly-<next> with error volumePolicies\[1\]\.conditions\.capacity: .*wrong format of Capacity 10Gi/);
    expect(r.errors[0]).not.toContain('version');
    const conditions = policyState(input({ configMaps: [policyConfigMap('backup-policy', { 'policy.yaml': 'version: v1\nvolumePolicies:\n- conditions: {size: 1}\n  action: {type: skip}\n' })] }));
    expect(conditions.errors[0]).toContain('with error failed to decode volume conditions: volumePolicies[1].conditions.size: unknown field');
  });

  it('unreadable ConfigMaps make the policy unreadable, not invalid', () => {
    const r = policyState(input({ configMaps: null, unreadableMessage: 'configmaps is forbidden' }));
    expect(r).toEqual({ state: { state: 'unreadable', name: 'backup-policy', message: 'configmaps is forbidden' }, errors: [] });
  });
});
