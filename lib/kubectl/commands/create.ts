/** `kubectl create -f` and the `create <kind>` generators. */
import type { KubeObject } from "../../cluster/index";
import type { CommandImpl } from "../command-types";
import type { KubectlContext } from "../context";
import { getDryRun } from "../dry-run";
import { collectData } from "../generators/data-sources";
import { generateConfigMap, generateSecret } from "../generators/config-data";
import { generateDeployment } from "../generators/deployment";
import type { GeneratorResult } from "../generators/generator-result";
import { generateNamespace } from "../generators/namespace";
import { generateService, type ServiceOptions } from "../generators/service";
import { startFileWrite } from "../file-objects";
import { checkObjectOutputFormat, ResultPrinter } from "../output";
import { withTypedZeroTimes } from "./typed-zero-times";
import { fieldValidation, namespaceForItem, printWarnings, withNamespace } from "../write-helpers";
import { withLastApplied } from "./apply-merge";

export const createCommand: CommandImpl = {
  support: "full",
  notes: "-k (kustomize) and URLs are not supported.",
  run(ctx) {
    const files = ctx.list("filename");
    if (ctx.str("kustomize")) return ctx.fail("-k (kustomize) is not supported by this simulator yet");
    if (files.length === 0) {
      if (ctx.args.length > 0) return ctx.usage(`Unexpected args: [${ctx.args.join(" ")}]`);
      return ctx.fail("must specify one of -f and -k");
    }
    const start = startFileWrite(ctx, files, { checkOutputFormat: true });
    if (!start.ok) return start.code;
    const { dryRun, items, printer } = start;
    let rc = 0;
    for (const item of items) {
      if (item.mappingError || !item.info) {
        rc = ctx.fail(item.mappingError ?? "unknown kind");
        continue;
      }
      const ns = namespaceForItem(ctx, item);
      if (!ns.ok) return ctx.fail(ns.error);
      let body: KubeObject = item.object;
      if (ctx.bool("save-config")) body = withLastApplied(body);
      if (dryRun === "client") {
        if (!printer.print(body, "created")) rc = 1;
        continue;
      }
      const res = ctx.client().create(item.info.resource, ns.namespace, body, {
        dryRun: dryRun === "server",
        fieldValidation: fieldValidation(ctx),
        fieldManager: ctx.str("field-manager") || "kubectl-create",
      });
      if (!res.ok) {
        rc = ctx.statusError(res.status, { verb: "creating", source: item.source });
        continue;
      }
      printWarnings(ctx, res.warnings);
      if (!printer.print(res.value, "created")) rc = 1;
    }
    return rc;
  },
};

/**
 * Sends a generated object (or prints it for --dry-run=client) and prints the result.
 * `namespaced`: the object gets -n's namespace when -n was given (kubectl's EnforceNamespace).
 */
export function submitGenerated(
  ctx: KubectlContext,
  gen: GeneratorResult,
  resource: string,
  opts: { namespaced: boolean; enforceNamespace: boolean; errorPrefix?: string },
): number {
  if (!gen.ok) return gen.usage ? ctx.usage(gen.error) : ctx.fail(gen.error);
  const formatError = checkObjectOutputFormat(ctx.str("output"));
  if (formatError) return ctx.fail(formatError);
  const dry = getDryRun(ctx);
  if (!dry.ok) return ctx.fail(dry.error);
  let obj = gen.object;
  if (opts.namespaced && opts.enforceNamespace && ctx.namespaceExplicit) obj = withNamespace(obj as never, ctx.namespace);
  if (ctx.bool("save-config")) obj = withLastApplied(obj);
  const printer = new ResultPrinter(ctx.str("output"), dry.value, (t) => ctx.out(t), (t) => ctx.err(t));
  if (dry.value === "client") return printer.print(obj, "created", true) ? 0 : 1;
  const res = ctx.client().create(resource, opts.namespaced ? ctx.namespace : undefined, obj, {
    dryRun: dry.value === "server",
    fieldValidation: fieldValidation(ctx),
    fieldManager: ctx.str("field-manager") || "kubectl-create",
  });
  // The typed-client generators wrap the API error's message (`failed to create deployment: ...`).
  if (!res.ok) return opts.errorPrefix === undefined ? ctx.statusError(res.status) : ctx.fail(`${opts.errorPrefix}${res.status.message}`);
  printWarnings(ctx, res.warnings);
  return printer.print(withTypedZeroTimes(res.value), "created") ? 0 : 1;
}

