// Port of Velero's pkg/util/podvolume/pod_volume.go at bcdc30b59a, line by line; the Go file is the authority.
// Parity contract: shared/velero-parity/README.md. Go's quirks are kept on purpose: strings.Split keeps empty
// tokens, nothing is trimmed, de-duplicated or sorted. Nil slices become []; Go errors become thrown Errors.
// The crClient.List calls are replaced by a `pods` array (see listPods).
import type { Pod, Volume } from '../model/kube';

/** velerov1api.VolumesToBackupAnnotation */
export const VOLUMES_TO_BACKUP_ANNOTATION = 'backup.velero.io/backup-volumes';
/** velerov1api.VolumesToExcludeAnnotation */
export const VOLUMES_TO_EXCLUDE_ANNOTATION = 'backup.velero.io/backup-volumes-excludes';

/** Anything with metadata.annotations (Go: metav1.Object). A missing or null annotations object is a nil map. */
interface Annotated {
  metadata?: { annotations?: Record<string, string> | null } | null;
}

// Go's "non-nil pointer": the JSON field is there and not null; `{}` counts as present.
const present = (source: unknown): boolean => source !== undefined && source !== null;

// A null entry in a JSON list unmarshals to Go's zero Volume: no name, no source.
const volumeName = (v: Volume | null | undefined): string => v?.name ?? '';

// `v.PersistentVolumeClaim != nil && v.PersistentVolumeClaim.ClaimName == pvcName`
function usesClaim(v: Volume | null | undefined, pvcName: string): boolean {
  const claim = v?.persistentVolumeClaim;
  return present(claim) && (claim?.claimName ?? '') === pvcName;
}

const podVolumes = (pod: Pod | null | undefined): Volume[] => pod?.spec?.volumes ?? [];

/**
 * Stand-in for `crClient.List(ctx, podList, &ListOptions{Namespace: ns})`: the pods of that namespace, in the
 * order given. README and Go disagree on one point: the README says "namespace equals", but Namespace "" is
 * metav1.NamespaceAll, so Go (real client and the fake client of Velero's tests alike) gets every pod. Go wins.
 */
function listPods(pods: readonly Pod[] | null | undefined, namespace: string): Pod[] {
  const all = pods ?? [];
  return namespace === '' ? [...all] : all.filter((p) => (p?.metadata?.namespace ?? '') === namespace);
}

// Go: PVCPodCache (NewPVCPodCache, BuildCacheForNamespaces, GetPodsUsingPVC, IsBuilt).
export class PvcPodCache {
  // namespace -> pvcName -> pods, one entry per volume naming the claim.
  private readonly cache = new Map<string, Map<string, Pod[]>>();
  private built = false;

  /** BuildCacheForNamespaces with `pods` as what each namespace listing returns. Never clears: Go only appends. */
  build(pods: readonly Pod[] | null | undefined, namespaces: readonly string[] | null | undefined): void {
    for (const ns of namespaces ?? []) {
      let byClaim = this.cache.get(ns);
      if (byClaim === undefined) {
        byClaim = new Map();
        this.cache.set(ns, byClaim);
      }
      // A namespace listed twice is listed and appended twice, so its pods come back twice, as in Go.
      for (const pod of listPods(pods, ns)) {
        for (const v of podVolumes(pod)) {
          if (present(v?.persistentVolumeClaim)) {
            const pvcName = v?.persistentVolumeClaim?.claimName ?? '';
            const list = byClaim.get(pvcName) ?? [];
            list.push(pod);
            byClaim.set(pvcName, list);
          }
        }
      }
    }
    // Built even when `namespaces` is empty or the namespaces hold no pods.
    this.built = true;
  }

  /** Go: PVCPodCache.GetPodsUsingPVC. A copy; Go's nil (namespace or claim not indexed) becomes []. */
  getPodsUsingPvc(namespace: string, pvcName: string): Pod[] {
    return [...(this.cache.get(namespace)?.get(pvcName) ?? [])];
  }

  /** Go: PVCPodCache.IsBuilt */
  isBuilt(): boolean {
    return this.built;
  }
}

// Go: GetVolumesByPod. Opt-in mode returns the annotation's tokens unchecked (types and legacy list ignored).
export function getVolumesByPod(
  pod: Pod,
  defaultVolumesToFsBackup: boolean,
  backupExcludePVC: boolean,
  volsToProcessByLegacyApproach: readonly string[] | null | undefined,
): { included: string[]; optedOut: string[] } {
  const optedOut: string[] = [];

  if (!defaultVolumesToFsBackup) {
    return { included: getVolumesToBackup(pod), optedOut };
  }

  const volsToExclude = getVolumesToExclude(pod);
  const included: string[] = [];
  for (const pv of getVolumesToProcess(pod?.spec?.volumes, volsToProcessByLegacyApproach)) {
    // Type checks come first, so a hostPath/secret/… volume named in the excludes is not reported as opted out.
    if (present(pv?.hostPath)) continue;
    if (present(pv?.secret)) continue;
    if (present(pv?.configMap)) continue;
    if (present(pv?.projected)) continue;
    if (present(pv?.downwardAPI)) continue;
    if (present(pv?.persistentVolumeClaim) && backupExcludePVC) continue;
    // Exact match against the raw tokens; with annotations `{}` the tokens are [""], so an unnamed volume opts out.
    if (volsToExclude.includes(volumeName(pv))) {
      optedOut.push(volumeName(pv));
      continue;
    }
    // After the excludes: a default-token volume named in the excludes is reported as opted out.
    if (volumeName(pv).startsWith('default-token')) continue;
    included.push(volumeName(pv));
  }
  return { included, optedOut };
}

