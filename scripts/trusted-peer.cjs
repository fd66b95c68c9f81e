// Preloaded into the Next.js server (`node -r ./scripts/trusted-peer.cjs`): every HTTP request gets the
// header x-backup-lens-peer set to the socket's remote address, overwriting any value a client sent, so
// proxy mode can trust the user header only from BACKUP_LENS_TRUSTED_PROXIES. Next.js itself exposes no peer
// address to the proxy or routes (its x-forwarded-for keeps a client's value).
'use strict';
const http = require('node:http');

const HEADER = 'x-backup-lens-peer';
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, request, ...rest) {
  if (event === 'request' && request && request.headers) {
    request.headers[HEADER] = (request.socket && request.socket.remoteAddress) || '';
  }
  return emit.call(this, event, request, ...rest);
};
globalThis.__backupLensTrustedPeer = true;
