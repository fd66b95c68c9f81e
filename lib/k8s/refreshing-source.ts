// The server's own cluster source (its kubeconfig's credentials): when a read is refused with 401, load the access
// again (the kubeconfig read anew: a new KubeConfig, so exec and OIDC credentials are fetched afresh, a rotated
// token or client certificate picked up) and read once more. client-node caches an exec credential without
// expirationTimestamp for the life of its KubeConfig; client-go drops it on a 401. A second 401 is the error.
import type { ClusterInfo } from '../api/types';
import { ApiStatusError } from './errors';
import type { ClusterAccess, Env } from './kubeconfig';
import { clusterSource, type ClusterSource } from './source';

export interface LoadedCluster {
  access: ClusterAccess;
  cluster: ClusterInfo;
}

const unauthorized = (error: unknown) => error instanceof ApiStatusError && error.status === 401;

/** `reload` loads the access again (null: it cannot be loaded now, and the 401 stands). */
export function refreshingSource(initial: LoadedCluster, reload: () => LoadedCluster | null, env: Env = process.env): ClusterSource {
  let current = clusterSource(initial.access, initial.cluster, env);
  return {
    get cluster() {
      return current.cluster;
    },
    async read(signal, onListProgress) {
      try {
        return await current.read(signal, onListProgress);
      } catch (error) {
        if (!unauthorized(error) || signal?.aborted) throw error;
        const fresh = reload();
        if (!fresh) throw error;
        current = clusterSource(fresh.access, fresh.cluster, env);
        return current.read(signal, onListProgress);
      }
    },
    follow: (onChange) => current.follow?.(onChange) ?? null,
    describeError: (error) => current.describeError(error),
  };
}
