import { describe, expect, it } from 'vitest';
import { BadParameter, parseQuery } from './params';

const parse = (query: string) => parseQuery(new URLSearchParams(query));

function badParameterOf(query: string): string {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof BadParameter) return error.parameter;
    throw error;
  }
  throw new Error('no error');
}

describe('query parameters', () => {
  it('is a what-if with nothing set when no backup is chosen', () => {
    expect(parse('')).toEqual({ backup: { kind: 'whatIf', whatIf: {} }, namespaces: [], refresh: false });
  });

  it('reads the what-if options, repeated namespaces and refresh', () => {
    expect(parse('defaultVolumesToFsBackup=true&backupExcludePVC=1&resourcePolicy=backup-policy&includedNamespaces=shop,w*&excludedNamespaces=kube-system&namespace=shop&namespace=wiki&refresh=1')).toEqual({
      backup: {
        kind: 'whatIf',
        whatIf: { defaultVolumesToFsBackup: true, backupExcludePVC: true, resourcePolicy: 'backup-policy', includedNamespaces: ['shop', 'w*'], excludedNamespaces: ['kube-system'] },
      },
      namespaces: ['shop', 'wiki'],
      refresh: true,
    });
  });

  it('reads a schedule or a backup by name', () => {
    expect(parse('schedule=nightly').backup).toEqual({ kind: 'schedule', name: 'nightly' });
    expect(parse('backup=nightly-20261130020012&namespace=shop').backup).toEqual({ kind: 'backup', name: 'nightly-20261130020012' });
  });

  it('refuses what-if options next to a schedule or a backup, naming the parameter', () => {
    expect(badParameterOf('schedule=nightly&defaultVolumesToFsBackup=true')).toBe('defaultVolumesToFsBackup');
    expect(badParameterOf('backup=b1&includedNamespaces=shop')).toBe('includedNamespaces');
    expect(badParameterOf('schedule=nightly&backup=b1')).toBe('backup');
    expect(badParameterOf('schedule=nightly&whatIf=1')).toBe('whatIf');
  });

  it('names the malformed parameter', () => {
    expect(badParameterOf('defaultVolumesToFsBackup=yes')).toBe('defaultVolumesToFsBackup');
    expect(badParameterOf('backupExcludePVC=true&backupExcludePVC=false')).toBe('backupExcludePVC');
    expect(badParameterOf('namespace=Shop_1')).toBe('namespace');
    expect(badParameterOf('defaultVolumesToFSBackup=true')).toBe('defaultVolumesToFSBackup');
    expect(badParameterOf('schedule=Nightly!')).toBe('schedule');
    expect(badParameterOf('includedNamespaces=shop,,wiki')).toBe('includedNamespaces');
  });

  it('quotes at most a bounded part of a long value', () => {
    try {
      parse(`schedule=${'x'.repeat(5000)}!`);
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(BadParameter);
      expect((error as Error).message.length).toBeLessThan(250);
    }
  });
});
