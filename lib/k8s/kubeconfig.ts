// Load the user's kubeconfig the way kubectl does (KUBECONFIG, ~/.kube/config, in-cluster service account;
// HTTPS_PROXY/NO_PROXY) and say plainly when there is none: client-node's loadFromDefault() would quietly point
// at http://localhost:8080.
import { KubeConfig } from '@kubernetes/client-node';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadKubeconfigFiles, uniquePaths } from './kubeconfig-files';
import { configOf, LensKubeConfig, type LoadedConfig } from './lens-kubeconfig';
import { withEnvironmentProxy } from './proxy-env';

/** Environment variables as read here (Next's ProcessEnv type insists on NODE_ENV). */
export type Env = Record<string, string | undefined>;

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export interface ClusterAccess {
  kind: 'access';
  kc: KubeConfig;
  context: string;
  server: string;
  user: string;
  /** The context's default namespace, when it names one. */
  namespace: string | null;
  source: 'kubeconfig' | 'in-cluster';
  /** The kubeconfig file(s) read; null in-cluster. */
  paths: string[] | null;
  /** In-cluster: the pod's service account ("backup-lens"), read from its token; null elsewhere or unknown. */
  serviceAccount?: string | null;
}

export interface AccessProblem {
  kind: 'noKubeconfig' | 'config';
  message: string;
  hint: string;
}

export interface LoadOptions {
  env?: Env;
  home?: string;
  /** A context other than the current one (default: env BACKUP_LENS_CONTEXT). */
  context?: string;
  serviceAccountDir?: string;
}

function kubeconfigPaths(env: Env, home: string): { paths: string[]; fromEnv: boolean } {
  const fromEnv = env.KUBECONFIG;
  if (fromEnv) return { paths: uniquePaths(fromEnv.split(path.delimiter)), fromEnv: true };
  return { paths: [path.join(home, '.kube', 'config')], fromEnv: false };
}

function problem(kind: AccessProblem['kind'], message: string, hint: string): AccessProblem {
  return { kind, message, hint };
}

/** The service account a projected token belongs to (its `sub` is system:serviceaccount:NS:NAME). */
function serviceAccountName(saDir: string): string | null {
  try {
    const payload = readFileSync(path.join(saDir, 'token'), 'utf8').split('.')[1] ?? '';
    const sub = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub;
    return typeof sub === 'string' && sub.startsWith('system:serviceaccount:') ? (sub.split(':')[3] ?? null) : null;
  } catch {
    return null;
  }
}

/** The pod's service account, as client-node reads it (its token file is read again every minute). */
function inClusterConfig(): LoadedConfig {
  const kc = new KubeConfig();
  kc.loadFromCluster();
  return configOf(kc);
}

/** The same cluster (server, CA, proxy) read with someone else's bearer token instead of the kubeconfig's user. */
export function withToken(access: ClusterAccess, token: string, user: string): ClusterAccess {
  const cluster = access.kc.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig has no current cluster');
  const kc = new LensKubeConfig({
    clusters: [cluster],
    users: [{ name: 'session', token }],
    contexts: [{ name: access.context, cluster: cluster.name, user: 'session' }],
    currentContext: access.context,
  });
  return { ...access, kc, user, namespace: null, serviceAccount: null };
}

export function loadAccess(options: LoadOptions = {}): ClusterAccess | AccessProblem {
  const env = options.env ?? process.env;
  const home = options.home ?? os.homedir();
  const saDir = options.serviceAccountDir ?? SERVICE_ACCOUNT_DIR;
  const { paths, fromEnv } = kubeconfigPaths(env, home);
  const existing = paths.filter((p) => existsSync(p));
  let kc: KubeConfig;
  let source: ClusterAccess['source'] = 'kubeconfig';

  try {
    if (existing.length > 0) {
      // Several files merge as kubectl merges them (lib/k8s/kubeconfig-files.ts), not as client-node does.
      const load = () => withEnvironmentProxy(loadKubeconfigFiles(paths), env);
      kc = new LensKubeConfig(load(), load);
    } else if (env.KUBERNETES_SERVICE_HOST && existsSync(path.join(saDir, 'token'))) {
      const load = () => withEnvironmentProxy(inClusterConfig(), env);
      kc = new LensKubeConfig(load(), load);
      source = 'in-cluster';
    } else {
      const where = fromEnv ? `KUBECONFIG points at ${paths.join(', ')}, which does not exist` : `there is no ${paths[0]}`;
      return problem('noKubeconfig', `No kubeconfig found: ${where}, and this is not running inside a pod.`,
        'Set KUBECONFIG to your kubeconfig file, or run `npm start` without one to explore the demo cluster.');
    }
  } catch (error) {
    return problem('config', `The kubeconfig could not be read: ${(error as Error).message}`, `Check ${existing.join(', ') || 'the service account'} with \`kubectl config view\`.`);
  }

  const wanted = options.context ?? env.BACKUP_LENS_CONTEXT;
  if (wanted) {
    if (!kc.getContextObject(wanted)) {
      return problem('config', `The kubeconfig has no context named ${wanted}.`, `Pick one of: ${kc.getContexts().map((c) => c.name).join(', ') || 'none'}.`);
    }
    kc.setCurrentContext(wanted);
  }
  const context = kc.getCurrentContext();
  const cluster = kc.getCurrentCluster();
  if (!context || !cluster) {
    return problem('config', 'The kubeconfig has no current context with a cluster.', 'Run `kubectl config use-context NAME`, or set BACKUP_LENS_CONTEXT.');
  }
  return {
    kind: 'access',
    serviceAccount: source === 'in-cluster' ? serviceAccountName(saDir) : null,
    kc,
    context,
    server: cluster.server,
    user: kc.getCurrentUser()?.name ?? '',
    namespace: kc.getContextObject(context)?.namespace ?? null,
    source,
    paths: source === 'kubeconfig' ? existing : null,
  };
}
