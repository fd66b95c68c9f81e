// One index per snapshot: namespace → claim → pods, plus claims, PVs and volume groups by key.
// Built in O(pods + claims + pvs) (plus one sort per namespace); every later question is a map lookup.
import type { ClusterSnapshot, PersistentVolume, PersistentVolumeClaim, Pod } from '../model/kube';

/** Velero's default volume-group label key (backup.spec.volumeGroupSnapshotLabelKey). */
export const VOLUME_GROUP_LABEL = 'velero.io/volume-group';

export interface PvcPodIndex {
  /** Namespaces that hold pods or claims, in byte order. */
  readonly namespaces: readonly string[];
  /** Pods of a namespace in name (byte) order. */
  podsIn(namespace: string): readonly Pod[];
  /** Pods whose volumes name the claim, in name order; a pod naming it twice appears twice (as Velero lists it). */
  podsUsingClaim(namespace: string, claim: string): readonly Pod[];
  claim(namespace: string, name: string): PersistentVolumeClaim | undefined;
  /** Claims of a namespace in name order. */
  claimsIn(namespace: string): readonly PersistentVolumeClaim[];
  pv(name: string): PersistentVolume | undefined;
  /** Other claims of the namespace carrying the same volume-group label value, name order. */
  claimGroup(namespace: string, groupId: string): readonly string[];
}

/** Plain code-unit comparison: the API server's order, never locale order. */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const nameOf = (o: { metadata?: { name?: string } }): string => o.metadata?.name ?? '';
const byName = (a: { metadata?: { name?: string } }, b: { metadata?: { name?: string } }) => byteCompare(nameOf(a), nameOf(b));

function bucket<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

export function buildPvcPodIndex(snapshot: Pick<ClusterSnapshot, 'pods' | 'pvcs' | 'pvs'>): PvcPodIndex {
  const podsByNamespace = new Map<string, Pod[]>();
  for (const pod of snapshot.pods) bucket(podsByNamespace, pod.metadata?.namespace ?? '').push(pod);
  const claimsByNamespace = new Map<string, PersistentVolumeClaim[]>();
  for (const pvc of snapshot.pvcs) bucket(claimsByNamespace, pvc.metadata?.namespace ?? '').push(pvc);

  const podsByClaim = new Map<string, Map<string, Pod[]>>();
  for (const [namespace, pods] of podsByNamespace) {
    pods.sort(byName);
    const claims = new Map<string, Pod[]>();
    podsByClaim.set(namespace, claims);
    for (const pod of pods) {
      for (const volume of pod.spec?.volumes ?? []) {
        const claimName = volume?.persistentVolumeClaim?.claimName;
        if (volume?.persistentVolumeClaim && claimName !== undefined) bucket(claims, claimName).push(pod);
      }
    }
  }

  const claimByKey = new Map<string, PersistentVolumeClaim>();
  const groups = new Map<string, string[]>();
  for (const [namespace, claims] of claimsByNamespace) {
    claims.sort(byName);
    for (const pvc of claims) {
      claimByKey.set(`${namespace}/${nameOf(pvc)}`, pvc);
      const groupId = pvc.metadata?.labels?.[VOLUME_GROUP_LABEL];
      if (groupId) bucket(groups, `${namespace}/${groupId}`).push(nameOf(pvc));
    }
  }

  const pvByName = new Map<string, PersistentVolume>();
  for (const pv of snapshot.pvs) pvByName.set(nameOf(pv), pv);

  const namespaces = [...new Set([...podsByNamespace.keys(), ...claimsByNamespace.keys()])].sort(byteCompare);
  const none: never[] = [];
  return {
    namespaces,
    podsIn: (namespace) => podsByNamespace.get(namespace) ?? none,
    podsUsingClaim: (namespace, claim) => podsByClaim.get(namespace)?.get(claim) ?? none,
    claim: (namespace, name) => claimByKey.get(`${namespace}/${name}`),
    claimsIn: (namespace) => claimsByNamespace.get(namespace) ?? none,
    pv: (name) => pvByName.get(name),
    claimGroup: (namespace, groupId) => groups.get(`${namespace}/${groupId}`) ?? none,
  };
}
