// The e2e server's test-only control channel (e2e/serve.ts): faults and object changes in the demo cluster.
import type { DemoFaults, DemoResource } from '../../lib/demo/types';

const base = `http://127.0.0.1:${process.env.E2E_CONTROL_PORT ?? 3108}`;

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${base}${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`control ${path} answered ${response.status}`);
}

export const demoControl = {
  setFaults: (faults: DemoFaults) => post('/faults', faults),
  reset: () => post('/reset', {}),
  upsert: (resource: DemoResource, object: Record<string, unknown>) => post('/upsert', { resource, object }),
};
