/** Verbs that change existing objects: scale, label, annotate, set image, expose. */
import type { KubeObject, ResourceInfo } from "../../cluster/index";
import type { CommandImpl } from "../command-types";
import type { KubectlContext } from "../context";
import { getDryRun } from "../dry-run";
import { readFileObjects } from "../file-objects";
import { checkObjectOutputFormat, objectRef, ResultPrinter } from "../output";
import { parseResourceArgs } from "../resources";
import { printWarnings } from "../write-helpers";
import { wrapListError } from "./list-error";
import { withTypedZeroTimes } from "./typed-zero-times";

interface Found {
  info: ResourceInfo;
  object: KubeObject;
}

/**
 * Resolves TYPE NAME / TYPE/NAME / -f / -l / --all into live objects. NotFound errors are returned to the caller
 * (each verb words them differently).
 */
export function resolveTargets(
  ctx: KubectlContext,
  args: string[],
  opts: { allowSelector: boolean },
): { ok: true; found: Found[]; missing: { info: ResourceInfo; message: string; status: import("../../cluster/index").Status }[] } | { ok: false; code: number } {
  const found: Found[] = [];
  const missing: { info: ResourceInfo; message: string; status: import("../../cluster/index").Status }[] = [];
  const files = ctx.list("filename");
  const client = ctx.client();
  if (files.length > 0) {
    const read = readFileObjects(ctx, files);
    if (!read.ok) return { ok: false, code: ctx.fail(read.error) };
    for (const item of read.items) {
      if (!item.info) return { ok: false, code: ctx.fail(item.mappingError ?? "unknown kind") };
      const ns = item.info.namespaced ? item.object.metadata.namespace || ctx.namespace : undefined;
      const res = client.get(item.info.resource, ns, item.object.metadata.name ?? "");
      if (res.ok) found.push({ info: item.info, object: res.value });
      else missing.push({ info: item.info, message: res.status.message, status: res.status });
    }
    return { ok: true, found, missing };
  }
  if (args.length === 0) {
    return { ok: false, code: ctx.usage("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'") };
  }
  const parsed = parseResourceArgs(ctx.discovery(), args);
  if (!parsed.ok) return { ok: false, code: ctx.fail(parsed.error) };
  for (const req of parsed.requests) {
    const ns = req.info.namespaced ? ctx.namespace : undefined;
    if (req.names.length === 0) {
      const selector = opts.allowSelector ? ctx.str("selector") : "";
      if (!(opts.allowSelector && (ctx.bool("all") || selector))) return { ok: false, code: ctx.fail("resource(s) were provided, but no name was specified") };
      const list = client.list(req.info.resource, ctx.bool("all-namespaces") ? undefined : ns, { labelSelector: selector || undefined });
      if (!list.ok) return { ok: false, code: ctx.statusError(wrapListError(req.info, list.status, selector)) };
      for (const o of list.value.items) found.push({ info: req.info, object: o });
      continue;
    }
    for (const name of req.names) {
      const res = client.get(req.info.resource, ns, name);
      if (res.ok) found.push({ info: req.info, object: res.value });
      else missing.push({ info: req.info, message: res.status.message, status: res.status });
    }
  }
  return { ok: true, found, missing };
}

