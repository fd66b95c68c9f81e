// `npm run bench`: for 1k, 10k and 50k generated pods, serve them from the demo cluster (its own process) and
// measure side by side, each approach in its own process: (a) the floor, (b) Backup Lens, (c) naive per-claim
// listing (sampled, extrapolated), (d) Velero's per-namespace cache, (e) kubectl, (f) client-node's typed API.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const BIG = { name: 'big', pvcs: 2000 };
const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));

type Row = Record<string, unknown> & { mode: string; ms: number };

function startDemo(pods: number, kubeconfig: string, big: boolean): Promise<ChildProcess> {
  const args = ['lib/demo/cli.ts', '--pods', String(pods), '--kubeconfig', kubeconfig, ...(big ? ['--big-namespace', `${BIG.name}:${BIG.pvcs}`] : [])];
  const child = spawn(TSX, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('"ready":true')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`demo cluster exited with ${code}`)));
  });
}

async function worker(mode: string, kubeconfig: string, extra: string[] = []): Promise<Row> {
  const { stdout } = await promisify(execFile)(TSX, ['bench/worker.ts', mode, kubeconfig, ...extra], { cwd: ROOT, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Row;
}

async function kubectl(kubeconfig: string): Promise<Row | null> {
  if (!KUBECTL) return null;
  const t0 = performance.now();
  const { stdout } = await promisify(execFile)(KUBECTL, ['--kubeconfig', kubeconfig, 'get', 'pods,pvc,pv', '-A', '-o', 'json'], { maxBuffer: 1536 * 2 ** 20 });
  return { mode: 'kubectl', ms: Math.round(performance.now() - t0), objects: (JSON.parse(stdout) as { items: unknown[] }).items.length, requests: 'pages of 500 (--chunk-size)' };
}

const LABELS: Record<string, string> = {
  floor: '(a) floor: fetch + JSON.parse',
  lens: '(b) Backup Lens scan + verdicts + answer',
  naive: '(c) naive: list pods per claim',
  cached: "(d) Velero's per-namespace cache",
  kubectl: '(e) kubectl get pods,pvc,pv -A -o json',
  'client-node': "(f) client-node's typed API (lists only)",
};

async function measure(pods: number): Promise<Row[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-lens-bench-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const big = pods >= 10_000;
  const demo = await startDemo(pods, kubeconfig, big);
  try {
    const rows: Row[] = [];
    rows.push(await worker('floor', kubeconfig));
    rows.push(await worker('lens', kubeconfig, big ? ['--big', BIG.name] : []));
    rows.push(await worker('naive', kubeconfig, ['--sample', pods >= 50_000 ? '100' : '200']));
    rows.push(await worker('cached', kubeconfig));
    const k = await kubectl(kubeconfig);
    if (k) rows.push(k);
    rows.push(await worker('client-node', kubeconfig));
    return rows;
  } finally {
    demo.kill('SIGTERM');
  }
}

function print(pods: number, rows: Row[]): void {
  const floorMs = rows.find((r) => r.mode === 'floor')?.ms ?? 1;
  console.log(`\n${pods.toLocaleString('en')} pods${pods >= 10_000 ? ` (+ a ${BIG.pvcs}-PVC namespace)` : ''}`);
  console.log('approach'.padEnd(44), 'time ms'.padStart(10), 'x floor'.padStart(8), 'requests'.padStart(10), 'peak RSS MiB'.padStart(13));
  for (const row of rows) {
    const ms = typeof row.extrapolatedMs === 'number' ? row.extrapolatedMs : row.ms;
    const note = typeof row.extrapolatedMs === 'number' ? ` (extrapolated from ${row.sample} claims)` : '';
    console.log(
      (LABELS[row.mode] ?? row.mode).padEnd(44),
      String(ms).padStart(10),
      (ms / floorMs).toFixed(2).padStart(8),
      String(row.requests ?? '').padStart(10),
      String(row.maxRssMiB ?? '–').padStart(13),
      note,
    );
  }
  const lens = rows.find((r) => r.mode === 'lens');
  if (lens) console.log(`ratio b/a = ${(lens.ms / floorMs).toFixed(2)}${lens.graphMs !== undefined ? `; warm '${BIG.name}' namespace: graph ${lens.graphMs} ms, volumes ${lens.volumesMs} ms` : ''}`);
}

async function main(): Promise<void> {
  const results: Record<string, Row[]> = {};
  console.log(`Backup Lens benchmark on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  for (const pods of SIZES) {
    results[pods] = await measure(pods);
    print(pods, results[pods]);
  }
  const file = path.join(ROOT, 'bench', 'results.json');
  writeFileSync(file, JSON.stringify({ machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, at: new Date().toISOString(), results }, null, 2));
  console.log(`\nwrote ${path.relative(ROOT, file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
