// The security headers every answer starts with (scripts/server-preload.cjs sets them before Next.js runs).
// Equal to lib/auth/headers.ts securityHeaders({ api: true }); lib/auth/headers.test.ts keeps them equal.
'use strict';
const BASELINE_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
module.exports = { BASELINE_HEADERS };
