// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The container image runs .next/standalone/server.js: only the traced production files, no npm.
  output: 'standalone',
  // client-node is a Node library with optional native-ish deps; keep it out of the server bundle.
  serverExternalPackages: ['@kubernetes/client-node'],
  poweredByHeader: false,
  // proxy.ts redirects trailing slashes itself, so those answers carry the security headers too.
  skipTrailingSlashRedirect: true,
  // For profiling the browser side of a production build (map a CPU profile back to the sources); off otherwise.
  productionBrowserSourceMaps: process.env.BACKUP_LENS_BROWSER_SOURCEMAPS === '1',
};

module.exports = nextConfig;
