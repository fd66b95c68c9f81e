// Velero installed in the seeded demo cluster, as `velero install` and a week of schedules leave it: the server
// Deployment and node-agent DaemonSet, a BSL and a VSL, resource-policy ConfigMaps, Schedules that each show one
// input of the prediction, processed Backups and the PodVolumeBackups of the last nightly run.
import type { Pod } from '../model/kube';
import { uid } from './objects';
import { backup, dataUpload, podVolumeBackup, schedule } from './velero-objects';
import { BACKUP_POLICY, BROKEN_POLICY, brokenPolicyValidationError } from './velero-policies';
import type { DemoJson, DemoObjects } from './types';

const NS = 'velero';
const INSTALLED = '2026-10-01T12:00:00Z';
const meta = (name: string, labels: Record<string, string> = { component: 'velero' }) =>
  ({ name, namespace: NS, uid: uid(`velero/${name}`), creationTimestamp: INSTALLED, labels });

/** What each Schedule is meant to show on the dashboard. */
export const SCHEDULE_NOTES: Record<string, string> = {
  nightly: 'Opt-in with the valid volume policy backup-policy: every condition and action of §7 decides a real volume.',
  'shop-and-wiki': 'Namespace globs sh* and w?ki: Velero expands them against the namespace list (shop, wiki).',
  'all-but-scratch': 'excludedNamespaces [kube-system, batch] plus the namespace scratch, excluded by its velero.io/exclude-from-backup label.',
  'no-claims': 'Old-style excludedResources [pvc]: backupExcludePVC is true, so claim volumes go to fs-backup only by annotation.',
  'wiki-editors': 'A label selector picks wiki-editor-0; its bound claim wiki-media pulls in wiki-indexer-0, whose claim wiki-pages pulls in wiki-api-0 (item blocks are transitive); the selector selects neither.',
  'paused-weekly': 'Paused: Velero never reconciles it, so it creates no Backup whatever its template says.',
  broken: 'Its resourcePolicy names broken-policy, which Velero cannot decode: every Backup fails validation.',
  'opt-out-daily': 'Opt-out (defaultVolumesToFsBackup: true): every volume not listed in backup-volumes-excludes is copied.',
  'offsite-daily': 'snapshotMoveData: true: CSI snapshots of shop and monitoring are moved to the BSL by the data mover (one DataUpload per claim).',
  'files-only': 'snapshotVolumes: false and PersistentVolumes excluded: only fs-backup protects anything in legacy and analytics.',
};

const SCHEDULES: DemoJson[] = [
  schedule('nightly', '0 2 * * *', '2026-11-24T02:00:12Z', {
    includedNamespaces: ['*'], excludedNamespaces: ['kube-system'], defaultVolumesToFsBackup: false, snapshotVolumes: true,
    storageLocation: 'default', resourcePolicy: { kind: 'configmap', name: 'backup-policy' } }, { labels: { team: 'platform' } }),
  schedule('shop-and-wiki', '30 1 * * *', '2026-11-24T01:30:04Z', { includedNamespaces: ['sh*', 'w?ki'], ttl: '168h0m0s' }),
  schedule('all-but-scratch', '0 */6 * * *', '2026-11-24T06:00:03Z', { includedNamespaces: ['*'], excludedNamespaces: ['kube-system', 'batch'] }),
  schedule('no-claims', '15 3 * * *', '2026-11-24T03:15:09Z', { includedNamespaces: ['monitoring', 'analytics'], excludedResources: ['pvc'] }),
  schedule('wiki-editors', '0 * * * *', '2026-11-24T09:00:02Z', { includedNamespaces: ['wiki'], labelSelector: { matchLabels: { app: 'wiki-editor' } } }),
  schedule('paused-weekly', '0 3 * * 0', '2026-11-16T03:00:05Z', { includedNamespaces: ['shop', 'media'], defaultVolumesToFsBackup: true }, { paused: true }),
  schedule('broken', '0 4 * * *', '2026-11-24T04:00:07Z', { includedNamespaces: ['media'], resourcePolicy: { kind: 'configmap', name: 'broken-policy' } }),
  schedule('opt-out-daily', '0 5 * * *', '2026-11-24T05:00:01Z', { includedNamespaces: ['monitoring', 'legacy', 'mistakes', 'edge'], defaultVolumesToFsBackup: true }),
  schedule('offsite-daily', '30 4 * * *', '2026-11-24T04:30:00Z', { includedNamespaces: ['shop', 'monitoring'], snapshotMoveData: true }),
  schedule('files-only', '45 5 * * *', '2026-11-24T05:45:00Z', { includedNamespaces: ['legacy', 'analytics'], snapshotVolumes: false, excludedClusterScopedResources: ['persistentvolumes'] }),
];

