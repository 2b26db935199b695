/** `kubectl run NAME --image=... [--expose --port] [-- args]` (kubectl pkg/cmd/run). */
import type { CommandImpl } from "../command-types";
import { getDryRun } from "../dry-run";
import { generatePod } from "../generators/pod";
import { checkObjectOutputFormat, ResultPrinter } from "../output";
import { fieldValidation, printWarnings } from "../write-helpers";
import { jsonMergePatch } from "./merge-patch";

export const runCommand: CommandImpl = {
  support: "partial",
  requiredFlags: ["image"],
  notes: "Attaching (-i/-t/--attach/--rm) is not supported; --overrides supports only --override-type=merge.",
  run(ctx) {
    const args = ctx.args;
    if (args.length === 0) return ctx.usage("NAME is required for run");
    const name = args[0];
    const dashAt = ctx.parsed.argsLenAtDash;
    // With `--`, everything after it is the container's args; without, extra words are args too.
    const containerArgs = dashAt >= 0 ? args.slice(Math.max(dashAt, 1)) : args.slice(1);
    if (dashAt > 1) return ctx.usage(`Unexpected args: [${args.slice(1, dashAt).join(" ")}]`);
    const interactive = ctx.bool("stdin") || ctx.bool("tty") || ctx.bool("attach");
    const dry = getDryRun(ctx);
    if (!dry.ok) return ctx.fail(dry.error);
    if (dry.value !== "none" && interactive) return ctx.usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
    if (ctx.bool("rm") && !interactive) return ctx.usage("--rm should only be used for attached containers");
    if (ctx.bool("expose") && !ctx.str("port")) return ctx.usage("--port must be set when exposing a service");
    const overrideType = ctx.str("override-type") || "merge";
    if (ctx.str("overrides") && overrideType !== "merge") return ctx.fail(`--override-type=${overrideType} is not supported by this simulator yet`);
    const gen = generatePod({
      name,
      image: ctx.str("image"),
      labels: ctx.str("labels"),
      annotations: ctx.list("annotations"),
      env: ctx.list("env"),
      port: ctx.str("port"),
      restart: ctx.str("restart"),
      command: ctx.bool("command"),
      args: containerArgs,
      imagePullPolicy: ctx.str("image-pull-policy"),
      stdin: ctx.bool("stdin"),
      tty: ctx.bool("tty"),
      leaveStdinOpen: ctx.bool("leave-stdin-open"),
      privileged: ctx.bool("privileged"),
    });
    if (!gen.ok) return gen.usage ? ctx.usage(gen.error) : ctx.fail(gen.error);
    const formatError = checkObjectOutputFormat(ctx.str("output"));
    if (formatError) return ctx.fail(formatError);
    if (interactive && dry.value === "none") return ctx.fail("attaching to a container (kubectl run -i/-t/--attach) is not supported by this simulator yet");
    const printer = new ResultPrinter(ctx.str("output"), dry.value, (t) => ctx.out(t), (t) => ctx.err(t));
    let pod = gen.object;
    const overrides = ctx.str("overrides");
    if (overrides) {
      // The Overrider merges the JSON into the generated pod before anything is sent or printed.
      let patch: unknown;
      try {
        patch = JSON.parse(overrides);
      } catch {
        return ctx.fail("Invalid JSON Patch");
      }
      pod = jsonMergePatch(pod as never, patch as never) as unknown as typeof pod;
    }
    const opts = { dryRun: dry.value === "server", fieldValidation: fieldValidation(ctx), fieldManager: ctx.str("field-manager") || "kubectl-run" };
    if (ctx.bool("expose")) {
      const labels = (pod.metadata.labels ?? {}) as Record<string, string>;
      const port = Number(ctx.str("port"));
      const svc = {
        kind: "Service",
        apiVersion: "v1",
        metadata: { name, creationTimestamp: null, labels: { ...labels } },
        spec: { ports: [{ protocol: "TCP", port, targetPort: port }], selector: { ...labels } },
        status: { loadBalancer: {} },
      };
      if (dry.value === "client") printer.print(svc as never, "created", true);
      else {
        const res = ctx.client().create("services", ctx.namespace, svc, opts);
        if (!res.ok) return ctx.statusError(res.status);
        printWarnings(ctx, res.warnings);
        printer.print(res.value, "created");
      }
    }
    if (dry.value === "client") return printer.print(pod, "created", true) ? 0 : 1;
    const res = ctx.client().create("pods", ctx.namespace, pod, opts);
    if (!res.ok) return ctx.statusError(res.status);
    printWarnings(ctx, res.warnings);
    return printer.print(res.value, "created") ? 0 : 1;
  },
};
