// Runs once when the server starts (next start, the standalone server.js, the image): refuse to serve a
// non-loopback address without an auth mode (lib/server/startup-check.ts); then start reading the cluster
// with the server's identity (lib/server/prestart.ts) so the first page finds the scan in flight or done.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  (await import('./lib/server/startup-check')).checkStartup();
  await (await import('./lib/server/prestart')).prestartServerScan();
}