/**
 * The last nightly run: what fs-backup took under backup-policy in opt-in mode (see velero-policies.ts), checked
 * against the engine's prediction (lib/server/demo-last-backup.test.ts): mistakes/api-0 was recreated after the
 * backup started, so its predicted volume has no PodVolumeBackup (missing); web-0's copy Failed; wiki-editor-0
 * copied wiki-media again although wiki-indexer-0 took it first (unexpected: a duplicate through another pod).
 */
const LAST_NIGHTLY = 'nightly-20261124020012';
const NIGHTLY_PVBS: Array<[namespace: string, pod: string, volume: string, claim: string, outcome?: 'failed' | 'empty']> = [
  ['locked', 'vault-0', 'data', 'vault-data'],
  ['media', 'media-a-0', 'assets', 'assets'],
  ['mistakes', 'both-0', 'data', 'both-0-data'],
  ['mistakes', 'trailing-0', 'data', 'trailing-0-data', 'empty'],
  ['mistakes', 'web-0', 'data', 'web-0-data', 'failed'],
  ['shop', 'session-store-0', 'sessions', 'sessions'],
  ['wiki', 'wiki-api-0', 'pages', 'wiki-pages'],
  ['wiki', 'wiki-indexer-0', 'media', 'wiki-media'],
  ['wiki', 'wiki-editor-0', 'media', 'wiki-media'],
];
const LAST_OFFSITE = 'offsite-daily-20261124043000';
type PvbRow = [namespace: string, pod: string, volume: string, claim: string];
/**
 * The other schedules' last runs went as predicted (every copy Completed), except that mistakes/api-0 did not
 * exist yet at 06:00 (all-but-scratch: missing, created after the backup started).
 */
const OTHER_PVBS: Record<string, PvbRow[]> = {
  'all-but-scratch-20261124060003': [
    ['analytics', 'hdfs-namenode-0', 'scratch', 'hdfs-scratch'], ['locked', 'vault-0', 'data', 'vault-data'],
    ['media', 'media-b-0', 'assets', 'assets'], ['media', 'media-c-0', 'assets', 'assets'],
    ['mistakes', 'both-0', 'data', 'both-0-data'], ['mistakes', 'trailing-0', 'data', 'trailing-0-data'], ['mistakes', 'web-0', 'data', 'web-0-data'],
    ['monitoring', 'prometheus-0', 'storage', 'prometheus-db'], ['shop', 'postgres-0', 'data', 'data-postgres-0'], ['shop', 'postgres-1', 'data', 'data-postgres-1'],
    ['shop', 'session-store-0', 'sessions', 'sessions'], ['wiki', 'wiki-api-0', 'pages', 'wiki-pages'], ['wiki', 'wiki-indexer-0', 'media', 'wiki-media'],
  ],
  'files-only-20261124054500': [['analytics', 'hdfs-namenode-0', 'scratch', 'hdfs-scratch']],
  [LAST_OFFSITE]: [
    ['monitoring', 'prometheus-0', 'storage', 'prometheus-db'], ['shop', 'postgres-0', 'data', 'data-postgres-0'],
    ['shop', 'postgres-1', 'data', 'data-postgres-1'], ['shop', 'session-store-0', 'sessions', 'sessions'],
  ],
  'paused-weekly-20261116030005': [
    ['media', 'media-b-0', 'assets', 'assets'], ['media', 'media-c-0', 'assets', 'assets'], ['shop', 'catalog-0', 'images', 'catalog-images'],
    ['shop', 'postgres-0', 'data', 'data-postgres-0'], ['shop', 'postgres-1', 'data', 'data-postgres-1'], ['shop', 'session-store-0', 'sessions', 'sessions'],
  ],
  'shop-and-wiki-20261124013004': [
    ['shop', 'postgres-0', 'data', 'data-postgres-0'], ['shop', 'postgres-1', 'data', 'data-postgres-1'], ['shop', 'session-store-0', 'sessions', 'sessions'],
    ['wiki', 'wiki-api-0', 'pages', 'wiki-pages'], ['wiki', 'wiki-indexer-0', 'media', 'wiki-media'],
  ],
};

