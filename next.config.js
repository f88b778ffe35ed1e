// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // neo4j-driver is a Node library: keep it out of the server bundle and require it at run time.
  serverExternalPackages: ['neo4j-driver'],
  poweredByHeader: false,
  // The test run builds into its own folder so it never disturbs a running `npm start`.
  distDir: process.env.TIMEWEAVE_DIST_DIR || '.next',
};
module.exports = nextConfig;
