/** @type {import('next').NextConfig} */
const nextConfig = {
  // Static export: the whole course (lessons, labs, the simulated cluster) is files on a CDN. No server state.
  output: "export",
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` typechecks everything (tsc, both tsconfigs) before it builds; no need to do it twice.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
