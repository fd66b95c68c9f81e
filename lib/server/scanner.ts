// Scanners: one process-wide for the server's own credentials (no auth, proxy mode), and one per token-mode
// user, read with that user's token so Kubernetes RBAC decides what each sees. User scanners are never shared
// across tokens, kept in a bounded LRU and dropped (watches stopped) when idle or when their session is gone.
import type { ApiError, ClusterInfo, ProgressResponse } from '../api/types';
import type { Identity } from '../auth/identity';
import { loadAccess, withToken, type ClusterAccess } from '../k8s/kubeconfig';
import { refreshingSource } from '../k8s/refreshing-source';
import { clusterSource, type ClusterSource } from '../k8s/source';
import { Scanner, type Scan } from '../scan';
import { authState } from './auth-state';

export interface ScannerHandle {
  get(refresh?: boolean): Promise<Scan>;
  describeError(error: unknown): ApiError['error'];
  /** The scan held now, if any, without reading the cluster. */
  peek(): Scan | null;
  progress(): ProgressResponse;
}

interface UserEntry {
  handle: ScannerHandle;
  stop(): Promise<void>;
  lastUsed: number;
}

type Base = { access: ClusterAccess; cluster: ClusterInfo } | { error: ApiError['error'] };
interface Holder {
  base?: Base;
  server?: ScannerHandle;
  users: Map<string, UserEntry>;
}
const global = globalThis as typeof globalThis & { __backupLensScanners?: Holder };

// Each user's scan holds its own snapshot (about 10 MiB per 1,000 pods, from the benchmark).
export const MAX_USER_SCANNERS = Number(process.env.BACKUP_LENS_MAX_USER_SCANS ?? 4);
const DEFAULT_IDLE_MS = 30 * 60_000;

function baseCluster(): Base {
  const access = loadAccess();
  if (access.kind !== 'access') return { error: { kind: access.kind, message: access.message, hint: access.hint, status: null } };
  const demo = process.env.BACKUP_LENS_DEMO_ACTIVE === '1';
  const context = access.source === 'in-cluster' ? `in-cluster, service account ${access.serviceAccount ?? 'unknown'}` : access.context;
  const cluster: ClusterInfo = {
    context,
    server: access.server,
    demo,
    ...(demo && process.env.BACKUP_LENS_DEMO_REASON ? { demoReason: process.env.BACKUP_LENS_DEMO_REASON } : {}),
  };
  return { access, cluster };
}

function handleFor(source: ClusterSource): { handle: ScannerHandle; stop: () => Promise<void> } {
  const scanner = new Scanner(source);
  return {
    handle: { get: (refresh) => scanner.get(refresh), describeError: (error) => source.describeError(error), peek: () => scanner.peek(), progress: () => scanner.progress() },
    stop: () => scanner.stop(),
  };
}

function userScanner(holder: Holder, access: ClusterAccess, cluster: ClusterInfo, identity: Extract<Identity, { kind: 'session' }>): ScannerHandle {
  const { session } = identity;
  const key = `${session.tokenHash}|${session.namespaces.join(',')}`;
  const now = Date.now();
  const held = authState();
  const idleMs = 'state' in held && held.state.settings.auth.mode === 'token' ? held.state.settings.auth.idleMs : DEFAULT_IDLE_MS;
  const sessions = 'state' in held ? held.state.sessions : null;
  for (const [k, entry] of holder.users) {
    const hash = k.slice(0, k.indexOf('|'));
    if (k !== key && (now - entry.lastUsed > idleMs || (sessions && !sessions.tokenInUse(hash)))) {
      holder.users.delete(k);
      void entry.stop();
    }
  }
  let entry = holder.users.get(key);
  if (entry) holder.users.delete(key);
  else {
    const userAccess = withToken(access, session.token, session.user);
    // In a pod the service account is not what reads for this user: say whose token does.
    const context = `${access.source === 'in-cluster' ? 'in-cluster' : cluster.context} as ${session.user}`;
    const source = clusterSource(userAccess, { ...cluster, context }, process.env, session.namespaces);
    entry = { ...handleFor(source), lastUsed: now };
    while (holder.users.size >= MAX_USER_SCANNERS) {
      const [oldestKey, oldest] = holder.users.entries().next().value as [string, UserEntry];
      holder.users.delete(oldestKey);
      void oldest.stop();
    }
  }
  entry.lastUsed = now;
  holder.users.set(key, entry); // re-inserted: Map order is the LRU order
  return entry.handle;
}

/** The scanner for this identity: a user's own in token mode, the server's otherwise. */
export async function getScanner(identity: Identity): Promise<{ scanner: ScannerHandle } | { error: ApiError['error'] }> {
  const holder: Holder = (global.__backupLensScanners ??= { users: new Map<string, UserEntry>() });
  holder.base ??= baseCluster();
  const base = holder.base;
  if ('error' in base) return base;
  if (identity.kind === 'session') return { scanner: userScanner(holder, base.access, base.cluster, identity) };
  // On a 401 the server's kubeconfig is loaded again (fresh exec credentials) and the read tried once more.
  holder.server ??= handleFor(refreshingSource(base, () => {
    const fresh = baseCluster();
    if ('error' in fresh) return null;
    holder.base = fresh;
    return fresh;
  })).handle;
  return { scanner: holder.server };
}

/** How many user scanners are held (for tests). */
export const userScannerCount = () => global.__backupLensScanners?.users.size ?? 0;

/** The server's cluster (endpoint, CA) as configured, for checking a pasted token against it. */
export function baseAccess(): { access: ClusterAccess } | { error: ApiError['error'] } {
  const holder: Holder = (global.__backupLensScanners ??= { users: new Map<string, UserEntry>() });
  holder.base ??= baseCluster();
  return 'error' in holder.base ? holder.base : { access: holder.base.access };
}
