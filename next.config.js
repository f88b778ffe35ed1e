// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Node libraries (neo4j-driver; argon2's and resvg's native bindings): required at run time, never bundled.
  serverExternalPackages: ['neo4j-driver', '@node-rs/argon2', '@resvg/resvg-js'],
  poweredByHeader: false,
  // The test run builds into its own folder so it never disturbs a running `npm start`.
  distDir: process.env.TIMEWEAVE_DIST_DIR || '.next',
  // `npm run bench` builds to measure the running app; type errors are the test suite's business
  // (npm test's typecheck phase), so the bench may skip Next's own type check.
  typescript: { ignoreBuildErrors: process.env.TIMEWEAVE_BUILD_SKIP_TYPECHECK === '1' },
};
module.exports = nextConfig;
