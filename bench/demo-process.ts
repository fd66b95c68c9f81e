// The bench's demo cluster in its own process: generated pods, optional answer latency, and pod churn on
// request. `tsx bench/demo-process.ts --pods N --kubeconfig PATH [--big NAME:PVCS] [--latency MS]`.
// Prints {"ready":true,…}; then reads commands from stdin, one a line:
//   churn RATE SECONDS  → modifies RATE pods a second (an annotation, a label, or a volume's claim) and prints
//                         {"churned":N} when done.
import { createInterface } from 'node:readline';
import { generateCluster } from '../lib/demo/generate';
import { startDemoCluster } from '../lib/demo/server';
import type { Pod } from '../lib/model/kube';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

async function main(): Promise<void> {
  const big = arg('big')?.split(':');
  const objects = generateCluster({ pods: Number(arg('pods') ?? 1000), seed: 42, ...(big ? { bigNamespace: { name: big[0] ?? 'big', pvcs: Number(big[1] ?? 2000) } } : {}) });
  // A working Velero: without a default BackupStorageLocation the default backup fails validation and no volume
  // is decided at all (the bench would measure nothing of the engine).
  objects.backupStorageLocations = [{
    apiVersion: 'velero.io/v1', kind: 'BackupStorageLocation', metadata: { name: 'default', namespace: 'velero' },
    spec: { provider: 'aws', default: true, accessMode: 'ReadWrite', objectStorage: { bucket: 'bench' } }, status: { phase: 'Available' },
  }];
  const latencyMs = Number(arg('latency') ?? 0);
  const demo = await startDemoCluster({ objects, kubeconfigPath: arg('kubeconfig') ?? '', ...(latencyMs > 0 ? { faults: { latencyMs } } : {}) });
  const pods: Pod[] = objects.pods.map((p) => structuredClone(p));
  console.log(JSON.stringify({ ready: true, url: demo.url, pods: pods.length }));
  let seq = 0;

  /** One pod change of the kinds a cluster sees: opt a volume in or out, label the pod, or rename its claim. */
  const change = (): void => {
    const pod = pods[Math.floor(Math.random() * pods.length)] as Pod;
    const meta = (pod.metadata ??= {});
    seq++;
    const kind = seq % 3;
    if (kind === 0) meta.annotations = { ...meta.annotations, 'backup.velero.io/backup-volumes': seq % 2 ? 'data' : 'data,tmp' };
    else if (kind === 1) meta.labels = { ...meta.labels, 'bench-churn': String(seq) };
    else {
      const claim = pod.spec?.volumes?.find((v) => v.persistentVolumeClaim);
      if (claim?.persistentVolumeClaim) claim.persistentVolumeClaim.claimName = `${(claim.persistentVolumeClaim.claimName ?? "data").replace(/-moved$/, '')}${seq % 2 ? '-moved' : ''}`;
      else meta.annotations = { ...meta.annotations, 'backup.velero.io/backup-volumes-excludes': 'tmp' };
    }
    demo.upsert('pods', pod as Record<string, unknown>);
  };

  const churn = (rate: number, seconds: number) =>
    new Promise<number>((resolve) => {
      let done = 0;
      const total = rate * seconds;
      const started = Date.now();
      const tick = setInterval(() => {
        const due = Math.min(total, Math.round(((Date.now() - started) / 1000) * rate));
        while (done < due) {
          change();
          done++;
        }
        if (done >= total) {
          clearInterval(tick);
          resolve(done);
        }
      }, 20);
    });

  for await (const line of createInterface({ input: process.stdin })) {
    const [command, a, b] = line.trim().split(/\s+/);
    if (command === 'churn') console.log(JSON.stringify({ churned: await churn(Number(a), Number(b)) }));
  }
}

process.on('SIGTERM', () => process.exit(0));
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
