import { describe, expect, it } from 'vitest';
import { parseResourcePolicy } from './parse';

const doc = (conditions: string, action = 'skip') => `version: v1\nvolumePolicies:\n- conditions:\n${conditions}\n  action:\n    type: ${action}\n`;

function errorsOf(text: string): string[] {
  const result = parseResourcePolicy(text);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.errors;
}

describe('parseResourcePolicy: a valid document', () => {
  it('decodes every condition, the action with parameters, and each policy with its 1-based index and own YAML', () => {
    const result = parseResourcePolicy(`version: v1
volumePolicies:
- conditions:
    capacity: "10Gi,100Gi"
    storageClass: [gp3, standard]
    nfs: {server: 10.0.0.5, path: /exports/a}
    csi: {driver: ebs.csi.aws.com, volumeAttributes: {type: gp3}}
    volumeTypes: [emptyDir, nfs]
    pvcLabels: {app: db}
    pvcPhase: [Pending, Lost]
  action:
    type: custom
    parameters: {plugin: acme}
- action: {type: fs-backup}
includeExcludePolicy:
  excludedNamespaceScopedResources: [persistentvolumeclaims]
`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first, second] = result.policy.volumePolicies;
    expect(first).toMatchObject({
      index: 1,
      conditions: {
        capacity: { raw: '10Gi,100Gi', lower: 10 * 2 ** 30, upper: 100 * 2 ** 30 },
        storageClass: ['gp3', 'standard'],
        nfs: { server: '10.0.0.5', path: '/exports/a' },
        csi: { driver: 'ebs.csi.aws.com', volumeAttributes: { type: 'gp3' } },
        volumeTypes: ['emptyDir', 'nfs'],
        pvcLabels: { app: 'db' },
        pvcPhase: ['Pending', 'Lost'],
      },
      action: { type: 'custom', parameters: { plugin: 'acme' } },
    });
    expect(first?.yaml).toMatch(/^conditions:\n {2}capacity: "10Gi,100Gi"/);
    expect(second).toMatchObject({ index: 2, conditions: {}, action: { type: 'fs-backup' }, yaml: 'action: {type: fs-backup}' });
    expect(result.policy.includeExcludePolicy?.excludedNamespaceScopedResources).toEqual(['persistentvolumeclaims']);
  });

  it('accepts a document with no volumePolicies (it still switches on B8/B10)', () => {
    expect(parseResourcePolicy('version: v1\n')).toEqual({ ok: true, policy: { version: 'v1', volumePolicies: [], includeExcludePolicy: null } });
  });

  it('decodes any scalar into a string field as yaml.v3 does ("5" from 5)', () => {
    const result = parseResourcePolicy(doc('    storageClass: [5, "gp3"]'));
    expect(result.ok && result.policy.volumePolicies[0]?.conditions.storageClass).toEqual(['5', 'gp3']);
  });

  it('keeps nfs: {} (any NFS volume) apart from nfs: null (no condition)', () => {
    const any = parseResourcePolicy(doc('    nfs: {}'));
    const none = parseResourcePolicy(doc('    nfs: ~'));
    expect(any.ok && any.policy.volumePolicies[0]?.conditions).toEqual({ nfs: {} });
    expect(none.ok && none.policy.volumePolicies[0]?.conditions).toEqual({});
  });

  it('resolves anchors, aliases and << merges', () => {
    const result = parseResourcePolicy('version: v1\nbase: &c {storageClass: [gp3]}\n'.replace('base', 'x'));
    expect(result.ok).toBe(false); // x is an unknown top-level field even when it only holds an anchor
    const merged = parseResourcePolicy('version: v1\nvolumePolicies:\n- conditions: &c {storageClass: [gp3]}\n  action: {type: skip}\n- conditions: {<<: *c, pvcPhase: [Bound]}\n  action: {type: snapshot}\n');
    expect(merged.ok && merged.policy.volumePolicies[1]?.conditions).toEqual({ storageClass: ['gp3'], pvcPhase: ['Bound'] });
  });

  it('reads only the first YAML document, as yaml.v3 Decoder.Decode does', () => {
    expect(parseResourcePolicy('version: v1\n---\nversion: v2\n').ok).toBe(true);
  });
});

