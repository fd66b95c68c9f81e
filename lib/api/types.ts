// Plain JSON DTOs between the server routes and the browser: the contract of /api/v1/*.
import type { IncompleteRead } from '../model/kube';
import type { LintFinding } from '../rules/lint';
import type { Action, BackupOptions, ReasonCode, VolumeVerdict } from '../rules/types';
import type { BackupRef, EffectiveOptions, PolicyState, Sourced } from '../velero/backup-options/types';
import type { SearchResult } from '../view/search';
import type { ClaimProtection, ProtectionKind, ProtectionReason } from '../rules/protection/types';
import type { LastBackupSummary, VolumeLastBackup } from '../view/last-backup-types';

export interface ClusterInfo {
  context: string;
  server: string;
  /** The built-in demo cluster is shown. */
  demo: boolean;
  /** Why the demo is shown instead of the user's cluster, when it is. */
  demoReason?: string;
}

export interface Assumptions {
  nodeAgentAssumed: boolean;
  pvsUnknown: boolean;
  claimsUnknownIn: string[];
  veleroNamespace: string;
}

/** Something the page must say about Velero: not installed, or a list that could not be read and what is assumed. */
export type { VeleroNotice } from '../view/velero-notices';
import type { VeleroNotice } from '../view/velero-notices';

/** Which backup the verdicts are for, and the options Velero would run it with. */
export interface BackupSelection {
  ref: BackupRef;
  /** For people: "Schedule nightly", "Backup nightly-20261130020012", "What-if". */
  label: string;
  effective: EffectiveOptions;
}

/** Fields every answer carries. */
export interface ScanHeader {
  cluster: ClusterInfo;
  /** ISO time the snapshot was read. */
  scannedAt: string;
  /** ISO time watch events last changed the snapshot (equals scannedAt when none did). */
  updatedAt: string;
  /** Watches keep the snapshot current; without them it is re-read after a TTL or on refresh. */
  live: boolean;
  /** The engine's two mode switches, as the selected backup sets them. */
  options: BackupOptions;
  backup: BackupSelection;
  /** Velero would fail this backup's validation: nothing is backed up, and `volumes` is empty. */
  validationErrors: string[];
  velero: { installed: boolean; notices: VeleroNotice[] };
  incomplete: IncompleteRead[];
  assumptions: Assumptions;
}

/** A verdict with what the compared backup did for it (schedule= or backup= only; null: no finished backup). */
export type VolumeWithLastBackup = VolumeVerdict & { lastBackup?: VolumeLastBackup | null };

export interface VolumesResponse extends ScanHeader {
  volumes: VolumeWithLastBackup[];
  /** The compared backup's totals (schedule= or backup=); null when there is no finished backup. */
  lastBackup?: LastBackupSummary | null;
}

export type ProtectionCounts = Record<ProtectionKind, number>;

export interface ClaimRow extends ClaimProtection {
  explanation: string;
  /** Some Schedule that runs (not paused, not disabled) protects this claim. */
  protectedBySomeSchedule: boolean;
}

export interface ClaimsResponse extends ScanHeader {
  /** What the snapshot side had to assume (plugin support, unreadable lists). */
  protectionAssumptions: string[];
  counts: ProtectionCounts;
  /** Claims with protection none or notInBackup under this backup. */
  notProtected: number;
  /** Claims no running Schedule protects. */
  notProtectedByAnySchedule: number;
  claims: ClaimRow[];
}

export interface CoverageResponse extends ScanHeader {
  schedules: Array<{ name: string; runs: boolean }>;
  claims: Array<{
    namespace: string;
    name: string;
    exists: boolean;
    protectedBySomeSchedule: boolean;
    /** Schedule name → that Schedule's protection of the claim. */
    cells: Record<string, { protection: ProtectionKind; reason: ProtectionReason; explanation: string }>;
  }>;
}

export type ReasonCounts = Partial<Record<ReasonCode, number>>;

export interface NamespaceSummary {
  name: string;
  pods: number;
  volumes: number;
  /** Claims that exist; `missingPvcs` counts those pods name but which do not exist. */
  pvcs: number;
  missingPvcs: number;
  actions: Record<Action, number>;
  reasons: ReasonCounts;
  /** The same counts for data volumes only (not projected, configMap, secret, downwardAPI, default-token). */
  data: { volumes: number; actions: Record<Action, number>; reasons: ReasonCounts };
  /** PVC-backed volumes that fs-backup skips: the ones operators worry about. */
  skippedPvcVolumes: number;
  /** Volumes whose verdict makes Velero report an error. */
  backupErrors: number;
  /** Lint findings of severity warning. */
  warnings: number;
  /** Some of this namespace could not be read. */
  incomplete: boolean;
  /** The chosen backup processes this namespace (its includes/excludes, globs resolved; pods included). */
  inBackup: boolean;
  /** Claims of the namespace by protection under the chosen backup (issue 10). */
  protection?: ProtectionCounts;
}

export interface NamespacesResponse extends ScanHeader {
  namespaces: NamespaceSummary[];
  totals: { pods: number; volumes: number; pvcs: number; missingPvcs: number; actions: Record<Action, number>; reasons: ReasonCounts; data: NamespaceSummary["data"]; protection?: ProtectionCounts };
}

