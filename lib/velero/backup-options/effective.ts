// One BackupSpec (a Schedule's template, a Backup, or the what-if controls) + the server's settings + the
// cluster's Namespaces → the options Velero would run with (velero-objects.md a.2, in prepareBackupRequest's order).
import type { IncompleteRead, Namespace } from '../../model/kube';
import type { Backup, BackupSpec, Schedule, VeleroObjects } from '../../model/velero';
import type { ParsePolicy } from '../../rules/policy/types';
import { checkLocations } from './locations';
import { excludeLabelledNamespaces, resolveNamespaces, validateNamespaces, type NamespaceExpansionError } from './namespaces';
import { policyState } from './policy-state';
import { cronScheduleErrors } from './schedule-cron';
import { mixedFilterError, POLICY_WITH_OLD_FILTERS_ERROR, resourceFilters, usesOldResourceFilters } from './resource-filters';
import { serverSettings } from './server-flags';
import { compileLabelSelector } from '../../rules/label-selector';
import type { BackupRef, EffectiveOptions, ServerSettings, Sourced } from './types';

export interface OptionsContext {
  velero: VeleroObjects | undefined;
  namespaces: readonly Namespace[];
  veleroNamespace: string;
  incomplete: readonly IncompleteRead[];
  /** The strict resource-policy parser (lib/rules/policy), injected so this module depends on its types only. */
  parsePolicy: ParsePolicy;
  now?: Date;
}

export interface EffectiveInput extends OptionsContext {
  ref: BackupRef;
  spec: BackupSpec;
  /** Set for a Schedule: its own validation, and the b.4 inference from its newest processed Backup. */
  schedule?: Schedule;
  /** Set for an existing Backup: its status.phase says whether prepareBackupRequest has already run on it. */
  backupStatus?: Backup['status'];
}

/**
 * Where a Backup stands relative to prepareBackupRequest, which backup_controller.go:Reconcile runs only for
 * phase ReadyToStart (the queue controller moves ""/New → Queued → ReadyToStart): pending until then; afterwards
 * its spec is the patched one, and FailedValidation keeps Velero's own validationErrors.
 */
type ValidationStage = 'pending' | 'failedValidation' | 'validated';
const PENDING_PHASES = new Set(['', 'New', 'Queued', 'ReadyToStart']);

function validationStage(input: EffectiveInput): ValidationStage {
  if (input.ref.kind !== 'backup') return 'pending';
  const phase = input.backupStatus?.phase ?? '';
  return PENDING_PHASES.has(phase) ? 'pending' : phase === 'FailedValidation' ? 'failedValidation' : 'validated';
}

/** The name Velero's policy messages print: a Schedule's next Backup is `<schedule>-<timestamp>`, unknowable ahead. */
export function backupNameFor(ref: BackupRef): string {
  return ref.kind === 'schedule' ? `${ref.name}-<next>` : ref.kind === 'backup' ? ref.name : 'what-if';
}

function fromServer(spec: boolean | null | undefined, server: Sourced<boolean>, field: string): Sourced<boolean> {
  if (typeof spec === 'boolean') return { value: spec, source: 'spec', note: `spec.${field}` };
  return { ...server, note: server.note ?? `not set in spec; server default` };
}

function selectorWarnings(spec: BackupSpec): string[] {
  const selectors = spec.orLabelSelectors?.length ? spec.orLabelSelectors.map((s, i) => [`orLabelSelectors[${i}]`, s] as const)
    : spec.labelSelector ? [['labelSelector', spec.labelSelector] as const] : [];
  return selectors.flatMap(([field, selector]) => {
    const compiled = compileLabelSelector(selector);
    return compiled.ok ? [] : [`spec.${field}: ${compiled.error}; Velero's LIST calls fail, so no pod is selected (the backup ends PartiallyFailed).`];
  });
}

function serverWarnings(ref: BackupRef, server: ServerSettings): string[] {
  const out: string[] = [];
  if (ref.kind === 'schedule' && server.schedulesDisabled.value) out.push(`The server never runs scheduled backups (${server.schedulesDisabled.note ?? 'controllers disabled'}).`);
  if (server.itemBlockWorkerCount.value > 1) out.push(`${server.itemBlockWorkerCount.value} item-block workers: pods outside a shared item block may race for shared claims; the prediction assumes one.`);
  return out;
}

