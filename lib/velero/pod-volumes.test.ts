import { describe, it, expect } from 'vitest';
import type { Pod, Volume } from '../model/kube';
import * as podVolumes from './pod-volumes';
import {
  PvcPodCache,
  checkPodsForFsBackup,
  getPodVolumeNameForPvc,
  getPodsUsingPvc,
  getPodsUsingPvcWithCache,
  getVolumesByPod,
  getVolumesToBackup,
  getVolumesToExclude,
  getVolumesToProcess,
  isPvcDefaultToFsBackup,
  isPvcDefaultToFsBackupWithCache,
} from './pod-volumes';
import publicVectors from './testdata/public-vectors.json';
import derivedVectors from './testdata/derived-vectors.json';

// Vector format: shared/velero-parity/README.md ("Vector format"). Copied here so a clone runs on its own.
interface Vector {
  id: string;
  source: string;
  fn: string;
  args: unknown;
  expect: unknown;
  note?: string;
}

type CacheBuild = { pods: Pod[]; namespaces: string[] } | null;

// A null argument means "pass undefined".
const arg = <T,>(value: unknown): T => (value === null ? undefined : value) as T;

const podKeys = (pods: Pod[]): string[] => pods.map((p) => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`);

function makeCache(spec: unknown): PvcPodCache | undefined {
  if (spec === null || spec === undefined) return undefined;
  const cache = new PvcPodCache();
  const build = (spec as { build: CacheBuild }).build;
  if (build !== null) cache.build(build.pods, build.namespaces);
  return cache;
}

function runCacheVector(args: { build: CacheBuild; queries: [string, string][] }) {
  const cache = new PvcPodCache();
  const isBuiltBefore = cache.isBuilt();
  if (args.build !== null) cache.build(args.build.pods, args.build.namespaces);
  const isBuiltAfter = cache.isBuilt();
  const results = args.queries.map(([ns, pvcName]) => podKeys(cache.getPodsUsingPvc(ns, pvcName)));
  return { isBuiltBefore, isBuiltAfter, results };
}

// Calls the export the vector names, as the README's table says; pods come back as "namespace/name".
function call(v: Vector): unknown {
  const a = v.args as unknown[];
  switch (v.fn) {
    case 'constant':
      return (podVolumes as Record<string, unknown>)[a[0] as string];
    case 'getVolumesToBackup':
      return getVolumesToBackup(arg(a[0]));
    case 'getVolumesToExclude':
      return getVolumesToExclude(arg(a[0]));
    case 'getVolumesByPod': {
      const { included, optedOut } = getVolumesByPod(arg(a[0]), arg(a[1]), arg(a[2]), arg(a[3]));
      return { included, optedOut };
    }
    case 'getVolumesToProcess':
      return getVolumesToProcess(arg<Volume[] | undefined>(a[0]), arg(a[1]));
    case 'getPodVolumeNameForPvc':
      return getPodVolumeNameForPvc(arg(a[0]), arg(a[1]));
    case 'checkPodsForFsBackup':
      return checkPodsForFsBackup(arg(a[0]), arg(a[1]), arg(a[2]));
    case 'isPvcDefaultToFsBackup':
      return isPvcDefaultToFsBackup(arg(a[0]), arg(a[1]), arg(a[2]), arg(a[3]));
    case 'getPodsUsingPvc':
      return podKeys(getPodsUsingPvc(arg(a[0]), arg(a[1]), arg(a[2])));
    case 'getPodsUsingPvcWithCache':
      return podKeys(getPodsUsingPvcWithCache(arg(a[0]), arg(a[1]), arg(a[2]), makeCache(a[3])));
    case 'isPvcDefaultToFsBackupWithCache':
      return isPvcDefaultToFsBackupWithCache(arg(a[0]), arg(a[1]), arg(a[2]), arg(a[3]), makeCache(a[4]));
    case 'PvcPodCache':
      return runCacheVector(v.args as Parameters<typeof runCacheVector>[0]);
    default:
      throw new Error(`vector ${v.id}: unknown fn ${v.fn}`);
  }
}

const throws = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { throws?: unknown }).throws === true;

function runVectors(name: string, vectors: Vector[], minimum: number) {
  describe(name, () => {
    it(`holds at least ${minimum} vectors with unique ids`, () => {
      expect(vectors.length).toBeGreaterThanOrEqual(minimum);
      expect(new Set(vectors.map((v) => v.id)).size).toBe(vectors.length);
    });
    for (const v of vectors) {
      it(v.id, () => {
        if (throws(v.expect)) expect(() => call(v)).toThrow();
        else expect(call(v)).toEqual(v.expect);
      });
    }
  });
}

runVectors('public vectors (Velero unit tests at bcdc30b59a)', publicVectors as unknown as Vector[], 45);
runVectors('derived vectors (edge cases read from pod_volume.go)', derivedVectors as unknown as Vector[], 40);

describe('derived vectors file', () => {
  it('marks every vector as derived and explains it', () => {
    for (const v of derivedVectors as unknown as Vector[]) {
      expect(v.source).toBe('derived');
      expect(v.note ?? '').not.toBe('');
    }
  });
});

// Realistic pods: a StatefulSet replica with a service-account token, a claim and a config volume.
const postgres: Pod = {
  metadata: {
    name: 'postgres-0',
    namespace: 'shop',
    annotations: { 'backup.velero.io/backup-volumes-excludes': 'scratch' },
  },
  spec: {
    nodeName: 'worker-1',
    volumes: [
      { name: 'data', persistentVolumeClaim: { claimName: 'data-postgres-0' } },
      { name: 'scratch', emptyDir: {} },
      { name: 'config', configMap: { name: 'postgres-config' } },
      { name: 'kube-api-access-7x2lq', projected: { sources: [] } },
      { name: 'default-token-9zl4k', secret: { secretName: 'default-token-9zl4k' } },
    ],
    containers: [{ name: 'postgres', volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] }],
  },
  status: { phase: 'Running' },
};

const reportJob: Pod = {
  metadata: {
    name: 'nightly-report-28391',
    namespace: 'shop',
    annotations: { 'backup.velero.io/backup-volumes': 'reports' },
  },
  spec: {
    volumes: [
      { name: 'db', persistentVolumeClaim: { claimName: 'data-postgres-0', readOnly: true } },
      { name: 'reports', persistentVolumeClaim: { claimName: 'reports' } },
    ],
  },
};

describe('pod-volumes with realistic pods', () => {
  it('exports the two annotation keys Velero reads', () => {
    expect(podVolumes.VOLUMES_TO_BACKUP_ANNOTATION).toBe('backup.velero.io/backup-volumes');
    expect(podVolumes.VOLUMES_TO_EXCLUDE_ANNOTATION).toBe('backup.velero.io/backup-volumes-excludes');
  });

  it('takes the claim and reports the excluded emptyDir in opt-out mode', () => {
    expect(getVolumesByPod(postgres, true, false, [])).toEqual({ included: ['data'], optedOut: ['scratch'] });
  });

  it('drops the claim volume when the backup excludes PVCs', () => {
    expect(getVolumesByPod(postgres, true, true, [])).toEqual({ included: [], optedOut: ['scratch'] });
  });

  it('returns only the opted-in names in opt-in mode', () => {
    expect(getVolumesByPod(reportJob, false, false, [])).toEqual({ included: ['reports'], optedOut: [] });
  });

  it('finds both pods sharing the database claim, in the order given', () => {
    expect(podKeys(getPodsUsingPvc('shop', 'data-postgres-0', [postgres, reportJob]))).toEqual([
      'shop/postgres-0',
      'shop/nightly-report-28391',
    ]);
  });

  it('defaults the database claim to fs-backup only in opt-out mode', () => {
    const pods = [reportJob, postgres];
    expect(isPvcDefaultToFsBackup('shop', 'data-postgres-0', pods, false)).toBe(false);
    expect(isPvcDefaultToFsBackup('shop', 'data-postgres-0', pods, true)).toBe(true);
    expect(isPvcDefaultToFsBackup('shop', 'reports', pods, false)).toBe(true);
  });

  it('answers from a built cache and gives the same verdict as the direct lookup', () => {
    const cache = new PvcPodCache();
    cache.build([postgres, reportJob], ['shop']);
    expect(podKeys(getPodsUsingPvcWithCache('shop', 'reports', [], cache))).toEqual(['shop/nightly-report-28391']);
    expect(isPvcDefaultToFsBackupWithCache('shop', 'reports', [], false, cache)).toBe(true);
  });

  it('returns a fresh array from the cache each time', () => {
    const cache = new PvcPodCache();
    cache.build([postgres], ['shop']);
    const first = cache.getPodsUsingPvc('shop', 'data-postgres-0');
    first.pop();
    expect(cache.getPodsUsingPvc('shop', 'data-postgres-0')).toHaveLength(1);
  });

  it('keeps appending when build runs twice, as Go does', () => {
    const cache = new PvcPodCache();
    cache.build([postgres], ['shop']);
    cache.build([postgres], ['shop']);
    expect(podKeys(cache.getPodsUsingPvc('shop', 'data-postgres-0'))).toEqual(['shop/postgres-0', 'shop/postgres-0']);
  });

  it('throws for an opted-in pod that does not use the claim', () => {
    expect(() => checkPodsForFsBackup([reportJob], 'some-other-claim', false)).toThrow(/does not use PVC/);
  });
});