export interface PodInfo {
  name: string;
  phase: string;
  node: string | null;
  /** The two Velero annotations, raw; null when absent. */
  backupVolumes: string | null;
  backupVolumesExcludes: string | null;
  excludedByLabel: boolean;
  terminating: boolean;
  owner: string | null;
  volumeNames: string[];
  /** Position in Velero's processing order within this namespace (1-based); null when the pod is excluded. */
  processingIndex: number | null;
}

export interface ClaimInfo {
  name: string;
  /** The claim object was read; false for a claim pods name but which does not exist. */
  exists: boolean;
  phase: string | null;
  volumeName: string | null;
  storageClass: string | null;
  capacity: string | null;
  volumeMode: string | null;
  pvType: string | null;
  /** Pods whose volumes name this claim (name order). */
  pods: string[];
  excludedByLabel: boolean;
}

/** `group`: the pods of one controller drawn as one node when a namespace is too big to draw pod by pod. */
export type GraphNodeKind = 'namespace' | 'pvc' | 'pod' | 'volume' | 'group';

export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  label: string;
  /** For pvc nodes: claim name; pod nodes: pod name; volume nodes: "pod/volume". */
  ref: string;
  /** Worst verdict among the volumes under this node, for colouring with a text badge. */
  status: 'fs-backup' | 'skip' | 'mixed' | 'none';
  /** Number of pods using a claim (pvc nodes) — > 1 means shared. */
  sharedBy?: number;
  missing?: boolean;
  /** Group nodes: how many pods, claims folded in, and volumes by verdict. */
  pods?: number;
  claims?: number;
  counts?: Record<Action, number>;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: 'contains' | 'volume';
  /** Volume edges carry their verdict. */
  volume?: string;
  action?: Action;
  reason?: ReasonCode;
  /** Edges from a shared claim to a group: the group's volumes on that claim by verdict. */
  counts?: Record<Action, number>;
}

export interface GraphResponse extends ScanHeader {
  namespace: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Set when the namespace is too big to draw pod by pod: pods are grouped by controller (`shownPods` drawn one by one). */
  truncated: null | { pods: number; shownPods: number; note: string };
  volumes: VolumeVerdict[];
  pods: PodInfo[];
  claims: ClaimInfo[];
  lint: LintFinding[];
  /**
   * Set when the namespace's rows (volumes, pods, claims) are too many to come with the graph: they are then
   * empty here and come from /api/v1/graph/rows with the same query; these are their counts.
   */
  rows?: { separate: true; volumes: number; pods: number; claims: number };
}

/** GET /api/v1/graph/rows?namespace=NS: the rows of a namespace the graph answer leaves out. */
export interface GraphRowsResponse extends ScanHeader {
  namespace: string;
  volumes: VolumeVerdict[];
  pods: PodInfo[];
  claims: ClaimInfo[];
}

export interface ApiError {
  error: {
    kind: string;
    message: string;
    hint?: string;
    status?: number | null;
    server?: string;
    context?: string;
    parameter?: string;
  };
}

/** One Schedule as the Schedules page and the backup picker show it. */
export interface ScheduleSummary {
  name: string;
  paused: boolean;
  /** The Schedule's status.phase (Enabled, FailedValidation, or "" when not reconciled yet). */
  phase: string;
  cron: string;
  validationErrors: string[];
  /** Set when the backups pass validation but fail as they start (phase Failed with this status.failureReason). */
  failureReason: string | null;
  effective: {
    includedNamespaces: string[];
    excludedNamespaces: string[];
    namespacesInScope: string[];
    defaultVolumesToFsBackup: Sourced<boolean>;
    backupExcludePVC: Sourced<boolean>;
    snapshotVolumes: Sourced<boolean>;
    snapshotMoveData: Sourced<boolean>;
    /** The resource-policy ConfigMap's name, or null. */
    resourcePolicy: string | null;
    resourcePolicyState: PolicyState['state'];
  };
  lastBackup: { name: string; phase: string; startTimestamp: string | null } | null;
  /** The newest finished Backup (d.5) compared with the prediction; null without one. */
  lastCompared: LastBackupSummary | null;
  /** Verdict counts of the next backup; null when it would fail validation. */
  counts: { pods: number; volumes: number; fsBackup: number; skip: number; skippedPvcVolumes: number } | null;
}

export interface BackupSummary {
  name: string;
  schedule: string | null;
  phase: string;
  startTimestamp: string | null;
  completionTimestamp: string | null;
}

export interface SchedulesResponse extends ScanHeader {
  schedules: ScheduleSummary[];
  /** Newest first. */
  backups: BackupSummary[];
  /** ConfigMaps of the Velero namespace with exactly one data key: candidates for a what-if resource policy. */
  policyConfigMaps: string[];
}
/** One cluster-wide list of the scan in progress: objects read, and the total when the server estimates it. */
export interface ListProgress {
  resource: string;
  read: number;
  /** read + metadata.remainingItemCount; null when the server gives no estimate. */
  total: number | null;
  done: boolean;
}

/** GET /api/v1/progress: what the first (or a forced) scan is doing. */
export interface ProgressResponse {
  /** reading: a scan is running; ready: a snapshot is held; idle: no scan has started. */
  state: 'idle' | 'reading' | 'ready';
  startedAt: string | null;
  lists: ListProgress[];
}

/** GET /api/v1/search?q=…&limit=…: name matches across the cluster, the first `limit` of `total`. */
export interface SearchResponse extends ScanHeader, SearchResult {}
