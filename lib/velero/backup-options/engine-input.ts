// EffectiveOptions → what the verdict engine takes, and the cache key of a computation.
import type { LabelSelector } from '../../model/velero';
import type { BackupOptions } from '../../rules/types';
import type { BackupScope } from '../../rules/verdict';
import type { EffectiveOptions, PolicyState } from './types';

export function engineInput(options: EffectiveOptions): { options: BackupOptions; scope: BackupScope } {
  return {
    options: { defaultVolumesToFsBackup: options.defaultVolumesToFsBackup.value, backupExcludePVC: options.backupExcludePVC.value },
    scope: {
      // Empty when validation failed: Velero looks at no pod.
      namespaces: new Set(options.namespacesInScope),
      backupPods: options.backupPods.value,
      labelSelector: options.labelSelector,
      orLabelSelectors: options.orLabelSelectors,
    },
  };
}

/** JSON with object keys sorted at every level, so equal values serialise equally. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

function policyKey(state: PolicyState): unknown {
  switch (state.state) {
    case 'none': return null;
    // The document's content decides verdicts, not the ConfigMap's name or the YAML's layout.
    case 'ok': return { volumePolicies: state.policy.volumePolicies.map(({ index, conditions, action }) => ({ index, conditions, action })), includeExcludePolicy: state.policy.includeExcludePolicy };
    case 'invalid': return { invalid: state.name };
    case 'unreadable': return { unreadable: state.name };
  }
}

const selectorKey = (s: LabelSelector | null) => s && { matchLabels: s.matchLabels ?? {}, matchExpressions: s.matchExpressions ?? [] };

/**
 * A stable serialisation of exactly the fields that change verdicts: a Schedule and an equal what-if share one key.
 * Sources, notes and the ref are left out on purpose; the snapshot-side settings protection depends on are in.
 */
export function stableKey(options: EffectiveOptions): string {
  const orSelectors = options.orLabelSelectors?.length ? options.orLabelSelectors.map(selectorKey) : null;
  return JSON.stringify(canonical({
    valid: options.validationErrors.length === 0,
    namespaces: options.namespacesInScope,
    backupPods: options.backupPods.value,
    defaultVolumesToFsBackup: options.defaultVolumesToFsBackup.value,
    backupExcludePVC: options.backupExcludePVC.value,
    policy: policyKey(options.resourcePolicy),
    labelSelector: orSelectors ? null : selectorKey(options.labelSelector),
    orLabelSelectors: orSelectors,
    snapshotSide: {
      snapshotVolumes: options.snapshotVolumes.value,
      snapshotMoveData: options.snapshotMoveData.value,
      enableCSI: options.server.enableCSI.value,
      persistentVolumesIncluded: options.persistentVolumesIncluded.value,
      allPersistentVolumesListed: options.allPersistentVolumesListed.value,
      volumeSnapshotLocations: options.volumeSnapshotLocations,
    },
  }));
}
