// The three ways to build one EffectiveOptions: a Schedule's template, a Backup's stored spec, the what-if controls.
import type { Backup, BackupSpec, Schedule } from '../../model/velero';
import { effectiveOptions, type OptionsContext } from './effective';
import type { EffectiveOptions } from './types';

/** builder.FromSchedule: the template verbatim, except resourcePolicy's kind becomes configmap. */
export function scheduleOptions(schedule: Schedule, ctx: OptionsContext): EffectiveOptions {
  const template: BackupSpec = { ...(schedule.spec?.template ?? {}) };
  if (template.resourcePolicy) template.resourcePolicy = { kind: 'configmap', name: template.resourcePolicy.name ?? '' };
  return effectiveOptions({ ...ctx, ref: { kind: 'schedule', name: schedule.metadata?.name ?? '' }, spec: template, schedule });
}

/**
 * A Backup's spec as stored: a processed Backup already carries the values the server patched in, and its
 * status.phase decides whether validation is still ahead of it (effective.ts:validationStage).
 */
export function backupOptions(backup: Backup, ctx: OptionsContext): EffectiveOptions {
  return effectiveOptions({ ...ctx, ref: { kind: 'backup', name: backup.metadata?.name ?? '' }, spec: backup.spec ?? {}, backupStatus: backup.status });
}

export interface WhatIf {
  /** Unset: the server's --default-volumes-to-fs-backup decides. */
  defaultVolumesToFsBackup?: boolean;
  backupExcludePVC?: boolean;
  /** Name of a ConfigMap in the Velero namespace holding a resource policy. */
  resourcePolicy?: string | null;
  includedNamespaces?: string[];
  excludedNamespaces?: string[];
}

/** A synthetic BackupSpec from the what-if controls, through the same path as a real backup. */
export function whatIfOptions(whatIf: WhatIf, ctx: OptionsContext): EffectiveOptions {
  const spec: BackupSpec = {
    ...(whatIf.includedNamespaces ? { includedNamespaces: whatIf.includedNamespaces } : {}),
    ...(whatIf.excludedNamespaces ? { excludedNamespaces: whatIf.excludedNamespaces } : {}),
    ...(whatIf.defaultVolumesToFsBackup !== undefined ? { defaultVolumesToFsBackup: whatIf.defaultVolumesToFsBackup } : {}),
    ...(whatIf.backupExcludePVC ? { excludedNamespaceScopedResources: ['persistentvolumeclaims'] } : {}),
    ...(whatIf.resourcePolicy ? { resourcePolicy: { kind: 'configmap', name: whatIf.resourcePolicy } } : {}),
  };
  return effectiveOptions({ ...ctx, ref: { kind: 'whatIf' }, spec });
}
