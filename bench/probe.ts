// What the bench reads from outside a process: HTTP answers (timed, sizes on the wire and decoded), peak
// resident memory (/proc/<pid>/status VmHWM) and CPU time (/proc/<pid>/stat utime + stime).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import zlib from 'node:zlib';

export interface Answer {
  status: number;
  ms: number;
  /** Bytes on the wire (compressed when the server compressed). */
  wireBytes: number;
  /** Bytes of the decoded body. */
  bytes: number;
  encoding: string | null;
  etag: string | null;
  body: string;
}

export function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        const encoding = (res.headers['content-encoding'] as string | undefined) ?? null;
        const raw = encoding === 'br' ? zlib.brotliDecompressSync(wire) : encoding === 'gzip' ? zlib.gunzipSync(wire) : wire;
        const body = raw.toString('utf8');
        if (res.statusCode === 200 && (res.headers['content-type'] ?? '').includes('json')) JSON.parse(body);
        resolve({ status: res.statusCode ?? 0, ms: Math.round(performance.now() - t0), wireBytes: wire.length, bytes: raw.length, encoding, etag: (res.headers.etag as string | undefined) ?? null, body });
      });
    });
    req.on('error', reject);
  });
}

/** Asks until the server listens and answers 200; the time is from `since`. */
export async function firstAnswer(port: number, path: string, since: number, timeoutMs = 300_000): Promise<Answer & { sinceMs: number }> {
  for (;;) {
    try {
      const answer = await get(port, path);
      if (answer.status === 200) return { ...answer, sinceMs: Math.round(performance.now() - since) };
      throw new Error(`${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ECONNREFUSED' && code !== 'ECONNRESET') throw error;
      if (performance.now() - since > timeoutMs) throw new Error(`no answer on port ${port} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/** Peak resident set of a process so far, MiB. */
export function peakRssMiB(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}
