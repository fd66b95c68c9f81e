// Preloaded into the Next.js standalone server (`node -r ./server-preload.cjs server.js`, by npm start, the
// e2e server and the image). Two things server.js cannot do itself:
// 1. Listen on BACKUP_LENS_HOST, default 127.0.0.1. server.js listens on $HOSTNAME or 0.0.0.0, and Docker and
//    Kubernetes set HOSTNAME to the container's name, so it is overwritten here. (instrumentation.ts then refuses
//    to serve a non-loopback address without an auth mode.)
// 2. Every HTTP request gets the header x-backup-lens-peer set to the socket's remote address, overwriting any
//    value a client sent, so proxy mode can trust the user header only from BACKUP_LENS_TRUSTED_PROXIES. Next.js
//    exposes no peer address to the proxy or routes (its x-forwarded-for keeps a client's value).
// 3. Every answer starts with the API set of security headers (lib/auth/headers.ts, securityHeaders({ api: true });
//    a unit test keeps the two equal), so even answers Next.js makes before proxy.ts runs (repeated-slash
//    redirects, malformed URLs) carry them; proxy.ts replaces them with the page set for pages.
'use strict';
process.env.HOSTNAME = (process.env.BACKUP_LENS_HOST || '').trim() || '127.0.0.1';

const http = require('node:http');

const HEADER = 'x-backup-lens-peer';
const { BASELINE_HEADERS } = require('./baseline-headers.cjs');
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, request, response, ...rest) {
  if (event === 'request' && request && request.headers) {
    request.headers[HEADER] = (request.socket && request.socket.remoteAddress) || '';
    if (response && typeof response.setHeader === 'function') {
      for (const [name, value] of Object.entries(BASELINE_HEADERS)) response.setHeader(name, value);
    }
  }
  return emit.call(this, event, request, response, ...rest);
};
globalThis.__backupLensTrustedPeer = true;

// 4. Run the instrumentation hook (instrumentation.ts: the start check, then reading the cluster) as soon as
//    server.js has started, not when Next.js has finished loading its server (over a second later on a busy
//    machine): the cluster's lists then load while Next.js does. Next.js registers the hook once per process
//    (ensureInstrumentationRegistered is memoised), so its own later call finds it done. Anything unexpected
//    (not the standalone server, another Next.js layout) leaves it to Next.js.
setImmediate(() => {
  if (process.env.BACKUP_LENS_EARLY_REGISTER === '0' || !process.argv[1]) return;
  try {
    const path = require('node:path');
    const dir = path.dirname(path.resolve(process.argv[1]));
    const hooks = require(require.resolve('next/dist/server/lib/router-utils/instrumentation-globals.external', { paths: [dir] }));
    if (typeof hooks.ensureInstrumentationRegistered !== 'function') return;
    hooks.ensureInstrumentationRegistered(dir, '.next').catch((error) => console.error(error));
  } catch {
    // Next.js registers the hook itself.
  }
});
