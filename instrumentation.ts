// Runs once when the server starts (next start, the standalone server.js, the image): refuse to serve a
// non-loopback address without an auth mode (lib/server/startup-check.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') (await import('./lib/server/startup-check')).checkStartup();
}
