// The cluster as a SnapshotSource for lib/scan.ts: the user's kubeconfig (or the demo cluster's) through the
// same client code.
import type { ClusterInfo } from '../api/types';
import type { SnapshotSource } from '../scan';
import { describeClusterError, type ClusterError } from './errors';
import type { ClusterAccess, Env } from './kubeconfig';
import { LiveSnapshot } from './live-snapshot';
import { readSnapshot, type SnapshotWithMeta } from './snapshot';
import { createTransport, type Transport } from './transport';

export interface ClusterSource extends SnapshotSource {
  describeError(error: unknown): ClusterError;
}

/** `namespacesHint` replaces BACKUP_LENS_NAMESPACES (a token-mode user names their own namespaces). */
export function clusterSource(access: ClusterAccess, cluster: ClusterInfo, env: Env = process.env, namespacesHint?: string[]): ClusterSource {
  let transport: Promise<Transport> | null = null;
  let last: SnapshotWithMeta | null = null;
  const hint = namespacesHint?.length ? namespacesHint : (env.BACKUP_LENS_NAMESPACES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return {
    cluster,
    async read(signal, onListProgress) {
      // A new transport per scan picks up refreshed exec/OIDC tokens; connections are reused within a scan.
      transport = createTransport(access.kc);
      // The last read is replaced by this one: do not hold it while this one loads.
      last = null;
      const snapshot = await readSnapshot(await transport, {
        signal,
        veleroNamespace: env.BACKUP_LENS_VELERO_NAMESPACE || 'velero',
        contextNamespace: access.namespace,
        namespacesHint: hint,
        ...(onListProgress ? { onListProgress } : {}),
      });
      last = snapshot;
      return { snapshot, requests: snapshot.requests };
    },
    follow(onChange) {
      if (!last || env.BACKUP_LENS_WATCH === '0') return null;
      const live = new LiveSnapshot(last);
      // Watches outlive one scan: reconnects make a new transport, which also refreshes exec/OIDC tokens.
      return live.follow(() => createTransport(access.kc), onChange) > 0 ? live : null;
    },
    describeError: (error) => describeClusterError(error, { server: access.server, context: access.context, user: access.user }),
  };
}
