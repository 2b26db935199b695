import type { Cluster } from "../../cluster/index";
import type { CommandFn } from "../command-types";
import { createShell } from "../shell";
import type { Shell, ShellOptions } from "../shell-types";
import { fakeCluster } from "./fake-cluster";

export interface Harness {
  shell: Shell;
  cluster: Cluster;
  /** Run one line; returns what it printed (stdout and stderr separately and interleaved) and the status. */
  run(line: string): Promise<{ out: string; err: string; all: string; code: number }>;
}

/** A shell on a fake two-node cluster (or the cluster given), output captured per run. */
export function harness(opts: Partial<ShellOptions> & { commands?: Record<string, CommandFn> } = {}): Harness {
  const cluster = opts.cluster ?? fakeCluster();
  let out = "";
  let err = "";
  let all = "";
  const shell = createShell({
    ...opts,
    cluster,
    stdout: (t) => {
      out += t;
      all += t;
    },
    stderr: (t) => {
      err += t;
      all += t;
    },
  });
  return {
    shell,
    cluster,
    async run(line) {
      out = err = all = "";
      const r = await shell.run(line);
      return { out, err, all, code: r.exitCode };
    },
  };
}
