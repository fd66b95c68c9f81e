// A self-signed certificate for 127.0.0.1/localhost, made once and cached under .backup-lens/ (making an RSA
// key takes a moment; tests start many servers).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface DemoTls {
  cert: string;
  key: string;
}

let memo: Promise<DemoTls> | null = null;

async function make(): Promise<DemoTls> {
  const pems = await generate([{ name: 'commonName', value: 'backup-lens-demo' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 5 * 365 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

export function demoTls(cacheDir = path.join(process.cwd(), '.backup-lens')): Promise<DemoTls> {
  memo ??= (async () => {
    const file = path.join(cacheDir, 'demo-tls.json');
    if (existsSync(file)) {
      try {
        const cached = JSON.parse(readFileSync(file, 'utf8')) as DemoTls;
        if (cached.cert && cached.key) return cached;
      } catch {
        // A broken cache is replaced below.
      }
    }
    const tls = await make();
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(file, JSON.stringify(tls), { mode: 0o600 });
    } catch {
      // Read-only directory: keep the certificate in memory only.
    }
    return tls;
  })();
  return memo;
}
