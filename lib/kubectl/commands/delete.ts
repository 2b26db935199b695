/** `kubectl delete` (kubectl pkg/cmd/delete/delete.go): names, -f, -l, --all, grace, force, cascade, wait. */
import type { KubeObject, PropagationPolicy, ResourceInfo } from "../../cluster/index";
import type { CommandImpl } from "../command-types";
import type { KubectlContext } from "../context";
import { getDryRun } from "../dry-run";
import { readFileObjects } from "../file-objects";
import { kindDisplayName } from "../printers/index";
import { parseResourceArgs } from "../resources";
import { namespaceForItem } from "../write-helpers";
import { wrapListError } from "./list-error";

interface Target {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
  source?: string;
}

const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

function cascadePolicy(ctx: KubectlContext): { ok: true; value: PropagationPolicy } | { ok: false; error: string } {
  const v = ctx.str("cascade");
  switch (v) {
    case "background":
    case "true":
      return { ok: true, value: "Background" };
    case "foreground":
      return { ok: true, value: "Foreground" };
    case "orphan":
    case "false":
      return { ok: true, value: "Orphan" };
    default:
      return { ok: false, error: `invalid cascade value (${v}). Must be "background", "foreground", or "orphan".` };
  }
}

export const deleteCommand: CommandImpl = {
  support: "full",
  notes: "-k and --raw are not supported; --interactive is not supported.",
  async run(ctx) {
    if (ctx.bool("interactive")) return ctx.fail("--interactive is not supported by this simulator yet");
    const dry = getDryRun(ctx);
    if (!dry.ok) return ctx.fail(dry.error);
    const cascade = cascadePolicy(ctx);
    if (!cascade.ok) return ctx.fail(cascade.error);
    let grace = ctx.int("grace-period");
    const force = ctx.bool("force");
    if (ctx.bool("now")) {
      if (grace !== -1) return ctx.fail("--now and --grace-period cannot be specified together");
      grace = 1;
    }
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    const selector = ctx.str("selector");
    const all = ctx.bool("all");
    const allNs = ctx.bool("all-namespaces");
    const files = ctx.list("filename");
    const targets: Target[] = [];
    let rc = 0;

    if (files.length > 0) {
      const read = readFileObjects(ctx, files);
      if (!read.ok) return ctx.fail(read.error);
      for (const item of read.items) {
        if (!item.info) {
          rc = ctx.fail(item.mappingError ?? "unknown kind");
          continue;
        }
        const ns = namespaceForItem(ctx, item);
        if (!ns.ok) return ctx.fail(ns.error);
        targets.push({ info: item.info, namespace: ns.namespace, name: item.object.metadata.name ?? "", source: item.source });
      }
    } else {
      if (ctx.args.length === 0) return ctx.fail(NO_RESOURCES);
      const parsed = parseResourceArgs(ctx.discovery(), ctx.args);
      if (!parsed.ok) return ctx.fail(parsed.error);
      for (const req of parsed.requests) {
        const ns = req.info.namespaced ? ctx.namespace : undefined;
        if (req.names.length > 0) {
          if (all || selector) return ctx.fail("name cannot be provided when a selector is specified");
          for (const name of req.names) targets.push({ info: req.info, namespace: ns, name });
          continue;
        }
        if (!all && !selector && !ctx.str("field-selector")) return ctx.fail("resource(s) were provided, but no name was specified");
        const list = ctx.client().list(req.info.resource, allNs && req.info.namespaced ? undefined : ns, {
          labelSelector: selector || undefined,
          fieldSelector: ctx.str("field-selector") || undefined,
        });
        if (!list.ok) return ctx.statusError(wrapListError(req.info, list.status, selector, ctx.str("field-selector")));
        for (const o of list.value.items) targets.push({ info: req.info, namespace: req.info.namespaced ? o.metadata.namespace : undefined, name: o.metadata.name ?? "" });
      }
      if (targets.length === 0) {
        ctx.out("No resources found\n");
        return 0;
      }
    }

    if (force && grace === 0) {
      ctx.err("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n");
    }
    const deleted: { target: Target; uid?: string }[] = [];
    for (const t of targets) {
      const label = `${kindDisplayName(t.info)} "${t.name}"`;
      if (dry.value === "client") {
        const exists = ctx.client().get(t.info.resource, t.namespace, t.name);
        if (!exists.ok) {
          if (!(ctx.bool("ignore-not-found") && exists.status.reason === "NotFound")) rc = ctx.statusError(exists.status, t.source ? { verb: "deleting", source: t.source } : undefined);
          continue;
        }
        ctx.out(`${label} deleted (dry run)\n`);
        continue;
      }
      const res = ctx.client().delete(t.info.resource, t.namespace, t.name, {
        dryRun: dry.value === "server",
        ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
        propagationPolicy: cascade.value,
      });
      if (!res.ok) {
        if (ctx.bool("ignore-not-found") && res.status.reason === "NotFound") continue;
        rc = ctx.statusError(res.status, t.source ? { verb: "deleting", source: t.source } : undefined);
        continue;
      }
      const how = dry.value === "server" ? "deleted (server dry run)" : force && grace === 0 ? "force deleted" : "deleted";
      ctx.out(`${label} ${how}\n`);
      deleted.push({ target: t, uid: (res.value as KubeObject).metadata?.uid });
    }
    if (ctx.bool("wait") && dry.value === "none" && deleted.length > 0) {
      const timeout = ctx.int("timeout") > 0 ? ctx.int("timeout") : 168 * 3600_000;
      const ok = await waitGone(ctx, deleted, timeout);
      if (!ok && !ctx.io.signal.aborted) rc = ctx.fail(`timed out waiting for the condition on ${deleted.map((d) => `${d.target.info.resource}/${d.target.name}`).join(", ")}`) || rc;
    }
    return rc;
  },
};

/** Lets virtual time pass until every object is gone (or was replaced by a new one with another uid). */
export async function waitGone(ctx: KubectlContext, items: { target: Target; uid?: string }[], timeoutMs: number): Promise<boolean> {
  const start = ctx.now();
  const gone = () =>
    items.every(({ target, uid }) => {
      const res = ctx.client().get(target.info.resource, target.namespace, target.name);
      return !res.ok || (uid !== undefined && res.value.metadata.uid !== uid);
    });
  ctx.io.cluster.runUntilIdle();
  while (!gone()) {
    if (ctx.io.signal.aborted || ctx.now() - start >= timeoutMs) return false;
    await ctx.io.sleep(1000);
  }
  return true;
}
