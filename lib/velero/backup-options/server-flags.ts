// The velero server's settings as its Deployment runs it (velero-objects.md b.1), or, when the Deployment cannot
// be read, what the newest processed Backup of the schedule shows and Velero's defaults (b.4).
import type { Backup, BackupSpec, VeleroObjects, Workload, WorkloadContainer } from '../../model/velero';
import { parseArgs, parseBool, parseInteger, type ParsedArgs, type Shorthands } from './pflag';
import type { ServerSettings, Sourced } from './types';

/**
 * Every bool flag `velero server` accepts (pflag NoOptDefVal "true"): the BoolVars of
 * pkg/cmd/server/config/config.go:BindFlags; the klog v2.130.1 bools that pkg/cmd/velero/velero.go:NewCommand adds
 * through klog.InitFlags + AddGoFlagSet; cobra's help. The root's other flags (--features, --colorized, which is
 * an OptionalBool without NoOptDefVal, --kubeconfig, --kubecontext, --namespace) take a value.
 */
export const SERVER_BOOL_FLAGS: ReadonlySet<string> = new Set([
  'default-volumes-to-fs-backup', 'default-snapshot-move-data', 'restore-only', 'disable-informer-cache', 'schedule-skip-immediately',
  'logtostderr', 'alsologtostderr', 'add_dir_header', 'skip_headers', 'one_output', 'skip_log_headers',
  'help',
]);
/** -n (factory.go:BindFlags), -v (klog's one-letter Go flag; PFlagFromGoFlag makes it a shorthand), -h (cobra). */
export const SERVER_SHORTHANDS: Shorthands = new Map([['n', 'namespace'], ['v', 'v'], ['h', 'help']]);
/** Controllers whose absence stops a Schedule from producing backups that run. */
const SCHEDULE_BLOCKING_CONTROLLERS = ['schedule', 'backup', 'backup-queue'];
export const DEFAULT_VGS_LABEL_KEY = 'velero.io/volume-group';
export const SCHEDULE_NAME_LABEL = 'velero.io/schedule-name';
const UNPROCESSED_PHASES = new Set(['', 'New', 'Queued', 'ReadyToStart']);

export interface ServerFlagsResult {
  settings: ServerSettings;
  assumptions: string[];
}

export interface ServerFlagsInput {
  velero: VeleroObjects | undefined;
  /** For b.4 inference: the schedule whose newest processed Backup shows the server-applied values. */
  schedule?: { name: string; template: BackupSpec } | undefined;
}

/**
 * The arguments the process gets after the binary: a set `command` replaces the image's ENTRYPOINT (/velero) and
 * its CMD, so it is command[1:] + args; otherwise ENTRYPOINT + args.
 */
export function containerArgv(container: WorkloadContainer): string[] {
  return container.command?.length ? [...container.command.slice(1), ...(container.args ?? [])] : [...(container.args ?? [])];
}

/** The container named `velero`, else the first whose arguments start with `server`. */
export function serverContainer(deployments: readonly Workload[]): { deployment: Workload; container: WorkloadContainer } | null {
  const ordered = [...deployments].sort((a, b) => Number(b.metadata?.name === 'velero') - Number(a.metadata?.name === 'velero'));
  for (const pick of [(c: WorkloadContainer) => c.name === 'velero', (c: WorkloadContainer) => containerArgv(c)[0] === 'server']) {
    for (const deployment of ordered) {
      const container = (deployment.spec?.template?.spec?.containers ?? []).find(pick);
      if (container) return { deployment, container };
    }
  }
  return null;
}

const last = (parsed: ParsedArgs, name: string): string | undefined => parsed.flags.get(name)?.at(-1);

