// The preload every server runs with, and npm start's refusal, in real child processes.
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const preload = path.join(__dirname, 'server-preload.cjs');

describe('the server preload', () => {
  it('listens on loopback unless BACKUP_LENS_HOST says otherwise, whatever HOSTNAME the container got', async () => {
    const print = ['-r', preload, '-e', 'console.log(process.env.HOSTNAME)'];
    expect((await run(process.execPath, print, { env: { NODE_ENV: 'test', HOSTNAME: 'backup-lens-7d9f' } })).stdout.trim()).toBe('127.0.0.1');
    expect((await run(process.execPath, print, { env: { NODE_ENV: 'test', HOSTNAME: 'x', BACKUP_LENS_HOST: '0.0.0.0' } })).stdout.trim()).toBe('0.0.0.0');
  });

  it('overwrites a client’s x-backup-lens-peer with the socket address and starts answers with the security headers', async () => {
    const server = `require('node:http').createServer((req, res) => res.end(req.headers['x-backup-lens-peer'])).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`;
    const child = spawn(process.execPath, ['-r', preload, '-e', server], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const port = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-backup-lens-peer': '10.0.0.1' } });
      expect(await response.text()).toBe('127.0.0.1');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      child.kill();
    }
  });
});

describe('npm start', () => {
  it('refuses BACKUP_LENS_HOST=0.0.0.0 without an auth mode, before building or starting anything', async () => {
    const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
    const error = await run(tsx, [path.join(__dirname, 'start.ts')], { env: { ...process.env, BACKUP_LENS_HOST: '0.0.0.0', BACKUP_LENS_AUTH: '' } }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in error && error.code).toBe(1);
    expect('stderr' in error && error.stderr).toContain('Refusing to listen on 0.0.0.0 without authentication');
  });
});
