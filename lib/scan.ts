// One scan at a time: concurrent requests share the one in flight; the result is kept with its time and
// reused until it is older than the TTL or a refresh is asked for. Verdict views are cached per option set.
import type { ClusterInfo, ListProgress, ProgressResponse } from './api/types';
import { buildPvcPodIndex, type PvcPodIndex } from './index/pvc-pod-index';
import type { ClusterSnapshot } from './model/kube';
import { stableKey } from './velero/backup-options/engine-input';
import type { EffectiveOptions } from './velero/backup-options/types';
import { buildClusterView, type ClusterView } from './view/cluster-view';
import { backupClassAnnotations } from './view/protection-view';

export interface SnapshotRead {
  snapshot: ClusterSnapshot;
  /** HTTP requests the read made. */
  requests: number;
}

/** Keeps the last read current (watches); `version` moves on every applied change. */
export interface Follower {
  readonly version: number;
  readonly changedAt: Date | null;
  snapshot(): ClusterSnapshot;
  stop(): Promise<void>;
}

/** Where snapshots come from: the user's cluster or the demo cluster, through the same client code. */
export interface SnapshotSource {
  cluster: ClusterInfo;
  read(signal?: AbortSignal, onListProgress?: (resource: string, read: number, remaining: number | null) => void): Promise<SnapshotRead>;
  /** Follow the last read with watches; null when it cannot be followed. */
  follow?(): Follower | null;
}

export interface Scan {
  cluster: ClusterInfo;
  snapshot: ClusterSnapshot;
  index: PvcPodIndex;
  scannedAt: Date;
  /** Last time watch events changed the snapshot (scannedAt when none did). */
  updatedAt: Date;
  /** Watches keep the snapshot current. */
  live: boolean;
  requests: number;
  durationMs: number;
  /** Verdicts per effective option set (keyed by what changes verdicts), built on first use. */
  view(options: EffectiveOptions): ClusterView;
}

export function makeScan(cluster: ClusterInfo, read: SnapshotRead, scannedAt: Date, durationMs: number, updatedAt = scannedAt, live = false): Scan {
  const index = buildPvcPodIndex(read.snapshot);
  const views = new Map<string, ClusterView>();
  return {
    cluster,
    snapshot: read.snapshot,
    index,
    scannedAt,
    updatedAt,
    live,
    requests: read.requests,
    durationMs,
    view(options) {
      // The snapshot class annotations of the Schedule/Backup change protection, not verdicts (c.3 step 2).
      const key = `${stableKey(options)}|${JSON.stringify(backupClassAnnotations(read.snapshot, options))}`;
      let view = views.get(key);
      if (!view) {
        view = buildClusterView(read.snapshot, index, options);
        views.set(key, view);
      }
      return view;
    },
  };
}

export class Scanner {
  private current: Scan | null = null;
  private inFlight: Promise<Scan> | null = null;
  private follower: Follower | null = null;
  private followedVersion = 0;
  private lists = new Map<string, ListProgress>();
  private startedAt: Date | null = null;

  constructor(
    private readonly source: SnapshotSource,
    private readonly ttlMs = Number(process.env.BACKUP_LENS_SCAN_TTL_MS ?? 30_000),
  ) {}

  get cluster(): ClusterInfo {
    return this.source.cluster;
  }

  /** The current scan: kept current by watches, else re-read after the TTL; `refresh` always re-reads. */
  async get(refresh = false): Promise<Scan> {
    const current = this.current;
    if (current && !refresh && !this.inFlight) {
      if (this.follower) return this.followed(current, this.follower);
      if (Date.now() - current.scannedAt.getTime() < this.ttlMs) return current;
    }
    if (this.inFlight) return this.inFlight;
    const started = Date.now();
    this.startedAt = new Date(started);
    this.lists = new Map();
    const onListProgress = (resource: string, read: number, remaining: number | null) =>
      this.lists.set(resource, { resource, read, total: remaining === null ? null : read + remaining, done: remaining === 0 });
    this.inFlight = this.source
      .read(undefined, onListProgress)
      .then(async (read) => {
        await this.follower?.stop();
        this.follower = this.source.follow?.() ?? null;
        this.followedVersion = 0;
        this.current = makeScan(this.source.cluster, read, new Date(), Date.now() - started, undefined, this.follower !== null);
        return this.current;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** The scan with the watch events applied since it was made (rebuilt only when something changed). */
  private followed(current: Scan, follower: Follower): Scan {
    if (follower.version === this.followedVersion) return current;
    this.followedVersion = follower.version;
    const read = { snapshot: follower.snapshot(), requests: current.requests };
    this.current = makeScan(this.source.cluster, read, current.scannedAt, current.durationMs, follower.changedAt ?? current.scannedAt, true);
    return this.current;
  }

  /** The scan held now, without reading or following (null before the first read finishes). */
  peek(): Scan | null {
    return this.current;
  }

  progress(): ProgressResponse {
    return {
      state: this.inFlight ? 'reading' : this.current ? 'ready' : 'idle',
      startedAt: this.startedAt?.toISOString() ?? null,
      lists: [...this.lists.values()],
    };
  }

  async stop(): Promise<void> {
    await this.follower?.stop();
    this.follower = null;
  }
}
