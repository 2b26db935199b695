/** `kubectl wait --for=condition=X|delete|jsonpath=...` (kubectl pkg/cmd/wait), polling in virtual time. */
import type { KubeObject, ResourceInfo } from "../../cluster/index";
import type { CommandImpl } from "../command-types";
import type { KubectlContext } from "../context";
import { objectRef } from "../output";
import { findJsonPathResults } from "../printers/jsonpath/print-jsonpath";
import { parseResourceArgs } from "../resources";
import { wrapListError } from "./list-error";

type Condition = { kind: "delete" } | { kind: "create" } | { kind: "condition"; type: string; value: string } | { kind: "jsonpath"; path: string; value?: string };

function parseFor(v: string): Condition | string {
  const lower = v.toLowerCase();
  if (lower === "delete") return { kind: "delete" };
  if (lower === "create") return { kind: "create" };
  if (lower.startsWith("condition=")) {
    const body = v.slice("condition=".length);
    const eq = body.indexOf("=");
    return eq < 0 ? { kind: "condition", type: body, value: "true" } : { kind: "condition", type: body.slice(0, eq), value: body.slice(eq + 1) };
  }
  if (lower.startsWith("jsonpath=")) {
    const body = v.slice("jsonpath=".length);
    const close = body.lastIndexOf("}");
    const path = close >= 0 ? body.slice(0, close + 1) : body;
    const rest = body.slice(path.length);
    if (rest !== "" && !rest.startsWith("=")) return "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";
    return rest === "" ? { kind: "jsonpath", path } : { kind: "jsonpath", path, value: rest.slice(1) };
  }
  return "unrecognized condition: " + JSON.stringify(v);
}

function met(obj: KubeObject, c: Condition): boolean {
  if (c.kind === "condition") {
    const conds = ((obj.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []);
    return conds.some((x) => x.type.toLowerCase() === c.type.toLowerCase() && x.status.toLowerCase() === c.value.toLowerCase());
  }
  if (c.kind === "jsonpath") {
    let results: unknown[][];
    try {
      results = findJsonPathResults(c.path, obj);
    } catch {
      return false;
    }
    const values = results.flat();
    if (values.length === 0) return false;
    if (c.value === undefined) return true;
    return values.every((v) => (typeof v === "object" ? JSON.stringify(v) : String(v)) === c.value);
  }
  return true;
}

export const waitCommand: CommandImpl = {
  support: "full",
  async run(ctx) {
    if (!ctx.str("for")) return ctx.fail("--for must be specified");
    const cond = parseFor(ctx.str("for"));
    if (typeof cond === "string") return ctx.fail(cond);
    const parsed = parseResourceArgs(ctx.discovery(), ctx.args);
    if (!parsed.ok) return ctx.fail(parsed.error);
    if (parsed.requests.length === 0) return ctx.usage("resource(s) were provided, but no name was specified");
    const timeout = ctx.int("timeout");
    const start = ctx.now();
    const targets: { info: ResourceInfo; name: string; uid?: string }[] = [];
    for (const req of parsed.requests) {
      const ns = req.info.namespaced ? ctx.namespace : undefined;
      if (req.names.length > 0) {
        for (const n of req.names) targets.push({ info: req.info, name: n });
        continue;
      }
      if (!ctx.bool("all") && !ctx.str("selector")) return ctx.fail("resource(s) were provided, but no name was specified");
      const list = ctx.client().list(req.info.resource, ctx.bool("all-namespaces") ? undefined : ns, { labelSelector: ctx.str("selector") || undefined });
      if (!list.ok) return ctx.statusError(wrapListError(req.info, list.status, ctx.str("selector")));
      for (const o of list.value.items) targets.push({ info: req.info, name: o.metadata.name ?? "", uid: o.metadata.uid });
      if (list.value.items.length === 0) return ctx.fail("no matching resources found");
    }
    let rc = 0;
    for (const t of targets) {
      rc = (await waitOne(ctx, t, cond, start, timeout)) || rc;
    }
    return rc;
  },
};

async function waitOne(ctx: KubectlContext, t: { info: ResourceInfo; name: string; uid?: string }, cond: Condition, start: number, timeout: number): Promise<number> {
  const ns = t.info.namespaced ? ctx.namespace : undefined;
  let uid = t.uid;
  let lastObj: KubeObject | undefined;
  for (;;) {
    ctx.io.cluster.runUntilIdle();
    const res = ctx.client().get(t.info.resource, ns, t.name);
    if (cond.kind === "delete") {
      if (!res.ok || (uid && res.value.metadata.uid !== uid)) {
        if (lastObj) ctx.out(`${objectRef(lastObj)} condition met\n`);
        return 0;
      }
      uid ??= res.value.metadata.uid;
      lastObj = res.value;
    } else if (res.ok) {
      if (met(res.value, cond)) {
        ctx.out(`${objectRef(res.value)} condition met\n`);
        return 0;
      }
    } else if (cond.kind !== "create") {
      return ctx.statusError(res.status);
    }
    if (ctx.io.signal.aborted) return 1;
    if (ctx.now() - start >= timeout) {
      const resource = t.info.group ? `${t.info.resource}.${t.info.group}` : t.info.resource;
      return ctx.fail(`timed out waiting for the condition on ${resource}/${t.name}`);
    }
    await ctx.io.sleep(Math.min(1000, Math.max(1, timeout - (ctx.now() - start))));
  }
}
