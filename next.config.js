// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // neo4j-driver is a Node library: keep it out of the server bundle and require it at run time.
  serverExternalPackages: ['neo4j-driver'],
  poweredByHeader: false,
};
module.exports = nextConfig;
