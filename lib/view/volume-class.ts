// "Data volumes first": volumes Velero never copies by design (their content is API objects or is rebuilt by the
// kubelet) are told apart from data volumes, so the skips that matter are not buried under them.
import type { VolumeVerdict } from '../rules/types';

export type VolumeClass = 'data' | 'byDesign';

/** Pod volume source types whose content Velero saves as API objects or the kubelet rebuilds. */
export const BY_DESIGN_TYPES: ReadonlySet<string> = new Set(['projected', 'configMap', 'secret', 'downwardAPI']);

/** Which class a verdict's volume belongs to (a default-token* volume counts as by design, whatever its source). */
export function volumeClass(v: Pick<VolumeVerdict, 'type' | 'reason'>): VolumeClass {
  return BY_DESIGN_TYPES.has(v.type) || v.reason === 'defaultToken' ? 'byDesign' : 'data';
}

export const isDataVolume = (v: Pick<VolumeVerdict, 'type' | 'reason'>): boolean => volumeClass(v) === 'data';

/** "data" shows data volumes only (the default), "all" shows every volume. */
export type VolumeScope = 'data' | 'all';

export const scopeFrom = (value: string | null | undefined): VolumeScope => (value === 'all' ? 'all' : 'data');

export function inScope<T extends Pick<VolumeVerdict, 'type' | 'reason'>>(volumes: readonly T[], scope: VolumeScope): T[] {
  return scope === 'all' ? [...volumes] : volumes.filter(isDataVolume);
}
