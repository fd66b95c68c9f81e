// Query parameters of /api/v1/*: strict parsing, a named 400 for anything malformed.
import type { BackupOptions } from '../rules/types';

export interface ParsedQuery {
  options: BackupOptions;
  namespaces: string[];
  refresh: boolean;
}

export class BadParameter extends Error {
  constructor(readonly parameter: string, message: string) {
    super(message);
  }
}

/** At most 60 characters of what the caller sent: error messages never echo more of the input. */
export function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

const BOOLEANS: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };

function booleanParam(params: URLSearchParams, name: string, fallback: boolean): boolean {
  const values = params.getAll(name);
  if (values.length === 0) return fallback;
  if (values.length > 1) throw new BadParameter(name, `${name} is given ${values.length} times; give it once.`);
  const value = BOOLEANS[(values[0] ?? '').toLowerCase()];
  if (value === undefined) throw new BadParameter(name, `${name} must be true or false, not "${shown(values[0] ?? '')}".`);
  return value;
}

// RFC 1123 label, as Kubernetes requires of namespace names.
const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function namespaceParam(value: string | null | undefined, parameter = 'namespace'): string {
  if (!value || !NAMESPACE_NAME.test(value)) {
    throw new BadParameter(parameter, `${parameter} must be a namespace name (lower-case letters, digits and '-'), not "${shown(value ?? '')}".`);
  }
  return value;
}

/** Parses the backup options (Velero's defaults: opt-in, PVCs included), namespace filters and refresh. */
export function parseQuery(params: URLSearchParams, allowed: readonly string[] = []): ParsedQuery {
  const known = new Set(['defaultVolumesToFsBackup', 'backupExcludePVC', 'namespace', 'refresh', ...allowed]);
  for (const key of params.keys()) {
    if (!known.has(key)) throw new BadParameter(key, `Unknown parameter ${shown(key)}; known: ${[...known].join(', ')}.`);
  }
  return {
    options: {
      defaultVolumesToFsBackup: booleanParam(params, 'defaultVolumesToFsBackup', false),
      backupExcludePVC: booleanParam(params, 'backupExcludePVC', false),
    },
    namespaces: params.getAll('namespace').map((ns) => namespaceParam(ns)),
    refresh: booleanParam(params, 'refresh', false),
  };
}
