import type { Cluster } from "../cluster/index";
import type { HostFs } from "../cluster/hosts/host-fs";

/**
 * What every command (a shell builtin, a node tool like systemctl, or kubectl) is handed when it runs.
 * Output is written as text; the terminal turns "\n" into line breaks. Exit status is the return value.
 */
export interface CommandIO {
  /** Arguments after the command name, already expanded (quotes removed, globs and $vars expanded). */
  args: string[];
  /** Standard input as text (a pipe, a redirect `<`, or a heredoc); "" when none. */
  stdin: string;
  /** True when stdout is the terminal itself (not a pipe or file): ls prints columns, like isatty(1). */
  tty?: boolean;
  /**
   * When the command is one stage of a pipeline: every stage's command line, in order. Bash starts all stages
   * at once, so `ps aux | grep kubelet` lists the grep too.
   */
  pipeline?: string[];
  stdout(text: string): void;
  stderr(text: string): void;
  /** Environment of this command (exported variables plus `VAR=x cmd` prefixes). */
  env: Record<string, string>;
  /** Current working directory (absolute). */
  cwd: string;
  /** The host the shell runs on ("controlplane", "node01") and its filesystem. */
  host: string;
  fs: HostFs;
  cluster: Cluster;
  /**
   * Open an editor on a file and resolve when the user quits it (vi, nano, `kubectl edit`).
   * `editorCommand` is what $KUBE_EDITOR/$EDITOR named (e.g. "vi", "nano", or a script like "sed -i s/a/b/"):
   * the shell runs a script editor as a command with the path appended, and hands "vi"/"vim"/"nano" to the
   * terminal's interactive editor (in the browser) or fails honestly where there is none.
   * Resolves to the editor's exit status.
   */
  edit(path: string, editorCommand: string): Promise<number>;
  /**
   * Hand the terminal to another shell until it exits (`kubectl exec -it pod -- sh`): the next lines go to
   * `session`, its prompt shows, and `exit` there comes back. Absent where no terminal is attached.
   */
  attach?(session: AttachedSession): void;
  /** Run a full command line in this shell (for tools that spawn others). Resolves to its exit status. */
  run?(line: string): Promise<number>;
  /** Cooperative cancellation (Ctrl+C): long-running commands (watch, wait) poll this. */
  signal: { readonly aborted: boolean };
  /** Let virtual time pass (sleep, kubectl wait/rollout status/delete waiting). Resolves when done or aborted. */
  sleep(ms: number): Promise<void>;
}

/** A command: returns its exit status. Must never throw for bad input: print the error, return non-zero. */
export type CommandFn = (io: CommandIO) => Promise<number> | number;

/** A shell that can take over the terminal for a while (a container's sh). */
export interface AttachedSession {
  run(line: string): Promise<{ exitCode: number; exited?: boolean }>;
  prompt(): string;
  complete?(line: string, cursor: number): { start: number; end: number; candidates: string[] };
  interrupt?(): void;
}
