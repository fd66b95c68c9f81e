// `npm start`: use the kubeconfig's cluster when it answers; otherwise (no kubeconfig, unreachable, or
// BACKUP_LENS_DEMO=1) start the demo cluster and point the app at it through its own kubeconfig. Listens on
// 127.0.0.1 unless BACKUP_LENS_HOST says otherwise, and then only with an auth mode (or BACKUP_LENS_AUTH=none).
import { serverSettings, startDecision, SettingError, type ServerSettings } from '../lib/auth/config';
import { startDemoCluster } from '../lib/demo/server';
import type { DemoFaults } from '../lib/demo/types';
import { describeClusterError } from '../lib/k8s/errors';
import { loadAccess } from '../lib/k8s/kubeconfig';
import { createTransport } from '../lib/k8s/transport';
import { buildIfNeeded, startNext } from './launch';

const port = Number(process.env.PORT ?? 3000);

/** Why the user's cluster cannot be used, or null when it answers. */
async function clusterProblem(): Promise<string | null> {
  const access = loadAccess();
  if (access.kind !== 'access') return access.message;
  try {
    const transport = await createTransport(access.kc);
    const answer = await transport.get('/version', AbortSignal.timeout(5000));
    console.log(`Using context ${access.context} (${access.server}): the API server answered ${answer.status}.`);
    return null;
  } catch (error) {
    return describeClusterError(error, { server: access.server, context: access.context }).message;
  }
}

/** The settings, or exit with the reason when they are invalid or unsafe. */
function checkedSettings(): ServerSettings {
  let settings: ServerSettings;
  try {
    settings = serverSettings(process.env);
  } catch (error) {
    if (!(error instanceof SettingError)) throw error;
    console.error(`Backup Lens cannot start: ${error.message}`);
    process.exit(1);
  }
  const decision = startDecision(settings);
  if (!decision.start) {
    console.error(decision.message);
    process.exit(1);
  }
  // The server prints decision.warnings itself (instrumentation.ts), also when run from the image.
  return settings;
}

async function main(): Promise<void> {
  const settings = checkedSettings();
  const demoSetting = process.env.BACKUP_LENS_DEMO;
  const env: Record<string, string> = {};
  const problem = demoSetting === '1' ? 'BACKUP_LENS_DEMO=1 asks for the demo cluster.' : demoSetting === '0' ? null : await clusterProblem();
  buildIfNeeded();
  if (problem) {
    const faults = process.env.BACKUP_LENS_DEMO_FAULTS ? (JSON.parse(process.env.BACKUP_LENS_DEMO_FAULTS) as DemoFaults) : undefined;
    const demo = await startDemoCluster({ port: Number(process.env.BACKUP_LENS_DEMO_PORT ?? 0), faults });
    console.log(`\nServing the demo cluster: ${problem}`);
    console.log(`Demo API server ${demo.url}; kubeconfig ${demo.kubeconfigPath}`);
    console.log(`Try: kubectl --kubeconfig ${demo.kubeconfigPath} get pods -A\n`);
    if (settings.auth.mode === 'token') console.log(`Token mode: log in with the demo cluster's token, the "token" of ${demo.kubeconfigPath}.\n`);
    Object.assign(env, { KUBECONFIG: demo.kubeconfigPath ?? '', BACKUP_LENS_CONTEXT: '', BACKUP_LENS_DEMO_ACTIVE: '1', BACKUP_LENS_DEMO_REASON: problem });
  }
  const shown = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  console.log(`Backup Lens on http://${shown}:${port} (authentication: ${settings.auth.mode})`);
  const child = startNext(port, env, settings.host);
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