export const scaleCommand: CommandImpl = {
  support: "full",
  requiredFlags: ["replicas"],
  notes: "--timeout waiting is not simulated.",
  run(ctx) {
    const replicas = ctx.int("replicas");
    if (replicas < 0) return ctx.fail("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
    const dry = getDryRun(ctx);
    if (!dry.ok) return ctx.fail(dry.error);
    const targets = resolveTargets(ctx, ctx.args, { allowSelector: true });
    if (!targets.ok) return targets.code;
    if (targets.found.length === 0) {
      if (targets.missing.length > 0) return ctx.fail(`no objects passed to scale ${targets.missing[0].message}`);
      return ctx.fail("no objects passed to scale");
    }
    let rc = 0;
    for (const m of targets.missing) rc = ctx.statusError(m.status);
    const current = ctx.int("current-replicas");
    const resourceVersion = ctx.str("resource-version");
    for (const { info, object } of targets.found) {
      const ns = info.namespaced ? object.metadata.namespace : undefined;
      const name = object.metadata.name ?? "";
      const scale = ctx.client().getScale(info.resource, ns, name);
      if (!scale.ok) {
        rc = ctx.statusError(scale.status);
        continue;
      }
      if (current >= 0 && scale.value.spec.replicas !== current) {
        rc = ctx.fail(`Expected replicas to be ${current}, was ${scale.value.spec.replicas ?? 0}`);
        continue;
      }
      if (resourceVersion && object.metadata.resourceVersion !== resourceVersion) {
        rc = ctx.fail(`Expected resource version to be ${resourceVersion}, was ${object.metadata.resourceVersion}`);
        continue;
      }
      if (dry.value !== "client") {
        const res = ctx.client().updateScale(info.resource, ns, name, replicas, { dryRun: dry.value === "server" });
        if (!res.ok) {
          rc = ctx.statusError(res.status);
          continue;
        }
      }
      const suffix = dry.value === "client" ? " (dry run)" : dry.value === "server" ? " (server dry run)" : "";
      ctx.out(`${objectRef(object)} scaled${suffix}\n`);
    }
    return rc;
  },
};

/** kubectl GetResourcesAndPairs: resources first, then `k=v` / `k-` updates. */
function splitUpdates(args: string[], noun: string): { resources: string[]; set: [string, string][]; remove: string[]; error?: string } {
  const resources: string[] = [];
  const set: [string, string][] = [];
  const remove: string[] = [];
  let foundPair = false;
  for (const a of args) {
    const pair = (a.includes("=") && a[0] !== "=") || (a.endsWith("-") && a !== "-");
    if (pair) {
      foundPair = true;
      const eq = a.indexOf("=");
      if (eq > 0) set.push([a.slice(0, eq), a.slice(eq + 1)]);
      else remove.push(a.slice(0, -1));
    } else if (!foundPair) resources.push(a);
    else return { resources, set, remove, error: `all resources must be specified before ${noun} changes: ${a}` };
  }
  return { resources, set, remove };
}

function metadataMapCommand(field: "labels" | "annotations"): CommandImpl {
  const noun = field === "labels" ? "label" : "annotation";
  return {
    support: "full",
    notes: "--resource-version and --local are not supported.",
    run(ctx) {
      const { resources, set, remove, error } = splitUpdates(ctx.args, noun);
      if (error) return ctx.fail(error);
      const list = field === "labels" && ctx.bool("list");
      if (set.length === 0 && remove.length === 0 && !list) return ctx.usage(`at least one ${noun} update is required`);
      if (ctx.bool("local")) return ctx.fail("--local is not supported by this simulator yet");
      const dry = getDryRun(ctx);
      if (!dry.ok) return ctx.fail(dry.error);
      const formatError = checkObjectOutputFormat(ctx.str("output"));
      if (formatError) return ctx.fail(formatError);
      for (const k of remove) if (set.some(([s]) => s === k)) return ctx.fail(`can not both modify and remove ${noun}s in the same command`);
      const targets = resolveTargets(ctx, resources, { allowSelector: true });
      if (!targets.ok) return targets.code;
      let rc = 0;
      for (const m of targets.missing) rc = ctx.statusError(m.status);
      const printer = new ResultPrinter(ctx.str("output"), dry.value, (t) => ctx.out(t), (t) => ctx.err(t));
      if (list && set.length === 0 && remove.length === 0) {
        const one = targets.found.length === 1;
        for (const { info, object } of targets.found) {
          if (!one) ctx.out(`Listing labels for ${info.kind}.${info.group}/${object.metadata.name ?? ""}:\n`);
          const labels = object.metadata.labels ?? {};
          for (const k of Object.keys(labels).sort()) ctx.out(`${one ? "" : " "}${k}=${labels[k]}\n`);
        }
        return rc;
      }
      // Per-object errors are aggregated: one prints as `error: ...`, several print one per line, unprefixed.
      const conflictErrors: string[] = [];
      for (const { info, object } of targets.found) {
        const current = { ...((object.metadata[field] as Record<string, string> | undefined) ?? {}) };
        if (!ctx.bool("overwrite")) {
          const conflicts = set.filter(([k, v]) => k in current && current[k] !== v);
          if (conflicts.length > 0) {
            if (field === "labels") conflictErrors.push(`'${conflicts[0][0]}' already has a value (${current[conflicts[0][0]]}), and --overwrite is false`);
            else conflictErrors.push(`--overwrite is false but found the following declared annotation(s): ${conflicts.map(([k]) => `'${k}' already has a value (${current[k]})`).join("; ")}`);
            rc = 1;
            continue;
          }
        }
        const before = JSON.stringify(current);
        const patch: Record<string, string | null> = {};
        for (const k of remove) {
          if (!(k in current)) {
            ctx.out(`${noun} ${JSON.stringify(k)} not found.\n`);
            continue;
          }
          delete current[k];
          patch[k] = null;
        }
        for (const [k, v] of set) {
          current[k] = v;
          patch[k] = v;
        }
        const after = JSON.stringify(current);
        let msg = field === "labels" ? "not labeled" : "annotated";
        // kubectl compares serialized lengths, and only without --overwrite (label.go updateDataChangeMsg).
        if (field === "labels" && before !== after) msg = !ctx.bool("overwrite") && after.length < before.length ? "unlabeled" : "labeled";
        let result: KubeObject = { ...object, metadata: { ...object.metadata, [field]: current } };
        if (dry.value !== "client" && Object.keys(patch).length > 0 && before !== after) {
          const res = ctx.client().patch(info.resource, info.namespaced ? object.metadata.namespace : undefined, object.metadata.name ?? "", "merge", { metadata: { [field]: patch } }, { dryRun: dry.value === "server" });
          if (!res.ok) {
            rc = ctx.statusError(res.status);
            continue;
          }
          printWarnings(ctx, res.warnings);
          result = res.value;
        }
        printer.print(result, msg);
      }
      if (conflictErrors.length === 1) ctx.fail(conflictErrors[0]);
      else for (const e of conflictErrors) ctx.err(`${e}\n`);
      return rc;
    },
  };
}

export const labelCommand = metadataMapCommand("labels");
export const annotateCommand = metadataMapCommand("annotations");

/** The pod spec inside an object (a pod's own, or a template's). */
function podSpecOf(obj: KubeObject): Record<string, unknown> | undefined {
  if (obj.kind === "Pod") return obj.spec as Record<string, unknown>;
  const spec = obj.spec as { template?: { spec?: Record<string, unknown> } } | undefined;
  return spec?.template?.spec;
}

export const setImageCommand: CommandImpl = {
  support: "full",
  notes: "--local is not supported.",
  run(ctx) {
    const resources: string[] = [];
    const images: [string, string][] = [];
    for (const a of ctx.args) {
      const eq = a.indexOf("=");
      if (eq > 0) images.push([a.slice(0, eq), a.slice(eq + 1)]);
      else resources.push(a);
    }
    if (images.length === 0) return ctx.usage("at least one image update is required");
    const dry = getDryRun(ctx);
    if (!dry.ok) return ctx.fail(dry.error);
    const targets = resolveTargets(ctx, resources, { allowSelector: true });
    if (!targets.ok) return targets.code;
    let rc = 0;
    for (const m of targets.missing) rc = ctx.statusError(m.status);
    const printer = new ResultPrinter(ctx.str("output"), dry.value, (t) => ctx.out(t), (t) => ctx.err(t));
    for (const { info, object } of targets.found) {
      const copy = JSON.parse(JSON.stringify(object)) as KubeObject;
      const spec = podSpecOf(copy);
      if (!spec) {
        rc = ctx.fail(`${objectRef(object)} does not have a pod template`);
        continue;
      }
      const containers = [...((spec.initContainers as { name: string; image: string }[]) ?? []), ...((spec.containers as { name: string; image: string }[]) ?? [])];
      let changed = false;
      let failed = false;
      for (const [name, image] of images) {
        const matched = containers.filter((c) => name === "*" || c.name === name);
        if (matched.length === 0) {
          rc = ctx.fail(`unable to find container named ${JSON.stringify(name)}`);
          failed = true;
          break;
        }
        for (const c of matched) {
          if (c.image !== image) changed = true;
          c.image = image;
        }
      }
      if (failed || !changed) continue;
      let result = copy;
      if (dry.value !== "client") {
        const res = ctx.client().update(info.resource, info.namespaced ? object.metadata.namespace : undefined, object.metadata.name ?? "", copy, { dryRun: dry.value === "server", fieldManager: "kubectl-set" });
        if (!res.ok) {
          rc = ctx.statusError(res.status);
          continue;
        }
        result = res.value;
      }
      printer.print(withTypedZeroTimes(result), "image updated");
    }
    return rc;
  },
};

export const exposeCommand: CommandImpl = {
  support: "full",
  notes: "--overrides and --session-affinity are not supported.",
  run(ctx) {
    const dry = getDryRun(ctx);
    if (!dry.ok) return ctx.fail(dry.error);
    const formatError = checkObjectOutputFormat(ctx.str("output"));
    if (formatError) return ctx.fail(formatError);
    const targets = resolveTargets(ctx, ctx.args, { allowSelector: false });
    if (!targets.ok) return targets.code;
    if (targets.missing.length > 0) return ctx.statusError(targets.missing[0].status);
    let rc = 0;
    const printer = new ResultPrinter(ctx.str("output"), dry.value, (t) => ctx.out(t), (t) => ctx.err(t));
    for (const { object } of targets.found) {
      let selector: Record<string, string> | undefined;
      const spec = (object.spec ?? {}) as Record<string, unknown>;
      switch (object.kind) {
        case "Pod":
          selector = object.metadata.labels;
          break;
        case "ReplicationController":
        case "Service":
          selector = spec.selector as Record<string, string> | undefined;
          break;
        case "ReplicaSet":
        case "Deployment": {
          const sel = spec.selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
          if (sel?.matchExpressions?.length) return ctx.fail(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
          selector = sel?.matchLabels;
          break;
        }
        default:
          return ctx.fail(`cannot expose a ${object.kind}`);
      }
      if (ctx.str("selector")) {
        selector = {};
        for (const pair of ctx.str("selector").split(",")) {
          const [k, v] = pair.split("=");
          selector[k] = v ?? "";
        }
      }
      if (!selector || Object.keys(selector).length === 0) return ctx.fail(`couldn't retrieve selectors via --selector flag or introspection: the ${object.kind.toLowerCase()} has no labels and cannot be exposed`);
      const protocol = ctx.str("protocol") || "TCP";
      const ports: Record<string, unknown>[] = [];
      const targetPort = ctx.str("target-port");
      const toTarget = (p: string) => (/^\d+$/.test(p) ? Number(p) : p);
      if (ctx.str("port")) {
        for (const p of ctx.str("port").split(",")) {
          if (!/^\d+$/.test(p)) return ctx.fail(`strconv.Atoi: parsing ${JSON.stringify(p)}: invalid syntax`);
          ports.push({ protocol, port: Number(p), targetPort: targetPort ? toTarget(targetPort) : Number(p) });
        }
      } else {
        const podSpec = object.kind === "Pod" ? (spec as Record<string, unknown>) : (spec.template as { spec?: Record<string, unknown> } | undefined)?.spec;
        const cports = ((podSpec?.containers as { ports?: { containerPort: number; protocol?: string }[] }[]) ?? []).flatMap((c) => c.ports ?? []);
        if (object.kind === "Service") for (const sp of (spec.ports as { port: number; protocol?: string }[]) ?? []) cports.push({ containerPort: sp.port, protocol: sp.protocol });
        if (cports.length === 0) return ctx.fail("couldn't find port via --port flag or introspection");
        cports.forEach((cp, i) => {
          const p: Record<string, unknown> = {};
          if (cports.length > 1) p.name = `port-${i + 1}`;
          p.protocol = ctx.changed("protocol") ? protocol : cp.protocol || "TCP";
          p.port = cp.containerPort;
          p.targetPort = targetPort ? toTarget(targetPort) : cp.containerPort;
          ports.push(p);
        });
      }
      const name = ctx.str("name") || object.metadata.name || "";
      const metadata: Record<string, unknown> = { name, creationTimestamp: null };
      const labels = ctx.str("labels") ? Object.fromEntries(ctx.str("labels").split(",").map((kv) => kv.split("="))) : object.metadata.labels;
      if (labels && Object.keys(labels).length > 0) metadata.labels = { ...labels };
      const svcSpec: Record<string, unknown> = { ports, selector: { ...selector } };
      if (ctx.str("cluster-ip")) svcSpec.clusterIP = ctx.str("cluster-ip");
      if (ctx.str("type")) svcSpec.type = ctx.str("type");
      if (ctx.str("external-ip")) svcSpec.externalIPs = ctx.str("external-ip").split(",");
      const svc = { kind: "Service", apiVersion: "v1", metadata, spec: svcSpec, status: { loadBalancer: {} } } as unknown as KubeObject;
      if (dry.value === "client") {
        if (!printer.print(svc, "exposed", true)) rc = 1;
        continue;
      }
      const res = ctx.client().create("services", ctx.namespace, svc, { dryRun: dry.value === "server", fieldManager: "kubectl-expose" });
      if (!res.ok) return ctx.statusError(res.status);
      printWarnings(ctx, res.warnings);
      if (!printer.print(res.value, "exposed")) rc = 1;
    }
    return rc;
  },
};
