// `npm run bench`: for each size (BENCH_SIZES, default 20000,50000 pods) serve generated pods from the demo
// cluster in its own process and measure, side by side in one run: (a) the floor (fetch + JSON.parse the same
// lists, its own process, before and after) and (b) the real server (`npm start`'s standalone Next.js server,
// started cold) through a whole session; then a run where the demo answers 50 ms late, with Velero's
// per-namespace listing beside it. BENCH_APPROACHES=1 adds the older in-process comparison (bench/approaches.ts).
// Prints every target with PASS/FAIL and writes bench/results.json.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { buildIfNeeded } from '../scripts/launch';
import { approaches } from './approaches';
import { updateReadme } from './readme-table';
import { heapMb, serverRun, type Churner, type ServerRun } from './server';
import { printTargets, targetsOf, type SizeResult } from './targets';

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const SIZES = (process.env.BENCH_SIZES ?? '20000,50000').split(',').filter(Boolean).map(Number);
const LATENCY_SIZE = Number(process.env.BENCH_LATENCY_SIZE ?? 20_000);
const PORT = Number(process.env.BENCH_PORT ?? 3807);
const CHURN = { rate: Number(process.env.BENCH_CHURN_RATE ?? 50), seconds: Number(process.env.BENCH_CHURN_SECONDS ?? 30) };
const BIG = { name: 'big', pvcs: 2000 };

type Row = Record<string, unknown> & { mode: string; ms: number };
interface Demo extends Churner {
  child: ChildProcess;
  stop(): void;
}

function startDemo(pods: number, kubeconfig: string, latencyMs = 0): Promise<Demo> {
  const args = ['bench/demo-process.ts', '--pods', String(pods), '--kubeconfig', kubeconfig, '--big', `${BIG.name}:${BIG.pvcs}`, ...(latencyMs ? ['--latency', String(latencyMs)] : [])];
  const child = spawn(TSX, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`demo cluster exited with ${code}`)));
    void next().then((line) => {
      if (!line.includes('"ready":true')) return reject(new Error(`demo cluster said ${line}`));
      resolve({
        child,
        stop: () => child.kill('SIGTERM'),
        async churn(rate, seconds) {
          child.stdin?.write(`churn ${rate} ${seconds}\n`);
          return (JSON.parse(await next()) as { churned: number }).churned;
        },
      });
    });
  });
}

export async function worker(mode: string, kubeconfig: string, extra: string[] = []): Promise<Row> {
  const { stdout } = await promisify(execFile)(TSX, ['bench/worker.ts', mode, kubeconfig, ...extra], { cwd: ROOT, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Row;
}

function kubeconfigIn(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'backup-lens-bench-')), 'kubeconfig');
}

async function measure(pods: number): Promise<SizeResult> {
  const kubeconfig = kubeconfigIn();
  const demo = await startDemo(pods, kubeconfig);
  try {
    const before = await worker('floor', kubeconfig);
    const server: ServerRun = await serverRun(kubeconfig, PORT, { full: true, big: BIG.name, churner: demo, churn: CHURN });
    const after = await worker('floor', kubeconfig);
    const rows = process.env.BENCH_APPROACHES === '1' ? await approaches(kubeconfig, pods, worker) : [];
    return { pods, floorMs: [before.ms, after.ms], floorRssMiB: before.maxRssMiB as number, server, approaches: rows };
  } finally {
    demo.stop();
  }
}

async function measureLatency(pods: number, latencyMs: number): Promise<SizeResult> {
  const kubeconfig = kubeconfigIn();
  const demo = await startDemo(pods, kubeconfig, latencyMs);
  try {
    const before = await worker('floor', kubeconfig);
    const server = await serverRun(kubeconfig, PORT, { full: false });
    const after = await worker('floor', kubeconfig);
    const cached = await worker('cached', kubeconfig);
    return { pods, latencyMs, floorMs: [before.ms, after.ms], floorRssMiB: before.maxRssMiB as number, server, approaches: [cached] };
  } finally {
    demo.stop();
  }
}

async function main(): Promise<void> {
  buildIfNeeded();
  const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'CPU', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg()[0] ?? 0 };
  console.log(`Backup Lens benchmark on ${machine.cpus} × ${machine.model}, ${machine.memGiB} GiB, Node ${machine.node} (load ${machine.loadAverage.toFixed(2)} at start)`);
  const results: SizeResult[] = [];
  for (const pods of SIZES) {
    console.log(`\nmeasuring ${pods.toLocaleString('en')} pods (+ a ${BIG.pvcs}-claim namespace)…`);
    results.push(await measure(pods));
  }
  if (LATENCY_SIZE > 0) {
    console.log(`\nmeasuring ${LATENCY_SIZE.toLocaleString('en')} pods, every API answer 50 ms late…`);
    results.push(await measureLatency(LATENCY_SIZE, 50));
  }
  const targets = targetsOf(results, CHURN);
  printTargets(results, targets);
  const file = path.join(ROOT, 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify({ machine, at: new Date().toISOString(), churn: CHURN, serverHeapMb: heapMb, results, targets }, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(ROOT, file)}`);
  if (process.env.BENCH_README !== '0') {
    updateReadme();
    console.log('regenerated README.md\'s performance tables');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
