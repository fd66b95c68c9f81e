// includedNamespaces / excludedNamespaces as Velero v1.18.1 validates and resolves them (velero-objects.md a.3):
// pkg/util/collections/includes_excludes.go, pkg/util/wildcard/expand.go, pkg/backup/backup.go.
import type { Namespace } from '../../model/kube';
import { goQuote } from '../../util/go-quote';
import { byteOrder, globSetMatch, parseGlob } from './glob';

export const EXCLUDE_FROM_BACKUP_LABEL = 'velero.io/exclude-from-backup';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const sortedSet = (items: readonly string[]) => [...new Set(items)].sort(byteOrder);
const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** collections.ValidateIncludesExcludes. */
export function validateIncludesExcludes(includes: readonly string[], excludes: readonly string[]): string[] {
  const inc = new Set(includes);
  const errors: string[] = [];
  if (inc.size > 1 && inc.has('*')) errors.push("includes list must either contain '*' only, or a non-empty list of items");
  if (excludes.includes('*')) errors.push("excludes list cannot contain '*'");
  for (const item of sortedSet(excludes)) if (inc.has(item)) errors.push(`excludes list cannot contain an item in the includes list: ${item}`);
  return errors;
}

/** wildcard.ValidateNamespaceName. */
function wildcardError(pattern: string): string | null {
  if (/[|()!{},]/.test(pattern)) return 'wildcard pattern contains unsupported characters: |, (, ), !, {, }, ,';
  if (pattern.includes('**')) return 'wildcard pattern contains consecutive asterisks (only single * allowed)';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) return "wildcard pattern contains unclosed bracket '['";
      if (close === i + 1) return "wildcard pattern contains empty bracket pattern '[]'";
      i = close;
    } else if (pattern[i] === ']') return "wildcard pattern contains unmatched closing bracket ']'";
  }
  return null;
}

function namespaceNameErrors(ns: string): string[] {
  if (ns === '') return [];
  const wildcard = wildcardError(ns);
  if (wildcard) return [wildcard];
  const name = ns.replace(/[*?[\]]/g, 'x');
  const errors: string[] = [];
  // apimachinery v0.33 validation.IsDNS1123Label (through api/validation.ValidateNamespaceName): the length is in bytes,
  // and a valid subdomain that is not a label can only have dots.
  if (utf8Length(name) > 63) errors.push(`invalid namespace ${goQuote(ns)}: must be no more than 63 characters`);
  if (!DNS1123_LABEL.test(name)) errors.push(`invalid namespace ${goQuote(ns)}: ${DNS1123_SUBDOMAIN.test(name) ? 'must not contain dots' : DNS1123_MESSAGE}`);
  return errors;
}

/** collections.ValidateNamespaceIncludesExcludes, each message prefixed as prepareBackupRequest does. */
export function validateNamespaces(includes: readonly string[], excludes: readonly string[]): string[] {
  const errors = [
    ...validateIncludesExcludes(includes, excludes),
    ...sortedSet(includes).flatMap(namespaceNameErrors),
    ...sortedSet(excludes).flatMap(namespaceNameErrors),
  ];
  return errors.map((e) => `Invalid included/excluded namespace lists: ${e}`);
}

/** Namespaces labelled velero.io/exclude-from-backup=true, which prepareBackupRequest appends to the excludes. */
export function excludeLabelledNamespaces(namespaces: readonly Namespace[]): string[] {
  return namespaces.filter((ns) => ns.metadata?.labels?.[EXCLUDE_FROM_BACKUP_LABEL] === 'true').map((ns) => ns.metadata?.name ?? '');
}

const hasWildcard = (pattern: string) => /[*?[]/.test(pattern);

/**
 * wildcard.expandWildcards: literal entries are kept, wildcard entries become the namespaces they match. The
 * first wildcard that glob.Compile refuses (in the list's sorted order, as GetIncludes/GetExcludes give them)
 * ends the expansion with gobwas's error.
 */
function expand(patterns: readonly string[], active: readonly string[]): { names: string[] } | { error: string; pattern: string } {
  const matched = new Set<string>();
  for (const pattern of sortedSet(patterns)) {
    if (!hasWildcard(pattern)) {
      matched.add(pattern);
      continue;
    }
    const glob = parseGlob(pattern);
    if (!glob.ok) return { error: glob.error, pattern };
    for (const ns of active) if (glob.re.test(ns)) matched.add(ns);
  }
  return { names: sortedSet([...matched]) };
}

/** A wildcard Velero cannot compile: the backup starts, then fails (phase Failed) before it backs anything up. */
export interface NamespaceExpansionError {
  /** The Go error, which runBackup stores as status.failureReason. */
  error: string;
  pattern: string;
  list: 'includedNamespaces' | 'excludedNamespaces';
}

export interface NamespaceScope {
  /** After wildcard expansion (v1.18.1 expands whenever any entry has `* ? [`, `*` included). */
  includes: string[];
  excludes: string[];
  wildcardExpanded: boolean;
  /**
   * NamespaceIncludesExcludes.IncludeEverything: no excludes (after expansion, so the labelled namespaces count), and
   * the includes are empty, `*`, or exactly the listed namespaces. Cluster-scoped resources are listed only then
   * when includeClusterResources is unset (false after an expansion error: the backup fails anyway).
   */
  includeEverything: boolean;
  /** Existing namespaces the backup processes, sorted. */
  inScope: string[];
  shouldInclude: (namespace: string) => boolean;
  /** Set when a wildcard does not compile: nothing is in scope. */
  expansionError: NamespaceExpansionError | null;
}

/**
 * NamespaceIncludesExcludes with ExpandIncludesExcludes(true) against the listed Namespace names
 * (backup.go:getNamespaceIncludesExcludesAndArgoCDNamespaces; a compile error there fails the whole backup).
 */
export function resolveNamespaces(includes: readonly string[], excludes: readonly string[], active: readonly string[]): NamespaceScope {
  const expandNow = includes.length > 0 && [...includes, ...excludes].some(hasWildcard);
  if (!expandNow) return scopeOf(sortedSet(includes), sortedSet(excludes), false, active);
  const failed = (e: { error: string; pattern: string }, list: NamespaceExpansionError['list']): NamespaceScope => ({
    includes: sortedSet(includes), excludes: sortedSet(excludes), wildcardExpanded: false, includeEverything: false, inScope: [], shouldInclude: () => false,
    expansionError: { error: e.error, pattern: e.pattern, list },
  });
  const inc = expand(includes, active);
  if ('error' in inc) return failed(inc, 'includedNamespaces');
  const exc = expand(excludes, active);
  if ('error' in exc) return failed(exc, 'excludedNamespaces');
  return scopeOf(inc.names, exc.names, true, active);
}

function scopeOf(inc: string[], exc: string[], expanded: boolean, active: readonly string[]): NamespaceScope {
  const shouldInclude = (ns: string) => {
    if (expanded && inc.length === 0) return false;
    if (globSetMatch(exc, ns)) return false;
    return inc.length === 0 || inc.includes('*') || globSetMatch(inc, ns);
  };
  // slices.Equal(includes.List(), activeNamespaces): the Namespace LIST comes from the API server in name order.
  const listed = sortedSet(active);
  const includeEverything = exc.length === 0
    && (inc.length === 0 || (inc.length === 1 && inc[0] === '*') || (inc.length === listed.length && inc.every((n, i) => n === listed[i])));
  return { includes: inc, excludes: exc, wildcardExpanded: expanded, includeEverything, inScope: listed.filter(shouldInclude), shouldInclude, expansionError: null };
}
