import { describe, expect, it } from 'vitest';
import type { VolumeVerdict } from '../rules/types';
import { search, type SearchCorpus } from './search';

const verdict = (namespace: string, pod: string, volume: string, pvc: string | null): VolumeVerdict => ({
  namespace, pod, volume, type: pvc ? 'persistentVolumeClaim' : 'emptyDir', pvc, action: 'skip', reason: 'notOptedIn', check: 'B11', explanation: '', evidence: {}, backupError: false,
});

const corpus: SearchCorpus = {
  namespaces: ['shop', 'shards', 'wiki'],
  pods: [{ namespace: 'shards', name: 'shard-10' }, { namespace: 'shards', name: 'shard-2' }, { namespace: 'shop', name: 'postgres-0' }],
  claims: [{ namespace: 'shards', name: 'shard-2-data' }, { namespace: 'shop', name: 'data-postgres-0' }],
  volumes: [verdict('shards', 'shard-2', 'data', 'shard-2-data'), verdict('shards', 'shard-10', 'data', 'shard-10-data'), verdict('shop', 'postgres-0', 'data', 'data-postgres-0')],
};

describe('cluster search', () => {
  it('matches names case-insensitively and includes namespaces', () => {
    const result = search(corpus, 'SH');
    expect(result.hits.filter((h) => h.kind === 'namespace')).toEqual([{ kind: 'namespace', namespace: 'shards' }, { kind: 'namespace', namespace: 'shop' }]);
    expect(result.counts).toEqual({ namespace: 2, pod: 2, claim: 1, volume: 2 });
  });

  it('ranks an exact name first and orders the rest naturally', () => {
    expect(search(corpus, 'shard-2').hits.filter((h) => h.kind === 'pod')).toEqual([{ kind: 'pod', namespace: 'shards', pod: 'shard-2' }]);
    expect(search(corpus, 'shard-').hits.filter((h) => h.kind === 'pod').map((h) => h.kind === 'pod' && h.pod)).toEqual(['shard-2', 'shard-10']);
  });

  it('links a claim to the first pod volume using it', () => {
    expect(search(corpus, 'data-postgres').hits.find((h) => h.kind === 'claim')).toEqual({ kind: 'claim', namespace: 'shop', claim: 'data-postgres-0', pod: 'postgres-0', volume: 'data' });
  });

  it('returns at most the limit but counts every match', () => {
    const result = search(corpus, 'a', 2);
    expect(result.hits).toHaveLength(2);
    expect(result.total).toBe(8);
  });

  it('answers nothing for a blank term', () => {
    expect(search(corpus, '   ')).toMatchObject({ hits: [], total: 0 });
  });
});