/** A backup that passes validation and then fails before it backs anything up, in Velero's words. */
function runFailureMessage(failure: NamespaceExpansionError): string {
  return `error getting namespace includes/excludes: ${failure.error} (spec.${failure.list} pattern ${JSON.stringify(failure.pattern)}): `
    + `the backup passes validation, then ends in phase Failed with status.failureReason "${failure.error}" and backs up nothing`;
}

export function effectiveOptions(input: EffectiveInput): EffectiveOptions {
  const { spec, ref, velero } = input;
  const scheduleName = input.schedule?.metadata?.name;
  const server = serverSettings({ velero, schedule: scheduleName !== undefined ? { name: scheduleName, template: spec } : undefined });
  const assumptions = [...server.assumptions];
  const warnings = [...serverWarnings(ref, server.settings)];
  const errors: string[] = [];
  const stage = validationStage(input);

  if (input.schedule?.status?.phase === 'FailedValidation') {
    const own = input.schedule.status.validationErrors ?? [];
    errors.push(...(own.length ? own : ['the Schedule failed validation']).map((e) => `Schedule ${scheduleName ?? ''}: ${e}`));
  } else if (input.schedule) {
    // The controller re-validates spec.schedule on every reconcile: a Schedule with no status yet, or one edited
    // since, fails as parseCronSchedule says.
    const cron = cronScheduleErrors(input.schedule.spec?.schedule);
    if (cron) errors.push(...cron.map((e) => `Schedule ${scheduleName ?? ''}: ${e}`));
  }
  const defaultVolumesToFsBackup: Sourced<boolean> = spec.defaultVolumesToRestic === true
    ? { value: true, source: 'spec', note: 'from spec.defaultVolumesToRestic (deprecated), which forces it on' }
    : fromServer(spec.defaultVolumesToFsBackup, server.settings.defaultVolumesToFsBackup, 'defaultVolumesToFsBackup');
  const snapshotMoveData = fromServer(spec.snapshotMoveData, server.settings.defaultSnapshotMoveData, 'snapshotMoveData');
  const snapshotVolumes: Sourced<boolean> = typeof spec.snapshotVolumes === 'boolean'
    ? { value: spec.snapshotVolumes, source: 'spec', note: 'spec.snapshotVolumes' }
    : { value: true, source: 'default', note: 'unset means snapshots are taken' };

  // A Backup past validation was checked against the locations of its day; its spec holds what was chosen.
  const locations = stage === 'pending' ? checkLocations(spec, velero, server.settings)
    : { storageLocation: spec.storageLocation ?? '', volumeSnapshotLocations: [...(spec.volumeSnapshotLocations ?? [])], errors: [], assumptions: [] };
  assumptions.push(...locations.assumptions);
  if (velero?.installed === false) {
    // No Velero to run it: the prediction is of fs-backup's rules, not of a storage location that cannot exist.
    assumptions.push('Velero is not installed: a usable backup storage location is assumed.');
  } else if (ref.kind === 'whatIf') {
    // A what-if is hypothetical: a location problem is worth saying, but it should not hide every verdict.
    warnings.push(...locations.errors.map((e) => `A real backup with these options would fail validation: ${e}`));
  } else {
    errors.push(...locations.errors);
  }

  // prepareBackupRequest appended the labelled namespaces to the spec it patched back: only a pending backup gets them now.
  const labelled = stage === 'pending' ? excludeLabelledNamespaces(input.namespaces) : [];
  if (input.incomplete.some((r) => r.resource === 'namespaces')) {
    assumptions.push('Namespaces could not be listed: their velero.io/exclude-from-backup labels are unknown, and only the namespaces seen are resolved.');
  }
  const specExcludes = spec.excludedNamespaces ?? [];
  const excludes = [...specExcludes, ...labelled];

  const mixed = mixedFilterError(spec);
  if (mixed) errors.push(mixed);

  const policy = policyState({
    resourcePolicy: spec.resourcePolicy,
    configMaps: velero?.configMaps ?? null,
    veleroNamespace: input.veleroNamespace,
    backupName: backupNameFor(ref),
    parsePolicy: input.parsePolicy,
    unreadableMessage: input.incomplete.find((r) => r.resource === 'configmaps')?.message,
  });
  if (policy.ignoredKind !== undefined) warnings.push(`spec.resourcePolicy.kind "${policy.ignoredKind}" is not configmap, so Velero ignores the policy.`);
  if (policy.state.state === 'unreadable') assumptions.push(`The resource policy ConfigMap ${policy.state.name} could not be read (${policy.state.message}); verdicts cannot account for it.`);
  const includeExclude = policy.state.state === 'ok' ? policy.state.policy.includeExcludePolicy : null;
  const includes = spec.includedNamespaces?.length ? spec.includedNamespaces : ['*'];
  const active = input.namespaces.map((ns) => ns.metadata?.name ?? '');
  // Resolved before the resource filter, as BackupWithResolvers does: whether cluster-scoped types are listed
  // depends on the namespace filter's IncludeEverything, with the labelled namespaces already in the excludes.
  const scope = resolveNamespaces(includes, excludes, active);
  const filters = resourceFilters(spec, includeExclude, { includeEverything: scope.includeEverything });
  errors.push(...filters.errors);
  warnings.push(...filters.warnings);

  errors.push(...validateNamespaces(includes, excludes));
  if (spec.orLabelSelectors != null && spec.labelSelector != null) {
    errors.push('encountered labelSelector as well as orLabelSelectors in backup spec, only one can be specified');
  }
  errors.push(...policy.errors);
  if (includeExclude && usesOldResourceFilters(spec)) errors.push(POLICY_WITH_OLD_FILTERS_ERROR);
  warnings.push(...selectorWarnings(spec));

  // Validation passed, so the backup runs: backup.go:BackupWithResolvers returns the glob.Compile error of
  // getNamespaceIncludesExcludesAndArgoCDNamespaces, and runBackup's caller (Reconcile) marks the backup Failed.
  if (stage !== 'pending') {
    // Velero never validates a Backup twice: what fails today is worth saying, but it did not stop this backup.
    warnings.push(...errors.map((e) => `Backup ${ref.kind === 'backup' ? ref.name : ''} passed validation when it ran; checked again today: ${e}`));
    errors.length = 0;
  }
  if (stage === 'failedValidation') {
    const own = input.backupStatus?.validationErrors ?? [];
    errors.push(...(own.length ? own : ['the Backup failed validation (status.validationErrors is empty)']));
  }
  const failure = errors.length === 0 && scope.expansionError ? scope.expansionError : null;
  if (failure) errors.push(runFailureMessage(failure));
  return {
    ref,
    validationErrors: errors,
    paused: input.schedule?.spec?.paused === true,
    includedNamespaces: spec.includedNamespaces?.length ? { value: [...includes], source: 'spec' } : { value: ['*'], source: 'default', note: 'empty means every namespace' },
    excludedNamespaces: { value: [...new Set(excludes)], source: specExcludes.length ? 'spec' : 'default', ...(labelled.length ? { note: `labelled velero.io/exclude-from-backup=true: ${labelled.join(', ')}` } : {}) },
    namespacesInScope: errors.length ? [] : scope.inScope,
    ...(failure ? { failureReason: failure.error } : {}),
    backupPods: filters.backupPods,
    defaultVolumesToFsBackup,
    backupExcludePVC: filters.backupExcludePVC,
    snapshotVolumes,
    snapshotMoveData,
    resourcePolicy: policy.state,
    labelSelector: spec.labelSelector ?? null,
    orLabelSelectors: spec.orLabelSelectors ?? null,
    server: server.settings,
    assumptions,
    warnings,
    persistentVolumesIncluded: filters.persistentVolumesIncluded,
    allPersistentVolumesListed: filters.allPersistentVolumesListed,
    storageLocation: locations.storageLocation,
    volumeSnapshotLocations: locations.volumeSnapshotLocations,
  };
}
