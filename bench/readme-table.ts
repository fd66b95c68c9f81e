// Regenerates README.md's performance tables from bench/results.json (between the bench markers), naming the
// machine the run was made on. `npm run bench` calls it; `npm run bench:readme` runs it alone.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SizeResult, Target } from './targets';

const ROOT = path.resolve(__dirname, '..');
const START = '<!-- bench:start (generated from bench/results.json by bench/readme-table.ts) -->';
const END = '<!-- bench:end -->';

interface Results {
  machine: { cpus: number; model: string; memGiB: number; node: string; loadAverage?: number };
  at: string;
  churn: { rate: number; seconds: number };
  serverHeapMb?: string;
  results: SizeResult[];
  targets: Target[];
}

const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
const mib = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 2 ** 20).toFixed(1)} MiB`);
const floorOf = (r: SizeResult) => (r.floorMs[0] + r.floorMs[1]) / 2;

export function readmeTables(data: Results): string {
  const { machine } = data;
  const lines: string[] = [];
  lines.push(`Measured ${data.at.slice(0, 10)} on ${machine.cpus} × ${machine.model}, ${machine.memGiB} GiB, Node ${machine.node.replace(/^v/, '')}${machine.loadAverage !== undefined ? ` (shared: load average ${machine.loadAverage.toFixed(1)} when the run started)` : ''}. The server is \`npm start\`'s standalone Next.js server started cold; the demo cluster runs in its own process; the floor fetches and \`JSON.parse\`s the same four lists in its own process (before and after the server, mean used)${data.serverHeapMb && data.serverHeapMb !== '0' ? `; the server runs with \`BACKUP_LENS_HEAP_MB=${data.serverHeapMb}\`` : ''}.`);
  lines.push('');
  lines.push('| pods | floor | cold start → first `/api/v1/namespaces` | × floor | volumes answer (decoded → wire) | `refresh=1` | peak RSS |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of data.results) {
    const v = r.server;
    const pods = `${r.pods.toLocaleString('en')}${r.latencyMs ? ` (answers ${r.latencyMs} ms late)` : ''}`;
    const volumes = v.volumesMs === undefined ? '–' : `${s(v.volumesMs)} (${mib(v.volumesBytes)} → ${mib(v.volumesWireBytes)})`;
    lines.push(`| ${pods} | ${s(floorOf(r))} | ${s(v.coldMs)} | **${(v.coldMs / floorOf(r)).toFixed(2)}** | ${volumes} | ${s(v.refreshMs)} | ${v.rssPeakMiB} MiB |`);
  }
  const cached = data.results.flatMap((r) => r.approaches.filter((a) => a.mode === 'cached').map((a) => ({ r, a })));
  for (const { r, a } of cached) lines.push(`\nBeside it${r.latencyMs ? `, with answers ${r.latencyMs} ms late` : ''}: Velero's per-namespace listing (one pod list per namespace) took ${s(a.ms)} (${(a.ms / floorOf(r)).toFixed(2)}× the floor, ${String(a.requests)} requests).`);
  lines.push('');
  lines.push('| target (issue 13) | measured | |');
  lines.push('|---|---|---|');
  for (const t of data.targets) lines.push(`| ${t.name.trim()} | ${t.measured} | ${t.pass === null ? '' : t.pass ? 'PASS' : '**FAIL**'} |`);
  return lines.join('\n');
}

export function updateReadme(file = path.join(ROOT, 'README.md'), results = path.join(ROOT, 'bench', 'results.json')): void {
  const data = JSON.parse(readFileSync(results, 'utf8')) as Results;
  const readme = readFileSync(file, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section to regenerate.`);
  writeFileSync(file, `${readme.slice(0, start + START.length)}\n${readmeTables(data)}\n${readme.slice(end)}`);
}

if (require.main === module) {
  updateReadme();
  console.log('README.md performance tables regenerated from bench/results.json');
}
