// The demo cluster's object store: objects per resource kept sorted by namespace/name (the API server's list
// order), one global resourceVersion counter, and a bounded event history for watches.
import { ALL_RESOURCES, RESOURCE_INFO } from './resources';
import type { DemoObjects, DemoResource } from './types';

export type KubeObject = { metadata?: { name?: string; namespace?: string; resourceVersion?: string; [k: string]: unknown }; [k: string]: unknown };

export interface WatchEvent {
  resourceVersion: number;
  resource: DemoResource;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

export const RESOURCES: readonly DemoResource[] = ALL_RESOURCES;
export const NAMESPACED: ReadonlySet<DemoResource> = new Set(ALL_RESOURCES.filter((r) => RESOURCE_INFO[r].namespaced));
const HISTORY = 20_000;

const keyOf = (o: KubeObject) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

export class DemoStore {
  private readonly objects = new Map<DemoResource, Map<string, KubeObject>>();
  private readonly sorted = new Map<DemoResource, KubeObject[]>();
  private readonly history: WatchEvent[] = [];
  private readonly listeners = new Set<(event: WatchEvent) => void>();
  private version = 1000;
  /** Watches must start at or after this version; older ones were compacted away (410 Gone). */
  private compacted = 0;

  /** `served`: resources to load from the seed (a demo without Velero leaves velero.io out). */
  constructor(seed: DemoObjects, served: (resource: DemoResource) => boolean = () => true) {
    for (const resource of RESOURCES) this.objects.set(resource, new Map());
    for (const resource of RESOURCES) {
      if (!served(resource)) continue;
      for (const raw of (seed[RESOURCE_INFO[resource].seed] ?? []) as unknown[]) this.put(resource, structuredClone(raw) as KubeObject);
    }
    this.compacted = this.version;
  }

  get resourceVersion(): number {
    return this.version;
  }


  /** Objects in namespace/name byte order (the API server's list order); cached until the next change. */
  list(resource: DemoResource): readonly KubeObject[] {
    let list = this.sorted.get(resource);
    if (!list) {
      list = [...(this.objects.get(resource)?.values() ?? [])].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
      this.sorted.set(resource, list);
    }
    return list;
  }

  get(resource: DemoResource, namespace: string | null, name: string): KubeObject | undefined {
    return this.objects.get(resource)?.get(`${namespace ?? ''}/${name}`);
  }

  private put(resource: DemoResource, object: KubeObject): 'ADDED' | 'MODIFIED' {
    const map = this.objects.get(resource) as Map<string, KubeObject>;
    if (!NAMESPACED.has(resource) && object.metadata) delete object.metadata.namespace;
    const key = keyOf(object);
    const type = map.has(key) ? 'MODIFIED' : 'ADDED';
    object.metadata = { ...object.metadata, resourceVersion: String(++this.version) };
    map.set(key, object);
    this.sorted.delete(resource);
    return type;
  }

  upsert(resource: DemoResource, raw: Record<string, unknown>): void {
    const object = structuredClone(raw) as KubeObject;
    const type = this.put(resource, object);
    this.emit({ resourceVersion: this.version, resource, type, object });
  }

  remove(resource: DemoResource, namespace: string | null, name: string): void {
    const map = this.objects.get(resource) as Map<string, KubeObject>;
    const key = `${NAMESPACED.has(resource) ? (namespace ?? '') : ''}/${name}`;
    const object = map.get(key);
    if (!object) return;
    map.delete(key);
    this.sorted.delete(resource);
    object.metadata = { ...object.metadata, resourceVersion: String(++this.version) };
    this.emit({ resourceVersion: this.version, resource, type: 'DELETED', object });
  }

  /** Events after `resourceVersion`, or null when that version is older than the retained history. */
  eventsSince(resourceVersion: number): WatchEvent[] | null {
    if (resourceVersion < this.compacted) return null;
    return this.history.filter((e) => e.resourceVersion > resourceVersion);
  }

  subscribe(listener: (event: WatchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: WatchEvent): void {
    this.history.push(event);
    if (this.history.length > HISTORY) this.compacted = (this.history.shift() as WatchEvent).resourceVersion;
    for (const listener of this.listeners) listener(event);
  }
}
