import path from "node:path";
import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { buildTerminalScripts, installTerminalScripts } from "./scripts/build-terminal-scripts.mjs";

const root = path.dirname(new URL(import.meta.url).pathname);
const cacheDir = path.join(root, ".cache", "terminal-scripts");

/** @type {(phase: string) => Promise<import('next').NextConfig>} */
export default async function nextConfig(phase) {
  /** @type {import('next').NextConfig} */
  const config = {
    // Static export: the whole course (lessons, labs, the simulated cluster) is files on a CDN. No server state.
    output: "export",
    trailingSlash: true,
    images: { unoptimized: true },
    reactStrictMode: true,
    poweredByHeader: false,
    // `npm test` typechecks everything (tsc, both tsconfigs) before it builds; no need to do it twice.
    typescript: { ignoreBuildErrors: true },
  };
  if (phase !== PHASE_PRODUCTION_BUILD) return config; // the dev server bundles worker and xterm itself
  // The lesson terminal's worker and xterm script are built apart (scripts/build-terminal-scripts.mjs) so their
  // URLs are known when pages render: a lesson's HTML starts them before React loads. Build workers load this
  // config again and inherit the environment: build once.
  process.env.SHIPYARD_TERMINAL_SCRIPTS ??= JSON.stringify(await buildTerminalScripts({ root, cacheDir }));
  const { files, workerUrl, terminalUrl } = JSON.parse(process.env.SHIPYARD_TERMINAL_SCRIPTS);
  return {
    ...config,
    env: { NEXT_PUBLIC_SIM_WORKER_URL: workerUrl, NEXT_PUBLIC_TERMINAL_SCRIPT_URL: terminalUrl },
    compiler: { runAfterProductionCompile: async ({ distDir }) => installTerminalScripts({ cacheDir, files, distDir }) },
  };
}
