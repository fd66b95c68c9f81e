// Query parameters of /api/v1/*: strict parsing, a named 400 for anything malformed.
// A backup is chosen three ways: schedule=NAME, backup=NAME, or what-if parameters (none of them: Velero's
// defaults as the server would apply them).

export interface WhatIfInput {
  defaultVolumesToFsBackup?: boolean;
  backupExcludePVC?: boolean;
  /** A ConfigMap of the Velero namespace holding a resource policy. */
  resourcePolicy?: string;
  includedNamespaces?: string[];
  excludedNamespaces?: string[];
}

export type BackupQuery =
  | { kind: 'schedule'; name: string }
  | { kind: 'backup'; name: string }
  | { kind: 'whatIf'; whatIf: WhatIfInput };

export interface ParsedQuery {
  backup: BackupQuery;
  namespaces: string[];
  refresh: boolean;
}

/** What a body builder needs of a query: the backup and the answer's namespaces. */
export type QueryInput = Pick<ParsedQuery, 'backup' | 'namespaces'>;

export class BadParameter extends Error {
  constructor(readonly parameter: string, message: string) {
    super(message);
  }
}

/** Error texts quote at most this much of what the client sent. */
const QUOTE_MAX = 80;
export const quote = (value: string) => JSON.stringify(value.length > QUOTE_MAX ? `${value.slice(0, QUOTE_MAX)}…` : value);

const BOOLEANS: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };

function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length === 0) return undefined;
  if (values.length > 1) throw new BadParameter(name, `${name} is given ${values.length} times; give it once.`);
  return values[0];
}

function booleanParam(params: URLSearchParams, name: string): boolean | undefined {
  const raw = single(params, name);
  if (raw === undefined) return undefined;
  const value = BOOLEANS[raw.toLowerCase()];
  if (value === undefined) throw new BadParameter(name, `${name} must be true or false, not ${quote(raw)}.`);
  return value;
}

// RFC 1123 label, as Kubernetes requires of namespace names.
const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
// RFC 1123 subdomain: names of Schedules, Backups and ConfigMaps.
const OBJECT_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

export function namespaceParam(value: string | null | undefined, parameter = 'namespace'): string {
  if (!value || !NAMESPACE_NAME.test(value)) {
    throw new BadParameter(parameter, `${parameter} must be a namespace name (lower-case letters, digits and '-'), not ${quote(value ?? '')}.`);
  }
  return value;
}

function objectNameParam(params: URLSearchParams, name: string): string | undefined {
  const raw = single(params, name);
  if (raw === undefined) return undefined;
  if (!OBJECT_NAME.test(raw)) throw new BadParameter(name, `${name} must be a Kubernetes object name (lower-case letters, digits, '-' and '.'), not ${quote(raw)}.`);
  return raw;
}

// Namespace globs as Velero accepts them are validated by Velero's own rules later (validationErrors); here only
// the list syntax: comma-separated, no empty entries.
function globListParam(params: URLSearchParams, name: string): string[] | undefined {
  const raw = single(params, name);
  if (raw === undefined) return undefined;
  const items = raw.split(',').map((s) => s.trim());
  if (items.some((s) => s === '' || s.length > 253)) throw new BadParameter(name, `${name} must be a comma-separated list of namespace names or globs, not ${quote(raw)}.`);
  return items;
}

const WHAT_IF_KEYS = ['defaultVolumesToFsBackup', 'backupExcludePVC', 'resourcePolicy', 'includedNamespaces', 'excludedNamespaces'] as const;
const SELECTION_KEYS = ['schedule', 'backup', 'whatIf', ...WHAT_IF_KEYS] as const;
/** The parameters that choose a backup; pages keep them in their URL and pass them on to /api/v1. */
export const BACKUP_SELECTION_KEYS: readonly string[] = SELECTION_KEYS;

function backupQuery(params: URLSearchParams): BackupQuery {
  const schedule = objectNameParam(params, 'schedule');
  const backup = objectNameParam(params, 'backup');
  if (schedule !== undefined && backup !== undefined) throw new BadParameter('backup', 'Give schedule or backup, not both.');
  const explicitWhatIf = booleanParam(params, 'whatIf');
  const chosen = schedule !== undefined ? 'schedule' : backup !== undefined ? 'backup' : null;
  if (chosen) {
    if (explicitWhatIf) throw new BadParameter('whatIf', `whatIf cannot be combined with ${chosen}.`);
    const extra = WHAT_IF_KEYS.find((key) => params.has(key));
    if (extra) throw new BadParameter(extra, `${extra} is a what-if option; it cannot be combined with ${chosen}=${chosen === 'schedule' ? schedule : backup}, whose options come from Velero.`);
    return chosen === 'schedule' ? { kind: 'schedule', name: schedule as string } : { kind: 'backup', name: backup as string };
  }
  const whatIf: WhatIfInput = {};
  const dvfb = booleanParam(params, 'defaultVolumesToFsBackup');
  if (dvfb !== undefined) whatIf.defaultVolumesToFsBackup = dvfb;
  const excludePvc = booleanParam(params, 'backupExcludePVC');
  if (excludePvc !== undefined) whatIf.backupExcludePVC = excludePvc;
  const policy = objectNameParam(params, 'resourcePolicy');
  if (policy !== undefined) whatIf.resourcePolicy = policy;
  const included = globListParam(params, 'includedNamespaces');
  if (included !== undefined) whatIf.includedNamespaces = included;
  const excluded = globListParam(params, 'excludedNamespaces');
  if (excluded !== undefined) whatIf.excludedNamespaces = excluded;
  return { kind: 'whatIf', whatIf };
}

/** Parses the backup selection, the namespace filter of the answer and refresh. */
export function parseQuery(params: URLSearchParams, allowed: readonly string[] = []): ParsedQuery {
  const known = new Set<string>([...SELECTION_KEYS, 'namespace', 'refresh', ...allowed]);
  for (const key of params.keys()) {
    if (!known.has(key)) throw new BadParameter(key.slice(0, QUOTE_MAX), `Unknown parameter ${quote(key)}; known: ${[...known].join(', ')}.`);
  }
  return {
    backup: backupQuery(params),
    namespaces: params.getAll('namespace').map((ns) => namespaceParam(ns)),
    refresh: booleanParam(params, 'refresh') ?? false,
  };
}
