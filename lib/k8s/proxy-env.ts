// HTTPS_PROXY, HTTP_PROXY and NO_PROXY as kubectl reads them (Go's net/http ProxyFromEnvironment, which client-go
// uses when a cluster has no proxy-url): the proxy becomes the cluster's proxy-url, which client-node already
// follows (an HTTP(S) CONNECT proxy or socks5://). localhost and loopback addresses are never proxied.
import net from 'node:net';
import type { Cluster } from '@kubernetes/client-node';
import type { Env } from './kubeconfig';

const first = (env: Env, ...names: string[]) => names.map((n) => env[n]).find((v) => v !== undefined && v.trim() !== '')?.trim();
const unbracket = (host: string) => host.replace(/^\[|\]$/g, '');

const family = (ip: string) => (net.isIP(ip) === 6 ? 'ipv6' : 'ipv4');

/** Is `ip` the address `entry`, or in the subnet `entry`/`prefix`? (false across IPv4 and IPv6) */
function ipMatches(ip: string, entry: string, prefix?: number): boolean {
  if (net.isIP(ip) !== net.isIP(entry)) return false;
  const list = new net.BlockList();
  if (prefix === undefined) list.addAddress(entry, family(entry));
  else list.addSubnet(entry, prefix, family(entry));
  return list.check(ip, family(ip));
}

/**
 * Go's httpproxy: does NO_PROXY exempt host:port? Entries (comma-separated): `*`; an IP or a CIDR; a domain,
 * which matches itself and its subdomains; `.domain` or `*.domain`, its subdomains only; each but a CIDR with an
 * optional `:port`. Domain entries never match an IP address.
 */
export function exemptByNoProxy(noProxy: string, host: string, port: string): boolean {
  const ip = net.isIP(host) ? host : null;
  for (const raw of noProxy.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
    if (cidr) {
      if (ip && net.isIP(cidr[1] as string) && ipMatches(ip, cidr[1] as string, Number(cidr[2]))) return true;
      continue;
    }
    // host:port or [v6]:port; a bare IPv6 address has colons but no port.
    const withPort = net.isIP(entry) ? null : /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
    const entryHost = unbracket(withPort ? (withPort[1] as string) : entry);
    if (withPort && withPort[2] !== port) continue;
    if (net.isIP(entryHost)) {
      if (ip && ipMatches(ip, entryHost)) return true;
      continue;
    }
    if (ip || !entryHost) continue;
    const domain = entryHost.replace(/^\*\./, '.');
    if (domain.startsWith('.') ? host.endsWith(domain) : host === domain || host.endsWith(`.${domain}`)) return true;
  }
  return false;
}

/** The proxy kubectl would use for this server, from the environment; undefined: none. */
export function proxyFromEnvironment(server: string, env: Env): string | undefined {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return undefined;
  }
  const proxy = url.protocol === 'https:' ? first(env, 'HTTPS_PROXY', 'https_proxy') : url.protocol === 'http:' ? first(env, 'HTTP_PROXY', 'http_proxy') : undefined;
  if (!proxy) return undefined;
  const host = unbracket(url.hostname).toLowerCase();
  if (host === 'localhost' || (net.isIP(host) === 4 && host.startsWith('127.')) || host === '::1') return undefined;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (exemptByNoProxy(first(env, 'NO_PROXY', 'no_proxy') ?? '', host, port)) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

/** The clusters with the environment's proxy where the kubeconfig names none. */
export function withEnvironmentProxy<T extends { clusters: Cluster[] }>(loaded: T, env: Env): T {
  const clusters = loaded.clusters.map((cluster) => {
    if (cluster.proxyUrl) return cluster;
    const proxyUrl = proxyFromEnvironment(cluster.server, env);
    return proxyUrl ? { ...cluster, proxyUrl } : cluster;
  });
  return { ...loaded, clusters };
}
