// Test helpers only: Velero objects as the API returns them, and the real strict policy parser.
import type { Namespace } from '../../model/kube';
import type { Backup, BackupSpec, BackupStorageLocation, ConfigMap, Schedule, VeleroObjects, VolumeSnapshotLocation, Workload } from '../../model/velero';
import { parseResourcePolicy } from '../../rules/policy/parse';
import type { ParsePolicy } from '../../rules/policy/types';
import type { OptionsContext } from './effective';

/** The real strict parser: option tests see exactly what the server sees. */
export const testParsePolicy: ParsePolicy = parseResourcePolicy;

export const ns = (name: string, labels?: Record<string, string>): Namespace => ({ metadata: { name, ...(labels ? { labels } : {}) }, status: { phase: 'Active' } });

export const NAMESPACES: Namespace[] = [
  ns('default'), ns('kube-system'), ns('shop', { team: 'web' }), ns('shop-staging'), ns('wiki'), ns('velero'),
  ns('scratch', { 'velero.io/exclude-from-backup': 'true' }),
];

/** `velero install` renders this Deployment (pkg/install/deployment.go). */
export function veleroDeployment(args: string[]): Workload {
  return {
    metadata: { name: 'velero', namespace: 'velero', labels: { component: 'velero' } },
    spec: {
      selector: { matchLabels: { deploy: 'velero' } },
      template: {
        metadata: { labels: { component: 'velero', deploy: 'velero' } },
        spec: {
          serviceAccountName: 'velero',
          initContainers: [{ name: 'velero-velero-plugin-for-aws', image: 'velero/velero-plugin-for-aws:v1.13.0' }],
          containers: [{ name: 'velero', image: 'velero/velero:v1.18.1', command: ['/velero'], args }],
        },
      },
    },
  };
}

export const bsl = (name: string, extra: Partial<{ default: boolean; accessMode: string; phase: string }> = {}): BackupStorageLocation => ({
  metadata: { name, namespace: 'velero' },
  spec: { provider: 'aws', objectStorage: { bucket: 'my-backups', prefix: 'cluster-a' }, default: extra.default ?? false, accessMode: extra.accessMode ?? 'ReadWrite' },
  status: { phase: extra.phase ?? 'Available', lastValidationTime: '2026-05-20T09:00:00Z' },
});

export const vsl = (name: string, provider = 'aws'): VolumeSnapshotLocation => ({ metadata: { name, namespace: 'velero' }, spec: { provider, config: { region: 'eu-west-1' } } });

export const policyConfigMap = (name: string, data: Record<string, string>): ConfigMap => ({ metadata: { name, namespace: 'velero' }, data });

/** The Schedule of velero-objects.md a.1, as the API returns it. */
export function nightly(template: BackupSpec = {}): Schedule {
  return {
    metadata: { name: 'nightly', namespace: 'velero', uid: '0b7f0c8e-3a3e-4c55-9a2a-3f5d0f4f7a10', labels: { team: 'platform' } },
    spec: {
      schedule: '0 2 * * *',
      useOwnerReferencesInBackup: false,
      paused: false,
      skipImmediately: false,
      template: { metadata: {}, includedNamespaces: ['*'], excludedNamespaces: ['kube-system'], snapshotVolumes: true, storageLocation: 'default', ttl: '720h0m0s', hooks: {}, ...template },
    },
    status: { phase: 'Enabled', lastBackup: '2026-05-20T02:00:12Z' },
  };
}

export function processedBackup(name: string, schedule: string, spec: Backup['spec'], status: Backup['status'] = {}): Backup {
  return {
    metadata: { name, namespace: 'velero', labels: { 'velero.io/schedule-name': schedule, 'velero.io/storage-location': 'default' }, creationTimestamp: '2026-05-20T02:00:12Z' },
    spec,
    status: { phase: 'Completed', startTimestamp: '2026-05-20T02:00:13Z', ...status },
  };
}

export function velero(extra: Partial<VeleroObjects> = {}): VeleroObjects {
  return {
    installed: true,
    schedules: [],
    backups: [],
    backupStorageLocations: [bsl('default', { default: true })],
    volumeSnapshotLocations: [vsl('default')],
    podVolumeBackups: [],
    configMaps: [],
    deployments: [veleroDeployment(['server', '--features=EnableCSI', '--uploader-type=kopia'])],
    daemonSets: [],
    ...extra,
  };
}

export function context(extra: Partial<OptionsContext> = {}): OptionsContext {
  return { velero: velero(), namespaces: NAMESPACES, veleroNamespace: 'velero', incomplete: [], parsePolicy: testParsePolicy, ...extra };
}
