// Where a Chromium for Playwright is: an explicit path, Debian's package, or Playwright's own download.
import { existsSync } from 'node:fs';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Flags this machine needs: no sandbox as root, no GPU, no background connections to a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** A system Chromium (or BACKUP_LENS_CHROMIUM); undefined means "use Playwright's own browser". */
export function systemChromium(): string | undefined {
  const explicit = process.env.BACKUP_LENS_CHROMIUM;
  if (explicit) return explicit;
  return SYSTEM_PATHS.find((path) => existsSync(path));
}
