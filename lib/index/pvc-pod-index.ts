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

interface NamespaceIndex {
  pods: Pod[];
  podsByClaim: Map<string, Pod[]>;
  claims: PersistentVolumeClaim[];
  claimByName: Map<string, PersistentVolumeClaim>;
  groups: Map<string, string[]>;
}

function namespaceIndex(pods: Pod[], claims: PersistentVolumeClaim[]): NamespaceIndex {
  pods.sort(byName);
  const podsByClaim = new Map<string, Pod[]>();
  for (const pod of pods) {
    for (const volume of pod.spec?.volumes ?? []) {
      const claimName = volume?.persistentVolumeClaim?.claimName;
      if (volume?.persistentVolumeClaim && claimName !== undefined) bucket(podsByClaim, claimName).push(pod);
    }
  }
  claims.sort(byName);
  const claimByName = new Map<string, PersistentVolumeClaim>();
  const groups = new Map<string, string[]>();
  for (const pvc of claims) {
    claimByName.set(nameOf(pvc), pvc);
    const groupId = pvc.metadata?.labels?.[VOLUME_GROUP_LABEL];
    if (groupId) bucket(groups, groupId).push(nameOf(pvc));
  }
  return { pods, podsByClaim, claims, claimByName, groups };
}

interface IndexState {
  parts: Map<string, NamespaceIndex>;
  pvByName: Map<string, PersistentVolume>;
}
const states = new WeakMap<PvcPodIndex, IndexState>();

/** What changed since `index` was built: the namespaces whose pods or claims changed (PVs unchanged). */
export interface IndexUpdate {
  index: PvcPodIndex;
  namespaces: ReadonlySet<string>;
}

/**
 * The index of a snapshot. With `previous`, only the namespaces it names are rebuilt (their pods and claims are
 * picked from the snapshot); every other namespace's part, and the PVs, are reused as they are.
 */
export function buildPvcPodIndex(snapshot: Pick<ClusterSnapshot, 'pods' | 'pvcs' | 'pvs'>, previous?: IndexUpdate): PvcPodIndex {
  const prior = previous ? states.get(previous.index) : undefined;
  const wanted = prior && previous ? previous.namespaces : null;
  const podsByNamespace = new Map<string, Pod[]>();
  for (const pod of snapshot.pods) {
    const ns = pod.metadata?.namespace ?? '';
    if (!wanted || wanted.has(ns)) bucket(podsByNamespace, ns).push(pod);
  }
  const claimsByNamespace = new Map<string, PersistentVolumeClaim[]>();
  for (const pvc of snapshot.pvcs) {
    const ns = pvc.metadata?.namespace ?? '';
    if (!wanted || wanted.has(ns)) bucket(claimsByNamespace, ns).push(pvc);
  }
  const parts = new Map<string, NamespaceIndex>(prior ? prior.parts : []);
  for (const ns of wanted ?? []) parts.delete(ns);
  for (const ns of new Set([...podsByNamespace.keys(), ...claimsByNamespace.keys()])) {
    parts.set(ns, namespaceIndex(podsByNamespace.get(ns) ?? [], claimsByNamespace.get(ns) ?? []));
  }
  let pvByName = prior?.pvByName;
  if (!pvByName) {
    pvByName = new Map<string, PersistentVolume>();
    for (const pv of snapshot.pvs) pvByName.set(nameOf(pv), pv);
  }
  const pvs = pvByName;
  const namespaces = [...parts.keys()].sort(byteCompare);
  const none: never[] = [];
  const index: PvcPodIndex = {
    namespaces,
    podsIn: (namespace) => parts.get(namespace)?.pods ?? none,
    podsUsingClaim: (namespace, claim) => parts.get(namespace)?.podsByClaim.get(claim) ?? none,
    claim: (namespace, name) => parts.get(namespace)?.claimByName.get(name),
    claimsIn: (namespace) => parts.get(namespace)?.claims ?? none,
    pv: (name) => pvs.get(name),
    claimGroup: (namespace, groupId) => parts.get(namespace)?.groups.get(groupId) ?? none,
  };
  states.set(index, { parts, pvByName: pvs });
  return index;
}
