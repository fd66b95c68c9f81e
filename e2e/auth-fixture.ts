// The auth e2e servers (e2e/auth-serve.ts): ports next to E2E_PORT and the demo cluster's two test tokens.
// Test-only credentials of a loopback demo cluster that exists only during the run.
const base = Number(process.env.E2E_PORT ?? 3107);

export const AUTH_PORTS = {
  /** BACKUP_LENS_AUTH=token */
  token: base + 2,
  /** BACKUP_LENS_AUTH=proxy trusting an address no test request comes from */
  proxyUntrusted: base + 3,
  /** BACKUP_LENS_AUTH=proxy trusting loopback */
  proxyTrusted: base + 4,
  /** test-only control: GET /requests (the demo cluster's request log) */
  control: base + 5,
};

export const authUrl = (port: number) => `http://127.0.0.1:${port}`;

export const FULL_TOKEN = 'e2e-full-access-token-0123456789abcdef';
export const LIMITED_TOKEN = 'e2e-limited-token-shop-wiki-fedcba9876543210';
export const LIMITED_NAMESPACES = ['shop', 'wiki'];
export const UNTRUSTED_PROXY = '10.255.255.254';
export const REFRESH_INTERVAL_SECONDS = 30;