function backups(): DemoJson[] {
  const of = (name: string) => SCHEDULES.find((s) => (s.metadata as { name: string }).name === name) as DemoJson;
  return [
    // edge/sensor-gateway-0 runs on node-c without a node-agent, and mistakes/web-0's copy failed: 2 errors.
    // CSI: raw-disk, worker-0-data, prometheus-db, catalog-images; native: legacy/billing-archive (aws VSL).
    backup(of('nightly'), LAST_NIGHTLY, { phase: 'PartiallyFailed', errors: 2, warnings: 3, items: 412, csi: 4, native: 1 }),
    backup(of('nightly'), 'nightly-20261123020009', { phase: 'PartiallyFailed', errors: 1, warnings: 3, items: 409, csi: 2 }),
    // The other runs' snapshot totals equal what is predicted for them now (lib/server/demo-protection.test.ts).
    backup(of('shop-and-wiki'), 'shop-and-wiki-20261124013004', { phase: 'Completed', errors: 0, warnings: 0, items: 58, csi: 1 }),
    backup(of('all-but-scratch'), 'all-but-scratch-20261124060003', { phase: 'Completed', errors: 0, warnings: 1, items: 371, csi: 2, native: 1 }),
    backup(of('no-claims'), 'no-claims-20261124031509', { phase: 'Completed', errors: 0, warnings: 0, items: 64, csi: 0 }),
    backup(of('paused-weekly'), 'paused-weekly-20261116030005', { phase: 'Completed', errors: 0, warnings: 0, items: 47, csi: 0 }),
    backup(of('offsite-daily'), LAST_OFFSITE, { phase: 'Completed', errors: 0, warnings: 0, items: 96, dataUploads: 1 }),
    backup(of('files-only'), 'files-only-20261124054500', { phase: 'PartiallyFailed', errors: 2, warnings: 0, items: 41 }),
    backup(of('broken'), 'broken-20261124040007', { phase: 'FailedValidation', validationErrors: [brokenPolicyValidationError('broken-20261124040007')] }),
  ];
}

const image = 'velero/velero:v1.18.1';
const workloadStatus = { observedGeneration: 1 };

function deployment(): DemoJson {
  const podLabels = { component: 'velero', deploy: 'velero' };
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { ...meta('velero'), generation: 1 },
    spec: {
      replicas: 1, selector: { matchLabels: { deploy: 'velero' } },
      template: {
        metadata: { labels: podLabels, annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '8085' } },
        spec: {
          serviceAccountName: 'velero', restartPolicy: 'Always',
          initContainers: [{ name: 'velero-velero-plugin-for-aws', image: 'velero/velero-plugin-for-aws:v1.14.1', volumeMounts: [{ name: 'plugins', mountPath: '/target' }] }],
          containers: [{
            name: 'velero', image, command: ['/velero'],
            args: ['server', '--features=EnableCSI', '--uploader-type=kopia', '--default-volumes-to-fs-backup=false', '--default-snapshot-move-data=false', '--fs-backup-timeout=4h0m0s'],
            env: [{ name: 'VELERO_SCRATCH_DIR', value: '/scratch' }, { name: 'VELERO_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
              { name: 'AWS_SHARED_CREDENTIALS_FILE', value: '/credentials/cloud' }],
            ports: [{ name: 'metrics', containerPort: 8085 }],
            volumeMounts: [{ name: 'plugins', mountPath: '/plugins' }, { name: 'scratch', mountPath: '/scratch' }, { name: 'cloud-credentials', mountPath: '/credentials' }],
          }],
          volumes: [{ name: 'plugins', emptyDir: {} }, { name: 'scratch', emptyDir: {} }, { name: 'cloud-credentials', secret: { secretName: 'cloud-credentials' } }],
        },
      },
    },
    status: { ...workloadStatus, replicas: 1, readyReplicas: 1, updatedReplicas: 1, availableReplicas: 1 },
  };
}

