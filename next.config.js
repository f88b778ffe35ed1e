// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Node libraries (neo4j-driver; argon2's native binding): required at run time, never bundled.
  serverExternalPackages: ['neo4j-driver', '@node-rs/argon2'],
  poweredByHeader: false,
  // The test run builds into its own folder so it never disturbs a running `npm start`.
  distDir: process.env.TIMEWEAVE_DIST_DIR || '.next',
};
module.exports = nextConfig;
