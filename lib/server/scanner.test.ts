// Per-identity scanners against the demo cluster: each token reads with its own RBAC, scans are never shared,
// a gone session drops its scanner; withScan answers 401 without a session and 429 for a second refresh; the
// server's own scanner loads its kubeconfig again after a 401.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../auth/request';
import type { Session, SessionStore } from '../auth/sessions';
import { seededCluster } from '../demo/scenarios';
import { demoKubeconfig, startDemoCluster } from '../demo/server';
import type { DemoCluster } from '../demo/types';
import { authState } from './auth-state';
import { namespacesBody } from './queries';
import { withScan } from './respond';
import { baseAccess, getScanner, userScannerCount } from './scanner';

let demo: DemoCluster;
let sessions: SessionStore;
const LIMITED = 'limited-token-for-shop-and-wiki';
const BOB = 'bob-token-for-media-only';

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-lens-scanner-'));
  demo = await startDemoCluster({ objects: seededCluster(), kubeconfigPath: path.join(dir, 'kubeconfig'), users: [{ name: 'alice', token: LIMITED, namespaces: ['shop', 'wiki'] }, { name: 'bob', token: BOB, namespaces: ['media'] }] });
  Object.assign(process.env, { KUBECONFIG: demo.kubeconfigPath, BACKUP_LENS_CONTEXT: '', BACKUP_LENS_AUTH: 'token', BACKUP_LENS_REFRESH_INTERVAL_SECONDS: '60', BACKUP_LENS_WATCH: '0' });
  const held = authState();
  if (!('state' in held) || !held.state.sessions) throw new Error('token mode did not start');
  sessions = held.state.sessions;
});
afterAll(() => demo.close());

const names = async (session: Session) => {
  const held = await getScanner({ kind: 'session', session });
  if ('error' in held) throw new Error(held.error.message);
  return (await held.scanner.get()).snapshot.namespaces.map((n) => n.metadata?.name).sort();
};

describe('per-user scanners', () => {
  it('read with each user’s own token, so two users see different namespaces', async () => {
    const admin = sessions.create(demo.token, 'admin');
    const alice = sessions.create(LIMITED, 'alice', ['shop', 'wiki']);
    expect(await names(alice)).toEqual(['shop', 'wiki']);
    expect(await names(admin)).toContain('velero');
    const aliceScan = await getScanner({ kind: 'session', session: alice });
    const adminScan = await getScanner({ kind: 'session', session: admin });
    expect('scanner' in aliceScan && 'scanner' in adminScan && aliceScan.scanner !== adminScan.scanner).toBe(true);
  });

  it('reuse one scanner for two sessions of the same token, and drop it when no session uses the token', async () => {
    const first = sessions.create(BOB, 'bob', ['media']);
    const second = sessions.create(BOB, 'bob', ['media']);
    const a = await getScanner({ kind: 'session', session: first });
    const b = await getScanner({ kind: 'session', session: second });
    expect('scanner' in a && 'scanner' in b && a.scanner === b.scanner).toBe(true);
    expect('scanner' in a && (await a.scanner.get()).snapshot.namespaces.map((n) => n.metadata?.name)).toEqual(['media']);
    const before = userScannerCount();
    for (const s of [first, second]) sessions.delete(s.id);
    // Any other user's request sweeps scanners whose token no live session holds.
    const other = sessions.create(demo.token, 'admin');
    await getScanner({ kind: 'session', session: other });
    expect(userScannerCount()).toBeLessThan(before);
  });

  it('show a user’s scan as the cluster context “as” that user', async () => {
    const session = sessions.create(LIMITED, 'alice', ['wiki']);
    const held = await getScanner({ kind: 'session', session });
    expect('scanner' in held && (await held.scanner.get()).cluster.context).toBe('backup-lens-demo as alice');
  });
});

describe('withScan in token mode', () => {
  it('answers 401 JSON without a session', async () => {
    const response = await withScan(new Request('http://127.0.0.1/api/v1/namespaces'), namespacesBody);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { kind: 'unauthenticated', message: 'Log in with a Kubernetes bearer token first.' } });
  });

  it('answers a session, then 429 with Retry-After for a second refresh of the same user', async () => {
    const session = sessions.create(LIMITED, 'alice', ['shop']);
    const request = () => new Request('http://127.0.0.1/api/v1/namespaces?refresh=1', { headers: { cookie: `${SESSION_COOKIE}=${session.id}` } });
    const first = await withScan(request(), namespacesBody);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { namespaces: Array<{ name: string }> }).namespaces.map((n) => n.name)).toEqual(['shop']);
    const second = await withScan(request(), namespacesBody);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(((await second.json()) as { error: { kind: string } }).error.kind).toBe('rateLimited');
  });
});

describe('the server’s own scanner', () => {
  it('loads the kubeconfig again after a 401 and reads with its new credentials', async () => {
    const file = demo.kubeconfigPath as string;
    const good = readFileSync(file, 'utf8');
    const held = globalThis as { __backupLensScanners?: unknown };
    const saved = held.__backupLensScanners;
    held.__backupLensScanners = undefined;
    writeFileSync(file, demoKubeconfig(demo.url, demo.caPem, 'a-revoked-token'));
    try {
      const server = await getScanner({ kind: 'anyone' });
      if ('error' in server) throw new Error(server.error.message);
      writeFileSync(file, good); // the user logged in again
      expect((await server.scanner.get()).snapshot.namespaces.map((n) => n.metadata?.name)).toContain('velero');
      const base = baseAccess();
      expect('access' in base && base.access.kc.getCurrentUser()?.token).toBe(demo.token);
    } finally {
      writeFileSync(file, good);
      held.__backupLensScanners = saved;
    }
  });
});
