import { describe, expect, it } from 'vitest';
import { parseArgs } from './pflag';
import { SERVER_BOOL_FLAGS, SERVER_SHORTHANDS, serverContainer, serverSettings } from './server-flags';
import { nightly, processedBackup, velero, veleroDeployment } from './test-fixtures';

const settingsOf = (args: string[]) => serverSettings({ velero: velero({ deployments: [veleroDeployment(args)] }) }).settings;

describe('pflag parsing', () => {
  it('takes --x=v and --x v for value flags, even when the next argument looks like a flag', () => {
    const parsed = parseArgs(['server', '--uploader-type', 'kopia', '--log-level=debug', '--profiler-address', '--x'], SERVER_BOOL_FLAGS);
    expect(parsed.flags.get('uploader-type')).toEqual(['kopia']);
    expect(parsed.flags.get('log-level')).toEqual(['debug']);
    expect(parsed.flags.get('profiler-address')).toEqual(['--x']);
    expect(parsed.positional).toEqual(['server']);
  });

  it('reads `--bool false` as true plus a stray argument', () => {
    const parsed = parseArgs(['server', '--default-volumes-to-fs-backup', 'false'], SERVER_BOOL_FLAGS);
    expect(parsed.flags.get('default-volumes-to-fs-backup')).toEqual(['true']);
    expect(parsed.positional).toEqual(['server', 'false']);
  });

  it('knows the klog bools NewCommand adds, so they do not swallow the next argument', () => {
    for (const flag of ['--logtostderr', '--alsologtostderr', '--add_dir_header', '--skip_headers', '--skip_log_headers', '--one_output']) {
      const parsed = parseArgs(['server', flag, '--default-volumes-to-fs-backup'], SERVER_BOOL_FLAGS);
      expect(parsed.flags.get('default-volumes-to-fs-backup')).toEqual(['true']);
    }
    expect(settingsOf(['server', '--logtostderr', '--default-volumes-to-fs-backup']).defaultVolumesToFsBackup).toMatchObject({ value: true, source: 'server' });
    // --colorized is an OptionalBool without NoOptDefVal: it takes the next argument.
    expect(parseArgs(['server', '--colorized', '--default-volumes-to-fs-backup'], SERVER_BOOL_FLAGS).flags.get('colorized')).toEqual(['--default-volumes-to-fs-backup']);
  });

  it('parses the shorthands -n, -v and -h as pflag does', () => {
    const parsed = parseArgs(['server', '-n', 'velero', '-v=2', '-h', '--x'], SERVER_BOOL_FLAGS, SERVER_SHORTHANDS);
    expect(parsed.flags.get('namespace')).toEqual(['velero']);
    expect(parsed.flags.get('v')).toEqual(['2']);
    expect(parsed.flags.get('help')).toEqual(['true']);
    expect(parseArgs(['server', '-v', '--default-volumes-to-fs-backup'], SERVER_BOOL_FLAGS, SERVER_SHORTHANDS).flags.get('v')).toEqual(['--default-volumes-to-fs-backup']);
    expect(parseArgs(['server', '-nvelero'], SERVER_BOOL_FLAGS, SERVER_SHORTHANDS).flags.get('namespace')).toEqual(['velero']);
    expect(parseArgs(['server', '-n'], SERVER_BOOL_FLAGS, SERVER_SHORTHANDS).problems).toEqual(["flag needs an argument: 'n' in -n"]);
  });

  it('stops reading flags after --', () => {
    expect(parseArgs(['server', '--', '--restore-only'], SERVER_BOOL_FLAGS).flags.size).toBe(0);
  });
});

