// Keep only what Backup Lens reads, as objects arrive: managedFields, images, env, probes and most of status
// are dropped, so a 50,000-pod snapshot stays small. Output shapes are lib/model/kube.ts.
import type { Container, Namespace, ObjectMeta, PersistentVolume, PersistentVolumeClaim, Pod, Volume } from '../model/kube';

type Json = Record<string, unknown>;
const obj = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? value : undefined);

/** ObjectMeta without managedFields; with `withAnnotations`, only Velero's annotations are kept. */
export function slimMeta(raw: unknown, withAnnotations: boolean): ObjectMeta {
  const m = obj(raw) ?? {};
  const out: ObjectMeta = { name: str(m.name), namespace: str(m.namespace), uid: str(m.uid), resourceVersion: str(m.resourceVersion) };
  if (obj(m.labels)) out.labels = m.labels as Record<string, string>;
  if (withAnnotations && obj(m.annotations)) {
    // Only Velero's annotations matter; last-applied-configuration alone can be tens of kilobytes.
    const annotations: Record<string, string> = {};
    for (const [key, value] of Object.entries(m.annotations as Json)) {
      if (key.includes('velero.io/') && typeof value === 'string') annotations[key] = value;
    }
    out.annotations = annotations;
  }
  if (m.deletionTimestamp != null) out.deletionTimestamp = str(m.deletionTimestamp) ?? String(m.deletionTimestamp);
  if (str(m.creationTimestamp)) out.creationTimestamp = str(m.creationTimestamp);
  const owners = list(m.ownerReferences);
  if (owners) out.ownerReferences = owners.map((o) => ({ kind: str(obj(o)?.kind), name: str(obj(o)?.name), controller: obj(o)?.controller === true }));
  return out;
}

function container(raw: unknown): Container {
  const c = obj(raw) ?? {};
  const out: Container = { name: str(c.name) };
  if (str(c.restartPolicy)) out.restartPolicy = str(c.restartPolicy);
  const mounts = list(c.volumeMounts);
  if (mounts) out.volumeMounts = mounts.map((m) => ({ name: str(obj(m)?.name), mountPath: str(obj(m)?.mountPath) }));
  const devices = list(c.volumeDevices);
  if (devices) out.volumeDevices = devices.map((d) => ({ name: str(obj(d)?.name), devicePath: str(obj(d)?.devicePath) }));
  return out;
}

// Sources whose content is large and unused: keep them present (presence decides B2–B5) but empty.
const HOLLOW_SOURCES = new Set(['projected', 'secret', 'configMap', 'downwardAPI', 'ephemeral']);

function volume(raw: unknown): Volume {
  const v = obj(raw) ?? {};
  const out: Volume = {};
  for (const [key, value] of Object.entries(v)) {
    if (value === null || value === undefined) continue;
    out[key] = HOLLOW_SOURCES.has(key) ? {} : value;
  }
  return out;
}

export function slimPod(raw: unknown): Pod {
  const p = obj(raw) ?? {};
  const spec = obj(p.spec) ?? {};
  const out: Pod = { metadata: slimMeta(p.metadata, true), spec: {} };
  const podSpec = out.spec as NonNullable<Pod['spec']>;
  if (str(spec.nodeName)) podSpec.nodeName = str(spec.nodeName);
  const volumes = list(spec.volumes);
  if (volumes) podSpec.volumes = volumes.map(volume);
  const containers = list(spec.containers);
  if (containers) podSpec.containers = containers.map(container);
  const init = list(spec.initContainers);
  if (init) podSpec.initContainers = init.map(container);
  const ephemeral = list(spec.ephemeralContainers);
  if (ephemeral) podSpec.ephemeralContainers = ephemeral.map(container);
  const phase = str(obj(p.status)?.phase);
  out.status = phase ? { phase } : {};
  return out;
}

export function slimPvc(raw: unknown): PersistentVolumeClaim {
  const c = obj(raw) ?? {};
  const spec = obj(c.spec) ?? {};
  const status = obj(c.status) ?? {};
  const requests = obj(obj(spec.resources)?.requests);
  return {
    // Velero's annotations only: velero.io/csi-volumesnapshot-class picks the claim's VolumeSnapshotClass (c.3).
    metadata: slimMeta(c.metadata, true),
    spec: {
      volumeName: str(spec.volumeName),
      storageClassName: str(spec.storageClassName) ?? null,
      volumeMode: str(spec.volumeMode),
      ...(requests ? { resources: { requests: requests as Record<string, string> } } : {}),
    },
    status: { phase: str(status.phase), ...(obj(status.capacity) ? { capacity: status.capacity as Record<string, string> } : {}) },
  };
}

const PV_DROPPED = new Set(['nodeAffinity', 'mountOptions', 'accessModes', 'persistentVolumeReclaimPolicy']);

export function slimPv(raw: unknown): PersistentVolume {
  const v = obj(raw) ?? {};
  const spec: Json = {};
  for (const [key, value] of Object.entries(obj(v.spec) ?? {})) {
    if (PV_DROPPED.has(key) || value === null || value === undefined) continue;
    if (key === 'claimRef') spec.claimRef = { namespace: str(obj(value)?.namespace), name: str(obj(value)?.name) };
    else spec[key] = value;
  }
  return { metadata: slimMeta(v.metadata, false), spec: spec as PersistentVolume['spec'], status: { phase: str(obj(v.status)?.phase) } };
}

export function slimNamespace(raw: unknown): Namespace {
  const n = obj(raw) ?? {};
  return { metadata: slimMeta(n.metadata, false), status: { phase: str(obj(n.status)?.phase) } };
}
