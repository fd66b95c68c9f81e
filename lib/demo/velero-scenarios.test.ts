import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PersistentVolume, PersistentVolumeClaim } from '../model/kube';
import { seededCluster } from './scenarios';
import { SCHEDULE_NOTES } from './velero-scenarios';

const seed = seededCluster();
type J = Record<string, unknown>;
const meta = (o: J) => o.metadata as { name: string; namespace?: string; uid?: string; labels?: Record<string, string> };
const policyOf = (name: string) => parse(seed.configmaps?.find((c) => c.metadata?.name === name)?.data?.['policy.yaml'] ?? '') as {
  volumePolicies: Array<{ conditions: J; action: { type: string } }>;
};
const claimOf = (namespace: string, name: string) => seed.pvcs.find((c) => c.metadata?.namespace === namespace && c.metadata?.name === name) as PersistentVolumeClaim;
const pvOf = (claim: PersistentVolumeClaim) => seed.pvs.find((p) => p.metadata?.name === claim.spec?.volumeName) as PersistentVolume | undefined;
const gi = (quantity: string) => Number(/^(\d+)Gi$/.exec(quantity)?.[1] ?? NaN);

/** Whether every condition of a policy holds for a claim's PV (only the forms the demo policy uses). */
function holds(conditions: J, claim: PersistentVolumeClaim): boolean {
  const pv = pvOf(claim);
  return Object.entries(conditions).every(([key, value]) => {
    const v = value as J & string & string[];
    switch (key) {
      case 'pvcPhase': return v.includes(claim.status?.phase ?? '');
      case 'pvcLabels': return Object.entries(v).every(([k, x]) => claim.metadata?.labels?.[k] === x);
      case 'storageClass': return v.includes(pv?.spec?.storageClassName ?? '');
      case 'capacity': return gi(pv?.spec?.capacity?.storage ?? '') >= gi(v.split(',')[0] ?? '');
      case 'nfs': return pv?.spec?.nfs?.server === v.server && pv?.spec?.nfs?.path === v.path;
      case 'csi': return pv?.spec?.csi?.driver === v.driver
        && Object.entries((v.volumeAttributes as J | undefined) ?? {}).every(([k, x]) => pv?.spec?.csi?.volumeAttributes?.[k] === x);
      default: throw new Error(`no check for condition ${key}`);
    }
  });
}

describe('the Velero installation of the seeded demo', () => {
  it('has a valid policy whose rules use every condition and every action', () => {
    const rules = policyOf('backup-policy').volumePolicies;
    expect(new Set(rules.flatMap((r) => Object.keys(r.conditions)))).toEqual(new Set(['capacity', 'storageClass', 'nfs', 'csi', 'volumeTypes', 'pvcLabels', 'pvcPhase']));
    expect(new Set(rules.map((r) => r.action.type))).toEqual(new Set(['skip', 'snapshot', 'fs-backup', 'custom']));
  });

  it('matches each claim rule to the real claim and PV its comment names', () => {
    const rules = policyOf('backup-policy').volumePolicies;
    const targets: Array<[rule: number, namespace: string, claim: string]> = [
      [0, 'analytics', 'etl-archive'], [1, 'media', 'assets'], [2, 'wiki', 'wiki-media'], [3, 'monitoring', 'prometheus-db'], [3, 'analytics', 'raw-disk'],
      [4, 'shop', 'data-postgres-0'], [4, 'shop', 'data-postgres-1'], [5, 'analytics', 'hdfs-scratch'],
    ];
    for (const [rule, namespace, claim] of targets) expect(holds(rules[rule]?.conditions ?? {}, claimOf(namespace, claim)), `${namespace}/${claim}`).toBe(true);
    // The big-volume snapshot rule does not catch the 50Gi postgres claims, which reach the custom rule.
    expect(holds(rules[3]?.conditions ?? {}, claimOf('shop', 'data-postgres-0'))).toBe(false);
    expect(rules[6]?.conditions).toEqual({ volumeTypes: ['emptyDir'] });
    expect(seed.pods.find((p) => p.metadata?.name === 'redis-0')?.spec?.volumes?.some((v) => v.name === 'cache' && v.emptyDir)).toBe(true);
  });

  it('has a broken policy with a key Velero does not know', () => {
    const [rule] = policyOf('broken-policy').volumePolicies;
    expect(Object.keys(rule ?? {})).toEqual(['conditions', 'storageClass', 'action']);
  });

  it('describes every Schedule, and names each Backup <schedule>-<timestamp> with its schedule label', () => {
    expect((seed.schedules ?? []).map((s) => meta(s).name).sort()).toEqual(Object.keys(SCHEDULE_NOTES).sort());
    for (const backup of seed.backups ?? []) {
      const schedule = meta(backup).labels?.['velero.io/schedule-name'] ?? '';
      expect(meta(backup).name).toMatch(new RegExp(`^${schedule}-\\d{14}$`));
      expect(SCHEDULE_NOTES[schedule]).toBeDefined();
    }
    expect((seed.schedules ?? []).filter((s) => (s.spec as J).paused).map((s) => meta(s).name)).toEqual(['paused-weekly']);
    expect(seed.namespaces.find((n) => n.metadata?.name === 'scratch')?.metadata?.labels?.['velero.io/exclude-from-backup']).toBe('true');
  });

  it('records PodVolumeBackups with the uids of the demo pod, claim and backup', () => {
    const backupNamed = (name: string) => (seed.backups ?? []).find((b) => meta(b).name === name) as J;
    for (const pvb of seed.podVolumeBackups ?? []) {
      const of = backupNamed(meta(pvb).labels?.['velero.io/backup-name'] ?? '');
      const spec = pvb.spec as { pod: { namespace: string; name: string; uid: string }; node: string };
      const pod = seed.pods.find((p) => p.metadata?.namespace === spec.pod.namespace && p.metadata?.name === spec.pod.name);
      const claim = claimOf(spec.pod.namespace, (pvb.metadata as { annotations: Record<string, string> }).annotations['velero.io/pvc-name'] ?? '');
      expect([spec.pod.uid, spec.node]).toEqual([pod?.metadata?.uid, pod?.spec?.nodeName]);
      expect(meta(pvb).labels).toEqual({ 'velero.io/backup-name': meta(of).name, 'velero.io/backup-uid': meta(of).uid, 'velero.io/pvc-uid': claim.metadata?.uid });
      expect(meta(pvb).name?.startsWith(`${meta(of).name}-`)).toBe(true);
    }
    const phases = (backup: string) => (seed.podVolumeBackups ?? []).filter((p) => meta(p).labels?.['velero.io/backup-name'] === backup).map((p) => (p.status as { phase: string }).phase).sort();
    expect(phases('nightly-20261124020012')).toEqual([...Array(8).fill('Completed'), 'Failed']);
    expect(phases('all-but-scratch-20261124060003')).toEqual(Array(13).fill('Completed'));
    expect(seed.podVolumeBackups).toHaveLength(38);
  });
});
