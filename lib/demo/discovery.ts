// Discovery documents of the resources the demo serves: /api/v1, /apis (APIGroupList), /apis/<group> and
// /apis/<group>/<version>, built from the resource registry. kubectl's Table format lives in tables.ts.
import { RESOURCE_INFO, resourcesOf } from './resources';
import type { DemoResource } from './types';

export { toTable, wantsTable } from './tables';

export const VERSION = { major: '1', minor: '33', gitVersion: 'v1.33.0-backup-lens-demo', platform: 'linux/amd64', goVersion: 'go1.24.0', compiler: 'gc', buildDate: '2026-11-01T00:00:00Z', gitCommit: '0000000', gitTreeState: 'clean' };

const verbs = ['get', 'list', 'watch'];
const everything = () => true;

export const KINDS = Object.fromEntries(Object.entries(RESOURCE_INFO).map(([r, info]) => [r, info.kind])) as Record<DemoResource, string>;

/** APIResourceList of one group/version; null when that group/version serves nothing. */
export function resourceList(group: string, version: string, served: (r: DemoResource) => boolean = everything) {
  const names = resourcesOf(group, version, served);
  if (names.length === 0) return null;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: names.map((name) => {
      const info = RESOURCE_INFO[name];
      return {
        name, singularName: info.singular, namespaced: info.namespaced, kind: info.kind, verbs,
        ...(info.shortNames ? { shortNames: info.shortNames } : {}), ...(info.categories ? { categories: info.categories } : {}),
      };
    }),
  };
}

export const RESOURCE_LIST = resourceList('', 'v1') as NonNullable<ReturnType<typeof resourceList>>;

/** Named groups in the order the API server lists them; the preferred version first. */
const GROUPS: Array<{ name: string; versions: string[] }> = [
  { name: 'apps', versions: ['v1'] },
  { name: 'storage.k8s.io', versions: ['v1'] },
  { name: 'snapshot.storage.k8s.io', versions: ['v1'] },
  { name: 'velero.io', versions: ['v1', 'v2alpha1'] },
];

export function apiGroup(name: string, served: (r: DemoResource) => boolean = everything) {
  const group = GROUPS.find((g) => g.name === name);
  const versions = group?.versions.filter((v) => resourcesOf(name, v, served).length > 0) ?? [];
  if (versions.length === 0) return null;
  const entries = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: entries, preferredVersion: entries[0] };
}

export function apiGroupList(served: (r: DemoResource) => boolean = everything) {
  const groups = GROUPS.map((g) => apiGroup(g.name, served)).filter((g) => g !== null);
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}
