// Builds the lesson terminal's two scripts for `next build` (called from next.config.mjs), each one minified file
// with a content hash in its name, so a lesson page's HTML can start them before React loads:
//   sim-worker.<hash>.js  the simulator's Web Worker (engine, kubectl, shell), with the default cluster baked in
//   terminal.<hash>.js    xterm, the line editor and the worker's client: mounts the terminal before hydration
// The default cluster (createSim() without a seed, what a lesson terminal boots) is generated here by the same
// engine code and baked into the worker as a snapshot, when restoring it reproduces the live boot exactly
// (lib/sim/default-cluster-snapshot.ts): it cannot go stale, every build makes it afresh.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const WORKER_ENTRY = "app/_components/terminal/sim.worker.ts";
const TERMINAL_ENTRY = "app/_components/terminal/terminal-island.ts";
const SNAPSHOT_MODULE = "app/_components/terminal/default-cluster-snapshot.ts";
const SNAPSHOT_SOURCE = "lib/sim/default-cluster-snapshot.ts";
const URL_PREFIX = "/_next/static/sim/";

/** Runs the engine in Node and returns the default cluster's snapshot as JSON (undefined if it is withheld). */
async function defaultClusterSnapshot(esbuild, root) {
  // Inside the project, so Node resolves zod and yaml from its node_modules.
  const file = path.join(root, ".cache", `sim-snapshot-gen-${process.pid}.mjs`);
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [SNAPSHOT_SOURCE],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external", // zod, yaml from node_modules, as in Node
    tsconfig: "tsconfig.json",
    outfile: file,
    logLevel: "silent",
  });
  try {
    const mod = await import(pathToFileURL(file).href);
    const snapshot = mod.defaultClusterSnapshot();
    if (snapshot === undefined) console.warn("terminal scripts: restoring the default cluster differs from booting it; the worker boots live");
    return snapshot === undefined ? undefined : JSON.stringify(snapshot);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** zod re-exports every locale (z.locales, ~260 KB minified); the engine uses only the built-in English one. */
const zodWithoutLocales = {
  name: "zod-without-locales",
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: "zod-locales", namespace: "empty" } : undefined));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

/** Bundles one browser script into cacheDir and returns its hashed file name. */
async function bundle(esbuild, { root, cacheDir, entry, name, define = {}, plugins = [] }) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    tsconfig: "tsconfig.json",
    define: { "process.env.NODE_ENV": '"production"', ...define },
    write: false,
    logLevel: "silent",
    plugins,
  });
  const code = result.outputFiles[0].contents;
  const fileName = `${name}.${crypto.createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
  fs.writeFileSync(path.join(cacheDir, fileName), code);
  return fileName;
}

/**
 * Bundles both scripts into cacheDir; returns their file names and URLs.
 * `snapshot: false` leaves the worker to boot the cluster live.
 */
export async function buildTerminalScripts({ root, cacheDir, snapshot = true }) {
  const esbuild = await import("esbuild");
  fs.mkdirSync(cacheDir, { recursive: true });
  const json = snapshot ? await defaultClusterSnapshot(esbuild, root) : undefined;
  const snapshotPath = path.join(root, SNAPSHOT_MODULE);
  const bakeSnapshot = {
    name: "default-cluster-snapshot",
    setup(build) {
      build.onLoad({ filter: /default-cluster-snapshot\.ts$/ }, (args) =>
        args.path === snapshotPath && json !== undefined ? { contents: `export const DEFAULT_CLUSTER_SNAPSHOT = ${JSON.stringify(json)};`, loader: "ts" } : undefined,
      );
    },
  };
  const worker = await bundle(esbuild, { root, cacheDir, entry: WORKER_ENTRY, name: "sim-worker", plugins: [zodWithoutLocales, bakeSnapshot] });
  const workerUrl = URL_PREFIX + worker;
  const terminal = await bundle(esbuild, {
    root,
    cacheDir,
    entry: TERMINAL_ENTRY,
    name: "terminal",
    define: { "process.env.NEXT_PUBLIC_SIM_WORKER_URL": JSON.stringify(workerUrl), "process.env.NEXT_PUBLIC_TERMINAL_SCRIPT_URL": "undefined" },
  });
  // Earlier builds' scripts are of no use any more.
  for (const f of fs.readdirSync(cacheDir)) if (f !== worker && f !== terminal) fs.rmSync(path.join(cacheDir, f), { force: true });
  return { files: [worker, terminal], workerUrl, terminalUrl: URL_PREFIX + terminal };
}

/** Copies the built scripts next to Next's static chunks (exported to out/_next/static/sim/). */
export function installTerminalScripts({ cacheDir, files, distDir }) {
  const dir = path.join(distDir, "static", "sim");
  fs.mkdirSync(dir, { recursive: true });
  for (const f of files) fs.copyFileSync(path.join(cacheDir, f), path.join(dir, f));
}
