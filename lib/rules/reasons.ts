// The one table of reason codes (velero-rules.md §8): action, deciding check, and operator-facing text.
import type { Action, CheckId, ReasonCode } from './types';

/** Values the explanation templates fill in. */
export interface ExplanationFacts {
  pod: string;
  volume: string;
  claim?: string | null;
  /** Raw annotation value ("" when the annotation is absent). */
  value?: string | null;
  /** 1-based policy index. */
  policyIndex?: number;
  otherPod?: string;
  phase?: string;
  nodeName?: string | null;
  pv?: string;
  why?: string;
}

export type ReasonScope = 'pod' | 'volume';

export interface ReasonInfo {
  action: Action;
  /** The check that yields this code (the first listed when two can). */
  check: CheckId;
  scope: ReasonScope;
  /** Which data decided it: spec, status, PVC/PV objects, other pods (cluster), backup option. */
  data: string;
  /** Velero reports an error for the pod item; the backup ends PartiallyFailed. */
  backupError: boolean;
  /** Short label for tables and filters. */
  label: string;
  explain(facts: ExplanationFacts): string;
}

const quoted = (value: string | null | undefined) => (value === null || value === undefined ? 'not set' : `"${value}"`);

function podState(facts: ExplanationFacts): string {
  if (!facts.nodeName) return `not scheduled to a node${facts.phase ? ` (phase ${facts.phase})` : ''}`;
  return facts.phase ? facts.phase : 'in no phase';
}

export const REASONS: { readonly [code in ReasonCode]: ReasonInfo } = {
  optedIn: {
    action: 'fs-backup', check: 'B11', scope: 'volume', data: 'spec', backupError: false, label: 'opted in',
    explain: (f) => `Volume ${f.volume} is listed in the pod's backup.velero.io/backup-volumes annotation (${quoted(f.value)}), so Velero copies its files.`,
  },
  defaultFsBackup: {
    action: 'fs-backup', check: 'B12', scope: 'volume', data: 'spec+option', backupError: false, label: 'fs-backup by default',
    explain: (f) => `The backup uses fs-backup by default and ${f.volume} is not excluded by the pod's annotation, so Velero copies its files.`,
  },
  policyFsBackup: {
    action: 'fs-backup', check: 'B9', scope: 'volume', data: 'PV/PVC/spec', backupError: false, label: 'policy: fs-backup',
    explain: (f) => `Volume policy #${f.policyIndex} matches ${f.volume} with action fs-backup, so Velero copies its files whatever the annotations say.`,
  },
  podExcludedByLabel: {
    action: 'skip', check: 'A2', scope: 'pod', data: 'spec', backupError: false, label: 'pod excluded by label',
    explain: (f) => `Pod ${f.pod} carries velero.io/exclude-from-backup=true, so Velero skips the pod and all its volumes.`,
  },
  podTerminating: {
    action: 'skip', check: 'A3', scope: 'pod', data: 'spec', backupError: false, label: 'pod terminating',
    explain: (f) => `Pod ${f.pod} is being deleted, and Velero skips pods that are being deleted.`,
  },
  hostPath: {
    action: 'skip', check: 'B1', scope: 'volume', data: 'spec', backupError: false, label: 'hostPath volume',
    explain: (f) => `${f.volume} is a hostPath volume; the node-agent cannot reach host paths, so Velero never copies it.`,
  },
  secret: {
    action: 'skip', check: 'B2', scope: 'volume', data: 'spec', backupError: false, label: 'secret volume',
    explain: (f) => `${f.volume} mounts a Secret; Velero saves Secrets as API objects, not as files.`,
  },
  configMap: {
    action: 'skip', check: 'B3', scope: 'volume', data: 'spec', backupError: false, label: 'configMap volume',
    explain: (f) => `${f.volume} mounts a ConfigMap; Velero saves ConfigMaps as API objects, not as files.`,
  },
  projected: {
    action: 'skip', check: 'B4', scope: 'volume', data: 'spec', backupError: false, label: 'projected volume',
    explain: (f) => `${f.volume} is a projected volume whose content is rebuilt from the cluster's state, so Velero does not copy it.`,
  },
  downwardAPI: {
    action: 'skip', check: 'B5', scope: 'volume', data: 'spec', backupError: false, label: 'downwardAPI volume',
    explain: (f) => `${f.volume} is a downward API volume whose content comes from the pod itself, so Velero does not copy it.`,
  },
  pvcExcluded: {
    action: 'skip', check: 'B6', scope: 'volume', data: 'spec+option', backupError: false, label: 'PVCs excluded',
    explain: (f) => `The backup excludes persistentvolumeclaims, so Velero skips ${f.volume} (claim ${f.claim}).`,
  },
  defaultToken: {
    action: 'skip', check: 'B7', scope: 'volume', data: 'spec', backupError: false, label: 'default-token name',
    explain: (f) => `${f.volume}'s name starts with "default-token", which Velero treats as a service-account token and never copies.`,
  },
  policySkip: {
    action: 'skip', check: 'B9', scope: 'volume', data: 'PV/PVC/spec', backupError: false, label: 'policy: skip',
    explain: (f) => `Volume policy #${f.policyIndex} matches ${f.volume} with action skip.`,
  },
  policySnapshot: {
    action: 'skip', check: 'B9', scope: 'volume', data: 'PV/PVC/spec', backupError: false, label: 'policy: snapshot',
    explain: (f) => `Volume policy #${f.policyIndex} matches ${f.volume} with action snapshot, so its data is left to a snapshot, not fs-backup.`,
  },
  policyCustom: {
    action: 'skip', check: 'B9', scope: 'volume', data: 'PV/PVC/spec', backupError: false, label: 'policy: custom',
    explain: (f) => `Volume policy #${f.policyIndex} matches ${f.volume} with action custom, so an external plugin handles it, not fs-backup.`,
  },
  notOptedIn: {
    action: 'skip', check: 'B11', scope: 'volume', data: 'spec', backupError: false, label: 'not opted in',
    explain: (f) => `The backup uses opt-in and ${f.volume} is not listed in the pod's backup.velero.io/backup-volumes annotation (${quoted(f.value)}).`,
  },
  optedOut: {
    action: 'skip', check: 'B12', scope: 'volume', data: 'spec', backupError: false, label: 'opted out',
    explain: (f) => `${f.volume} is listed in the pod's backup.velero.io/backup-volumes-excludes annotation (${quoted(f.value)}).`,
  },
  sharedPvcOtherPod: {
    action: 'skip', check: 'C1', scope: 'volume', data: 'cluster+PVC', backupError: false, label: 'claim taken by another pod',
    explain: (f) => `Claim ${f.claim} is already backed up through pod ${f.otherPod} in this backup; Velero copies a claim once.`,
  },
  podNotRunning: {
    action: 'skip', check: 'D1', scope: 'pod', data: 'spec+status', backupError: false, label: 'pod not running',
    explain: (f) => `Pod ${f.pod} is ${podState(f)}; Velero copies volumes only from running pods.`,
  },
  nodeAgentMissing: {
    action: 'skip', check: 'D2', scope: 'pod', data: 'cluster', backupError: true, label: 'no node-agent on node',
    explain: (f) => `No running Velero node-agent pod on node ${f.nodeName}, so Velero cannot copy ${f.pod}'s volumes (the backup reports an error).`,
  },
  pvcMissing: {
    action: 'skip', check: 'E1', scope: 'volume', data: 'PVC', backupError: true, label: 'claim missing',
    explain: (f) => `Claim ${f.claim} does not exist, so Velero cannot back up ${f.volume} (the backup reports an error).`,
  },
  pvUnavailable: {
    action: 'skip', check: 'E3', scope: 'volume', data: 'PVC/PV', backupError: true, label: 'PV unavailable',
    explain: (f) => `The PersistentVolume of claim ${f.claim} cannot be found (${f.why}), so Velero cannot back up ${f.volume} (the backup reports an error).`,
  },
  hostPathPv: {
    action: 'skip', check: 'E4', scope: 'volume', data: 'PV', backupError: false, label: 'hostPath PV',
    explain: (f) => `Claim ${f.claim} is bound to hostPath PersistentVolume ${f.pv}; the node-agent cannot reach host paths.`,
  },
  blockVolume: {
    action: 'skip', check: 'E5', scope: 'volume', data: 'spec', backupError: false, label: 'block volume',
    explain: (f) => `${f.volume} is attached as a raw block device (volumeDevices); fs-backup copies file systems only.`,
  },
  notMounted: {
    action: 'skip', check: 'E6', scope: 'volume', data: 'spec', backupError: false, label: 'not mounted',
    explain: (f) => `No regular container of ${f.pod} mounts ${f.volume} (init containers do not count), so there is nothing to copy.`,
  },
};