describe('server settings from the velero Deployment', () => {
  it('reads the flags of a velero install Deployment with source server', () => {
    const s = settingsOf(['server', '--features=EnableCSI,EnableAPIGroupVersions', '--uploader-type=kopia', '--default-volumes-to-fs-backup=true', '--item-block-worker-count=2']);
    expect(s.features).toMatchObject({ value: ['EnableCSI', 'EnableAPIGroupVersions'], source: 'server' });
    expect(s.enableCSI).toMatchObject({ value: true, source: 'server' });
    expect(s.defaultVolumesToFsBackup).toMatchObject({ value: true, source: 'server', note: '--default-volumes-to-fs-backup=true' });
    expect(s.itemBlockWorkerCount).toMatchObject({ value: 2, source: 'server' });
  });

  it('lets the last occurrence win, for bools and for --features', () => {
    const s = settingsOf(['server', '--default-volumes-to-fs-backup', '--default-volumes-to-fs-backup=false', '--features=EnableCSI', '--features=EnableAPIGroupVersions']);
    expect(s.defaultVolumesToFsBackup).toMatchObject({ value: false, source: 'server' });
    expect(s.enableCSI.value).toBe(false);
  });

  it('splits --features on commas only, and names are case-sensitive', () => {
    expect(settingsOf(['server', '--features=enablecsi, EnableCSI']).features.value).toEqual(['enablecsi', ' EnableCSI']);
    expect(settingsOf(['server', '--features=enablecsi, EnableCSI']).enableCSI.value).toBe(false);
  });

  it('reports an absent flag as the default when the Deployment was read', () => {
    const s = settingsOf(['server']);
    expect(s.defaultVolumesToFsBackup).toMatchObject({ value: false, source: 'default' });
    expect(s.itemBlockWorkerCount).toMatchObject({ value: 1, source: 'default' });
    expect(s.defaultBackupStorageLocation).toMatchObject({ value: 'default', source: 'default' });
  });

  it('marks schedules disabled by --disable-controllers (accumulated) or --restore-only', () => {
    expect(settingsOf(['server', '--disable-controllers=gc', '--disable-controllers=schedule']).schedulesDisabled).toMatchObject({ value: true, source: 'server' });
    expect(settingsOf(['server', '--restore-only']).schedulesDisabled.value).toBe(true);
    expect(settingsOf(['server', '--disable-controllers=restore']).schedulesDisabled.value).toBe(false);
  });

  it('accumulates --default-volume-snapshot-locations provider:name pairs', () => {
    expect(settingsOf(['server', '--default-volume-snapshot-locations=aws:east', '--default-volume-snapshot-locations=gcp:eu']).defaultVolumeSnapshotLocations.value).toEqual({ aws: 'east', gcp: 'eu' });
  });

  it('reads the flags in the container\'s command when it carries them (the process gets command + args)', () => {
    const d = veleroDeployment([]);
    const container = d.spec?.template?.spec?.containers?.[0];
    if (container) {
      container.command = ['/velero', 'server', '--default-volumes-to-fs-backup', '--features=EnableCSI'];
      delete container.args;
    }
    const s = serverSettings({ velero: velero({ deployments: [d] }) }).settings;
    expect(s.defaultVolumesToFsBackup).toMatchObject({ value: true, source: 'server' });
    expect(s.enableCSI).toMatchObject({ value: true, source: 'server' });
    if (container) container.args = ['--default-snapshot-move-data'];
    expect(serverSettings({ velero: velero({ deployments: [d] }) }).settings.defaultSnapshotMoveData.value).toBe(true);
  });

  it('with no command, the image entrypoint /velero gets the args', () => {
    const d = veleroDeployment(['server', '--default-volumes-to-fs-backup']);
    const container = d.spec?.template?.spec?.containers?.[0];
    if (container) delete container.command;
    expect(serverSettings({ velero: velero({ deployments: [d] }) }).settings.defaultVolumesToFsBackup.value).toBe(true);
  });

  it('says when the server would only print its help', () => {
    const result = serverSettings({ velero: velero({ deployments: [veleroDeployment(['server', '--help'])] }) });
    expect(result.assumptions).toEqual(['Deployment velero: --help prints the usage and exits (the server would not start).']);
    expect(serverSettings({ velero: velero({ deployments: [veleroDeployment(['server', '--help=false'])] }) }).assumptions).toEqual([]);
  });

  it('finds the server container by its args when it is not named velero', () => {
    const d = veleroDeployment(['server']);
    const container = d.spec?.template?.spec?.containers?.[0];
    if (container) container.name = 'main';
    expect(serverContainer([d])?.container.name).toBe('main');
  });
});

describe('server settings when the Deployment cannot be read (b.4)', () => {
  it('assumes Velero defaults and says so', () => {
    const result = serverSettings({ velero: velero({ deployments: null }) });
    expect(result.settings.defaultVolumesToFsBackup).toMatchObject({ value: false, source: 'assumed' });
    expect(result.settings.enableCSI).toMatchObject({ value: false, source: 'assumed' });
    expect(result.assumptions[0]).toContain('could not be read');
  });

  it('infers the server defaults from the newest processed Backup of the schedule whose template left them unset', () => {
    const backups = [
      processedBackup('nightly-20260519020011', 'nightly', { defaultVolumesToFsBackup: false, snapshotMoveData: false }, { startTimestamp: '2026-05-19T02:00:12Z' }),
      processedBackup('nightly-20260520020012', 'nightly', { defaultVolumesToFsBackup: true, snapshotMoveData: true }, { csiVolumeSnapshotsAttempted: 2 }),
      processedBackup('nightly-20260521020012', 'nightly', {}, { phase: 'New', startTimestamp: null }),
    ];
    const schedule = nightly();
    const result = serverSettings({ velero: velero({ deployments: null, backups }), schedule: { name: 'nightly', template: schedule.spec?.template ?? {} } });
    expect(result.settings.defaultVolumesToFsBackup).toMatchObject({ value: true, source: 'assumed', note: expect.stringContaining('nightly-20260520020012') });
    expect(result.settings.defaultSnapshotMoveData.value).toBe(true);
    expect(result.settings.enableCSI).toMatchObject({ value: true, source: 'assumed' });
  });

  it('does not infer a value the template sets itself', () => {
    const backups = [processedBackup('nightly-1', 'nightly', { defaultVolumesToFsBackup: true })];
    const result = serverSettings({ velero: velero({ deployments: [], backups }), schedule: { name: 'nightly', template: { defaultVolumesToFsBackup: true } } });
    expect(result.settings.defaultVolumesToFsBackup).toMatchObject({ value: false, source: 'assumed', note: 'Velero default: false' });
    expect(result.assumptions[0]).toContain('No velero server Deployment was found');
  });
});
