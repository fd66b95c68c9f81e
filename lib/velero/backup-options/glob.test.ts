import { describe, expect, it } from 'vitest';
import { compileGlob, globMatch, globSetMatch } from './glob';

describe('gobwas-style globs', () => {
  it('star matches any run, question mark one character, classes and ranges one of a set', () => {
    expect(globMatch('shop-*', 'shop-staging')).toBe(true);
    expect(globMatch('shop-*', 'shop')).toBe(false);
    expect(globMatch('db-?', 'db-1')).toBe(true);
    expect(globMatch('db-?', 'db-10')).toBe(false);
    expect(globMatch('team-[ab]', 'team-b')).toBe(true);
    expect(globMatch('team-[a-c]x', 'team-cx')).toBe(true);
    expect(globMatch('team-[!a]', 'team-a')).toBe(false);
  });

  it('treats . and + literally and is case-sensitive', () => {
    expect(globMatch('a.b', 'axb')).toBe(false);
    expect(globMatch('a+', 'aa')).toBe(false);
    expect(globMatch('Shop', 'shop')).toBe(false);
  });

  it('supports {a,b} alternatives as gobwas does', () => {
    expect(globMatch('{pods,persistentvolumeclaims}', 'persistentvolumeclaims')).toBe(true);
  });

  it('refuses patterns gobwas cannot compile', () => {
    expect(compileGlob('team-[ab')).toBeNull();
    expect(compileGlob('{a,b')).toBeNull();
  });

  it('a set stops at the first item that does not compile, in sorted order, as Velero does', () => {
    expect(globSetMatch(['[bad', 'pods'], 'pods')).toBe(false);
    expect(globSetMatch(['pods', '{bad'], 'pods')).toBe(true);
  });
});
