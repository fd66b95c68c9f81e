// The seeded demo cluster: realistic namespaces whose volumes, between opt-in, opt-out and backupExcludePVC,
// reach every reason code that needs no volume policy. Comments give the expected verdict (opt-in / opt-out).
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../model/kube';
import { claim, namespace, pod, pvFor, pvc } from './objects';
import type { DemoObjects } from './types';
import { STORAGE_CLASSES, VOLUME_SNAPSHOT_CLASSES, protectionScenarios } from './protection-scenarios';
import { veleroInstallation } from './velero-scenarios';

const BACKUP = 'backup.velero.io/backup-volumes';
const EXCLUDES = 'backup.velero.io/backup-volumes-excludes';
const sts = (name: string) => ({ kind: 'StatefulSet', name });
const rs = (name: string) => ({ kind: 'ReplicaSet', name });

export const SCENARIO_NOTES: Record<string, string> = {
  shop: 'Postgres StatefulSet opted in, a Redis cache opted out, a claim labelled exclude-from-backup still copied, a Pending worker.',
  wiki: 'Claims shared by three pods: item blocks make wiki-indexer-0 take wiki-media before wiki-editor-0 (velero-rules §4).',
  media: 'The first pod opts a shared claim out, so every later pod copies it again (Velero duplicates it).',
  monitoring: 'hostPath mounts (node-exporter), configMap and secret volumes (grafana), Prometheus data opted in.',
  analytics: 'A raw block device, a claim that does not exist, a claim whose PV was deleted, hostPath and local PVs.',
  legacy: 'default-token secret and emptyDir volumes, projected and downward API volumes, all listed in the opt-in annotation.',
  batch: 'A finished Job pod, a pod being deleted, a pod labelled exclude-from-backup, init-container-only mounts.',
  mistakes: 'Annotation mistakes: a space after a comma, a claim name instead of a volume name, wrong case, both annotations.',
  edge: 'A pod on node-c, where no Velero node-agent runs.',
  locked: 'A namespace that e2e tests make forbidden (403) to show partial reads.',
  scratch: 'Labelled velero.io/exclude-from-backup=true: Velero appends it to every backup\'s excludedNamespaces.',
  velero: 'Velero itself: the server, the node-agent DaemonSet on node-a and node-b, Schedules, Backups and policies (velero-scenarios.ts).',
};

