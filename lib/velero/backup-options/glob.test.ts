import { describe, expect, it } from 'vitest';
import { compileGlob, globMatch, globSetMatch, parseGlob } from './glob';

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
  });

  it('allows exactly one range or one list per class, with gobwas\'s error messages (lexer.fetchRange, parserRange)', () => {
    expect(parseGlob('shop[a-z0-9-]*')).toEqual({ ok: false, error: 'expected close range character' });
    expect(parseGlob('[a-c-e]')).toEqual({ ok: false, error: 'expected close range character' });
    expect(parseGlob('[a-]')).toEqual({ ok: false, error: 'unexpected end of input' });
    expect(parseGlob('[z-a]')).toEqual({ ok: false, error: "hi character 'a' should be greater than lo 'z'" });
    expect(parseGlob('[!]')).toEqual({ ok: false, error: 'could not parse range' });
    expect(parseGlob('team-[ab')).toEqual({ ok: false, error: 'unexpected end of input' });
  });

  it('reads [abc-z] as the list a, b, c, -, z (a range only when the class opens with lo-hi)', () => {
    expect(globMatch('[abc-z]', 'd')).toBe(false);
    expect(globMatch('[abc-z]', '-')).toBe(true);
    expect(globMatch('[abc-z]', 'z')).toBe(true);
    expect(globMatch('[-a]', '-')).toBe(true);
    expect(globMatch('[!a-c]x', 'dx')).toBe(true);
    expect(globMatch('[\\]]', ']')).toBe(true);
  });

  it('drops a trailing backslash, and an unclosed {a,b still compiles, as gobwas does', () => {
    expect(globMatch('shop\\', 'shop')).toBe(true);
    expect(globMatch('{a,b', 'b')).toBe(true);
  });

  it('a set stops at the first item that does not compile, in sorted order, as Velero does', () => {
    expect(globSetMatch(['[bad', 'pods'], 'pods')).toBe(false);
    expect(globSetMatch(['pods', '{bad'], 'pods')).toBe(true);
  });
});