function flagSettings(parsed: ParsedArgs, where: string): ServerSettings {
  const boolFlag = (name: string): Sourced<boolean> => {
    const raw = last(parsed, name);
    if (raw === undefined) return { value: false, source: 'default', note: `--${name} not set on ${where}` };
    const value = parseBool(raw);
    return value === null
      ? { value: false, source: 'default', note: `--${name}=${raw} is not a bool; the server refuses to start with it` }
      : { value, source: 'server', note: `--${name}=${raw}` };
  };
  const featuresRaw = last(parsed, 'features');
  const features: Sourced<string[]> = featuresRaw === undefined
    ? { value: [], source: 'default', note: `--features not set on ${where}` }
    : { value: featuresRaw.split(','), source: 'server', note: `--features=${featuresRaw}` };
  const workersRaw = last(parsed, 'item-block-worker-count');
  const workers = workersRaw === undefined ? null : parseInteger(workersRaw);
  // StringSlice: later occurrences append to the first.
  const disabled = (parsed.flags.get('disable-controllers') ?? []).flatMap((v) => v.split(','));
  const restoreOnly = boolFlag('restore-only');
  const blocking = disabled.filter((c) => SCHEDULE_BLOCKING_CONTROLLERS.includes(c));
  const schedulesDisabled: Sourced<boolean> = restoreOnly.value
    ? { value: true, source: 'server', note: restoreOnly.note }
    : blocking.length > 0
      ? { value: true, source: 'server', note: `--disable-controllers includes ${blocking.join(', ')}` }
      : { value: false, source: parsed.flags.has('disable-controllers') ? 'server' : 'default' };
  const vsl: Record<string, string> = {};
  for (const value of parsed.flags.get('default-volume-snapshot-locations') ?? []) {
    for (const part of value.split(',')) {
      const colon = part.indexOf(':');
      if (colon >= 0) vsl[part.slice(0, colon)] = part.slice(colon + 1);
    }
  }
  const stringFlag = (name: string, fallback: string): Sourced<string> => {
    const raw = last(parsed, name);
    return raw === undefined ? { value: fallback, source: 'default' } : { value: raw, source: 'server', note: `--${name}=${raw}` };
  };
  return {
    features,
    enableCSI: { value: features.value.includes('EnableCSI'), source: features.source, note: features.note },
    defaultVolumesToFsBackup: boolFlag('default-volumes-to-fs-backup'),
    defaultSnapshotMoveData: boolFlag('default-snapshot-move-data'),
    itemBlockWorkerCount: workers === null
      ? { value: 1, source: 'default', ...(workersRaw !== undefined ? { note: `--item-block-worker-count=${workersRaw} is not an integer` } : {}) }
      : { value: workers, source: 'server', note: `--item-block-worker-count=${workersRaw}` },
    schedulesDisabled,
    defaultBackupStorageLocation: stringFlag('default-backup-storage-location', 'default'),
    defaultVolumeSnapshotLocations: Object.keys(vsl).length ? { value: vsl, source: 'server' } : { value: {}, source: 'default' },
    volumeGroupSnapshotLabelKey: stringFlag('volume-group-snapshot-label-key', DEFAULT_VGS_LABEL_KEY),
  };
}

/** The newest Backup of the schedule that the backup controller has already patched (b.4). */
export function newestProcessedBackup(backups: readonly Backup[], schedule: string): Backup | null {
  const time = (b: Backup) => b.status?.startTimestamp ?? b.metadata?.creationTimestamp ?? '';
  const processed = backups.filter((b) => b.metadata?.labels?.[SCHEDULE_NAME_LABEL] === schedule && !UNPROCESSED_PHASES.has(b.status?.phase ?? ''));
  return processed.sort((a, b) => (time(a) < time(b) ? 1 : time(a) > time(b) ? -1 : 0))[0] ?? null;
}

