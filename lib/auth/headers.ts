// Security headers on every answer: a nonce-based CSP for pages (Next.js puts the nonce on its own scripts),
// a deny-all CSP for API answers, and the usual hardening headers.
export interface HeaderOptions {
  /** Per-request nonce for pages; absent for API and static answers. */
  nonce?: string;
  /** `next dev` needs eval for React's debugging; production never gets it. */
  dev?: boolean;
  api?: boolean;
}

export function contentSecurityPolicy({ nonce, dev = false, api = false }: HeaderOptions): string {
  if (api) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ''}`,
    // Style attributes written by React Flow and the virtualised table; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(options: HeaderOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // Not no-referrer: with it browsers send `Origin: null` on same-origin form POSTs, and login checks Origin.
    'referrer-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

/** The names every answer must carry (the tests check them). */
export const REQUIRED_HEADERS = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy'] as const;
