import { createCluster, restoreCluster, type Cluster, type ClusterOptions, type ClusterSnapshot } from "../cluster/index";
import { completeKubectl, kubectl, registerContainerRunner } from "../kubectl/index";
import { registerCompleter } from "../shell/complete";
import { containerRunner } from "../shell/container-shell";
import type { CommandFn } from "../shell/command-types";
import { needsMoreInput as needsMore } from "../shell/parser";
import type { ShellSession } from "../shell/session-types";
import { createShell, type InteractiveEditor, type Shell } from "../shell/shell";

export interface SimOptions extends ClusterOptions {
  /** Resume from a saved cluster instead of creating one. */
  snapshot?: ClusterSnapshot;
  /** vi/vim/nano and `kubectl edit` without KUBE_EDITOR (the browser's in-page editor). */
  interactiveEditor?: InteractiveEditor;
  /** How virtual time passes during `sleep`/waits (default: at once). */
  sleep?: (ms: number, signal: { readonly aborted: boolean }) => Promise<void>;
  yieldToHost?: () => Promise<void>;
  /** Commands a lab disables (they answer "command not found"). */
  disabled?: string[];
  /** More commands (the `lab` builtin). */
  commands?: Record<string, CommandFn>;
  /** Command lines already run (a resumed lab): they count for checks and show in `history`. */
  history?: readonly string[];
}

/** The simulator as a learner meets it: a cluster, and a shell on its control plane with kubectl. */
export interface Sim {
  cluster: Cluster;
  shell: Shell;
  /** The terminal's view of the shell (a line in, text out). */
  session: ShellSession;
  /** Every command line run in the learner's shell, in order (for `commandUsed` checks and replays). */
  readonly commands: readonly string[];
  /** The learner ran `exit` in the top-level shell (the CLI then ends). */
  readonly exited: boolean;
}

// kubectl exec runs commands inside containers through the shell's container runner, and the shell completes
// kubectl words through kubectl's completer: wired once, here, so neither package imports the other.
registerContainerRunner(containerRunner);
registerCompleter("kubectl", (c) => completeKubectl([...c.words.slice(1), c.current], c.cluster));

/**
 * The composition root: wires kubectl and the shell to a cluster. The browser (in a Web Worker), the
 * `npm run sim` CLI and the lab verifier all start here, so they behave the same.
 */
export function createSim(opts: SimOptions = {}): Sim {
  let cluster: Cluster;
  if (opts.snapshot) {
    const restored = restoreCluster(opts.snapshot);
    if (!("now" in restored)) throw new Error(`saved cluster cannot be restored: ${(restored as { message?: string }).message ?? "invalid snapshot"}`);
    cluster = restored as Cluster;
  } else {
    // Only the cluster's own options: the snapshot keeps them, and it must stay JSON (no hooks, no commands).
    const { seed, startTime, clusterAgeMs, controlPlane, workers, nodeMonitorGracePeriodSeconds } = opts;
    cluster = createCluster({ seed, startTime, clusterAgeMs, controlPlane, workers, nodeMonitorGracePeriodSeconds });
  }
  let write: (text: string, stream: "stdout" | "stderr") => void = () => {};
  const commands: string[] = [...(opts.history ?? [])];
  let exited = false;
  const shell = createShell({
    cluster,
    commands: { kubectl, k: kubectl, ...opts.commands },
    stdout: (t) => write(t, "stdout"),
    stderr: (t) => write(t, "stderr"),
    interactiveEditor: opts.interactiveEditor,
    sleep: opts.sleep,
    yieldToHost: opts.yieldToHost,
    disabled: opts.disabled,
  });
  // Shell.history is read-only to its users; seeding it is the one write, at birth (a resumed session).
  if (opts.history) (shell.history as string[]).push(...opts.history.filter((l) => l.trim()));
  const session: ShellSession = {
    prompt: () => shell.prompt(),
    async run(input, w) {
      write = w;
      if (input.trim()) commands.push(input);
      try {
        const r = await shell.run(input);
        if (r.exited) exited = true;
        cluster.runUntilIdle();
        return r.exitCode;
      } finally {
        write = () => {};
      }
    },
    needsMoreInput: (input) => needsMore(input),
    async complete(line, cursor) {
      const r = shell.complete(line, cursor);
      return { from: r.start, candidates: r.candidates };
    },
    interrupt: () => shell.interrupt(),
  };
  return {
    cluster,
    shell,
    session,
    commands,
    get exited() {
      return exited;
    },
  };
}
