// Stages D and E: Velero's pod volume backupper (pkg/podvolume/backupper.go BackupPodVolumes) for the volumes
// that survived the volume helper and the shared-claim tracker.
import type { Pod, Volume } from '../model/kube';
import type { PvcPodIndex } from '../index/pvc-pod-index';
import type { VolumePolicyMatcher } from './policy';
import { isPodRunning } from './processing-order';
import { policyEvidence, unresolvedPvReason, type ClaimLookup, type Decision } from './volume-helper';
import { present } from './volume-type';

export const NODE_AGENT_ROLE_LABEL = 'role';
export const NODE_AGENT_ROLE = 'node-agent';

export interface RuntimeContext {
  index: PvcPodIndex;
  policy: VolumePolicyMatcher | null;
  /** Nodes with a running node-agent pod; null when the Velero namespace was not seen (assume every node). */
  nodeAgents: ReadonlySet<string> | null;
  /** PersistentVolumes were read (E3/E4 can be decided). */
  pvsKnown: boolean;
  /** Claims of this namespace were read (E1/E3/E4 can be decided). */
  claimsKnown(namespace: string): boolean;
  /** The index as the volume helper's claim lookup, knowing where claims could not be read. */
  claimLookup: ClaimLookup;
}

/** nodeagent.IsRunningInNode: pods labelled role=node-agent that pass IsPodRunning, by node. */
export function nodeAgentNodes(veleroPods: readonly Pod[]): Set<string> {
  const nodes = new Set<string>();
  for (const pod of veleroPods) {
    if (pod.metadata?.labels?.[NODE_AGENT_ROLE_LABEL] === NODE_AGENT_ROLE && isPodRunning(pod)) nodes.add(pod.spec?.nodeName ?? '');
  }
  return nodes;
}

function podNotRunning(pod: Pod): Decision {
  return { reason: 'podNotRunning', check: 'D1', evidence: { phase: pod.status?.phase ?? '', node: pod.spec?.nodeName || null } };
}

/** Names of volumes that regular containers mount, and that they attach as block devices. */
function containerUse(pod: Pod): { mounted: Set<string>; devices: Map<string, string> } {
  const mounted = new Set<string>();
  const devices = new Map<string, string>();
  for (const container of pod.spec?.containers ?? []) {
    for (const mount of container?.volumeMounts ?? []) mounted.add(mount?.name ?? '');
    for (const device of container?.volumeDevices ?? []) if (!devices.has(device?.name ?? '')) devices.set(device?.name ?? '', container?.name ?? '');
  }
  return { mounted, devices };
}

function initMounters(pod: Pod, volumeName: string): string[] {
  const names: string[] = [];
  for (const container of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])]) {
    if ((container?.volumeMounts ?? []).some((m) => m?.name === volumeName)) names.push(container?.name ?? '');
  }
  return names;
}

/** E1–E6 for one volume; null when a PodVolumeBackup is created (E7). */
function decideVolume(pod: Pod, volume: Volume, use: ReturnType<typeof containerUse>, ctx: RuntimeContext): Decision | null {
  const namespace = pod.metadata?.namespace ?? '';
  const name = volume.name ?? '';
  const isClaim = present(volume.persistentVolumeClaim);
  const claimName = volume.persistentVolumeClaim?.claimName ?? '';
  const claimsKnown = ctx.claimsKnown(namespace);
  const claim = isClaim ? ctx.index.claim(namespace, claimName) : undefined;
  if (isClaim && !claim && claimsKnown) return { reason: 'pvcMissing', check: 'E1', evidence: { claim: claimName } };

  if (ctx.policy) {
    // getMatchAction: the claim's PV when kube.GetPVForPVC resolves it, else the claim alone; other volumes as they are.
    const pv = claim && !unresolvedPvReason(claim, ctx.index) ? (ctx.index.pv(claim.spec?.volumeName ?? '') ?? null) : null;
    const match = ctx.policy.match({ stage: 'E2', volume, claim: claim ?? null, pv });
    if (match?.action === 'skip') return { reason: 'policySkip', check: 'E2', evidence: { policy: policyEvidence(match), claim: claimName || undefined } };
  }

  const pvName = claim?.spec?.volumeName ?? '';
  if (pvName !== '' && ctx.pvsKnown) {
    const pv = ctx.index.pv(pvName);
    if (!pv) return { reason: 'pvUnavailable', check: 'E3', evidence: { claim: claimName, pv: pvName, why: `PersistentVolume ${pvName} does not exist` } };
    if (present(pv.spec?.hostPath)) return { reason: 'hostPathPv', check: 'E4', evidence: { claim: claimName, pv: pvName, pvType: 'hostPath' } };
  }

  const container = use.devices.get(name);
  if (container !== undefined) return { reason: 'blockVolume', check: 'E5', evidence: { container } };
  if (!use.mounted.has(name)) return { reason: 'notMounted', check: 'E6', evidence: { initContainers: initMounters(pod, name) } };
  return null;
}

/** D1–D2 once for the pod, then E1–E6 per surviving volume; null entries are fs-backup. */
export function decideRuntime(pod: Pod, surviving: readonly Volume[], ctx: RuntimeContext): Array<Decision | null> {
  if (!isPodRunning(pod)) return surviving.map(() => podNotRunning(pod));
  const node = pod.spec?.nodeName ?? '';
  if (ctx.nodeAgents && !ctx.nodeAgents.has(node)) {
    return surviving.map((): Decision => ({ reason: 'nodeAgentMissing', check: 'D2', evidence: { node } }));
  }
  const use = containerUse(pod);
  return surviving.map((volume) => decideVolume(pod, volume, use, ctx));
}
