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
    expect(r.errors[0]).toContain('fail to read the ResourcePolicies from ConfigMap velero/nightly-<next> with error version: "v2" must be "v1"');
  });

  it('unreadable ConfigMaps make the policy unreadable, not invalid', () => {
    const r = policyState(input({ configMaps: null, unreadableMessage: 'configmaps is forbidden' }));
    expect(r).toEqual({ state: { state: 'unreadable', name: 'backup-policy', message: 'configmaps is forbidden' }, errors: [] });
  });
});
