// Start reading the cluster when the server starts (instrumentation.ts), so the first request finds the scan
// in flight or done. Only with a server identity (no auth mode, proxy mode): in token mode every user reads with
// their own token, and nobody has logged in yet.
import { authState } from './auth-state';
import { getScanner } from './scanner';

export type PrestartOutcome = { started: true } | { started: false; why: string };

export async function prestartServerScan(): Promise<PrestartOutcome> {
  if (process.env.BACKUP_LENS_PRESTART === '0') return { started: false, why: 'BACKUP_LENS_PRESTART=0' };
  const held = authState();
  if ('error' in held) return { started: false, why: held.error };
  const mode = held.state.settings.auth.mode;
  if (mode === 'token') return { started: false, why: 'token mode: each user reads with their own token' };
  const scanner = await getScanner(mode === 'proxy' ? { kind: 'proxy', user: '' } : { kind: 'anyone' });
  if ('error' in scanner) return { started: false, why: scanner.error.message };
  const timing = process.env.BACKUP_LENS_TIMING === '1';
  const at = () => `${Math.round(process.uptime() * 1000)} ms after the process started`;
  if (timing) console.log(`Backup Lens: reading the cluster, ${at()}`);
  // A failure is answered to the first request, which reads again; here it is only noted.
  scanner.scanner.get().then((scan) => timing && console.log(`Backup Lens: read in ${scan.durationMs} ms, ${at()}`)).catch((error: unknown) => console.warn(`Backup Lens: the first read of the cluster failed (${error instanceof Error ? error.message : String(error)}); the first request reads again.`));
  return { started: true };
}