// Go: GetVolumesToBackup (deprecated in Go). Missing or "" value → nil → []; otherwise a raw split.
export function getVolumesToBackup(obj: Annotated | null | undefined): string[] {
  const annotations = obj?.metadata?.annotations;
  if (annotations === undefined || annotations === null) return [];

  const backupsValue = annotations[VOLUMES_TO_BACKUP_ANNOTATION] ?? '';
  if (backupsValue === '') return [];

  return backupsValue.split(',');
}

// Go: GetVolumesToExclude. Unlike the backup list there is no "" check: a non-nil map always yields ≥1 token.
export function getVolumesToExclude(obj: Annotated | null | undefined): string[] {
  const annotations = obj?.metadata?.annotations;
  if (annotations === undefined || annotations === null) return [];

  return (annotations[VOLUMES_TO_EXCLUDE_ANNOTATION] ?? '').split(',');
}

// Go: IsPVCDefaultToFSBackup (deprecated in Go). Every listed pod uses the claim, so the check cannot throw.
export function isPvcDefaultToFsBackup(
  pvcNamespace: string,
  pvcName: string,
  pods: readonly Pod[] | null | undefined,
  defaultVolumesToFsBackup: boolean,
): boolean {
  return checkPodsForFsBackup(getPodsUsingPvc(pvcNamespace, pvcName, pods), pvcName, defaultVolumesToFsBackup);
}

// Go: IsPVCDefaultToFSBackupWithCache. A built cache is trusted even for namespaces it never indexed.
export function isPvcDefaultToFsBackupWithCache(
  pvcNamespace: string,
  pvcName: string,
  pods: readonly Pod[] | null | undefined,
  defaultVolumesToFsBackup: boolean,
  cache?: PvcPodCache | null,
): boolean {
  const podsUsingPvc =
    cache && cache.isBuilt() ? cache.getPodsUsingPvc(pvcNamespace, pvcName) : getPodsUsingPvc(pvcNamespace, pvcName, pods);
  return checkPodsForFsBackup(podsUsingPvc, pvcName, defaultVolumesToFsBackup);
}

// Go: checkPodsForFSBackup. Stops at the first pod that says yes; a pod with selected volumes that does not
// use the claim throws (Go returns the error) — but only if no earlier pod already returned true.
export function checkPodsForFsBackup(
  pods: readonly Pod[] | null | undefined,
  pvcName: string,
  defaultVolumesToFsBackup: boolean,
): boolean {
  for (const pod of pods ?? []) {
    const { included: vols } = getVolumesByPod(pod, defaultVolumesToFsBackup, false, []);
    if (vols.length > 0) {
      // Only the first volume naming the claim is checked, even if the pod mounts the claim twice.
      const volName = getPodVolumeNameForPvc(pod, pvcName);
      if (vols.includes(volName)) return true;
    }
  }
  return false;
}

// Go: getPodVolumeNameForPVC. The first volume whose claimName matches; claimName missing matches pvcName "".
export function getPodVolumeNameForPvc(pod: Pod, pvcName: string): string {
  for (const v of podVolumes(pod)) {
    if (usesClaim(v, pvcName)) return volumeName(v);
  }
  const ns = pod?.metadata?.namespace ?? '';
  throw new Error(`Pod ${ns}/${pod?.metadata?.name ?? ''} does not use PVC ${ns}/${pvcName}`);
}

// Go: GetPodsUsingPVC. One entry per matching volume, so a pod mounting the claim twice appears twice.
export function getPodsUsingPvc(pvcNamespace: string, pvcName: string, pods: readonly Pod[] | null | undefined): Pod[] {
  const podsUsingPvc: Pod[] = [];
  for (const p of listPods(pods, pvcNamespace)) {
    for (const v of podVolumes(p)) {
      if (usesClaim(v, pvcName)) podsUsingPvc.push(p);
    }
  }
  return podsUsingPvc;
}

// Go: GetPodsUsingPVCWithCache. A built cache answers alone (nil → []); otherwise the pods are searched.
export function getPodsUsingPvcWithCache(
  pvcNamespace: string,
  pvcName: string,
  pods: readonly Pod[] | null | undefined,
  cache?: PvcPodCache | null,
): Pod[] {
  if (cache && cache.isBuilt()) return cache.getPodsUsingPvc(pvcNamespace, pvcName);
  return getPodsUsingPvc(pvcNamespace, pvcName, pods);
}

// Go: GetVolumesToProcess. The legacy list filters (volume order kept, duplicates of volumes kept); an empty or
// missing list returns the volumes array itself, as Go returns the same slice.
export function getVolumesToProcess(
  volumes: Volume[] | null | undefined,
  volsToProcessByLegacyApproach: readonly string[] | null | undefined,
): Volume[] {
  if (!volumes || volumes.length === 0) return [];

  const legacy = volsToProcessByLegacyApproach ?? [];
  if (legacy.length > 0) {
    return volumes.filter((vol) => legacy.includes(volumeName(vol)));
  }
  return volumes;
}
