// Discovery documents and kubectl's Table format for the resources the demo serves.
import type { KubeObject } from './store';
import type { DemoResource } from './types';

export const VERSION = { major: '1', minor: '33', gitVersion: 'v1.33.0-backup-lens-demo', platform: 'linux/amd64', goVersion: 'go1.24.0', compiler: 'gc', buildDate: '2026-11-01T00:00:00Z', gitCommit: '0000000', gitTreeState: 'clean' };

const verbs = ['get', 'list', 'watch'];
export const RESOURCE_LIST = {
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: 'v1',
  resources: [
    { name: 'namespaces', singularName: 'namespace', namespaced: false, kind: 'Namespace', verbs, shortNames: ['ns'] },
    { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs, shortNames: ['po'], categories: ['all'] },
    { name: 'persistentvolumeclaims', singularName: 'persistentvolumeclaim', namespaced: true, kind: 'PersistentVolumeClaim', verbs, shortNames: ['pvc'] },
    { name: 'persistentvolumes', singularName: 'persistentvolume', namespaced: false, kind: 'PersistentVolume', verbs, shortNames: ['pv'] },
    { name: 'configmaps', singularName: 'configmap', namespaced: true, kind: 'ConfigMap', verbs, shortNames: ['cm'] },
  ],
};

export const KINDS: Record<DemoResource, string> = {
  namespaces: 'Namespace', pods: 'Pod', persistentvolumeclaims: 'PersistentVolumeClaim', persistentvolumes: 'PersistentVolume', configmaps: 'ConfigMap',
};

type J = Record<string, unknown>;
const get = (o: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as J)[k] : undefined), o);

function age(created: unknown): string {
  const t = typeof created === 'string' ? Date.parse(created) : NaN;
  if (Number.isNaN(t)) return '<unknown>';
  const s = Math.max(0, Math.floor((Date.now() - t) / 1000));
  return s < 120 ? `${s}s` : s < 7200 ? `${Math.floor(s / 60)}m` : s < 172800 ? `${Math.floor(s / 3600)}h` : `${Math.floor(s / 86400)}d`;
}

const COLUMNS: Record<DemoResource, Array<[string, (o: KubeObject) => unknown]>> = {
  namespaces: [['Name', (o) => o.metadata?.name], ['Status', (o) => get(o, 'status', 'phase') ?? 'Active'], ['Age', (o) => age(o.metadata?.creationTimestamp)]],
  pods: [
    ['Name', (o) => o.metadata?.name],
    ['Status', (o) => (o.metadata?.deletionTimestamp ? 'Terminating' : (get(o, 'status', 'phase') ?? 'Unknown'))],
    ['Node', (o) => get(o, 'spec', 'nodeName') ?? '<none>'],
    ['Age', (o) => age(o.metadata?.creationTimestamp)],
  ],
  persistentvolumeclaims: [
    ['Name', (o) => o.metadata?.name], ['Status', (o) => get(o, 'status', 'phase') ?? ''], ['Volume', (o) => get(o, 'spec', 'volumeName') ?? ''],
    ['Capacity', (o) => get(o, 'status', 'capacity', 'storage') ?? ''], ['StorageClass', (o) => get(o, 'spec', 'storageClassName') ?? ''], ['Age', (o) => age(o.metadata?.creationTimestamp)],
  ],
  persistentvolumes: [
    ['Name', (o) => o.metadata?.name], ['Capacity', (o) => get(o, 'spec', 'capacity', 'storage') ?? ''],
    ['Status', (o) => get(o, 'status', 'phase') ?? ''],
    ['Claim', (o) => (get(o, 'spec', 'claimRef') ? `${get(o, 'spec', 'claimRef', 'namespace')}/${get(o, 'spec', 'claimRef', 'name')}` : '')],
    ['StorageClass', (o) => get(o, 'spec', 'storageClassName') ?? ''], ['Age', (o) => age(o.metadata?.creationTimestamp)],
  ],
  configmaps: [['Name', (o) => o.metadata?.name], ['Data', (o) => Object.keys((get(o, 'data') as J | undefined) ?? {}).length], ['Age', (o) => age(o.metadata?.creationTimestamp)]],
};

/** meta.k8s.io/v1 Table, as kubectl asks for with `Accept: application/json;as=Table;…`. */
export function toTable(resource: DemoResource, items: readonly KubeObject[], listMeta: J): J {
  const columns = COLUMNS[resource];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: columns.map(([name], i) => ({ name, type: 'string', format: i === 0 ? 'name' : '', description: name, priority: 0 })),
    rows: items.map((o) => ({
      cells: columns.map(([, cell]) => cell(o)),
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}

export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept.split(',')[0] ?? '');
}