describe('parseResourcePolicy: invalid documents, each error naming the field', () => {
  it('refuses an empty document', () => {
    expect(errorsOf('')).toEqual(['the document is empty (Velero: EOF)']);
    expect(errorsOf('# only a comment\n')).toHaveLength(1);
  });

  it('refuses tab-indented YAML like yaml.v3', () => {
    expect(errorsOf('version: v1\nvolumePolicies:\n\t- action: {type: skip}\n')[0]).toMatch(/^YAML syntax: Tabs are not allowed as indentation \(line 3/);
  });

  it('refuses a YAML syntax error with its line', () => {
    expect(errorsOf('version: v1\nvolumePolicies: [\n')[0]).toMatch(/^YAML syntax: .*\(line \d+, column \d+\)$/);
  });

  it('refuses a key written twice in one mapping', () => {
    expect(errorsOf(doc('    capacity: "0,1Gi"\n    capacity: "0,2Gi"'))).toEqual(['line 5: mapping key "capacity" already defined at line 4']);
  });

  it('refuses a document that is not a mapping', () => {
    expect(errorsOf('- version: v1\n')[0]).toMatch(/^document: expected a map of fields, found a list \(Velero: cannot unmarshal !!seq into resourcepolicies.ResourcePolicies\)/);
  });

  it('refuses an unknown key at the top level, in a policy, in the action, in conditions, in nfs, in csi and in includeExcludePolicy', () => {
    expect(errorsOf('version: v1\nextra: 1\n')).toEqual(['extra: unknown field (Velero: field extra not found in type resourcepolicies.ResourcePolicies) (line 2)']);
    expect(errorsOf('version: v1\nvolumePolicies:\n- action: {type: skip}\n  name: x\n')[0]).toMatch(/^volumePolicies\[1\]\.name: unknown field .*VolumePolicy/);
    expect(errorsOf('version: v1\nvolumePolicies:\n- action: {type: skip, params: {}}\n')[0]).toMatch(/^volumePolicies\[1\]\.action\.params: unknown field .*Action/);
    expect(errorsOf(doc('    size: "1Gi"'))[0]).toMatch(/^volumePolicies\[1\]\.conditions\.size: unknown field .*volumeConditions\) \(line 4\)$/);
    expect(errorsOf(doc('    nfs: {host: a}'))[0]).toMatch(/^volumePolicies\[1\]\.conditions\.nfs\.host: unknown field .*nFSVolumeSource/);
    expect(errorsOf(doc('    csi: {drive: a}'))[0]).toMatch(/^volumePolicies\[1\]\.conditions\.csi\.drive: unknown field .*csiVolumeSource/);
    expect(errorsOf('version: v1\nincludeExcludePolicy: {includedResources: [pods]}\n')[0]).toMatch(/^includeExcludePolicy\.includedResources: unknown field .*IncludeExcludePolicy/);
  });

  it('refuses a version other than v1', () => {
    expect(errorsOf('version: v2\n')).toEqual(['version: "v2" must be "v1" (Velero: incompatible version number v2 with supported version v1) (line 1)']);
    expect(errorsOf('volumePolicies: []\n')[0]).toMatch(/^version: "" must be "v1"/);
  });

  it('refuses an action type outside skip, snapshot, fs-backup, custom (case-sensitive, and a missing one)', () => {
    expect(errorsOf(doc('    {}', 'Skip'))[0]).toMatch(/^volumePolicies\[1\]\.action\.type: "Skip" must be one of skip, snapshot, fs-backup, custom \(Velero: invalid action type Skip\)/);
    expect(errorsOf('version: v1\nvolumePolicies:\n- conditions: {}\n')[0]).toMatch(/^volumePolicies\[1\]\.action\.type: "" must be one of/);
  });

  it('refuses a capacity that is not exactly two comma parts', () => {
    expect(errorsOf(doc('    capacity: "5Gi"'))[0]).toBe('volumePolicies[1].conditions.capacity: "5Gi" must be "lower,upper" (Velero: wrong format of Capacity 5Gi) (line 4)');
    expect(errorsOf(doc('    capacity: "1,2,3"'))[0]).toMatch(/must be "lower,upper"/);
  });

  it('refuses a capacity whose quantity does not parse', () => {
    expect(errorsOf(doc('    capacity: "10GB,"'))[0]).toMatch(/^volumePolicies\[1\]\.conditions\.capacity: "10GB" is not a Kubernetes quantity/);
  });

  it('refuses a capacity range with the lower bound above the upper one', () => {
    expect(errorsOf(doc('    capacity: "10Gi,1Gi"'))[0]).toMatch(/^volumePolicies\[1\]\.conditions\.capacity: "10Gi,1Gi": the lower bound is above the upper bound/);
  });

  it('refuses csi.volumeAttributes without a driver, even an empty map', () => {
    expect(errorsOf(doc('    csi: {volumeAttributes: {type: gp3}}'))[0]).toMatch(/^volumePolicies\[1\]\.conditions\.csi\.volumeAttributes: needs csi\.driver/);
    expect(errorsOf(doc('    csi: {volumeAttributes: {}}'))).toHaveLength(1);
    expect(parseResourcePolicy(doc('    csi: {volumeAttributes: ~}')).ok).toBe(true);
  });

  it('refuses pvcLabels that are not a map of strings: a string, a list, null, non-string keys', () => {
    expect(errorsOf(doc('    pvcLabels: app'))).toEqual([
      'volumePolicies[1].conditions.pvcLabels: must be a map of label names to values (Velero: pvcLabels must be a map of string to string, got string) (line 4)',
    ]);
    expect(errorsOf(doc('    pvcLabels: [app]'))[0]).toMatch(/got \[\]interface \{\}/);
    expect(errorsOf(doc('    pvcLabels: ~'))[0]).toMatch(/got <nil>/);
    expect(errorsOf(doc('    pvcLabels: {1: a}'))[0]).toMatch(/got map\[interface \{\}\]interface \{\}/);
  });

  it('refuses a list where a string is expected, a string where a map or list is expected, and nested lists', () => {
    expect(errorsOf(doc('    csi: {driver: [x]}'))[0]).toMatch(/^volumePolicies\[1\]\.conditions\.csi\.driver: expected a string, found a list \(Velero: cannot unmarshal !!seq into string\)/);
    expect(errorsOf(doc('    csi: {driver: x, volumeAttributes: "x"}'))[0]).toMatch(/csi\.volumeAttributes: expected a map, found "x"/);
    expect(errorsOf(doc('    storageClass: gp3'))[0]).toMatch(/storageClass: expected a list of strings, found "gp3" \(Velero: cannot unmarshal !!str `gp3` into \[\]string\)/);
    expect(errorsOf(doc('    volumeTypes: [[nfs]]'))[0]).toMatch(/^volumePolicies\[1\]\.conditions\.volumeTypes\[1\]: expected a string, found a list/);
    expect(errorsOf('version: v1\nvolumePolicies:\n- conditions: [capacity]\n  action: {type: skip}\n')[0]).toMatch(/conditions: expected a map, found a list/);
  });

  it("refuses '*' in includeExcludePolicy and an item in both lists of one scope", () => {
    expect(errorsOf('version: v1\nincludeExcludePolicy: {includedClusterScopedResources: ["*"]}\n')[0]).toMatch(/^includeExcludePolicy\.includedClusterScopedResources: "\*" is not allowed/);
    expect(errorsOf('version: v1\nincludeExcludePolicy: {includedNamespaceScopedResources: [pods], excludedNamespaceScopedResources: [pods]}\n')[0])
      .toMatch(/^includeExcludePolicy\.excludedNamespaceScopedResources: "pods" is also in includedNamespaceScopedResources/);
  });

  it('places each error at the step where Velero meets it, in Velero\'s order, with its wrapping', () => {
    const issuesOf = (text: string) => {
      const result = parseResourcePolicy(text);
      if (result.ok) throw new Error('expected the document to be rejected');
      return result.issues ?? [];
    };
    // Validate checks the version first, then each policy's action before its conditions.
    expect(issuesOf('version: v0\nvolumePolicies:\n- conditions: {capacity: "2Gi,1Gi"}\n  action: {type: copy}\n').map((i) => [i.stage, i.message.split(':')[0]])).toEqual([
      ['validate', 'version'], ['validate', 'volumePolicies[1].action.type'], ['validate', 'volumePolicies[1].conditions.capacity'],
    ]);
    // Reading (decode, pvcLabels, conditions, capacity) comes before any validation.
    const mixed = issuesOf('version: v0\nvolumePolicies:\n- conditions: {capacity: "1", nfs: {host: x}}\n  action: {type: skip}\n');
    expect(mixed.map((i) => i.stage)).toEqual(['read', 'validate']);
    expect(mixed[0]?.message).toMatch(/^failed to decode volume conditions: volumePolicies\[1\]\.conditions\.nfs\.host: unknown field/);
    expect(issuesOf('')).toEqual([{ stage: 'read', message: 'failed to decode yaml data into resource policies  the document is empty (Velero: EOF)' }]);
  });

  it('reports every error of a document, not only the first', () => {
    expect(errorsOf(`version: v0\nvolumePolicies:\n- conditions: {capacity: "1"}\n  action: {type: copy}\n`)).toHaveLength(3);
  });
});
