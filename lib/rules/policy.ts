// The seam where Velero's volume policies (velero-rules.md §7) enter the decision, at B8–B10 and E2.
// No policy is evaluated until a matcher is passed in; without one, B8–B10 and E2 do not run, as in Velero.
import type { PersistentVolume, PersistentVolumeClaim, Volume } from '../model/kube';

export type PolicyActionType = 'skip' | 'snapshot' | 'fs-backup' | 'custom';

export interface PolicyMatch {
  /** 1-based index of the first matching policy. */
  index: number;
  action: PolicyActionType;
  /** The matched policy's conditions in one line (e.g. `storageClass gp3; capacity 0,10Gi`), for the detail panel. */
  conditions?: string;
  /** What the conditions saw for this volume (the PV's class and size, never the claim's). */
  data?: FilterData;
}

/**
 * What Velero builds its filter data from (velero-rules.md §7). Both stages pass the claim's PV when it resolves
 * (Bound, spec.volumeName set, PV exists); without one B9 passes the pod volume and E2 the claim alone.
 */
export interface PolicyTarget {
  stage: 'B9' | 'E2';
  volume: Volume;
  claim: PersistentVolumeClaim | null;
  pv: PersistentVolume | null;
}

export interface VolumePolicyMatcher {
  match(target: PolicyTarget): PolicyMatch | null;
}

/** What a volume policy's conditions see for one pod volume (velero-rules.md §7 table), built by policy/filter-data.ts. */
export interface FilterData {
  /** Which object supplied capacity/class/type: the PV, the pod volume itself, or only the claim (E2, PV unresolvable). */
  from: 'pv' | 'podVolume' | 'claim';
  /** The PV's spec.capacity.storage as written; null counts as 0. Never the claim's size. */
  capacity: string | null;
  /** The PV's spec.storageClassName; "" otherwise. Never the claim's class. */
  storageClass: string;
  nfs: { server: string; path: string } | null;
  csi: { driver: string; volumeAttributes: Record<string, string> } | null;
  /** "" when Velero finds no type (a persistentVolumeClaim pod volume, a newer source such as image). */
  volumeType: string;
  /** The claim's labels; null when there is no claim or it has none. */
  pvcLabels: Record<string, string> | null;
  /** The claim's status.phase; "" when there is no claim. */
  pvcPhase: string;
}
