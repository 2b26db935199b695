/** `kubectl describe` over the describe helper: exact names, name prefixes, -l, -A, -f. */
import type { KubeObject, ResourceInfo } from "../../cluster/index";
import type { CommandImpl } from "../command-types";
import { describe, describeEach, joinPrefixMatches } from "../describe/index";
import { readFileObjects } from "../file-objects";
import { noResourcesFound } from "../printers/index";
import { parseResourceArgs, type ResourceRequest } from "../resources";
import { wrapListError } from "./list-error";

export const describeCommand: CommandImpl = {
  support: "full",
  run(ctx) {
    let requests: ResourceRequest[] = [];
    const files = ctx.list("filename");
    if (files.length > 0) {
      const read = readFileObjects(ctx, files);
      if (!read.ok) return ctx.fail(read.error);
      for (const item of read.items) {
        if (!item.info) return ctx.fail(item.mappingError ?? "unknown kind");
        requests.push({ info: item.info, names: [item.object.metadata.name ?? ""] });
      }
    } else {
      if (ctx.args.length === 0) {
        return ctx.fail(`You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.`);
      }
      const parsed = parseResourceArgs(ctx.discovery(), ctx.args);
      if (!parsed.ok) return ctx.fail(parsed.error);
      requests = parsed.requests;
    }
    const allNs = ctx.bool("all-namespaces");
    const client = ctx.client();
    const now = ctx.now();
    const opts = { showEvents: ctx.bool("show-events") };
    const items: { info: ResourceInfo; object: KubeObject }[] = [];
    let out = "";
    let rc = 0;
    for (const req of requests) {
      const ns = req.info.namespaced ? (allNs ? undefined : ctx.namespace) : undefined;
      if (req.names.length === 0) {
        const list = client.list(req.info.resource, ns, { labelSelector: ctx.str("selector") || undefined });
        if (!list.ok) return ctx.statusError(wrapListError(req.info, list.status, ctx.str("selector")));
        for (const o of list.value.items) items.push({ info: req.info, object: o });
        continue;
      }
      for (const name of req.names) {
        const res = client.get(req.info.resource, req.info.namespaced ? ctx.namespace : undefined, name);
        if (res.ok) {
          items.push({ info: req.info, object: res.value });
          continue;
        }
        // kubectl falls back to every object whose name starts with the argument.
        const list = client.list(req.info.resource, req.info.namespaced ? ctx.namespace : undefined);
        const matches = list.ok ? list.value.items.filter((o) => (o.metadata.name ?? "").startsWith(name)) : [];
        if (matches.length === 0) {
          rc = ctx.statusError(res.status);
          continue;
        }
        out += joinPrefixMatches(matches.map((o) => describe(client, req.info, o, now, opts)));
      }
    }
    // Objects listed or found by name come first, then the name-prefix matches (streamed: see describeEach).
    const wrote = describeEach(client, items, now, opts, (t) => ctx.out(t));
    ctx.out(out);
    if (!wrote && out === "" && rc === 0) ctx.err(noResourcesFound(requests.every((r) => r.info.namespaced) && !allNs ? ctx.namespace : undefined));
    return rc;
  },
};
