// Before the e2e suite: make sure a Chromium exists. Debian's package when running as root, else
// Playwright's own browser; otherwise stop with the exact command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { systemChromium } from './chromium';

function run(command: string, args: string[]): boolean {
  console.log(`$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function main(): number {
  const found = systemChromium() ?? playwrightChromium();
  if (found) {
    console.log(`Chromium for the e2e tests: ${found}`);
    return 0;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("No Chromium found; installing Debian's chromium package.");
    if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium']) && systemChromium()) return 0;
  } else {
    console.log("No Chromium found; installing Playwright's own Chromium.");
    if (run('npx', ['playwright', 'install', 'chromium']) && playwrightChromium()) return 0;
  }
  console.error(
    '\nNo Chromium is available for the end-to-end tests. Install one, then run the tests again:\n' +
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      '  elsewhere:      npx playwright install chromium\n' +
      'or point BACKUP_LENS_CHROMIUM at a Chromium or Chrome binary.',
  );
  return 1;
}

process.exit(main());
