// The graph answer stays small for a big namespace: its rows come from /api/v1/graph/rows, and together they
// carry exactly what the full graph body carries.
import { describe, expect, it } from 'vitest';
import { generateCluster } from '../demo/generate';
import { makeScan } from '../scan';
import { graphAnswer, graphBody, graphRowsBody } from './queries';

const objects = generateCluster({ pods: 600, namespaces: 2, seed: 5, bigNamespace: { name: 'big', pvcs: 2000 } });
const snapshot = { namespaces: objects.namespaces, pods: objects.pods, pvcs: objects.pvcs, pvs: objects.pvs, veleroNamespace: 'velero', incomplete: [] };
const scan = makeScan({ context: 'test', server: 'https://127.0.0.1', demo: false }, { snapshot, requests: 0 }, new Date(0), 0);
const query = (namespace: string) => ({ backup: { kind: 'whatIf', whatIf: { defaultVolumesToFsBackup: true } } as const, namespaces: [namespace] });

describe('the graph answer of a big namespace', () => {
  it('is under 500 KB for the 2,000-claim namespace, its rows counted and left to the rows request', () => {
    const full = graphBody(scan, query('big'));
    const answer = graphAnswer(scan, query('big'));
    expect(full.volumes.length).toBe(4000);
    expect(JSON.stringify(answer).length).toBeLessThan(500 * 1024);
    expect(answer.rows).toEqual({ separate: true, volumes: 4000, pods: 2000, claims: 2000 });
    expect(answer.nodes).toEqual(full.nodes);
    const rows = graphRowsBody(scan, query('big'));
    expect({ ...answer, rows: undefined, volumes: rows.volumes, pods: rows.pods, claims: rows.claims }).toEqual({ ...full, rows: undefined });
  });

  it('keeps the rows inline for a namespace of ordinary size', () => {
    const answer = graphAnswer(scan, query('team-000'));
    expect(answer.rows).toBeUndefined();
    expect(answer.volumes.length).toBeGreaterThan(300);
    expect(answer).toEqual(graphBody(scan, query('team-000')));
  });
});
