// The server's own start rule (instrumentation.ts): exit when listening on a non-loopback address without an
// auth mode, or when a setting is invalid — the same rule scripts/start.ts applies before starting anything.
import { serverSettings, startDecision, SettingError } from '../auth/config';

export function checkStartup(env: NodeJS.ProcessEnv = process.env): void {
  const host = env.BACKUP_LENS_HOST ?? env.HOSTNAME ?? '127.0.0.1';
  try {
    const decision = startDecision(serverSettings({ ...env, BACKUP_LENS_HOST: host }));
    if (decision.start) {
      for (const warning of decision.warnings) console.warn(warning);
      return;
    }
    console.error(decision.message);
  } catch (error) {
    if (!(error instanceof SettingError)) throw error;
    console.error(`Backup Lens cannot start: ${error.message}`);
  }
  process.exit(1);
}
