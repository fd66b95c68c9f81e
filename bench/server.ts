// The real server, measured from outside: `npm start`'s standalone Next.js server started cold against a demo
// cluster in another process; first answer, volumes, the big namespace's graph (size, compression, 304), a
// refresh, pod churn (latency of /api/v1/namespaces, server CPU, verdicts against a re-read), peak RSS.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot, serverNodeFlags, serverPreload } from '../scripts/launch';
import { cpuSeconds, firstAnswer, get, peakRssMiB } from './probe';

const STANDALONE = path.join(projectRoot, '.next', 'standalone');

export interface ServerRun {
  coldMs: number;
  namespacesBytes: number;
  rssAfterFirstMiB: number;
  volumesMs?: number;
  volumesBytes?: number;
  volumesWireBytes?: number;
  rssAfterVolumesMiB?: number;
  graphBytes?: number;
  graphWireBytes?: number;
  graphEncoding?: string | null;
  graph304?: boolean;
  /** The rows request of a namespace whose graph answer leaves them out. */
  graphRowsBytes?: number;
  graphRowsWireBytes?: number;
  refreshMs?: number;
  rssAfterRefreshMiB?: number;
  churn?: { events: number; seconds: number; namespacesP50Ms: number; namespacesP95Ms: number; namespacesMaxMs: number; samples: number; cpuCores: number; matchesReread: boolean };
  rssPeakMiB: number;
  /** The server's own timing lines (BACKUP_LENS_TIMING=1) up to the first answer: where the cold start goes. */
  timeline: string[];
}

/** The server's heap cap in the bench (npm start's BACKUP_LENS_HEAP_MB); BENCH_HEAP_MB=0 for V8's default. */
export const heapMb = process.env.BENCH_HEAP_MB ?? '512';

export function startServer(kubeconfig: string, port: number): ChildProcess {
  // The flags npm start gives the server (BACKUP_LENS_HEAP_MB, which the bench sets: see run.ts), plus
  // BENCH_SERVER_NODE_FLAGS for experiments.
  const flags = [...serverNodeFlags({ BACKUP_LENS_HEAP_MB: heapMb }), ...(process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean)];
  return spawn(process.execPath, [...flags, '-r', serverPreload, path.join(STANDALONE, 'server.js')], {
    cwd: STANDALONE,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BACKUP_LENS_TIMING: '1', KUBECONFIG: kubeconfig, BACKUP_LENS_CONTEXT: '', PORT: String(port), BACKUP_LENS_HOST: '127.0.0.1', BACKUP_LENS_REFRESH_INTERVAL_SECONDS: '0', NEXT_TELEMETRY_DISABLED: '1' },
  });
}

/** The namespaces answer without what changes on every answer (times, versions). */
const rowsOf = (body: string) => JSON.stringify((JSON.parse(body) as { namespaces: unknown }).namespaces);

export interface Churner {
  churn(rate: number, seconds: number): Promise<number>;
}

/** Cold start only (`full` false), or the whole session. */
export async function serverRun(kubeconfig: string, port: number, options: { full: boolean; big?: string; churner?: Churner; churn?: { rate: number; seconds: number } }): Promise<ServerRun> {
  const t0 = performance.now();
  const child = startServer(kubeconfig, port);
  const pid = child.pid as number;
  const timeline: string[] = [];
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const lines = out.split('\n');
    out = lines.pop() ?? '';
    for (const line of lines) if (timeline.length < 12 && /Backup Lens:|Ready in/.test(line)) timeline.push(`${line.trim()} [bench +${Math.round(performance.now() - t0)} ms]`);
  });
  try {
    const first = await firstAnswer(port, '/api/v1/namespaces', t0);
    const run: ServerRun = { coldMs: first.sinceMs, namespacesBytes: first.bytes, rssAfterFirstMiB: peakRssMiB(pid), rssPeakMiB: 0, timeline };
    if (options.full) {
      const volumes = await get(port, '/api/v1/volumes', { 'accept-encoding': 'br, gzip' });
      Object.assign(run, { volumesMs: volumes.ms, volumesBytes: volumes.bytes, volumesWireBytes: volumes.wireBytes, rssAfterVolumesMiB: peakRssMiB(pid) });
      if (options.big) {
        const graph = await get(port, `/api/v1/graph?namespace=${options.big}`, { 'accept-encoding': 'br, gzip' });
        const again = graph.etag ? await get(port, `/api/v1/graph?namespace=${options.big}`, { 'if-none-match': graph.etag }) : null;
        const separate = (JSON.parse(graph.body) as { rows?: { separate?: boolean } }).rows?.separate === true;
        const rows = separate ? await get(port, `/api/v1/graph/rows?namespace=${options.big}`, { 'accept-encoding': 'br, gzip' }) : null;
        Object.assign(run, { graphBytes: graph.bytes, graphWireBytes: graph.wireBytes, graphEncoding: graph.encoding, graph304: again?.status === 304, graphRowsBytes: rows?.bytes, graphRowsWireBytes: rows?.wireBytes });
      }
      const refresh = await get(port, '/api/v1/namespaces?refresh=1');
      Object.assign(run, { refreshMs: refresh.ms, rssAfterRefreshMiB: peakRssMiB(pid) });
      if (options.churner && options.churn) run.churn = await churnRun(port, pid, options.churner, options.churn);
    }
    run.rssPeakMiB = peakRssMiB(pid);
    return run;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function churnRun(port: number, pid: number, churner: Churner, { rate, seconds }: { rate: number; seconds: number }): Promise<NonNullable<ServerRun['churn']>> {
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  const latencies: number[] = [];
  let running = true;
  const done = churner.churn(rate, seconds).finally(() => {
    running = false;
  });
  const poll = (async () => {
    while (running) {
      latencies.push((await get(port, '/api/v1/namespaces')).ms);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const events = await done;
  await poll;
  const cpuCores = (cpuSeconds(pid) - cpu0) / ((performance.now() - t0) / 1000);
  // Let the last events arrive, then compare the followed answer with a fresh read of the cluster.
  await new Promise((r) => setTimeout(r, 1500));
  const followed = rowsOf((await get(port, '/api/v1/namespaces')).body);
  const reread = rowsOf((await get(port, '/api/v1/namespaces?refresh=1')).body);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    events,
    seconds,
    namespacesP50Ms: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    namespacesP95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
    namespacesMaxMs: sorted[sorted.length - 1] ?? NaN,
    samples: sorted.length,
    cpuCores: Math.round(cpuCores * 100) / 100,
    matchesReread: followed === reread,
  };
}
