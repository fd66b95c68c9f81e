import { describe, expect, it } from 'vitest';
import type { VolumeVerdict } from '../rules/types';
import { filterVolumes, sortVolumes, volumeFiltersFrom } from './volume-rows';

const v = (pod: string, volume: string, pvc: string | null, reason: VolumeVerdict['reason'] = 'notOptedIn'): VolumeVerdict => ({
  namespace: 'shards', pod, volume, type: pvc ? 'persistentVolumeClaim' : 'emptyDir', pvc, action: reason === 'optedIn' ? 'fs-backup' : 'skip', reason, check: 'B11', explanation: '', evidence: {}, backupError: false,
});

const volumes = [v('shard-1999', 'data', 'shard-1999-data'), v('shard-2', 'data', 'shard-2-data', 'optedIn'), v('shard-10', 'data', 'shard-10-data'), v('shard-2', 'tmp', null)];

describe('volumes table rows', () => {
  it('sorts pods naturally by default, keeping spec order within a pod', () => {
    expect(sortVolumes(volumes, { sort: '', desc: false }).map((x) => `${x.pod}/${x.volume}`)).toEqual(['shard-2/data', 'shard-2/tmp', 'shard-10/data', 'shard-1999/data']);
  });

  it('sorts by another column and descending', () => {
    expect(sortVolumes(volumes, { sort: 'pvc', desc: true }).map((x) => x.pvc)).toEqual(['shard-1999-data', 'shard-10-data', 'shard-2-data', null]);
  });

  it('finds text in pod, volume, claim and reason, case-insensitively', () => {
    expect(filterVolumes(volumes, { q: 'SHARD-2', verdict: '', reason: '' }).map((x) => x.volume)).toEqual(['data', 'tmp']);
    expect(filterVolumes(volumes, { q: '10-data', verdict: '', reason: '' }).map((x) => x.pod)).toEqual(['shard-10']);
    expect(filterVolumes(volumes, { q: 'NOTopted', verdict: '', reason: '' }).map((x) => `${x.pod}/${x.volume}`)).toEqual(['shard-1999/data', 'shard-10/data', 'shard-2/tmp']);
    expect(filterVolumes(volumes, { q: '', verdict: 'skip', reason: '' })).toHaveLength(3);
  });

  it('reads filters from the URL and ignores unknown values', () => {
    expect(volumeFiltersFrom(new URLSearchParams('q=shard&verdict=maybe&sort=bogus&desc=true'))).toEqual({ q: 'shard', verdict: '', reason: '', sort: '', desc: true });
  });
});
