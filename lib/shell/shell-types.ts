import type { Cluster, HostFs } from "../cluster/index";
import type { CommandFn, CommandIO } from "./command-types";
import type { Command } from "./parser";
import type { ShellArray } from "./shell-array";

/** Hook the host app supplies for vi/vim/nano: resolves to the saved text, or null when quit without saving. */
export type InteractiveEditor = (path: string, content: string) => Promise<string | null>;

export interface ShellOptions {
  cluster: Cluster;
  /** Host the shell starts on; default the control plane (first of cluster.hosts()). */
  host?: string;
  /** Extra commands (kubectl, ...), looked up after the shell's own builtins and coreutils. */
  commands?: Record<string, CommandFn>;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  interactiveEditor?: InteractiveEditor;
  /**
   * How virtual time passes for `sleep`, `kubectl wait` and friends. Default: advance the cluster clock at once.
   * The browser can animate instead (advance in steps and yield to the page).
   */
  sleep?: (ms: number, signal: { readonly aborted: boolean }) => Promise<void>;
  /** Called every few hundred commands so a host can let the page breathe (and deliver Ctrl+C). */
  yieldToHost?: () => Promise<void>;
  /** Use this filesystem instead of cluster.fs(host) (container shells). */
  fs?: HostFs;
  /** Extra environment variables (exported). */
  env?: Record<string, string>;
  /** Commands to drop (a lab may disable some); they then answer "command not found". */
  disabled?: string[];
  /** Do not offer the host tools (ssh, systemctl, ...): for shells inside containers. */
  minimal?: boolean;
  /** Only these commands exist (container images ship few binaries); builtins always exist. */
  only?: string[];
  /** How "command not found" reads (dash in a container: "sh: 1: curl: not found"). */
  notFound?: (name: string) => string;
  /** Prompt override (a container's `# `). */
  prompt?: () => string;
}

export interface RunResult {
  exitCode: number;
  /** The top-level shell ran `exit`. */
  exited?: boolean;
}

export interface CompletionResult {
  /** The span of the line being completed (the current word). */
  start: number;
  end: number;
  /** Full replacement words; directories end with "/". */
  candidates: string[];
}

export interface Shell {
  run(line: string): Promise<RunResult>;
  prompt(): string;
  complete(line: string, cursor: number): CompletionResult;
  /** Ctrl+C: abort the running command (sleep, watch, loops, kubectl wait). */
  interrupt(): void;
  readonly host: string;
  readonly cwd: string;
  readonly history: readonly string[];
}

/** One login session on a host (ssh pushes another). */
export interface Session {
  host: string;
  fs: HostFs;
  cwd: string;
  vars: Map<string, VarEntry>;
  aliases: Map<string, string>;
  positional: string[];
  /** Shell functions by name: the compound command each call runs. */
  functions: Map<string, Command>;
  /** Indexed and associative arrays (a name is in `vars` or here, never both). */
  arrays: Map<string, ShellArray>;
  /** `shopt` settings changed in this session (absent: the defaults). */
  shopt?: Record<string, boolean>;
}

/** A scalar variable. */
export interface VarEntry {
  value: string;
  exported: boolean;
  /** `declare -i`: assignments are evaluated as arithmetic. */
  integer?: boolean;
  /** Declared (`declare x`, `export x`, `local x`) but never assigned: it reads as unset. */
  declaredOnly?: boolean;
}

/** What builtins see of the running shell. */
export interface ShellInternals {
  readonly session: Session;
  readonly cluster: Cluster;
  readonly history: string[];
  lastExit: number;
  getVar(name: string): string | undefined;
  setVar(name: string, value: string, exported?: boolean): void;
  unsetVar(name: string): void;
  /** "builtin" | "alias" | "keyword" | "function" | "file" (a command on PATH) */
  kindOf(name: string): "builtin" | "alias" | "keyword" | "function" | "file" | undefined;
  /** `local NAME[=VALUE]`: false outside a function. Without a value the variable is unset for the call. */
  declareLocal(name: string, value: string | undefined): boolean;
  /** Names `local` declared in the innermost running function; undefined outside a function. */
  localNames(): string[] | undefined;
  /** Functions and sourced files being run: `return` is allowed when this is above 0. */
  returnScopes: number;
  /** Run shell source text with these streams (source, eval, bash -c, scripts). */
  runText(text: string, io: CommandIO, opts?: { positional?: string[]; subshell?: boolean }): Promise<number>;
  /** Run argv directly (xargs, sudo, watch, ssh host cmd). */
  runArgv(argv: string[], io: CommandIO): Promise<number>;
  pushSession(host: string): boolean;
  popSession(): string | undefined;
  sessionDepth(): number;
  hasInteractiveEditor(): boolean;
  /** `$`-expansions and quote removal on text, without splitting (subscripts given to `unset`). */
  expandText(text: string): Promise<string>;
  minimal: boolean;
}
