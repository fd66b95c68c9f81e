import { describe, expect, it } from 'vitest';
import type { VolumeVerdict } from '../rules/types';
import { inScope, scopeFrom, volumeClass } from './volume-class';

const v = (volume: string, type: string, reason: VolumeVerdict['reason']): VolumeVerdict => ({
  namespace: 'legacy', pod: 'app-0', volume, type, pvc: type === 'persistentVolumeClaim' ? `${volume}-claim` : null,
  action: 'skip', reason, check: 'B4', explanation: '', evidence: {}, backupError: false,
});

describe('volume classes', () => {
  it('puts projected, configMap, secret and downwardAPI volumes among those never copied by design', () => {
    expect(['projected', 'configMap', 'secret', 'downwardAPI'].map((type) => volumeClass(v('x', type, 'projected')))).toEqual(['byDesign', 'byDesign', 'byDesign', 'byDesign']);
  });

  it('counts a default-token emptyDir as by design and claims, emptyDir, hostPath and ephemeral volumes as data', () => {
    expect(volumeClass(v('default-token-cache', 'emptyDir', 'defaultToken'))).toBe('byDesign');
    expect(['persistentVolumeClaim', 'emptyDir', 'hostPath', 'ephemeral', 'unknown'].map((type) => volumeClass(v('d', type, 'notOptedIn')))).toEqual(['data', 'data', 'data', 'data', 'data']);
  });

  it('shows data volumes by default and every volume when asked for all', () => {
    const volumes = [v('kube-api-access-x7k2p', 'projected', 'projected'), v('data', 'persistentVolumeClaim', 'notOptedIn')];
    expect(inScope(volumes, scopeFrom(null)).map((x) => x.volume)).toEqual(['data']);
    expect(inScope(volumes, scopeFrom('all')).map((x) => x.volume)).toEqual(['kube-api-access-x7k2p', 'data']);
  });
});