/** Velero's checks in order with a one-line description, for the chain shown beside a verdict. */
export const CHECKS: ReadonlyArray<{ id: CheckId; stage: 'A' | 'B' | 'C' | 'D' | 'E'; title: string }> = [
  { id: 'A2', stage: 'A', title: 'Pod not labelled velero.io/exclude-from-backup=true' },
  { id: 'A3', stage: 'A', title: 'Pod not being deleted' },
  { id: 'B1', stage: 'B', title: 'Not a hostPath volume' },
  { id: 'B2', stage: 'B', title: 'Not a secret volume' },
  { id: 'B3', stage: 'B', title: 'Not a configMap volume' },
  { id: 'B4', stage: 'B', title: 'Not a projected volume' },
  { id: 'B5', stage: 'B', title: 'Not a downwardAPI volume' },
  { id: 'B6', stage: 'B', title: 'PVCs not excluded from the backup' },
  { id: 'B7', stage: 'B', title: 'Name does not start with default-token' },
  { id: 'B8', stage: 'B', title: 'Volume policy: the claim exists' },
  { id: 'B9', stage: 'B', title: 'Volume policy: first matching policy' },
  { id: 'B10', stage: 'B', title: "Volume policy: the claim's PV can be resolved" },
  { id: 'B11', stage: 'B', title: 'Opt-in: listed in backup.velero.io/backup-volumes' },
  { id: 'B12', stage: 'B', title: 'Opt-out: not listed in backup.velero.io/backup-volumes-excludes' },
  { id: 'C1', stage: 'C', title: 'Claim not already taken by an earlier pod' },
  { id: 'D1', stage: 'D', title: 'Pod scheduled and Running' },
  { id: 'D2', stage: 'D', title: "A running node-agent on the pod's node" },
  { id: 'E1', stage: 'E', title: 'The claim exists' },
  { id: 'E2', stage: 'E', title: 'Volume policy re-check: not skip' },
  { id: 'E3', stage: 'E', title: "The claim's PV exists" },
  { id: 'E4', stage: 'E', title: 'The PV is not a hostPath PV' },
  { id: 'E5', stage: 'E', title: 'Not attached as a block device' },
  { id: 'E6', stage: 'E', title: 'Mounted by a regular container' },
  { id: 'E7', stage: 'E', title: 'PodVolumeBackup created' },
];
