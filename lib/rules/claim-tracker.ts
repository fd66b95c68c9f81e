// Velero's pod-volume snapshot tracker (pkg/podvolume/snapshot_tracker.go), keyed by namespace/claim.
// notTracked --track--> tracked --take--> taken; notTracked --optOut--> optedOut. Every other move is a no-op.

type ClaimState = 'tracked' | 'taken' | 'optedOut';

export class ClaimTracker {
  private readonly states = new Map<string, ClaimState>();
  private readonly takers = new Map<string, string>();

  track(namespace: string, claim: string): void {
    const key = `${namespace}/${claim}`;
    if (!this.states.has(key)) this.states.set(key, 'tracked');
  }

  optOut(namespace: string, claim: string): void {
    const key = `${namespace}/${claim}`;
    if (!this.states.has(key)) this.states.set(key, 'optedOut');
  }

  take(namespace: string, claim: string, pod: string): void {
    const key = `${namespace}/${claim}`;
    if (this.states.get(key) === 'tracked') {
      this.states.set(key, 'taken');
      this.takers.set(key, pod);
    }
  }

  /** The pod whose PodVolumeBackup took the claim, when it is taken. */
  takenBy(namespace: string, claim: string): string | null {
    const key = `${namespace}/${claim}`;
    return this.states.get(key) === 'taken' ? (this.takers.get(key) ?? null) : null;
  }
}
