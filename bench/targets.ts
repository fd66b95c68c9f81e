// issue 13's targets, each with its measured value and PASS/FAIL, from one bench run.
import { APPROACH_LABELS } from './approaches';
import { heapMb, type ServerRun } from './server';

type Row = Record<string, unknown> & { mode: string; ms: number };

export interface SizeResult {
  pods: number;
  /** Set for the run where every API answer is this late. */
  latencyMs?: number;
  /** The floor before and after the server run (the machine is shared: both are shown, their mean is used). */
  floorMs: [number, number];
  floorRssMiB: number;
  server: ServerRun;
  approaches: Row[];
}

export interface Target {
  name: string;
  measured: string;
  pass: boolean | null;
}

const mean = (r: SizeResult) => (r.floorMs[0] + r.floorMs[1]) / 2;
const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(0)} KB`);
const mib = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 2 ** 20).toFixed(1)} MiB`);

export function targetsOf(results: SizeResult[], churn: { rate: number; seconds: number }): Target[] {
  const targets: Target[] = [];
  for (const r of results) {
    const ratio = r.server.coldMs / mean(r);
    const where = `${r.pods.toLocaleString('en')} pods${r.latencyMs ? `, answers ${r.latencyMs} ms late` : ''}`;
    targets.push({ name: `cold start → first /api/v1/namespaces ≤ 1.2× floor (${where})`, measured: `${r.server.coldMs} ms vs floor ${mean(r).toFixed(0)} ms = ${ratio.toFixed(2)}×`, pass: ratio <= 1.2 });
    if (r.latencyMs) {
      const cached = r.approaches.find((a) => a.mode === 'cached');
      if (cached) targets.push({ name: `  beside it: Velero's per-namespace listing (${where})`, measured: `${cached.ms} ms = ${(cached.ms / mean(r)).toFixed(2)}× floor, ${String(cached.requests)} requests`, pass: null });
    }
  }
  const full = results.filter((r) => !r.latencyMs);
  const largest = full.reduce<SizeResult | undefined>((a, b) => (!a || b.pods > a.pods ? b : a), undefined);
  if (largest) {
    const s = largest.server;
    const at = `${largest.pods.toLocaleString('en')} pods`;
    targets.push({ name: `peak RSS < 600 MiB across first answer, volumes, refresh, churn (${at}, BACKUP_LENS_HEAP_MB=${heapMb})`, measured: `${s.rssPeakMiB} MiB (first ${s.rssAfterFirstMiB}, volumes ${s.rssAfterVolumesMiB ?? '–'}, refresh ${s.rssAfterRefreshMiB ?? '–'})`, pass: s.rssPeakMiB < 600 });
    if (s.churn) {
      const c = s.churn;
      targets.push({ name: `${churn.rate} pod changes/s for ${churn.seconds} s: /api/v1/namespaces p95 < 100 ms (${at})`, measured: `p50 ${c.namespacesP50Ms} ms, p95 ${c.namespacesP95Ms} ms, max ${c.namespacesMaxMs} ms over ${c.samples} answers`, pass: c.namespacesP95Ms < 100 });
      targets.push({ name: `  server CPU during churn < 1 core (${at})`, measured: `${c.cpuCores} cores`, pass: c.cpuCores < 1 });
      targets.push({ name: `  namespaces answer after churn = a fresh re-read (${at})`, measured: c.matchesReread ? 'equal' : 'different', pass: c.matchesReread });
    }
  }
  for (const r of full) {
    const s = r.server;
    const at = `${r.pods.toLocaleString('en')} pods`;
    if (s.graphBytes !== undefined) {
      targets.push({ name: `graph answer of the 2,000-claim namespace < 500 KB (${at})`, measured: `${kb(s.graphBytes)} decoded, ${kb(s.graphWireBytes)} on the wire (${s.graphEncoding ?? 'identity'})${s.graphRowsBytes !== undefined ? `; its rows request ${kb(s.graphRowsBytes)} → ${kb(s.graphRowsWireBytes)}` : ''}`, pass: s.graphBytes < 500 * 1024 });
      targets.push({ name: `  If-None-Match with its ETag → 304 (${at})`, measured: s.graph304 ? '304' : 'no 304', pass: s.graph304 === true });
    }
    if (s.volumesBytes !== undefined) {
      targets.push({ name: `JSON compressed (gzip/br): /api/v1/volumes (${at})`, measured: `${mib(s.volumesBytes)} → ${mib(s.volumesWireBytes)} on the wire in ${s.volumesMs} ms`, pass: (s.volumesWireBytes ?? Infinity) < (s.volumesBytes ?? 0) });
    }
  }
  return targets;
}

export function printTargets(results: SizeResult[], targets: Target[]): void {
  for (const r of results) {
    const s = r.server;
    console.log(`\n${r.pods.toLocaleString('en')} pods${r.latencyMs ? `, every answer ${r.latencyMs} ms late` : ''}`);
    console.log(`  floor (fetch + JSON.parse): ${r.floorMs.join(' / ')} ms (before / after), peak RSS ${r.floorRssMiB} MiB`);
    console.log(`  real server cold → first namespaces answer: ${s.coldMs} ms (${(s.coldMs / mean(r)).toFixed(2)}× floor), ${kb(s.namespacesBytes)}, RSS ${s.rssAfterFirstMiB} MiB`);
    for (const line of s.timeline.slice(0, 4)) console.log(`    ${line}`);
    if (s.volumesMs !== undefined) console.log(`  volumes answer ${s.volumesMs} ms, ${mib(s.volumesBytes)} (${mib(s.volumesWireBytes)} on the wire); refresh=1 ${s.refreshMs} ms; peak RSS ${s.rssPeakMiB} MiB`);
    for (const a of r.approaches) console.log(`  ${(APPROACH_LABELS[a.mode] ?? a.mode).padEnd(46)} ${String(a.extrapolatedMs ?? a.ms).padStart(8)} ms ${((Number(a.extrapolatedMs ?? a.ms)) / mean(r)).toFixed(2).padStart(6)}× ${String(a.requests ?? '').padStart(8)} requests, RSS ${String(a.maxRssMiB ?? '–')} MiB`);
  }
  console.log('\nTargets (issue 13)');
  for (const t of targets) console.log(`  ${t.pass === null ? '    ' : t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(78)} ${t.measured}`);
}
