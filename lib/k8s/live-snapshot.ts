// A snapshot kept current by watches from its lists' resourceVersions: objects by namespace/name, turned back
// into a ClusterSnapshot only when something changed and someone asks. Velero's lists are followed the same way.
import type { ClusterSnapshot } from '../model/kube';
import type { SnapshotChanges } from '../scan';
import type { VeleroObjects } from '../model/velero';
import { slimNamespace, slimPod, slimPv, slimPvc } from './slim';
import type { SnapshotWithMeta } from './snapshot';
import type { Transport } from './transport';
import { STORAGE_LISTS } from './storage-read';
import { VELERO_LISTS, veleroListPath } from './velero-read';
import { keepWatching, type WatchHandle } from './watch';

type Keyed = { metadata?: { name?: string; namespace?: string } };
const keyOf = (o: Keyed) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
const byKey = <T extends Keyed>(items: T[]) => new Map(items.map((o) => [keyOf(o), o] as const));

type Collections = Pick<ClusterSnapshot, 'namespaces' | 'pods' | 'pvcs' | 'pvs'>;
const RESOURCES = [
  { field: 'namespaces', resource: 'namespaces', slim: slimNamespace },
  { field: 'pods', resource: 'pods', slim: slimPod },
  { field: 'pvcs', resource: 'persistentvolumeclaims', slim: slimPvc },
  { field: 'pvs', resource: 'persistentvolumes', slim: slimPv },
] as const;

export class LiveSnapshot {
  private readonly maps: { [K in keyof Collections]: Map<string, Collections[K][number]> };
  /** Velero lists that were read, by VeleroObjects field. */
  private readonly veleroMaps = new Map<string, Map<string, Keyed>>();
  /** Storage lists that were read (StorageClasses, VolumeSnapshotClasses). */
  private readonly storageMaps = new Map<string, Map<string, Keyed>>();
  private readonly handles: WatchHandle[] = [];
  private cached: ClusterSnapshot;
  /** Collections (and 'velero') changed since the snapshot was last rebuilt; unchanged ones keep their arrays. */
  private readonly dirty = new Set<string>();
  private changes: SnapshotChanges = { all: false, namespaces: new Set() };
  /** Incremented on every applied change. */
  version = 0;
  /** Time of the last applied change. */
  changedAt: Date | null = null;

  constructor(private readonly base: SnapshotWithMeta) {
    this.maps = { namespaces: byKey(base.namespaces), pods: byKey(base.pods), pvcs: byKey(base.pvcs), pvs: byKey(base.pvs) };
    this.cached = base;
    for (const { field } of VELERO_LISTS) {
      const items = base.velero?.[field];
      if (items && base.veleroResourceVersions[field]) this.veleroMaps.set(field, byKey(items as Keyed[]));
    }
    for (const { field } of STORAGE_LISTS) {
      const items = base.storage?.[field];
      if (items && base.storageResourceVersions?.[field]) this.storageMaps.set(field, byKey(items as Keyed[]));
    }
  }

  /** `namespaced`: a change touches only its object's namespace (pods, claims); else it can touch every verdict. */
  private watch(transport: () => Promise<Transport>, path: string, slim: (raw: unknown) => Keyed, map: Map<string, Keyed>, version: string, onChange: () => void, field: string, namespaced = false): void {
    this.handles.push(keepWatching<Keyed>(transport, {
      path,
      slim,
      apply: (type, object) => {
        if (namespaced) this.changes.namespaces.add(object.metadata?.namespace ?? '');
        else this.changes.all = true;
        if (type === 'DELETED') map.delete(keyOf(object));
        else map.set(keyOf(object), object);
      },
      replace: (items) => {
        this.changes.all = true;
        map.clear();
        for (const item of items) map.set(keyOf(item), item);
      },
      changed: () => {
        this.dirty.add(field);
        this.version++;
        this.changedAt = new Date();
        onChange();
      },
    }, version));
  }

  /** Starts one watch per resource whose cluster-wide list succeeded; returns how many were started. */
  follow(transport: () => Promise<Transport>, onChange: () => void = () => {}): number {
    for (const { field, resource, slim } of RESOURCES) {
      const version = this.base.resourceVersions[resource];
      if (!version) continue;
      this.watch(transport, `/api/v1/${resource}`, slim, this.maps[field] as Map<string, Keyed>, version, onChange, field, field === 'pods' || field === 'pvcs');
    }
    for (const list of VELERO_LISTS) {
      const map = this.veleroMaps.get(list.field);
      const version = this.base.veleroResourceVersions[list.field];
      if (map && version) this.watch(transport, veleroListPath(list, this.base.veleroNamespace), list.slim as (raw: unknown) => Keyed, map, version, onChange, 'velero');
    }
    for (const list of STORAGE_LISTS) {
      const map = this.storageMaps.get(list.field);
      const version = this.base.storageResourceVersions?.[list.field];
      if (map && version) this.watch(transport, list.path, list.slim as (raw: unknown) => Keyed, map, version, onChange, 'storage');
    }
    return this.handles.length;
  }

  /**
   * The current snapshot; after a change only the changed collections are rebuilt from the maps, so the others
   * (and Velero's objects) keep their identity and what is derived from them alone stays cached.
   */
  snapshot(): ClusterSnapshot {
    if (this.dirty.size > 0) {
      const d = this.dirty;
      const c = this.cached;
      this.cached = {
        ...c,
        namespaces: d.has('namespaces') ? [...this.maps.namespaces.values()] : c.namespaces,
        pods: d.has('pods') ? [...this.maps.pods.values()] : c.pods,
        pvcs: d.has('pvcs') ? [...this.maps.pvcs.values()] : c.pvcs,
        pvs: d.has('pvs') ? [...this.maps.pvs.values()] : c.pvs,
        ...(this.base.velero && d.has('velero') ? { velero: this.veleroSnapshot(this.base.velero) } : {}),
        ...(this.base.storage && d.has('storage') ? { storage: { ...this.base.storage, ...Object.fromEntries([...this.storageMaps].map(([f, m]) => [f, [...m.values()]])) } } : {}),
      };
      d.clear();
    }
    return this.cached;
  }

  /** What changed since the last call: namespaces of pods and claims, or everything. */
  takeChanges(): SnapshotChanges {
    const changes = this.changes;
    this.changes = { all: false, namespaces: new Set() };
    return changes;
  }

  private veleroSnapshot(base: VeleroObjects): VeleroObjects {
    const out = { ...base } as Record<string, unknown>;
    for (const [field, map] of this.veleroMaps) out[field] = [...map.values()];
    return out as unknown as VeleroObjects;
  }

  async stop(): Promise<void> {
    for (const handle of this.handles) handle.stop();
    await Promise.all(this.handles.map((h) => h.done));
  }
}
