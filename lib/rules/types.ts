// The verdict engine's vocabulary: backup options in, one tagged verdict per pod volume out.
import type { LabelSelector } from '../model/velero';
import type { FilterData } from './policy';

export type Action = 'fs-backup' | 'skip';

/** Reason codes of ../shared/velero-rules.md §8, in Velero's check order. */
export const REASON_CODES = [
  'podExcludedByLabel',
  'podTerminating',
  'hostPath',
  'secret',
  'configMap',
  'projected',
  'downwardAPI',
  'pvcExcluded',
  'defaultToken',
  'pvcMissing',
  'pvUnavailable',
  'policyFsBackup',
  'policySkip',
  'policySnapshot',
  'policyCustom',
  'optedIn',
  'notOptedIn',
  'optedOut',
  'defaultFsBackup',
  'sharedPvcOtherPod',
  'podNotRunning',
  'nodeAgentMissing',
  'hostPathPv',
  'blockVolume',
  'notMounted',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Velero's checks in order (velero-rules.md §3). A1 (namespace not included) never yields a verdict. */
export const CHECK_IDS = [
  'A2', 'A3',
  'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'B10', 'B11', 'B12',
  'C1',
  'D1', 'D2',
  'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** Which pods a backup lists and in what order. Pods it never reaches get no verdict at all (A1). */
export interface BackupScope {
  /** Namespaces in scope; null: every namespace. */
  namespaces: ReadonlySet<string> | null;
  /** The resource filter includes pods; false: no pod is processed. */
  backupPods: boolean;
  labelSelector: LabelSelector | null;
  /** Non-empty: one LIST per selector, in this order (it changes which pod takes a shared claim). */
  orLabelSelectors: LabelSelector[] | null;
}

export interface BackupOptions {
  /** Opt-out mode when true (`--default-volumes-to-fs-backup`); Velero's default is false (opt-in). */
  defaultVolumesToFsBackup: boolean;
  /** The backup's resource filter excludes persistentvolumeclaims. */
  backupExcludePVC: boolean;
}

/** The pod annotation that was read for this verdict, exactly as written. */
export interface AnnotationEvidence {
  name: string;
  /** Raw value; null when the pod does not carry the annotation. */
  value: string | null;
  /** Value split on ',' exactly as Velero does (no trimming, empty tokens kept). */
  tokens: string[];
  /** The token equal to the volume name, when one is. */
  matchedToken: string | null;
}

/** What decided a verdict. Only the fields relevant to the reason are set. */
export interface Evidence {
  annotation?: AnnotationEvidence;
  /** Pod label that excluded it (A2). */
  label?: { key: string; value: string };
  deletionTimestamp?: string;
  /** The pod volume's source type (hostPath, secret, …) for type checks. */
  volumeType?: string;
  claim?: string;
  pv?: string;
  /** Which source the claim's PV has (hostPath, local, csi, …). */
  pvType?: string;
  /** Why the PV of a claim cannot be resolved (pvUnavailable). */
  why?: string;
  /** The pod that took a shared claim first (sharedPvcOtherPod). */
  otherPod?: string;
  phase?: string;
  node?: string | null;
  /** Container that lists the volume in volumeDevices (blockVolume). */
  container?: string;
  /** Init containers / native sidecars that mount the volume though no regular container does (notMounted). */
  initContainers?: string[];
  /** 1-based index and action of the matching volume policy (B9/E2), and a one-line summary of its conditions. */
  policy?: { index: number; action: string; conditions?: string; data?: FilterData };
}

export interface VolumeVerdict {
  namespace: string;
  pod: string;
  volume: string;
  /** The pod volume's source type: persistentVolumeClaim, emptyDir, hostPath, … ('unknown' when none is set). */
  type: string;
  /** claimName of a persistentVolumeClaim volume; null for every other volume (ephemeral included). */
  pvc: string | null;
  action: Action;
  reason: ReasonCode;
  /** The check of velero-rules.md §3 that decided it. */
  check: CheckId;
  explanation: string;
  evidence: Evidence;
  /** Velero reports an error for the pod item (the backup ends PartiallyFailed). */
  backupError: boolean;
}
