// The kubeconfig as Backup Lens applies it to a request: client-node's credentials (client certificates, token,
// exec, OIDC, Impersonate-User) plus what client-node leaves out of a kubeconfig user: kubectl's `tokenFile`,
// read again for every transport (client-go re-reads it about every minute; transports are made per scan and per
// watch reconnect), and impersonation beyond `as` (as-groups, as-uid, as-user-extra), sent as client-go sends it.
// Plain http:// servers (`kubectl proxy`) work too: client-node refuses them unless insecure-skip-tls-verify is set.
// After the API server answers 401 the next request loads the kubeconfig again, with fresh exec/OIDC caches: like
// client-go, which drops a cached exec credential on 401 (client-node keeps one without expirationTimestamp forever).
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { KubeconfigError } from './config-error';
import type { UserExtras } from './kubeconfig-files';

/** What a LensKubeConfig is loaded from: KubeConfig.loadFromOptions's options and the users' extras by name. */
export interface LoadedConfig {
  clusters: Cluster[];
  users: User[];
  contexts: Context[];
  currentContext: string;
  extras?: ReadonlyMap<string, UserExtras>;
}

/** What a loaded KubeConfig holds, as LoadedConfig (no extras: client-node does not read them). */
export const configOf = (kc: KubeConfig): LoadedConfig => ({ clusters: kc.getClusters(), users: kc.getUsers(), contexts: kc.getContexts(), currentContext: kc.getCurrentContext() });

type RequestOptions = Parameters<KubeConfig['applyToHTTPSOptions']>[0];

/** The token in a tokenFile, trimmed as client-go trims it; the user's `token` when the file cannot be read. */
function tokenFromFile(file: string, fallback: string | undefined): string {
  let problem: string;
  try {
    const token = readFileSync(file, 'utf8').trim();
    if (token) return token;
    problem = 'it is empty';
  } catch (error) {
    problem = (error as Error).message;
  }
  if (fallback) return fallback;
  throw new KubeconfigError(`The kubeconfig user's tokenFile ${file} could not be read: ${problem}.`, 'Check that the file exists and holds a bearer token, or fix the tokenFile path in the kubeconfig.');
}

// RFC 7230 token characters: what client-go leaves unescaped in an Impersonate-Extra- key (it escapes '%' too).
const HEADER_KEY_BYTE = /^[!#$&'*+\-.^_`|~0-9A-Za-z]$/;

/** client-go's headerKeyEscape: every byte of the key's UTF-8 that is not a token character, and '%', as %XX. */
export function headerKeyEscape(key: string): string {
  let out = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x7f && HEADER_KEY_BYTE.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Impersonate-Uid, one Impersonate-Group per group, one Impersonate-Extra-<key> per value (Impersonate-User comes from client-node). */
export function impersonationHeaders(extras: UserExtras): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  if (extras.uid) headers['Impersonate-Uid'] = extras.uid;
  if (extras.groups.length > 0) headers['Impersonate-Group'] = [...extras.groups];
  for (const [key, values] of Object.entries(extras.extra)) headers[`Impersonate-Extra-${headerKeyEscape(key)}`] = [...values];
  return headers;
}

/** client-node's createAgent throws for an http:// server unless it skips TLS verification, which means nothing without TLS. */
const plainHttpAllowed = (cluster: Cluster): Cluster => (cluster.server.startsWith('http:') ? { ...cluster, skipTLSVerify: true } : cluster);

export class LensKubeConfig extends KubeConfig {
  private extras: ReadonlyMap<string, UserExtras> = new Map();
  /** Applies client-node's credentials (and keeps its exec/OIDC caches), with plain http:// servers allowed. */
  private credentials = new KubeConfig();
  private readonly reload: () => LoadedConfig;
  private rejected = false;
  /** Moves on every load; a 401 counts against the generation whose credentials were sent (see credentialsRejected). */
  generation = 0;

  /** `reload` reads the configuration again after a 401 (default: the same `loaded`, with fresh credential caches). */
  constructor(loaded: LoadedConfig, reload?: () => LoadedConfig) {
    super();
    this.reload = reload ?? (() => loaded);
    this.use(loaded);
  }

  /** The same configuration as a plain KubeConfig (for a caller that did not load it through loadAccess). */
  static of(kc: KubeConfig): LensKubeConfig {
    return new LensKubeConfig(configOf(kc));
  }

  private use(loaded: LoadedConfig): void {
    this.loadFromOptions(loaded);
    this.extras = loaded.extras ?? new Map();
    this.credentials = new KubeConfig();
    this.credentials.loadFromOptions({ ...loaded, clusters: loaded.clusters.map(plainHttpAllowed) });
    this.generation++;
  }

  /**
   * The API server answered 401 to credentials of `generation`: the next request reads the configuration again,
   * keeping the current context (and, when it can no longer be read or lacks that context, what it had).
   * Answers to credentials of an older generation are ignored, so that watches refused together reload once.
   */
  credentialsRejected(generation: number): void {
    if (generation === this.generation) this.rejected = true;
  }

  private reloadIfRejected(): void {
    if (!this.rejected) return;
    this.rejected = false;
    const context = this.getCurrentContext();
    let loaded: LoadedConfig | null = null;
    try {
      loaded = this.reload();
    } catch {
      // Unreadable now (being rewritten?): keep the configuration, still with fresh credential caches.
    }
    if (!loaded?.contexts.some((c) => c.name === context)) {
      loaded = { ...configOf(this), extras: this.extras };
    }
    this.use({ ...loaded, currentContext: context });
  }

  /** The extras of the current user (tokenFile, impersonation), if any. */
  currentExtras(): UserExtras | undefined {
    const user = this.getCurrentUser();
    return user ? this.extras.get(user.name) : undefined;
  }

  override async applyToHTTPSOptions(opts: RequestOptions): Promise<void> {
    this.reloadIfRejected();
    this.credentials.setCurrentContext(this.getCurrentContext());
    await this.credentials.applyToHTTPSOptions(opts);
    const extras = this.currentExtras();
    if (!extras) return;
    const headers = (opts.headers ??= {}) as Record<string, string | string[]>;
    // kubectl's token and tokenFile beat an exec plugin's token; the file, when readable, beats the token.
    if (extras.tokenFile) headers.Authorization = `Bearer ${tokenFromFile(extras.tokenFile, this.getCurrentUser()?.token)}`;
    Object.assign(headers, impersonationHeaders(extras));
  }
}
