// kubectl's Table format (meta.k8s.io/v1) for every resource the demo serves, with the columns kubectl shows
// for the built-in kinds and those of Velero's CRDs (additionalPrinterColumns at v1.18.1).
import type { KubeObject } from './store';
import type { DemoResource } from './types';

type J = Record<string, unknown>;
type Column = [string, (o: KubeObject) => unknown];
const get = (o: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as J)[k] : undefined), o);

function age(created: unknown): string {
  const t = typeof created === 'string' ? Date.parse(created) : NaN;
  if (Number.isNaN(t)) return '<unknown>';
  const s = Math.max(0, Math.floor((Date.now() - t) / 1000));
  return s < 120 ? `${s}s` : s < 7200 ? `${Math.floor(s / 60)}m` : s < 172800 ? `${Math.floor(s / 3600)}h` : `${Math.floor(s / 86400)}d`;
}

const name: Column = ['Name', (o) => o.metadata?.name];
const created: Column = ['Age', (o) => age(o.metadata?.creationTimestamp)];
const status = (title = 'Status'): Column => [title, (o) => get(o, 'status', 'phase') ?? ''];
const text = (value: unknown) => (value === undefined || value === null ? '' : value);
const dataMover: Column[] = [name, status(), ['Started', (o) => text(get(o, 'status', 'startTimestamp'))],
  ['Bytes Done', (o) => text(get(o, 'status', 'progress', 'bytesDone'))], ['Total Bytes', (o) => text(get(o, 'status', 'progress', 'totalBytes'))],
  ['Storage Location', (o) => text(get(o, 'spec', 'backupStorageLocation'))], created];

const COLUMNS: Record<DemoResource, Column[]> = {
  namespaces: [name, ['Status', (o) => get(o, 'status', 'phase') ?? 'Active'], created],
  pods: [
    name,
    ['Status', (o) => (o.metadata?.deletionTimestamp ? 'Terminating' : (get(o, 'status', 'phase') ?? 'Unknown'))],
    ['Node', (o) => get(o, 'spec', 'nodeName') ?? '<none>'],
    created,
  ],
  persistentvolumeclaims: [
    name, status(), ['Volume', (o) => get(o, 'spec', 'volumeName') ?? ''],
    ['Capacity', (o) => get(o, 'status', 'capacity', 'storage') ?? ''], ['StorageClass', (o) => get(o, 'spec', 'storageClassName') ?? ''], created,
  ],
  persistentvolumes: [
    name, ['Capacity', (o) => get(o, 'spec', 'capacity', 'storage') ?? ''],
    status(),
    ['Claim', (o) => (get(o, 'spec', 'claimRef') ? `${get(o, 'spec', 'claimRef', 'namespace')}/${get(o, 'spec', 'claimRef', 'name')}` : '')],
    ['StorageClass', (o) => get(o, 'spec', 'storageClassName') ?? ''], created,
  ],
  configmaps: [name, ['Data', (o) => Object.keys((get(o, 'data') as J | undefined) ?? {}).length + Object.keys((get(o, 'binaryData') as J | undefined) ?? {}).length], created],
  deployments: [
    name, ['Ready', (o) => `${text(get(o, 'status', 'readyReplicas')) || 0}/${text(get(o, 'spec', 'replicas')) || 0}`],
    ['Up-to-date', (o) => text(get(o, 'status', 'updatedReplicas')) || 0], ['Available', (o) => text(get(o, 'status', 'availableReplicas')) || 0], created,
  ],
  daemonsets: [
    name, ['Desired', (o) => text(get(o, 'status', 'desiredNumberScheduled')) || 0], ['Current', (o) => text(get(o, 'status', 'currentNumberScheduled')) || 0],
    ['Ready', (o) => text(get(o, 'status', 'numberReady')) || 0], ['Available', (o) => text(get(o, 'status', 'numberAvailable')) || 0], created,
  ],
  schedules: [name, status(), ['Schedule', (o) => text(get(o, 'spec', 'schedule'))], ['LastBackup', (o) => text(get(o, 'status', 'lastBackup'))],
    created, ['Paused', (o) => text(get(o, 'spec', 'paused'))]],
  backups: [name, status(), ['Errors', (o) => text(get(o, 'status', 'errors')) || 0], ['Warnings', (o) => text(get(o, 'status', 'warnings')) || 0],
    ['Started', (o) => text(get(o, 'status', 'startTimestamp'))], ['Storage Location', (o) => text(get(o, 'spec', 'storageLocation'))], created],
  backupstoragelocations: [name, status('Phase'), ['Last Validated', (o) => text(get(o, 'status', 'lastValidationTime'))], created,
    ['Default', (o) => text(get(o, 'spec', 'default'))]],
  volumesnapshotlocations: [name, ['Provider', (o) => text(get(o, 'spec', 'provider'))], created],
  podvolumebackups: [...dataMover.slice(0, -1), ['Pod', (o) => `${text(get(o, 'spec', 'pod', 'namespace'))}/${text(get(o, 'spec', 'pod', 'name'))}`],
    ['Volume', (o) => text(get(o, 'spec', 'volume'))], created],
  backuprepositories: [name, created, ['Repository Type', (o) => text(get(o, 'spec', 'repositoryType'))]],
  datauploads: dataMover,
  storageclasses: [name, ['Provisioner', (o) => text(get(o, 'provisioner'))], ['ReclaimPolicy', (o) => text(get(o, 'reclaimPolicy')) || 'Delete'],
    ['VolumeBindingMode', (o) => text(get(o, 'volumeBindingMode')) || 'Immediate'], created],
  volumesnapshotclasses: [name, ['Driver', (o) => text(get(o, 'driver'))], ['DeletionPolicy', (o) => text(get(o, 'deletionPolicy'))], created],
};

/** meta.k8s.io/v1 Table, as kubectl asks for with `Accept: application/json;as=Table;…`. */
export function toTable(resource: DemoResource, items: readonly KubeObject[], listMeta: J): J {
  const columns = COLUMNS[resource];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: columns.map(([title], i) => ({ name: title, type: 'string', format: i === 0 ? 'name' : '', description: title, priority: 0 })),
    rows: items.map((o) => ({
      cells: columns.map(([, cell]) => cell(o)),
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}

export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept.split(',')[0] ?? '');
}
