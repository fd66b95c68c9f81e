// One scan at a time: concurrent requests share the one in flight; the result is kept with its time and
// reused until it is older than the TTL or a refresh is asked for. Verdict views are cached per option set.
import type { ClusterInfo, ListProgress, ProgressResponse } from './api/types';
import { buildPvcPodIndex, type PvcPodIndex } from './index/pvc-pod-index';
import type { ClusterSnapshot } from './model/kube';
import { stableKey } from './velero/backup-options/engine-input';
import type { EffectiveOptions } from './velero/backup-options/types';
import { buildClusterView, namespaceSummaries, type ClusterView, type ViewUpdate } from './view/cluster-view';
import { backupClassAnnotations } from './view/protection-view';

export interface SnapshotRead {
  snapshot: ClusterSnapshot;
  /** HTTP requests the read made. */
  requests: number;
}

/** What watch events changed: the namespaces of changed pods and claims, or `all` (PVs, namespaces, Velero's objects, a re-list). */
export interface SnapshotChanges {
  all: boolean;
  namespaces: Set<string>;
}

/** Keeps the last read current (watches); `version` moves on every applied change. */
export interface Follower {
  readonly version: number;
  readonly changedAt: Date | null;
  snapshot(): ClusterSnapshot;
  /** The changes since the last call (absent: every change counts as `all`). */
  takeChanges?(): SnapshotChanges;
  stop(): Promise<void>;
}

/** Where snapshots come from: the user's cluster or the demo cluster, through the same client code. */
export interface SnapshotSource {
  cluster: ClusterInfo;
  read(signal?: AbortSignal, onListProgress?: (resource: string, read: number, remaining: number | null) => void): Promise<SnapshotRead>;
  /** Follow the last read with watches (`onChange` after each applied batch); null when it cannot be followed. */
  follow?(onChange?: () => void): Follower | null;
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
  /** Changes whenever the snapshot does (a new read, or watch events applied): answers are equal for equal versions. */
  version: string;
  /** Verdicts per effective option set (keyed by what changes verdicts), built on first use. */
  view(options: EffectiveOptions): ClusterView;
}

/** What a scan hands on to the one made from it by watch events: its views, and views it had not rebuilt yet. */
interface Carried {
  views: Map<string, ClusterView>;
  pending: Map<string, ViewUpdate>;
}
const carried = new WeakMap<Scan, Carried>();
/** Every scan made in this process gets its own number: a version is never reused, even within one millisecond. */
let scansMade = 0;

/** The scan before `read` and what changed between them, so that only the changed namespaces are decided again. */
export interface ScanUpdate {
  scan: Scan;
  changes: SnapshotChanges;
}

export function makeScan(cluster: ClusterInfo, read: SnapshotRead, scannedAt: Date, durationMs: number, updatedAt = scannedAt, live = false, previous?: ScanUpdate, version = 0): Scan {
  const incremental = previous && !previous.changes.all ? previous : undefined;
  const index = incremental ? buildPvcPodIndex(read.snapshot, { index: incremental.scan.index, namespaces: incremental.changes.namespaces }) : buildPvcPodIndex(read.snapshot);
  const views = new Map<string, ClusterView>();
  const pending = new Map<string, ViewUpdate>();
  const before = incremental ? carried.get(incremental.scan) : undefined;
  if (incremental && before) {
    const changed = incremental.changes.namespaces;
    for (const [key, view] of before.views) pending.set(key, { view, namespaces: changed });
    for (const [key, update] of before.pending) if (!pending.has(key)) pending.set(key, { view: update.view, namespaces: new Set([...update.namespaces, ...changed]) });
  }
  const scan: Scan = {
    cluster,
    snapshot: read.snapshot,
    index,
    scannedAt,
    updatedAt,
    live,
    requests: read.requests,
    durationMs,
    version: `${scannedAt.getTime().toString(36)}.${(++scansMade).toString(36)}.${version}`,
    view(options) {
      // The snapshot class annotations of the Schedule/Backup change protection, not verdicts (c.3 step 2).
      const key = `${stableKey(options)}|${JSON.stringify(backupClassAnnotations(read.snapshot, options))}`;
      let view = views.get(key);
      if (!view) {
        view = buildClusterView(read.snapshot, index, options, pending.get(key));
        views.set(key, view);
        pending.delete(key);
      }
      return view;
    },
  };
  carried.set(scan, { views, pending });
  return scan;
}

/** Builds now the views the scan before this one had built (and their overview rows), so requests find them made. */
export function warmViews(scan: Scan): void {
  const held = carried.get(scan);
  if (!held) return;
  for (const update of [...held.pending.values()]) namespaceSummaries(scan.view(update.view.effective), scan.index, scan.snapshot);
}

/** How far behind watch events answers may be while the changes are applied (lib/scan.ts Scanner.scheduleWarm). */
const WARM_MS = Number(process.env.BACKUP_LENS_WARM_MS ?? 100);

export class Scanner {
  private current: Scan | null = null;
  private inFlight: Promise<Scan> | null = null;
  private follower: Follower | null = null;
  private followedVersion = 0;
  private warmTimer: ReturnType<typeof setTimeout> | null = null;
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
    // A new read replaces the scan held: let it go now (with its views and watches) rather than hold two full
    // snapshots while the lists load. Requests meanwhile wait for the read, or see its progress (peek() is null).
    const follower = this.follower;
    this.follower = null;
    this.current = null;
    const stopped = follower?.stop() ?? Promise.resolve();
    const started = Date.now();
    this.startedAt = new Date(started);
    this.lists = new Map();
    const onListProgress = (resource: string, read: number, remaining: number | null) =>
      this.lists.set(resource, { resource, read, total: remaining === null ? null : read + remaining, done: remaining === 0 });
    this.inFlight = this.source
      .read(undefined, onListProgress)
      .then(async (read) => {
        await stopped;
        this.follower = this.source.follow?.(() => this.scheduleWarm()) ?? null;
        this.followedVersion = 0;
        this.current = makeScan(this.source.cluster, read, new Date(), Date.now() - started, undefined, this.follower !== null);
        return this.current;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /**
   * Watch events are applied off the request path: at most every WARM_MS the scan is remade from the changes
   * and its views decided again where they changed, so a request finds them ready. Until then requests get
   * the scan as it was (at most WARM_MS behind the events).
   */
  private scheduleWarm(): void {
    if (this.warmTimer) return;
    this.warmTimer = setTimeout(() => {
      this.warmTimer = null;
      const current = this.current;
      const follower = this.follower;
      if (!current || !follower || this.inFlight || follower.version === this.followedVersion) return;
      warmViews(this.followed(current, follower, true));
    }, WARM_MS);
    this.warmTimer.unref?.();
  }

  /** The scan with the watch events applied since it was made (rebuilt only when something changed). */
  private followed(current: Scan, follower: Follower, now = false): Scan {
    if (follower.version === this.followedVersion) return current;
    if (this.warmTimer && !now) return current;
    this.followedVersion = follower.version;
    const read = { snapshot: follower.snapshot(), requests: current.requests };
    const changes = follower.takeChanges?.() ?? { all: true, namespaces: new Set<string>() };
    this.current = makeScan(this.source.cluster, read, current.scannedAt, current.durationMs, follower.changedAt ?? current.scannedAt, true, { scan: current, changes }, follower.version);
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
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = null;
    await this.follower?.stop();
    this.follower = null;
  }
}