function exactlyOneName(ctx: KubectlContext): string | number {
  if (ctx.args.length !== 1) return ctx.usage(`exactly one NAME is required, got ${ctx.args.length}`);
  return ctx.args[0];
}

export const createDeploymentCommand: CommandImpl = {
  support: "full",
  requiredFlags: ["image"],
  run(ctx) {
    const name = exactlyOneName(ctx);
    if (typeof name === "number") return name;
    const gen = generateDeployment({ name, images: ctx.list("image"), replicas: ctx.int("replicas"), port: ctx.int("port") });
    return submitGenerated(ctx, gen, "deployments", { namespaced: true, enforceNamespace: true, errorPrefix: "failed to create deployment: " });
  },
};

export const createNamespaceCommand: CommandImpl = {
  support: "full",
  run(ctx) {
    const name = exactlyOneName(ctx);
    if (typeof name === "number") return name;
    return submitGenerated(ctx, generateNamespace(name), "namespaces", { namespaced: false, enforceNamespace: false });
  },
};

function serviceCommand(type: ServiceOptions["type"]): CommandImpl {
  return {
    support: "full",
    ...(type === "ExternalName" ? { requiredFlags: ["external-name"] } : {}),
    run(ctx) {
      const name = exactlyOneName(ctx);
      if (typeof name === "number") return name;
      const gen = generateService({
        type,
        name,
        tcp: ctx.list("tcp"),
        clusterIP: ctx.str("clusterip"),
        nodePort: type === "NodePort" ? ctx.int("node-port") : 0,
        externalName: ctx.str("external-name"),
      });
      return submitGenerated(ctx, gen, "services", { namespaced: true, enforceNamespace: true, errorPrefix: `failed to create ${type} service: ` });
    },
  };
}

export const createServiceClusterIPCommand = serviceCommand("ClusterIP");
export const createServiceNodePortCommand = serviceCommand("NodePort");
export const createServiceLoadBalancerCommand = serviceCommand("LoadBalancer");
export const createServiceExternalNameCommand = serviceCommand("ExternalName");

/** --from-literal, --from-file and --from-env-file of `create configmap` / `create secret generic`. */
function dataFromFlags(ctx: KubectlContext, object: string): ReturnType<typeof collectData> {
  const sources = { literals: ctx.list("from-literal"), files: ctx.list("from-file"), envFiles: ctx.list("from-env-file") };
  return collectData(sources, ctx.io.fs, ctx.io.cwd, ctx.io.env, object);
}

export const createConfigMapCommand: CommandImpl = {
  support: "full",
  notes: "--append-hash is not supported.",
  run(ctx) {
    const name = exactlyOneName(ctx);
    if (typeof name === "number") return name;
    const data = dataFromFlags(ctx, `ConfigMap ${JSON.stringify(name)}`);
    if (!data.ok) return ctx.fail(data.error);
    return submitGenerated(ctx, generateConfigMap(name, data.data), "configmaps", { namespaced: true, enforceNamespace: true, errorPrefix: "failed to create configmap: " });
  },
};

export const createSecretGenericCommand: CommandImpl = {
  support: "full",
  notes: "--append-hash is not supported.",
  run(ctx) {
    const name = exactlyOneName(ctx);
    if (typeof name === "number") return name;
    const data = dataFromFlags(ctx, `Secret ${JSON.stringify(name)}`);
    if (!data.ok) return ctx.fail(data.error);
    return submitGenerated(ctx, generateSecret(name, data.data, ctx.str("type")), "secrets", {
      namespaced: true,
      enforceNamespace: true,
      errorPrefix: "failed to create secret ", // sic: kubectl's format has no colon here
    });
  },
};

export const createServiceAccountCommand: CommandImpl = {
  support: "full",
  run(ctx) {
    const name = exactlyOneName(ctx);
    if (typeof name === "number") return name;
    const gen: GeneratorResult = { ok: true, object: { kind: "ServiceAccount", apiVersion: "v1", metadata: { name, creationTimestamp: null } as never } };
    return submitGenerated(ctx, gen, "serviceaccounts", { namespaced: true, enforceNamespace: true, errorPrefix: "failed to create serviceaccount: " });
  },
};
