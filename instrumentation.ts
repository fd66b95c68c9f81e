// Runs once when the server starts (next start, the standalone server.js, the image): refuse to serve a
// non-loopback address without an auth mode, the same rule scripts/start.ts applies before it starts anything.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { serverSettings, startDecision, SettingError } = await import('./lib/auth/config');
  const host = process.env.BACKUP_LENS_HOST ?? process.env.HOSTNAME ?? '127.0.0.1';
  try {
    const decision = startDecision(serverSettings({ ...process.env, BACKUP_LENS_HOST: host }));
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
