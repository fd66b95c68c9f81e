// Shared by `npm start` and the e2e server: build the app when its sources are newer than the build, then
// run `next start` as a child process that dies with us.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const SOURCES = ['app', 'components', 'lib', 'proxy.ts', 'next.config.js', 'package.json', 'postcss.config.mjs', 'tsconfig.json'];
const nextBin = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

function newestMtime(entry: string): number {
  const stat = statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** True when .next holds no production build or a source file changed after it was made. */
export function buildIsStale(): boolean {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(path.join(ROOT, entry)) > built);
}

export function buildIfNeeded(): void {
  if (!buildIsStale()) return;
  console.log('Building the dashboard (next build)…');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
}

/** Preloaded into the server: sets x-backup-lens-peer from the socket (proxy mode trusts only that). */
export const trustedPeerPreload = path.join(ROOT, 'scripts', 'trusted-peer.cjs');

/**
 * Starts `next start` on host:port with the given environment; the child is killed when this process exits.
 * The host defaults to loopback: other addresses are an explicit choice (BACKUP_LENS_HOST, checked by the caller).
 */
export function startNext(port: number, env: Record<string, string>, host = '127.0.0.1'): ChildProcess {
  const child = spawn(process.execPath, ['-r', trustedPeerPreload, nextBin, 'start', '-p', String(port), '-H', host], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop();
      process.exit(0);
    });
  }
  return child;
}

export const projectRoot = ROOT;
