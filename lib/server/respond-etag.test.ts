// Conditional answers against the demo cluster: an answer carries a weak ETag from the scan version and the
// query; If-None-Match with it is a 304 without a body until the snapshot changes.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededCluster } from '../demo/scenarios';
import { startDemoCluster } from '../demo/server';
import type { DemoCluster } from '../demo/types';
import { namespacesBody } from './queries';
import { withScan } from './respond';

let demo: DemoCluster;
const held = globalThis as typeof globalThis & { __backupLensScanners?: unknown; __backupLensAuth?: unknown };

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-lens-etag-'));
  demo = await startDemoCluster({ objects: seededCluster(), kubeconfigPath: path.join(dir, 'kubeconfig') });
  Object.assign(process.env, { KUBECONFIG: demo.kubeconfigPath, BACKUP_LENS_CONTEXT: '', BACKUP_LENS_AUTH: 'none', BACKUP_LENS_WATCH: '0', BACKUP_LENS_REFRESH_INTERVAL_SECONDS: '0' });
  delete held.__backupLensScanners;
  delete held.__backupLensAuth;
});
afterAll(() => demo.close());

const ask = (query: string, headers: Record<string, string> = {}) => withScan(new Request(`http://127.0.0.1/api/v1/namespaces${query}`, { headers }), namespacesBody);

describe('conditional /api/v1 answers', () => {
  it('answer 304 without a body to If-None-Match with the answer’s ETag, and 200 with a new tag after a new read', async () => {
    const first = await ask('');
    const tag = first.headers.get('etag');
    expect(first.status).toBe(200);
    expect(tag).toMatch(/^W\/".+"$/);
    const again = await ask('', { 'if-none-match': tag ?? '' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await ask('?defaultVolumesToFsBackup=true');
    expect(other.headers.get('etag')).not.toBe(tag);
    await ask('?refresh=1');
    const reread = await ask('', { 'if-none-match': tag ?? '' });
    expect(reread.status).toBe(200);
    expect(reread.headers.get('etag')).not.toBe(tag);
    expect(((await reread.json()) as { namespaces: unknown[] }).namespaces.length).toBeGreaterThan(3);
  });
});
