import { describe, expect, it } from 'vitest';
import { seededCluster } from '../demo/scenarios';
import {
  slimBackup, slimBackupStorageLocation, slimConfigMap, slimPodVolumeBackup, slimSchedule, slimWorkload,
} from './slim-velero';

const seed = seededCluster();
const named = (list: Array<Record<string, unknown>> | undefined, name: string) =>
  (list ?? []).find((o) => (o.metadata as { name?: string }).name === name) as Record<string, unknown>;

describe('slimming Velero objects on arrival', () => {
  it('keeps of a PodVolumeBackup only its name, three labels, claim annotation, pod, volume and outcome', () => {
    const raw = (seed.podVolumeBackups ?? [])[0] as Record<string, unknown>;
    const pvb = slimPodVolumeBackup(raw);
    expect(Object.keys(pvb.metadata?.labels ?? {}).sort()).toEqual(['velero.io/backup-name', 'velero.io/backup-uid', 'velero.io/pvc-uid']);
    expect(pvb.metadata?.annotations).toEqual({ 'velero.io/pvc-name': 'vault-data' });
    expect(pvb.spec).toEqual({ node: 'node-a', volume: 'data', backupStorageLocation: 'default', uploaderType: 'kopia',
      pod: { namespace: 'locked', name: 'vault-0', uid: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    expect(JSON.stringify(pvb)).not.toMatch(/tags|ownerReferences|uploaderSettings|"path"|resourceVersion/);
    expect(JSON.stringify(pvb).length).toBeLessThan(JSON.stringify(raw).length / 2);
  });

  it('keeps a Schedule template with Velero nil (absent) distinct from false', () => {
    const nightly = slimSchedule(named(seed.schedules, 'nightly'));
    expect(nightly.spec?.template).toMatchObject({ defaultVolumesToFsBackup: false, includedNamespaces: ['*'], resourcePolicy: { kind: 'configmap', name: 'backup-policy' } });
    const globs = slimSchedule(named(seed.schedules, 'shop-and-wiki'));
    expect('defaultVolumesToFsBackup' in (globs.spec?.template ?? {})).toBe(false);
    expect(globs.status).toEqual({ phase: 'Enabled', lastBackup: '2026-11-24T01:30:04Z' });
  });

  it('drops values of the wrong JSON type instead of passing them on', () => {
    const schedule = slimSchedule({ metadata: { name: 'odd' }, spec: { paused: 'yes', template: { defaultVolumesToFsBackup: 'true', includedNamespaces: ['a', 3], ttl: 5 } } });
    expect(schedule.spec).toEqual({ template: { includedNamespaces: ['a'] } });
  });

  it('keeps a processed Backup spec and its status counts', () => {
    const backup = slimBackup(named(seed.backups, 'broken-20261124040007'));
    expect(backup.status?.phase).toBe('FailedValidation');
    expect(backup.status?.validationErrors?.[0]).toContain('field storageClass not found');
    expect(backup.metadata?.labels?.['velero.io/schedule-name']).toBe('broken');
    expect(backup.spec?.excludedNamespaces).toContain('scratch');
  });

  it('keeps ConfigMap data whole and binaryData by its keys only', () => {
    expect(slimConfigMap(named(seed.configmaps, 'velero-ca-bundle'))).toMatchObject({ data: null, binaryDataKeys: ['ca.der'] });
    expect(slimConfigMap(named(seed.configmaps, 'backup-policy')).data?.['policy.yaml']).toContain('pvcPhase: [Lost]');
  });

  it("keeps a Deployment's command and args but never its env or volumes", () => {
    const velero = slimWorkload(named(seed.deployments, 'velero'));
    expect(velero.spec?.template?.spec?.containers).toEqual([{ name: 'velero', image: 'velero/velero:v1.18.1', command: ['/velero'], args: expect.arrayContaining(['server']) }]);
    expect(velero.spec?.template?.spec?.initContainers?.[0]?.image).toMatch(/velero-plugin-for-aws/);
    expect(JSON.stringify(velero)).not.toMatch(/env|AWS_SHARED_CREDENTIALS_FILE|cloud-credentials/);
  });

  it('never keeps the credential reference of a BackupStorageLocation', () => {
    const bsl = slimBackupStorageLocation((seed.backupStorageLocations ?? [])[0]);
    expect(bsl.spec).toEqual({ provider: 'aws', default: true, accessMode: 'ReadWrite', objectStorage: { bucket: 'acme-velero-backups', prefix: 'demo-cluster' } });
  });
});