function build(): { pods: Pod[]; claims: PersistentVolumeClaim[]; pvs: PersistentVolume[] } {
  const pods: Pod[] = [];
  const claims: PersistentVolumeClaim[] = [];
  const pvs: PersistentVolume[] = [];
  const bound = (ns: string, name: string, extra: Partial<Parameters<typeof pvc>[0]> = {}, source?: Record<string, unknown>) => {
    const c = pvc({ namespace: ns, name, ...extra });
    claims.push(c);
    if (c.spec?.volumeName) pvs.push(pvFor(c, source));
    return c;
  };

  // shop — postgres-N: data optedIn / defaultFsBackup; kube-api-access: projected in both modes.
  for (const i of [0, 1]) {
    bound('shop', `data-postgres-${i}`, { size: '50Gi', labels: { app: 'postgres' } });
    pods.push(pod({ namespace: 'shop', name: `postgres-${i}`, owner: sts('postgres'), node: i === 0 ? 'node-a' : 'node-b', annotations: { [BACKUP]: 'data' },
      volumes: [claim('data', `data-postgres-${i}`)], containers: [{ name: 'postgres', image: 'postgres:16.4', mounts: { data: '/var/lib/postgresql/data' } }] }));
  }
  // redis-0: cache notOptedIn / optedOut.
  pods.push(pod({ namespace: 'shop', name: 'redis-0', owner: sts('redis'), annotations: { [EXCLUDES]: 'cache' },
    volumes: [{ name: 'cache', emptyDir: { medium: 'Memory' } }], containers: [{ name: 'redis', image: 'redis:7.4', mounts: { cache: '/data' } }] }));
  // session-store-0: sessions optedIn / defaultFsBackup although the claim is labelled exclude-from-backup (lint L9).
  bound('shop', 'sessions', { labels: { 'velero.io/exclude-from-backup': 'true' } });
  pods.push(pod({ namespace: 'shop', name: 'session-store-0', owner: sts('session-store'), annotations: { [BACKUP]: 'sessions' },
    volumes: [claim('sessions', 'sessions')], containers: [{ name: 'store', mounts: { sessions: '/sessions' } }] }));
  // reports-worker-…: Pending, unscheduled; spool podNotRunning in both modes (lint L11: nothing copies report-spool).
  bound('shop', 'report-spool');
  pods.push(pod({ namespace: 'shop', name: 'reports-worker-5f7c9d-q8w2x', owner: rs('reports-worker-5f7c9d'), node: null, phase: 'Pending', annotations: { [BACKUP]: 'spool' },
    volumes: [claim('spool', 'report-spool')], containers: [{ name: 'worker', mounts: { spool: '/spool' } }] }));

  // wiki — api takes pages; indexer: pages sharedPvcOtherPod, media taken; editor: media sharedPvcOtherPod.
  bound('wiki', 'wiki-pages');
  bound('wiki', 'wiki-media', { size: '200Gi', storageClass: 'efs-sc' }, { csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0a1b2c3d::fsap-0123' } });
  const wikiPod = (name: string, volumes: string[]) =>
    pods.push(pod({ namespace: 'wiki', name, owner: sts(name.replace(/-0$/, '')), annotations: { [BACKUP]: volumes.join(',') },
      volumes: volumes.map((v) => claim(v, `wiki-${v}`)), containers: [{ name: name.replace(/-0$/, ''), mounts: Object.fromEntries(volumes.map((v) => [v, `/srv/${v}`])) }] }));
  wikiPod('wiki-api-0', ['pages']);
  wikiPod('wiki-editor-0', ['media']);
  wikiPod('wiki-indexer-0', ['pages', 'media']);

  // media — media-a-0 does not select assets (notOptedIn / optedOut), so media-b-0 and media-c-0 both copy it (lint L10).
  bound('media', 'assets', { size: '100Gi', storageClass: 'efs-sc' }, { nfs: { server: '10.20.0.5', path: '/exports/assets' } });
  for (const [name, annotations] of [['media-a-0', { [EXCLUDES]: 'assets' }], ['media-b-0', { [BACKUP]: 'assets' }], ['media-c-0', { [BACKUP]: 'assets' }]] as const) {
    pods.push(pod({ namespace: 'media', name, owner: sts(name.replace(/-0$/, '')), annotations, volumes: [claim('assets', 'assets')], containers: [{ name: 'transcoder', mounts: { assets: '/assets' } }] }));
  }

  // monitoring — node-exporter: proc/sys hostPath; grafana: dashboards configMap, admin secret, storage notOptedIn / defaultFsBackup.
  for (const node of ['node-a', 'node-b', 'node-c']) {
    pods.push(pod({ namespace: 'monitoring', name: `node-exporter-${node.slice(-1)}7x2k`, owner: { kind: 'DaemonSet', name: 'node-exporter' }, node,
      volumes: [{ name: 'proc', hostPath: { path: '/proc', type: '' } }, { name: 'sys', hostPath: { path: '/sys', type: '' } }],
      containers: [{ name: 'node-exporter', image: 'prom/node-exporter:v1.8.2', mounts: { proc: '/host/proc', sys: '/host/sys' } }] }));
  }
  bound('monitoring', 'prometheus-db', { size: '100Gi' });
  pods.push(pod({ namespace: 'monitoring', name: 'prometheus-0', owner: sts('prometheus'), node: 'node-b', annotations: { [BACKUP]: 'storage' },
    volumes: [claim('storage', 'prometheus-db'), { name: 'config', configMap: { name: 'prometheus-config' } }],
    containers: [{ name: 'prometheus', image: 'prom/prometheus:v2.54.1', mounts: { storage: '/prometheus', config: '/etc/prometheus' } }] }));
  pods.push(pod({ namespace: 'monitoring', name: 'grafana-7b9d4c-h2j5k', owner: rs('grafana-7b9d4c'),
    volumes: [{ name: 'dashboards', configMap: { name: 'grafana-dashboards' } }, { name: 'admin', secret: { secretName: 'grafana-admin' } }, { name: 'storage', emptyDir: {} }],
    containers: [{ name: 'grafana', image: 'grafana/grafana:11.2.0', mounts: { dashboards: '/var/lib/grafana/dashboards', admin: '/etc/grafana/admin', storage: '/var/lib/grafana' } }] }));

  // analytics — raw: blockVolume; staging: pvcMissing; orphan: pvUnavailable; hp: hostPathPv; scratch (local PV): fs-backup.
  bound('analytics', 'raw-disk', { volumeMode: 'Block', size: '500Gi' });
  pods.push(pod({ namespace: 'analytics', name: 'raw-ingest-0', owner: sts('raw-ingest'), annotations: { [BACKUP]: 'raw' },
    volumes: [claim('raw', 'raw-disk')], containers: [{ name: 'ingest', devices: { raw: '/dev/xvdb' } }] }));
  pods.push(pod({ namespace: 'analytics', name: 'etl-0', owner: sts('etl'), annotations: { [BACKUP]: 'staging' },
    volumes: [claim('staging', 'etl-staging')], containers: [{ name: 'etl', mounts: { staging: '/staging' } }] }));
  claims.push(pvc({ namespace: 'analytics', name: 'etl-archive', volumeName: 'pvc-3f0c2d1e-deleted', phase: 'Lost' }));
  pods.push(pod({ namespace: 'analytics', name: 'etl-archiver-0', owner: sts('etl-archiver'), annotations: { [BACKUP]: 'archive' },
    volumes: [claim('archive', 'etl-archive')], containers: [{ name: 'archiver', mounts: { archive: '/archive' } }] }));
  bound('analytics', 'hdfs-name', { storageClass: 'manual' }, { hostPath: { path: '/data/hdfs/name', type: 'DirectoryOrCreate' } });
  bound('analytics', 'hdfs-scratch', { storageClass: 'local-storage' }, { local: { path: '/mnt/disks/ssd1' } });
  pods.push(pod({ namespace: 'analytics', name: 'hdfs-namenode-0', owner: sts('hdfs-namenode'), annotations: { [BACKUP]: 'name,scratch' },
    volumes: [claim('name', 'hdfs-name'), claim('scratch', 'hdfs-scratch')], containers: [{ name: 'namenode', mounts: { name: '/hadoop/dfs/name', scratch: '/scratch' } }] }));

  // legacy — every listed volume is skipped by type: secret, defaultToken, downwardAPI, configMap, projected (lint L5).
  pods.push(pod({ namespace: 'legacy', name: 'billing-legacy-0', owner: sts('billing-legacy'), serviceAccountVolume: true,
    annotations: { [BACKUP]: 'default-token-x7k2p,default-token-cache,podinfo,settings' },
    volumes: [{ name: 'default-token-x7k2p', secret: { secretName: 'default-token-x7k2p' } }, { name: 'default-token-cache', emptyDir: {} },
      { name: 'podinfo', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } }, { name: 'settings', configMap: { name: 'billing-settings' } }],
    containers: [{ name: 'billing', mounts: { 'default-token-x7k2p': '/var/run/secrets/legacy', 'default-token-cache': '/cache', podinfo: '/etc/podinfo', settings: '/etc/billing' } }] }));

  // batch — report (Succeeded): podNotRunning; cleanup (deleting): podTerminating; scratch: podExcludedByLabel;
  // migrate-db: seed notMounted (init only); log-shipper: logs notMounted (native sidecar only).
  pods.push(pod({ namespace: 'batch', name: 'nightly-report-28913740-x8z2p', owner: { kind: 'Job', name: 'nightly-report-28913740' }, phase: 'Succeeded', annotations: { [BACKUP]: 'out' },
    volumes: [{ name: 'out', emptyDir: {} }], containers: [{ name: 'report', mounts: { out: '/out' } }] }));
  pods.push(pod({ namespace: 'batch', name: 'cleanup-7d2f1-k9p4m', owner: { kind: 'Job', name: 'cleanup-7d2f1' }, deletionTimestamp: '2026-11-24T09:58:00Z', annotations: { [BACKUP]: 'work' },
    volumes: [{ name: 'work', emptyDir: {} }], containers: [{ name: 'cleanup', mounts: { work: '/work' } }] }));
  pods.push(pod({ namespace: 'batch', name: 'scratch-runner-0', owner: sts('scratch-runner'), labels: { app: 'scratch-runner', 'velero.io/exclude-from-backup': 'true' }, annotations: { [BACKUP]: 'scratch' },
    volumes: [{ name: 'scratch', emptyDir: {} }], containers: [{ name: 'runner', mounts: { scratch: '/scratch' } }] }));
  pods.push(pod({ namespace: 'batch', name: 'migrate-db-0', owner: sts('migrate-db'), annotations: { [BACKUP]: 'seed' },
    volumes: [{ name: 'seed', emptyDir: {} }], initContainers: [{ name: 'load-seed', mounts: { seed: '/seed' } }], containers: [{ name: 'migrate' }] }));
  pods.push(pod({ namespace: 'batch', name: 'log-shipper-0', owner: sts('log-shipper'), annotations: { [BACKUP]: 'logs' },
    volumes: [{ name: 'logs', emptyDir: {} }], initContainers: [{ name: 'fluent-bit', restartPolicy: 'Always', mounts: { logs: '/var/log/app' } }], containers: [{ name: 'app' }] }));

  // mistakes — api-0: cache notOptedIn ("data, cache"); worker-0: data notOptedIn (claim name listed);
  // web-0: cache notOptedIn ("Cache"); both-0: reads backup-volumes in opt-in, excludes in opt-out; trailing-0: "data," and "cache,cache,".
  const mistake = (name: string, annotations: Record<string, string>) => {
    bound('mistakes', `${name}-data`);
    pods.push(pod({ namespace: 'mistakes', name, owner: sts(name.replace(/-0$/, '')), annotations,
      volumes: [claim('data', `${name}-data`), { name: 'cache', emptyDir: {} }], containers: [{ name: 'app', mounts: { data: '/data', cache: '/cache' } }] }));
  };
  mistake('api-0', { [BACKUP]: 'data, cache' });
  // api-0 was recreated after the last nightly started (so that backup has no PodVolumeBackup for it).
  Object.assign((pods.at(-1) as Pod).metadata as object, { creationTimestamp: '2026-11-24T07:12:40Z' });
  mistake('worker-0', { [BACKUP]: 'worker-0-data' });
  mistake('web-0', { [BACKUP]: 'data,Cache' });
  mistake('both-0', { [BACKUP]: 'data', [EXCLUDES]: 'data' });
  mistake('trailing-0', { [BACKUP]: 'data,', [EXCLUDES]: 'cache,cache,' });

  // edge — on node-c, which runs no node-agent: data nodeAgentMissing in both modes.
  bound('edge', 'gateway-buffer');
  pods.push(pod({ namespace: 'edge', name: 'sensor-gateway-0', owner: sts('sensor-gateway'), node: 'node-c', annotations: { [BACKUP]: 'buffer' },
    volumes: [claim('buffer', 'gateway-buffer')], containers: [{ name: 'gateway', mounts: { buffer: '/buffer' } }] }));

  // locked — vault-0: data optedIn / defaultFsBackup (hidden when the namespace is forbidden).
  bound('locked', 'vault-data');
  pods.push(pod({ namespace: 'locked', name: 'vault-0', owner: sts('vault'), annotations: { [BACKUP]: 'data' },
    volumes: [claim('data', 'vault-data')], containers: [{ name: 'vault', image: 'hashicorp/vault:1.17', mounts: { data: '/vault/data' } }] }));

  // scratch — load-test-0: results optedIn / defaultFsBackup, but the namespace is excluded from every backup by its label.
  bound('scratch', 'load-results');
  pods.push(pod({ namespace: 'scratch', name: 'load-test-0', owner: sts('load-test'), annotations: { [BACKUP]: 'results' },
    volumes: [claim('results', 'load-results')], containers: [{ name: 'k6', image: 'grafana/k6:0.54.0', mounts: { results: '/results' } }] }));

  // velero — the server and the node-agent DaemonSet (role=node-agent) on node-a and node-b.
  pods.push(pod({ namespace: 'velero', name: 'velero-6f8d7c5b9-tw4rn', owner: rs('velero-6f8d7c5b9'), labels: { component: 'velero', deploy: 'velero' },
    volumes: [{ name: 'plugins', emptyDir: {} }, { name: 'cloud-credentials', secret: { secretName: 'cloud-credentials' } }, { name: 'scratch', emptyDir: {} }],
    containers: [{ name: 'velero', image: 'velero/velero:v1.18.1', mounts: { plugins: '/plugins', 'cloud-credentials': '/credentials', scratch: '/scratch' } }] }));
  for (const node of ['node-a', 'node-b']) {
    pods.push(pod({ namespace: 'velero', name: `node-agent-${node.slice(-1)}4d8q`, owner: { kind: 'DaemonSet', name: 'node-agent' }, node, labels: { component: 'velero', name: 'node-agent', role: 'node-agent' },
      volumes: [{ name: 'host-pods', hostPath: { path: '/var/lib/kubelet/pods', type: '' } }, { name: 'scratch', emptyDir: {} }],
      containers: [{ name: 'node-agent', image: 'velero/velero:v1.18.1', mounts: { 'host-pods': '/host_pods', scratch: '/scratch' } }] }));
  }
  const storage = protectionScenarios();
  pods.push(...storage.pods);
  claims.push(...storage.claims);
  pvs.push(...storage.pvs);
  return { pods, claims, pvs };
}

const NAMESPACE_LABELS: Record<string, Record<string, string>> = {
  velero: { 'app.kubernetes.io/name': 'velero' },
  scratch: { 'velero.io/exclude-from-backup': 'true' },
};

/** The seeded cluster with Velero installed (velero-scenarios.ts) and the configMaps the monitoring pods mount. */
export function seededCluster(): DemoObjects {
  const { pods, claims, pvs } = build();
  const names = [...new Set([...Object.keys(SCENARIO_NOTES), 'default', 'kube-system'])];
  const velero = veleroInstallation(pods);
  const monitoringConfig = (name: string, key: string, value: string) => ({ metadata: { name, namespace: 'monitoring', labels: { app: name.split('-')[0] ?? name } }, data: { [key]: value } });
  return {
    namespaces: names.map((name) => namespace(name, NAMESPACE_LABELS[name] ?? {})),
    pods,
    pvcs: claims,
    pvs,
    ...velero,
    storageClasses: STORAGE_CLASSES,
    volumeSnapshotClasses: VOLUME_SNAPSHOT_CLASSES,
    configmaps: [
      monitoringConfig('prometheus-config', 'prometheus.yml', 'global:\n  scrape_interval: 30s\n'),
      monitoringConfig('grafana-dashboards', 'cluster.json', '{"title":"Cluster"}'),
      ...velero.configmaps,
    ],
  };
}
