// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // client-node is a Node library with optional native-ish deps; keep it out of the server bundle.
  serverExternalPackages: ['@kubernetes/client-node'],
  poweredByHeader: false,
};

module.exports = nextConfig;
