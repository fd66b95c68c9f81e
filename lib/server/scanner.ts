// The process-wide scanner: built once from the kubeconfig, kept on globalThis so every route module shares it.
import type { ApiError, ProgressResponse } from '../api/types';
import { loadAccess } from '../k8s/kubeconfig';
import { clusterSource, type ClusterSource } from '../k8s/source';
import { Scanner, type Scan } from '../scan';

export interface ScannerHandle {
  get(refresh?: boolean): Promise<Scan>;
  describeError(error: unknown): ApiError['error'];
  /** The scan held now, if any, without reading the cluster. */
  peek(): Scan | null;
  progress(): ProgressResponse;
}

type Held = { handle: ScannerHandle } | { error: ApiError['error'] };
const holder = globalThis as typeof globalThis & { __backupLensScanner?: Held };

function create(): Held {
  const access = loadAccess();
  if (access.kind !== 'access') return { error: { kind: access.kind, message: access.message, hint: access.hint, status: null } };
  const demo = process.env.BACKUP_LENS_DEMO_ACTIVE === '1';
  const source: ClusterSource = clusterSource(access, {
    context: access.context,
    server: access.server,
    demo,
    ...(demo && process.env.BACKUP_LENS_DEMO_REASON ? { demoReason: process.env.BACKUP_LENS_DEMO_REASON } : {}),
  });
  const scanner = new Scanner(source);
  return { handle: { get: (refresh) => scanner.get(refresh), describeError: (error) => source.describeError(error), peek: () => scanner.peek(), progress: () => scanner.progress() } };
}

export async function getScanner(): Promise<{ scanner: ScannerHandle } | { error: ApiError['error'] }> {
  holder.__backupLensScanner ??= create();
  const held = holder.__backupLensScanner;
  return 'handle' in held ? { scanner: held.handle } : held;
}