function daemonSet(): DemoJson {
  return {
    apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { ...meta('node-agent'), generation: 1 },
    spec: {
      selector: { matchLabels: { name: 'node-agent' } },
      template: {
        metadata: { labels: { component: 'velero', name: 'node-agent', role: 'node-agent' } },
        spec: {
          serviceAccountName: 'velero',
          // node-c (the edge node) carries a taint this DaemonSet does not tolerate: no node-agent runs there.
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [{ name: 'node-agent', image, command: ['/velero'], args: ['node-agent', 'server', '--features=EnableCSI'],
            volumeMounts: [{ name: 'host-pods', mountPath: '/host_pods', mountPropagation: 'HostToContainer' }, { name: 'scratch', mountPath: '/scratch' }] }],
          volumes: [{ name: 'host-pods', hostPath: { path: '/var/lib/kubelet/pods' } }, { name: 'scratch', emptyDir: {} }],
        },
      },
    },
    status: { ...workloadStatus, desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2, numberAvailable: 2, updatedNumberScheduled: 2, numberMisscheduled: 0 },
  };
}

/** Velero's objects for the seeded cluster; `pods` gives the uids and nodes the PodVolumeBackups record. */
export function veleroInstallation(pods: readonly Pod[]): Required<Pick<DemoObjects,
  'schedules' | 'backups' | 'backupStorageLocations' | 'volumeSnapshotLocations' | 'podVolumeBackups' | 'backupRepositories' | 'dataUploads' | 'deployments' | 'daemonSets' | 'configmaps'>> {
  const all = backups();
  const nightly = all.find((b) => (b.metadata as { name: string }).name === LAST_NIGHTLY) as DemoJson;
  const podOf = (namespace: string, name: string) => {
    const found = pods.find((p) => p.metadata?.namespace === namespace && p.metadata?.name === name);
    if (!found) throw new Error(`velero-scenarios: no demo pod ${namespace}/${name} for a PodVolumeBackup`);
    return found;
  };
  return {
    schedules: SCHEDULES,
    backups: all,
    backupStorageLocations: [{
      apiVersion: 'velero.io/v1', kind: 'BackupStorageLocation', metadata: meta('default'),
      spec: { provider: 'aws', default: true, accessMode: 'ReadWrite', objectStorage: { bucket: 'acme-velero-backups', prefix: 'demo-cluster' },
        config: { region: 'eu-west-1' }, credential: { name: 'cloud-credentials', key: 'cloud' } },
      status: { phase: 'Available', lastValidationTime: '2026-11-24T09:59:30Z', lastSyncedTime: '2026-11-24T09:59:02Z' },
    }],
    volumeSnapshotLocations: [{
      apiVersion: 'velero.io/v1', kind: 'VolumeSnapshotLocation', metadata: meta('default'),
      spec: { provider: 'aws', config: { region: 'eu-west-1' }, credential: { name: 'cloud-credentials', key: 'cloud' } }, status: { phase: 'Available' },
    }],
    podVolumeBackups: [
      ...NIGHTLY_PVBS.map(([namespace, pod, volume, claim, outcome]) => podVolumeBackup(nightly, podOf(namespace, pod), volume, claim, outcome)),
      ...Object.entries(OTHER_PVBS).flatMap(([name, rows]) => {
        const of = all.find((b) => (b.metadata as { name: string }).name === name) as DemoJson;
        return rows.map(([namespace, pod, volume, claim]) => podVolumeBackup(of, podOf(namespace, pod), volume, claim));
      }),
    ],
    backupRepositories: [],
    // shop/catalog-images is the only claim offsite-daily snapshots (the rest is fs-backup, custom or excluded).
    dataUploads: [dataUpload(all.find((b) => (b.metadata as { name: string }).name === LAST_OFFSITE) as DemoJson, 'shop', 'catalog-images', 'node-a')],
    deployments: [deployment()],
    daemonSets: [daemonSet()],
    configmaps: [
      { metadata: { ...meta('backup-policy', { 'app.kubernetes.io/part-of': 'backup-lens-demo' }) }, data: { 'policy.yaml': BACKUP_POLICY } },
      { metadata: { ...meta('broken-policy', { 'app.kubernetes.io/part-of': 'backup-lens-demo' }) }, data: { 'policy.yaml': BROKEN_POLICY } },
      // binaryData is ignored by Velero's policy loader; the dashboard keeps only its keys.
      { metadata: meta('velero-ca-bundle'), binaryData: { 'ca.der': Buffer.from('demo CA certificate').toString('base64') } },
    ],
  };
}
