import { describe, expect, it } from 'vitest';
import { excludeLabelledNamespaces, resolveNamespaces, validateNamespaces } from './namespaces';
import { NAMESPACES } from './test-fixtures';

const active = NAMESPACES.map((n) => n.metadata?.name ?? '');

describe('namespace validation (Velero messages)', () => {
  it('accepts * alone, plain names and globs', () => {
    expect(validateNamespaces(['*'], ['kube-system', 'shop-*'])).toEqual([]);
    expect(validateNamespaces(['shop', 'team-[ab]', 'db-?'], [''])).toEqual([]);
  });

  it('refuses * among other includes and * in the excludes', () => {
    expect(validateNamespaces(['*', 'shop'], [])).toEqual(["Invalid included/excluded namespace lists: includes list must either contain '*' only, or a non-empty list of items"]);
    expect(validateNamespaces(['shop'], ['*'])).toEqual(["Invalid included/excluded namespace lists: excludes list cannot contain '*'"]);
  });

  it('refuses an item in both lists', () => {
    expect(validateNamespaces(['shop'], ['shop'])).toEqual(['Invalid included/excluded namespace lists: excludes list cannot contain an item in the includes list: shop']);
  });

  it('refuses unsupported glob syntax and malformed brackets', () => {
    expect(validateNamespaces(['{a,b}'], [])[0]).toContain('wildcard pattern contains unsupported characters');
    expect(validateNamespaces(['shop**'], [])[0]).toContain('consecutive asterisks');
    expect(validateNamespaces(['team-[ab'], [])[0]).toContain("unclosed bracket '['");
    expect(validateNamespaces(['team-[]'], [])[0]).toContain("empty bracket pattern '[]'");
  });

  it('refuses names that are not DNS-1123 labels once wildcards are replaced', () => {
    expect(validateNamespaces(['Shop'], [])).toEqual([
      'Invalid included/excluded namespace lists: invalid namespace "Shop": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')',
    ]);
    expect(validateNamespaces(['a'.repeat(64)], [])[0]).toContain('must be no more than 63 characters');
  });

  it('says a dotted name must not contain dots, as IsDNS1123Label does for a valid subdomain', () => {
    expect(validateNamespaces(['a.b'], [])).toEqual(['Invalid included/excluded namespace lists: invalid namespace "a.b": must not contain dots']);
    expect(validateNamespaces(['*'], ['shop.*'])).toEqual(['Invalid included/excluded namespace lists: invalid namespace "shop.*": must not contain dots']);
    expect(validateNamespaces(['a..b'], [])[0]).toContain('a lowercase RFC 1123 label must consist of');
  });

  it('counts the length in bytes and quotes the name as Go\'s %q does', () => {
    expect(validateNamespaces(['é'.repeat(32)], [])[0]).toContain('must be no more than 63 characters');
    expect(validateNamespaces(['a\tb'], [])[0]).toContain('invalid namespace "a\\tb": a lowercase RFC 1123 label');
  });
});

describe('namespace resolution (v1.18.1)', () => {
  it('expands * to every existing namespace and applies excludes', () => {
    const scope = resolveNamespaces(['*'], ['kube-system', 'scratch'], active);
    expect(scope.wildcardExpanded).toBe(true);
    expect(scope.inScope).toEqual(['default', 'shop', 'shop-staging', 'velero', 'wiki']);
  });

  it('expands glob excludes against the namespace list', () => {
    expect(resolveNamespaces(['*'], ['shop-*', 'kube-?ystem'], active).inScope).toEqual(['default', 'scratch', 'shop', 'velero', 'wiki']);
  });

  it('keeps a literal include that does not exist, which puts nothing in scope', () => {
    const scope = resolveNamespaces(['shop', 'ghost'], [], active);
    expect(scope.includes).toEqual(['ghost', 'shop']);
    expect(scope.inScope).toEqual(['shop']);
  });

  it('an include pattern matching nothing includes nothing at all', () => {
    const scope = resolveNamespaces(['prod-*'], [], active);
    expect(scope.includes).toEqual([]);
    expect(scope.inScope).toEqual([]);
    expect(scope.shouldInclude('shop')).toBe(false);
  });

  it('a wildcard gobwas cannot compile puts nothing in scope and names the Go error', () => {
    const scope = resolveNamespaces(['shop[a-z0-9-]*'], [], active);
    expect(scope.inScope).toEqual([]);
    expect(scope.shouldInclude('shop')).toBe(false);
    expect(scope.expansionError).toEqual({ error: 'expected close range character', pattern: 'shop[a-z0-9-]*', list: 'includedNamespaces' });
    expect(resolveNamespaces(['*'], ['[z-a]*'], active).expansionError).toEqual({ error: "hi character 'a' should be greater than lo 'z'", pattern: '[z-a]*', list: 'excludedNamespaces' });
    expect(resolveNamespaces(['*'], ['shop[a-]'], active).expansionError?.error).toBe('unexpected end of input');
  });

  it('reads [abc-z] as a list, so it does not match d', () => {
    expect(resolveNamespaces(['[abc-z]*'], [], ['default', 'shop', 'wiki', 'zeta']).inScope).toEqual(['zeta']);
  });

  it('finds the namespaces labelled velero.io/exclude-from-backup=true', () => {
    expect(excludeLabelledNamespaces(NAMESPACES)).toEqual(['scratch']);
  });
});
