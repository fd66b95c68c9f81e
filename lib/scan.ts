// One scan at a time: concurrent requests share the one in flight; the result is kept with its time and
// reused until it is older than the TTL or a refresh is asked for. Verdict views are cached per option set.
import type { ClusterInfo } from './api/types';
import { buildPvcPodIndex, type PvcPodIndex } from './index/pvc-pod-index';
import type { ClusterSnapshot } from './model/kube';
import type { BackupOptions } from './rules/types';
import { buildClusterView, type ClusterView } from './view/cluster-view';

export interface SnapshotRead {
  snapshot: ClusterSnapshot;
  /** HTTP requests the read made. */
  requests: number;
}

/** Where snapshots come from: the user's cluster or the demo cluster, through the same client code. */
export interface SnapshotSource {
  cluster: ClusterInfo;
  read(signal?: AbortSignal): Promise<SnapshotRead>;
}

export interface Scan {
  cluster: ClusterInfo;
  snapshot: ClusterSnapshot;
  index: PvcPodIndex;
  scannedAt: Date;
  updatedAt: Date;
  requests: number;
  durationMs: number;
  /** Verdicts per option set, built on first use. */
  view(options: BackupOptions): ClusterView;
}

export function makeScan(cluster: ClusterInfo, read: SnapshotRead, scannedAt: Date, durationMs: number): Scan {
  const index = buildPvcPodIndex(read.snapshot);
  const views = new Map<string, ClusterView>();
  return {
    cluster,
    snapshot: read.snapshot,
    index,
    scannedAt,
    updatedAt: scannedAt,
    requests: read.requests,
    durationMs,
    view(options) {
      const key = `${options.defaultVolumesToFsBackup}/${options.backupExcludePVC}`;
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

  constructor(
    private readonly source: SnapshotSource,
    private readonly ttlMs = Number(process.env.BACKUP_LENS_SCAN_TTL_MS ?? 30_000),
  ) {}

  get cluster(): ClusterInfo {
    return this.source.cluster;
  }

  /** The current scan; a new one when there is none, it is older than the TTL, or refresh is set. */
  async get(refresh = false): Promise<Scan> {
    const fresh = this.current && Date.now() - this.current.updatedAt.getTime() < this.ttlMs;
    if (this.current && fresh && !refresh) return this.current;
    if (this.inFlight) return this.inFlight;
    const started = Date.now();
    this.inFlight = this.source
      .read()
      .then((read) => {
        this.current = makeScan(this.source.cluster, read, new Date(), Date.now() - started);
        return this.current;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }
}
