/**
 * What a kubectl verb gets when it runs: parsed flags and args, the API client (the only way to the cluster),
 * the namespace in effect and the shell's I/O.
 */
import type { ApiClient, ResourceInfo, Status } from "../cluster/index";
import type { CommandIO } from "../shell/command-types";
import { formatStatusError, plainError, usageError } from "./errors";
import type { FlagValue, ParsedArgs } from "./flags";
import { contextNamespace, type LoadedKubeconfig } from "./kubeconfig";

export class KubectlContext {
  private clientCache?: ApiClient;
  private discoveryCache?: ResourceInfo[];
  private klogPid = 0;

  constructor(
    readonly io: CommandIO,
    /** Command path, e.g. ["create", "deployment"]. */
    readonly path: readonly string[],
    readonly parsed: ParsedArgs,
    readonly kubeconfig: LoadedKubeconfig,
  ) {}

  get args(): string[] {
    return this.parsed.args;
  }

  client(): ApiClient {
    this.clientCache ??= this.io.cluster.client("kubectl");
    return this.clientCache;
  }

  discovery(): ResourceInfo[] {
    this.discoveryCache ??= this.client().discovery();
    return this.discoveryCache;
  }

  now(): number {
    return this.io.cluster.now();
  }

  value(name: string): FlagValue | undefined {
    return this.parsed.values.get(name);
  }

  str(name: string): string {
    const v = this.parsed.values.get(name);
    return typeof v === "string" ? v : "";
  }

  bool(name: string): boolean {
    return this.parsed.values.get(name) === true;
  }

  int(name: string): number {
    const v = this.parsed.values.get(name);
    return typeof v === "number" ? v : 0;
  }

  list(name: string): string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }

  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }

  /** The namespace in effect: -n, else the kubeconfig context's, else "default". */
  get namespace(): string {
    const fromConfig = this.kubeconfig.exists ? contextNamespace(this.kubeconfig.config, this.str("context")) : "";
    return this.str("namespace") || fromConfig || "default";
  }

  /** Whether -n/--namespace was given (kubectl's `enforceNamespace`). */
  get namespaceExplicit(): boolean {
    return this.str("namespace") !== "";
  }

  out(text: string): void {
    if (text) this.io.stdout(text);
  }

  err(text: string): void {
    if (text) this.io.stderr(text);
  }

  /** Prints `error: msg` and returns exit code 1. */
  fail(message: string): number {
    this.err(plainError(message));
    return 1;
  }

  /** Prints a usage error (`See 'kubectl x -h' ...`) and returns 1. */
  usage(message: string): number {
    this.err(usageError(this.path, message));
    return 1;
  }

  /** Prints an API error and returns 1. */
  statusError(status: Status, source?: { verb: string; source: string }): number {
    this.err(formatStatusError(status, source));
    return 1;
  }

  /** A klog line as kubectl writes warnings (`W1125 10:18:36.866513    6853 helpers.go:702] ...`). */
  klog(level: "W" | "E" | "I", location: string, message: string): void {
    const d = new Date(this.now());
    const p2 = (n: number) => String(n).padStart(2, "0");
    this.klogPid ||= 4000 + (Math.floor(this.now() / 1000) % 50000);
    const stamp = `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, "0")}`;
    this.err(`${stamp} ${String(this.klogPid).padStart(7)} ${location}] ${message}\n`);
  }
}
