// Kubeconfig files merged the way kubectl merges them (client-go's ClientConfigLoadingRules): the list
// de-duplicated, missing files skipped, the first definition of each named cluster, user and context kept (later
// ones ignored), current-context from the first file that sets one, and relative file paths resolved against the
// file that names them. client-node's own merge (loadFromDefault) re-reads process.env.KUBECONFIG, lets the last
// file's current-context win, throws on a name two files define and on a missing file.
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** What a kubeconfig user says that client-node does not read (it knows `token-file`, not kubectl's `tokenFile`; of impersonation only `as`). */
export interface UserExtras {
  /** kubectl's `tokenFile`, absolute. */
  tokenFile?: string;
  /** `as-groups`. */
  groups: string[];
  /** `as-uid`. */
  uid?: string;
  /** `as-user-extra`. */
  extra: Record<string, string[]>;
}

/** Options for KubeConfig.loadFromOptions, and the users' extras by user name. */
export interface LoadedKubeconfig {
  clusters: Cluster[];
  users: User[];
  contexts: Context[];
  currentContext: string;
  extras: Map<string, UserExtras>;
}

/** The list as kubectl reads it: empty entries dropped, each path once, in order. */
export function uniquePaths(paths: string[]): string[] {
  return [...new Set(paths.filter(Boolean))];
}

type Raw = Record<string, unknown>;
const isRaw = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** client-go resolves a relative path against the directory of the file that names it; absolute and empty ones stay. */
const resolveIn = (dir: string, file: string) => (path.isAbsolute(file) ? file : path.join(dir, file));

function extrasOf(user: unknown, dir: string): UserExtras | null {
  if (!isRaw(user)) return null;
  const groups = Array.isArray(user['as-groups']) ? user['as-groups'].filter(nonEmpty) : [];
  const extra: Record<string, string[]> = {};
  if (isRaw(user['as-user-extra'])) {
    for (const [key, values] of Object.entries(user['as-user-extra'])) {
      const list = (Array.isArray(values) ? values : [values]).filter((v): v is string => typeof v === 'string');
      if (list.length > 0) extra[key] = list;
    }
  }
  const extras: UserExtras = {
    groups,
    extra,
    ...(nonEmpty(user.tokenFile) ? { tokenFile: resolveIn(dir, user.tokenFile) } : {}),
    ...(nonEmpty(user['as-uid']) ? { uid: user['as-uid'] } : {}),
  };
  return extras.tokenFile || extras.uid || groups.length > 0 || Object.keys(extra).length > 0 ? extras : null;
}

/** One file: client-node's reading of its entries (the same fields and checks as loadFromFile), paths made absolute. */
function readFile(file: string): { kc: KubeConfig; raw: Raw } {
  const text = readFileSync(file, 'utf8');
  const parsed: unknown = parse(text);
  if (parsed === null || parsed === undefined) return { kc: new KubeConfig(), raw: {} };
  if (!isRaw(parsed)) throw new Error(`${file} is not a kubeconfig (a YAML mapping)`);
  const kc = new KubeConfig();
  try {
    kc.loadFromString(text);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const dir = path.dirname(path.resolve(file));
  for (const cluster of kc.getClusters()) if (nonEmpty(cluster.caFile)) cluster.caFile = resolveIn(dir, cluster.caFile);
  for (const user of kc.getUsers()) {
    if (nonEmpty(user.certFile)) user.certFile = resolveIn(dir, user.certFile);
    if (nonEmpty(user.keyFile)) user.keyFile = resolveIn(dir, user.keyFile);
    // An exec command with a path separator is a file next to the kubeconfig; a bare name is looked up on PATH.
    const exec = user.exec as { command?: unknown } | null | undefined;
    if (exec && nonEmpty(exec.command) && exec.command.includes(path.sep)) exec.command = resolveIn(dir, exec.command);
  }
  return { kc, raw: parsed };
}

/** Reads and merges the files that exist among `files` (none existing: an empty config). */
export function loadKubeconfigFiles(files: string[]): LoadedKubeconfig {
  const loaded: LoadedKubeconfig = { clusters: [], users: [], contexts: [], currentContext: '', extras: new Map() };
  const clusters = new Set<string>();
  const users = new Set<string>();
  const contexts = new Set<string>();
  for (const file of uniquePaths(files)) {
    if (!existsSync(file)) continue;
    const { kc, raw } = readFile(file);
    const dir = path.dirname(path.resolve(file));
    for (const cluster of kc.getClusters()) {
      if (clusters.has(cluster.name)) continue;
      clusters.add(cluster.name);
      loaded.clusters.push(cluster);
    }
    const rawUsers = Array.isArray(raw.users) ? raw.users.filter(isRaw) : [];
    for (const user of kc.getUsers()) {
      if (users.has(user.name)) continue;
      users.add(user.name);
      loaded.users.push(user);
      const extras = extrasOf(rawUsers.find((u) => u.name === user.name)?.user, dir);
      if (extras) loaded.extras.set(user.name, extras);
    }
    for (const context of kc.getContexts()) {
      if (contexts.has(context.name)) continue;
      contexts.add(context.name);
      loaded.contexts.push(context);
    }
    if (!loaded.currentContext && nonEmpty(raw['current-context'])) loaded.currentContext = raw['current-context'];
  }
  return loaded;
}
