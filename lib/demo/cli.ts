// `npm run demo -- [--port N] [--pods N] [--big-namespace NAME:PVCS] [--kubeconfig PATH] [--no-velero]`: run the demo
// cluster alone (seeded, or generated with --pods; --no-velero: a cluster where Velero is not installed) until Ctrl-C.
// Prints one JSON line {"ready":…} for scripts.
import { generateCluster } from './generate';
import { seededCluster } from './scenarios';
import { startDemoCluster } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const pods = arg('pods');
  const big = arg('big-namespace')?.split(':');
  const objects = pods
    ? generateCluster({ pods: Number(pods), seed: 42, ...(big ? { bigNamespace: { name: big[0] ?? 'big', pvcs: Number(big[1] ?? 2000) } } : {}) })
    : seededCluster();
  const demo = await startDemoCluster({ objects, port: Number(arg('port') ?? 0), velero: !process.argv.includes('--no-velero'), ...(arg('kubeconfig') ? { kubeconfigPath: arg('kubeconfig') } : {}) });
  console.log(JSON.stringify({ ready: true, url: demo.url, kubeconfig: demo.kubeconfigPath, pods: objects.pods.length }));
  console.error(`Demo cluster on ${demo.url} (${objects.pods.length} pods)\nTry: kubectl --kubeconfig ${demo.kubeconfigPath} get pods -A`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
