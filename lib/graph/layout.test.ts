import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { seededCluster } from '../demo/scenarios';
import { buildPvcPodIndex } from '../index/pvc-pod-index';
import { buildClusterView } from '../view/cluster-view';
import { namespaceDetail } from '../view/namespace-detail';
import { resolveSelection } from '../server/selection';
import { elkInput, fromElk, overlaps } from './layout';

const snapshot = { ...seededCluster(), veleroNamespace: 'velero', incomplete: [] };
const index = buildPvcPodIndex(snapshot);
const options = resolveSelection(snapshot, { kind: 'whatIf', whatIf: { defaultVolumesToFsBackup: false } }).effective;
const scan = { index, snapshot, view: () => buildClusterView(snapshot, index, options) };

describe('graph layout', () => {
  it('places no edge label on a node or on another label in any seeded namespace', async () => {
    const elk = new ELK();
    for (const ns of index.namespaces) {
      const detail = namespaceDetail(scan, options, ns);
      if (!detail) throw new Error(`no detail for ${ns}`);
      const layout = fromElk(await elk.layout(elkInput(detail.nodes, detail.edges)));
      const labels = [...layout.edges.values()].flatMap((e) => (e.label ? [e.label] : []));
      expect(labels.length, ns).toBe(detail.edges.filter((e) => e.kind === 'volume').length);
      const hits = labels.flatMap((l) => [...layout.nodes.entries()].filter(([, box]) => overlaps(l, box)).map(([id]) => `${l.text} on ${id}`));
      expect(hits, ns).toEqual([]);
      const crossed = labels.flatMap((a, i) => labels.slice(i + 1).filter((b) => overlaps(a, b)).map((b) => `${a.text} on ${b.text}`));
      expect(crossed, ns).toEqual([]);
    }
  });
});
