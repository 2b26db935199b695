/** Pod-level commands: logs and exec. */
import type { KubeObject } from "../../cluster/index";
import type { CommandIO } from "../../shell/command-types";
import type { CommandImpl } from "../command-types";
import type { KubectlContext } from "../context";
import { resolveResource } from "../resources";

interface PodShape extends KubeObject {
  spec?: { containers?: { name: string }[]; nodeName?: string };
  status?: { phase?: string; containerStatuses?: { name: string; state?: { running?: unknown } }[] };
}

/** Finds the pod named by `NAME`, `pod/NAME` or `TYPE/NAME` of a workload (its first pod, as kubectl does). */
function findPod(ctx: KubectlContext, arg: string, forLogs = false): { ok: true; pod: PodShape; note?: string } | { ok: false; code: number } {
  const client = ctx.client();
  const slash = arg.indexOf("/");
  if (slash < 0 || /^pods?$|^po$/.test(arg.slice(0, slash))) {
    const name = slash < 0 ? arg : arg.slice(slash + 1);
    const res = client.get("pods", ctx.namespace, name);
    if (!res.ok) {
      // logs resolves a bare name through polymorphichelpers, which wraps the API error in its own.
      if (forLogs && res.status.reason === "NotFound") return { ok: false, code: ctx.fail(`error from server (NotFound): ${res.status.message} in namespace ${JSON.stringify(ctx.namespace)}`) };
      return { ok: false, code: ctx.statusError(res.status) };
    }
    return { ok: true, pod: res.value as PodShape };
  }
  const r = resolveResource(ctx.discovery(), arg.slice(0, slash));
  if (!r.ok) return { ok: false, code: ctx.fail(r.error) };
  const res = client.get(r.info.resource, ctx.namespace, arg.slice(slash + 1));
  if (!res.ok) return { ok: false, code: ctx.statusError(res.status) };
  const spec = (res.value.spec ?? {}) as { selector?: { matchLabels?: Record<string, string> } | Record<string, string> };
  const sel = (spec.selector && "matchLabels" in spec.selector ? spec.selector.matchLabels : spec.selector) as Record<string, string> | undefined;
  if (!sel) return { ok: false, code: ctx.fail(`cannot get the logs from ${r.info.kind}`) };
  const pods = client.list("pods", ctx.namespace, { labelSelector: Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(",") });
  const items = pods.ok ? (pods.value.items as PodShape[]).sort((a, b) => (a.metadata.name ?? "").localeCompare(b.metadata.name ?? "")) : [];
  if (items.length === 0) return { ok: false, code: ctx.fail(`timed out waiting for the condition`) };
  const note = items.length > 1 ? `Found ${items.length} pods, using pod/${items[0].metadata.name}\n` : undefined;
  return { ok: true, pod: items[0], note };
}

/** kubectl's default container: the annotation, else the first one (with the "Defaulted container" notice). */
function pickContainer(ctx: KubectlContext, pod: PodShape, flag: string): string {
  if (flag) return flag;
  const containers = pod.spec?.containers ?? [];
  const annotated = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
  if (annotated && containers.some((c) => c.name === annotated)) return annotated;
  if (containers.length > 1) ctx.err(`Defaulted container ${JSON.stringify(containers[0].name)} out of: ${containers.map((c) => c.name).join(", ")}\n`);
  return containers[0]?.name ?? "";
}

function tail(text: string, n: number): string {
  if (n < 0) return text;
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.slice(Math.max(0, lines.length - n)).map((l) => `${l}\n`).join("");
}

export const logsCommand: CommandImpl = {
  support: "partial",
  notes: "--since, --timestamps and multi-pod -l are approximated or not supported; -f ends when the pod stops or on Ctrl+C.",
  async run(ctx) {
    const usage = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
    if (ctx.args.length === 0 || ctx.args.length > 2) return ctx.usage(usage);
    const found = findPod(ctx, ctx.args[0], true);
    if (!found.ok) return found.code;
    if (found.note) ctx.err(found.note);
    const pod = found.pod;
    const container = ctx.args[1] ?? pickContainer(ctx, pod, ctx.str("container"));
    const name = pod.metadata.name ?? "";
    const res = ctx.io.cluster.logs(pod.metadata.namespace ?? ctx.namespace, name, { container, previous: ctx.bool("previous") });
    if (!res.ok) {
      // kubectl checks the container name itself before asking the server.
      if (/^container .* is not valid for pod /.test(res.message)) return ctx.fail(res.message);
      ctx.err(`Error from server (BadRequest): ${res.message}\n`);
      return 1;
    }
    let printed = tail(res.text, ctx.int("tail"));
    ctx.out(printed);
    if (!ctx.bool("follow")) return 0;
    let seen = res.text.length;
    while (!ctx.io.signal.aborted) {
      await ctx.io.sleep(1000);
      const again = ctx.io.cluster.logs(pod.metadata.namespace ?? ctx.namespace, name, { container });
      if (!again.ok) return 0;
      if (again.text.length > seen) {
        printed = again.text.slice(seen);
        ctx.out(printed);
        seen = again.text.length;
      }
      const live = ctx.client().get("pods", pod.metadata.namespace ?? ctx.namespace, name);
      const phase = live.ok ? (live.value as PodShape).status?.phase : undefined;
      if (!live.ok || phase === "Succeeded" || phase === "Failed") return 0;
    }
    return 0;
  },
};

/** Runs a command inside a container; the shell registers it (lib/shell/container-shell.ts). */
export type ContainerRunner = (
  io: CommandIO,
  target: { namespace: string; pod: string; container: string },
  argv: string[],
  opts: { stdin: boolean; tty: boolean },
) => Promise<number>;

let containerRunner: ContainerRunner | undefined;

/** Called by the shell to let `kubectl exec` run commands in containers. */
export function registerContainerRunner(runner: ContainerRunner | undefined): void {
  containerRunner = runner;
}

export const execCommand: CommandImpl = {
  support: "partial",
  notes: "Runs the shell's container commands (sh -c, cat, env, curl, ...) when available.",
  async run(ctx) {
    const dash = ctx.parsed.argsLenAtDash;
    const args = ctx.args;
    if (args.length === 0) return ctx.usage("pod, type/name or --filename must be specified");
    const before = dash < 0 ? args : args.slice(0, dash);
    const command = dash < 0 ? args.slice(1) : args.slice(dash);
    if (dash < 0 && command.length > 0) {
      ctx.err("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
      return 1;
    }
    if (before.length === 0) return ctx.usage("pod, type/name or --filename must be specified");
    if (command.length === 0) return ctx.usage("you must specify at least one command for the container");
    const found = findPod(ctx, before[0]);
    if (!found.ok) return found.code;
    const pod = found.pod;
    const container = pickContainer(ctx, pod, ctx.str("container"));
    if (!(pod.spec?.containers ?? []).some((c) => c.name === container)) return ctx.fail(`container ${container} not found in pod ${pod.metadata.name}`);
    if (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") return ctx.fail(`cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
    const running = pod.status?.containerStatuses?.find((s) => s.name === container)?.state?.running;
    if (!running) return ctx.fail(`unable to upgrade connection: container not found (${JSON.stringify(container)})`);
    if (!containerRunner) return ctx.fail("kubectl exec is not supported by this simulator yet");
    return containerRunner(ctx.io, { namespace: pod.metadata.namespace ?? ctx.namespace, pod: pod.metadata.name ?? "", container }, command, {
      stdin: ctx.bool("stdin"),
      tty: ctx.bool("tty"),
    });
  },
};
