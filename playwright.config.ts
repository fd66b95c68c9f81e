import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from './scripts/chromium';

const PORT = Number(process.env.E2E_PORT ?? 3107);
const CONTROL_PORT = Number(process.env.E2E_CONTROL_PORT ?? 3108);

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: systemChromium(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: `npx tsx e2e/serve.ts`,
      url: `http://127.0.0.1:${PORT}/api/healthz`,
      env: { E2E_PORT: String(PORT), E2E_CONTROL_PORT: String(CONTROL_PORT) },
      timeout: 240_000,
      reuseExistingServer: process.env.E2E_REUSE === '1',
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // Token mode and proxy mode (e2e/auth-*.spec.ts) on PORT+2…PORT+5; waits for the server above to build.
      command: `npx tsx e2e/auth-serve.ts`,
      url: `http://127.0.0.1:${PORT + 5}/requests`,
      env: { E2E_PORT: String(PORT) },
      timeout: 300_000,
      reuseExistingServer: process.env.E2E_REUSE === '1',
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
