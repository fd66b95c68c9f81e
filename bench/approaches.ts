// The in-process comparison (BENCH_APPROACHES=1), each approach in its own process: Backup Lens's scan in a
// worker, naive per-claim listing (sampled, extrapolated), Velero's per-namespace cache, kubectl and
// client-node's typed API.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

type Row = Record<string, unknown> & { mode: string; ms: number };
const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));

export const APPROACH_LABELS: Record<string, string> = {
  floor: '(a) floor: fetch + JSON.parse',
  lens: '(b) Backup Lens scan + verdicts (in a worker)',
  naive: '(c) naive: list pods per claim',
  cached: "(d) Velero's per-namespace listing",
  kubectl: '(e) kubectl get pods,pvc,pv -A -o json',
  'client-node': "(f) client-node's typed API (lists only)",
};

async function kubectl(kubeconfig: string): Promise<Row | null> {
  if (!KUBECTL) return null;
  const t0 = performance.now();
  const { stdout } = await promisify(execFile)(KUBECTL, ['--kubeconfig', kubeconfig, 'get', 'pods,pvc,pv', '-A', '-o', 'json'], { maxBuffer: 1536 * 2 ** 20 });
  return { mode: 'kubectl', ms: Math.round(performance.now() - t0), objects: (JSON.parse(stdout) as { items: unknown[] }).items.length, requests: 'pages of 500' };
}

export async function approaches(kubeconfig: string, pods: number, worker: (mode: string, kubeconfig: string, extra?: string[]) => Promise<Row>): Promise<Row[]> {
  const rows: Row[] = [];
  rows.push(await worker('lens', kubeconfig, ['--big', 'big']));
  rows.push(await worker('naive', kubeconfig, ['--sample', pods >= 50_000 ? '100' : '200']));
  rows.push(await worker('cached', kubeconfig));
  const k = await kubectl(kubeconfig);
  if (k) rows.push(k);
  rows.push(await worker('client-node', kubeconfig));
  return rows;
}
