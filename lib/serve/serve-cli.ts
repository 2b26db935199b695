/**
 * `npm run sim -- --serve [--port N] [--speed N]`: serve a simulated cluster over HTTP until interrupted, and
 * write a kubeconfig for it so any kubectl can use it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Cluster } from "../cluster/index";
import { startKubeHttpServer, type KubeHttpServer } from "./kube-http-server";

export interface ServeCliOptions {
  port?: number;
  /** Virtual seconds per real second (default 1). */
  speed?: number;
  /** Where to write the kubeconfig (default: <tmp>/shipyard-sim/kubeconfig). */
  kubeconfigPath?: string;
}

export async function serveCli(cluster: Cluster, opts: ServeCliOptions, log: (line: string) => void): Promise<KubeHttpServer> {
  const server = await startKubeHttpServer({ cluster, port: opts.port ?? 0, clock: { mode: "realtime", speed: opts.speed ?? 1 } });
  const path = opts.kubeconfigPath ?? join(tmpdir(), "shipyard-sim", "kubeconfig");
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, server.kubeconfig(), { mode: 0o600 });
  log(`Serving the simulated cluster at ${server.url} (virtual time x${opts.speed ?? 1}). Press Ctrl-C to stop.`);
  log(`kubeconfig: ${path}`);
  log(`export KUBECONFIG=${path}`);
  return server;
}
