import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, IncompleteRead } from '../model/kube';
import type { VeleroObjects } from '../model/velero';
import { veleroNotices, type VeleroResource } from './velero-notices';

const installed = (overrides: Partial<VeleroObjects> = {}): VeleroObjects => ({
  installed: true, schedules: [], backups: [], backupStorageLocations: [], volumeSnapshotLocations: [], podVolumeBackups: [],
  configMaps: [], deployments: [], daemonSets: [], ...overrides,
});
const snapshot = (velero: VeleroObjects | undefined, incomplete: IncompleteRead[] = []): Pick<ClusterSnapshot, 'velero' | 'incomplete' | 'veleroNamespace'> =>
  ({ velero, incomplete, veleroNamespace: 'velero' });
const forbidden = (resource: VeleroResource, namespace = 'velero'): IncompleteRead =>
  ({ resource, namespace, status: 403, message: `${resource} is forbidden: User "jane" cannot list resource "${resource}"` });

describe('veleroNotices', () => {
  it('says nothing when Velero was read completely', () => {
    expect(veleroNotices(snapshot(installed()))).toEqual([]);
  });

  it('says nothing when the source did not read Velero at all', () => {
    expect(veleroNotices(snapshot(undefined))).toEqual([]);
  });

  it('says Velero is not installed, and that the what-if options are used', () => {
    expect(veleroNotices(snapshot(installed({ installed: false })))).toEqual([{
      kind: 'notInstalled',
      message: 'Velero is not installed in this cluster (the API server does not serve velero.io); predictions use what-if options.',
      assumption: "Backup options come from the what-if controls, with Velero's server defaults.",
    }]);
  });

  it('names the resource, namespace and HTTP status of an unreadable list with the assumption used instead', () => {
    const [notice] = veleroNotices(snapshot(installed({ configMaps: null }), [forbidden('configmaps')]));
    expect(notice).toEqual({
      kind: 'unreadable', resource: 'configmaps', namespace: 'velero', status: 403,
      message: 'ConfigMaps in the namespace velero could not be read (HTTP 403: configmaps is forbidden: User "jane" cannot list resource "configmaps").',
      assumption: 'Resource policies cannot be read: a schedule that names one shows its policy as not readable, and its volumes cannot be predicted.',
    });
  });

  it('gives every Velero resource its own assumption', () => {
    const resources: VeleroResource[] = ['schedules', 'backups', 'backupstoragelocations', 'volumesnapshotlocations', 'podvolumebackups', 'configmaps', 'deployments', 'daemonsets'];
    const notices = veleroNotices(snapshot(installed(), resources.map((r) => forbidden(r))));
    expect(notices.map((n) => (n.kind === 'unreadable' ? n.resource : null))).toEqual(resources);
    expect(new Set(notices.map((n) => n.assumption)).size).toBe(resources.length);
    expect(notices.find((n) => n.kind === 'unreadable' && n.resource === 'deployments')?.assumption).toMatch(/default-volumes-to-fs-backup=false.*EnableCSI off/);
  });

  it('ignores incomplete reads that are not about the Velero namespace', () => {
    expect(veleroNotices(snapshot(installed(), [forbidden('configmaps', 'shop'), { resource: 'pods', namespace: 'velero', status: 403, message: '' }]))).toEqual([]);
  });

  it('explains a refused discovery, and what was concluded from the lists', () => {
    const refused = { status: 403, message: 'forbidden: User "jane" cannot get path "/apis"' };
    const tried = veleroNotices(snapshot(installed({ discoveryError: refused })));
    expect(tried).toEqual([expect.objectContaining({ kind: 'discoveryFailed', status: 403,
      message: 'Could not check whether Velero is installed: the API server answered 403 to GET /apis (forbidden: User "jane" cannot get path "/apis").' })]);
    expect(tried[0]?.assumption).toContain('taken as installed');
    const absent = veleroNotices(snapshot(installed({ installed: false, discoveryError: refused })));
    expect(absent.map((n) => n.kind)).toEqual(['discoveryFailed', 'notInstalled']);
    expect(absent[0]?.assumption).toContain('404 Not Found');
  });
});