function assumedSettings(input: ServerFlagsInput, why: string, assumptions: string[]): ServerSettings {
  const base = flagSettings({ flags: new Map(), positional: [], problems: [] }, 'the velero Deployment');
  const assume = <T>(s: Sourced<T>, note: string): Sourced<T> => ({ value: s.value, source: 'assumed', note });
  const settings: ServerSettings = {
    ...base,
    features: assume(base.features, 'Velero default (no features)'),
    enableCSI: assume(base.enableCSI, 'Velero default: EnableCSI off'),
    defaultVolumesToFsBackup: assume(base.defaultVolumesToFsBackup, 'Velero default: false'),
    defaultSnapshotMoveData: assume(base.defaultSnapshotMoveData, 'Velero default: false'),
    itemBlockWorkerCount: assume(base.itemBlockWorkerCount, 'Velero default: 1 worker'),
    schedulesDisabled: assume(base.schedulesDisabled, 'assumed: no controller disabled'),
    defaultBackupStorageLocation: assume(base.defaultBackupStorageLocation, 'Velero default: "default"'),
    defaultVolumeSnapshotLocations: assume(base.defaultVolumeSnapshotLocations, 'Velero default: none'),
    volumeGroupSnapshotLabelKey: assume(base.volumeGroupSnapshotLabelKey, `Velero default: ${DEFAULT_VGS_LABEL_KEY}`),
  };
  const backups = input.velero?.backups ?? null;
  const sample = input.schedule && backups ? newestProcessedBackup(backups, input.schedule.name) : null;
  const from = sample ? `backup ${sample.metadata?.name ?? ''}` : '';
  const template = input.schedule?.template;
  if (sample && template) {
    const fsDefault = sample.spec?.defaultVolumesToFsBackup;
    if (template.defaultVolumesToFsBackup == null && template.defaultVolumesToRestic !== true && typeof fsDefault === 'boolean') {
      settings.defaultVolumesToFsBackup = { value: fsDefault, source: 'assumed', note: `inferred from ${from}, whose spec the server filled in` };
    }
    const moveData = sample.spec?.snapshotMoveData;
    if (template.snapshotMoveData == null && typeof moveData === 'boolean') {
      settings.defaultSnapshotMoveData = { value: moveData, source: 'assumed', note: `inferred from ${from}, whose spec the server filled in` };
    }
    const vgs = sample.spec?.volumeGroupSnapshotLabelKey;
    if (!template.volumeGroupSnapshotLabelKey && vgs) settings.volumeGroupSnapshotLabelKey = { value: vgs, source: 'assumed', note: `inferred from ${from}` };
    if ((sample.status?.csiVolumeSnapshotsAttempted ?? 0) > 0) {
      settings.enableCSI = { value: true, source: 'assumed', note: `inferred: ${from} attempted CSI snapshots` };
    }
  }
  assumptions.push(`${why}; server settings are ${sample ? `inferred from ${from} where it shows them, otherwise ` : ''}Velero's defaults.`);
  for (const [label, s] of [['--default-volumes-to-fs-backup', settings.defaultVolumesToFsBackup], ['--default-snapshot-move-data', settings.defaultSnapshotMoveData], ['EnableCSI', settings.enableCSI]] as const) {
    assumptions.push(`${label}: ${String(s.value)} (${s.note ?? 'assumed'}).`);
  }
  assumptions.push('One item-block worker and no disabled controllers are assumed.');
  return settings;
}

export function serverSettings(input: ServerFlagsInput): ServerFlagsResult {
  const assumptions: string[] = [];
  const deployments = input.velero?.deployments ?? null;
  if (!deployments) return { settings: assumedSettings(input, 'The velero Deployment could not be read', assumptions), assumptions };
  const found = serverContainer(deployments);
  if (!found) return { settings: assumedSettings(input, 'No velero server Deployment was found', assumptions), assumptions };
  const { command } = found.container;
  const parsed = parseArgs(containerArgv(found.container), SERVER_BOOL_FLAGS, SERVER_SHORTHANDS);
  const where = `Deployment ${found.deployment.metadata?.name ?? ''}`;
  const binary = command?.[0];
  if (binary !== undefined && !/(^|\/)velero$/.test(binary)) {
    assumptions.push(`${where}: the container runs ${JSON.stringify(binary)}, not /velero; its flags are read as if that passes them on to velero unchanged.`);
  }
  const help = last(parsed, 'help');
  // cobra prints the usage and returns before the server command runs.
  if (help !== undefined && parseBool(help) === true) parsed.problems.push('--help prints the usage and exits');
  for (const problem of parsed.problems) assumptions.push(`${where}: ${problem} (the server would not start).`);
  return { settings: flagSettings(parsed, where), assumptions };
}
