/** Test harness: runs our kubectl against a Cluster (real or fake) and captures output. */
import type { Cluster, HostFs } from "../../cluster/index";
import type { CommandIO } from "../../shell/command-types";
import { kubectl } from "../kubectl";
import { memoryFs } from "./memory-fs";

export interface KubectlRun {
  stdout: string;
  stderr: string;
  code: number;
}

export interface HarnessOptions {
  fs?: HostFs;
  stdin?: string;
  env?: Record<string, string>;
  cwd?: string;
  /** Called by io.edit (kubectl edit): change the file, return the editor's exit status. */
  editor?: (path: string, fs: HostFs) => number;
  /** Ctrl+C after this much virtual time spent in io.sleep (ends -w, -f, waits). Default 10 minutes. */
  interruptAfterMs?: number;
  /** Runs before each io.sleep advances time (lets a test change the cluster while kubectl waits or watches). */
  onSleep?: (sleptSoFarMs: number) => void;
  /** stdout is the terminal (isatty); default false, as for a pipe. */
  tty?: boolean;
}

export async function runKubectl(cluster: Cluster, args: string[], opts: HarnessOptions = {}): Promise<KubectlRun> {
  let stdout = "";
  let stderr = "";
  const fs = opts.fs ?? cluster.fs(cluster.hosts()[0] ?? "controlplane") ?? memoryFs();
  let aborted = false;
  let slept = 0;
  const io: CommandIO = {
    args,
    stdin: opts.stdin ?? "",
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { HOME: "/root", ...(opts.env ?? {}) },
    cwd: opts.cwd ?? "/root",
    host: cluster.hosts()[0] ?? "controlplane",
    fs,
    cluster,
    tty: opts.tty ?? false,
    edit: async (path) => (opts.editor ? opts.editor(path, fs) : 1),
    signal: {
      get aborted() {
        return aborted;
      },
    },
    sleep: async (ms) => {
      opts.onSleep?.(slept);
      slept += ms;
      cluster.advance(ms);
      if (slept >= (opts.interruptAfterMs ?? 600_000)) aborted = true;
    },
  };
  const code = await kubectl(io);
  return { stdout, stderr, code };
}
