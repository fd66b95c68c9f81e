import { describe, expect, it } from 'vitest';
import { claimVolume, emptyDir, pod, pv, pvc } from '../rules/fixtures';
import { buildPvcPodIndex, byteCompare } from './pvc-pod-index';

describe('PVC → pod index', () => {
  const pods = [
    pod('shop', 'web-b', { volumes: [claimVolume('assets', 'assets')] }),
    pod('shop', 'web-a', { volumes: [claimVolume('assets', 'assets'), claimVolume('again', 'assets')] }),
    pod('wiki', 'api-0', { volumes: [emptyDir('tmp')] }),
  ];
  const index = buildPvcPodIndex({ pods, pvcs: [pvc('shop', 'assets', { labels: { 'velero.io/volume-group': 'g' } }), pvc('wiki', 'pages')], pvs: [pv('pv-1')] });

  it('lists the pods using a claim in name order, once per volume naming it', () => {
    expect(index.podsUsingClaim('shop', 'assets').map((p) => p.metadata?.name)).toEqual(['web-a', 'web-a', 'web-b']);
  });

  it('answers unknown namespaces and claims with an empty list', () => {
    expect(index.podsUsingClaim('nope', 'assets')).toEqual([]);
    expect(index.podsUsingClaim('shop', 'nope')).toEqual([]);
  });

  it('keeps namespaces and pods in byte order, not locale order', () => {
    expect(index.namespaces).toEqual(['shop', 'wiki']);
    expect(['b', 'B', 'a'].sort(byteCompare)).toEqual(['B', 'a', 'b']);
  });

  it('finds claims, PVs and volume groups by key', () => {
    expect(index.claim('shop', 'assets')?.metadata?.name).toBe('assets');
    expect(index.claim('wiki', 'assets')).toBeUndefined();
    expect(index.pv('pv-1')?.metadata?.name).toBe('pv-1');
    expect(index.claimGroup('shop', 'g')).toEqual(['assets']);
  });

  it('does not reorder the caller\'s pod list', () => {
    expect(pods.map((p) => p.metadata?.name)).toEqual(['web-b', 'web-a', 'api-0']);
  });
});
