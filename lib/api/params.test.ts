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
  it("defaults to Velero's defaults: opt-in, PVCs included", () => {
    expect(parse('')).toEqual({ options: { defaultVolumesToFsBackup: false, backupExcludePVC: false }, namespaces: [], refresh: false });
  });

  it('reads both options, repeated namespaces and refresh', () => {
    expect(parse('defaultVolumesToFsBackup=true&backupExcludePVC=1&namespace=shop&namespace=wiki&refresh=1')).toEqual({
      options: { defaultVolumesToFsBackup: true, backupExcludePVC: true },
      namespaces: ['shop', 'wiki'],
      refresh: true,
    });
  });

  it('names the malformed parameter', () => {
    expect(badParameterOf('defaultVolumesToFsBackup=yes')).toBe('defaultVolumesToFsBackup');
    expect(badParameterOf('backupExcludePVC=true&backupExcludePVC=false')).toBe('backupExcludePVC');
    expect(badParameterOf('namespace=Shop_1')).toBe('namespace');
    expect(badParameterOf('defaultVolumesToFSBackup=true')).toBe('defaultVolumesToFSBackup');
  });
});
