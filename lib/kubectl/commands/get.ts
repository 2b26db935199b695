/** `kubectl get` (kubectl pkg/cmd/get/get.go) over the printers helper. */
import { isFsError, type KubeObject, type ResourceInfo, type Status, type WatchEventType } from "../../cluster/index";
import type { CommandImpl } from "../command-types";
import type { KubectlContext } from "../context";
import { formatStatusError } from "../errors";
import { readFileObjects } from "../file-objects";
import { absolutePath } from "../manifests";
import {
  asList,
  createWatchPrinter,
  noResourcesFound,
  parseCustomColumnsFile,
  parseCustomColumnsSpec,
  parseOutputFormat,
  printCustomColumns,
  printJsonPath,
  printName,
  printTableGroups,
  PrinterError,
  sortObjects,
  toKubectlJsonChunks,
  toKubectlYamlChunks,
  type OutputFormat,
} from "../printers/index";
import { parseResourceArgs, type ResourceRequest } from "../resources";
import { wrapListError } from "./list-error";

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

/** Objects of one requested resource type, with the errors met while fetching them. */
interface Fetched {
  info: ResourceInfo;
  objects: KubeObject[];
  /** Whether this was a list (no names): affects the yaml/json List wrapper. */
  listed: boolean;
}

export const getCommand: CommandImpl = {
  support: "partial",
  notes: "go-template output, --subresource and -k are not supported; --raw serves only /healthz, /readyz and /livez.",
  async run(ctx) {
    let format: OutputFormat;
    try {
      format = parseOutputFormat(ctx.str("output"));
    } catch (e) {
      return ctx.fail(e instanceof PrinterError ? e.message : String(e));
    }
    const raw = ctx.str("raw");
    if (raw) {
      // The health endpoints answer a bare `ok` (no newline); kubectl copies the body as is.
      if (/^\/(healthz|readyz|livez)\/?$/.test(raw)) {
        ctx.out("ok");
        return 0;
      }
      return ctx.fail(`--raw ${raw} is not supported by this simulator yet (only /healthz, /readyz, /livez)`);
    }
    if (ctx.str("subresource")) return ctx.fail("--subresource is not supported by this simulator yet");
    const allNs = ctx.bool("all-namespaces");
    const ns = allNs ? undefined : ctx.namespace;
    let requests: ResourceRequest[] = [];
    const files = ctx.list("filename");
    if (files.length > 0) {
      const read = readFileObjects(ctx, files);
      if (!read.ok) return ctx.fail(read.error);
      for (const item of read.items) {
        if (!item.info) return ctx.fail(item.mappingError ?? "unknown kind");
        const existing = requests.find((r) => r.info === item.info);
        if (existing) existing.names.push(item.object.metadata.name ?? "");
        else requests.push({ info: item.info, names: [item.object.metadata.name ?? ""] });
      }
    } else {
      if (ctx.args.length === 0) {
        ctx.err(NO_TYPE);
        return 1;
      }
      const parsed = parseResourceArgs(ctx.discovery(), ctx.args);
      if (!parsed.ok) return ctx.fail(parsed.error);
      requests = parsed.requests;
    }

    const client = ctx.client();
    const errors: string[] = [];
    const fetched: Fetched[] = [];
    const listOpts = { labelSelector: ctx.str("selector") || undefined, fieldSelector: ctx.str("field-selector") || undefined };
    for (const req of requests) {
      const target = req.info.namespaced ? ns : undefined;
      if (req.names.length === 0) {
        const res = client.list(req.info.resource, target, listOpts);
        if (!res.ok) {
          errors.push(formatStatusError(wrapListError(req.info, res.status, listOpts.labelSelector, listOpts.fieldSelector)));
          continue;
        }
        fetched.push({ info: req.info, objects: res.value.items, listed: true });
      } else {
        const objects: KubeObject[] = [];
        for (const name of req.names) {
          const res = client.get(req.info.resource, req.info.namespaced ? ctx.namespace : undefined, name);
          if (res.ok) objects.push(res.value);
          else if (!(ctx.bool("ignore-not-found") && res.status.reason === "NotFound")) errors.push(formatStatusError(res.status as Status));
        }
        fetched.push({ info: req.info, objects, listed: false });
      }
    }

    const sortBy = ctx.str("sort-by");
    if (sortBy) {
      try {
        for (const f of fetched) f.objects = sortObjects(f.objects, sortBy);
      } catch (e) {
        return ctx.fail(e instanceof Error ? e.message : String(e));
      }
    }
    const all = fetched.flatMap((f) => f.objects);
    const multipleKinds = new Set(fetched.map((f) => f.info)).size > 1;
    const requestedNames = requests.reduce((n, r) => n + r.names.length, 0);
    const singleItem = !fetched.some((f) => f.listed) && requestedNames === 1 && all.length === 1;

    const watching = ctx.bool("watch") || ctx.bool("watch-only");
    let out: string | string[] = "";
    if (!ctx.bool("watch-only") || !watching) {
      try {
        out = render(ctx, format, fetched, all, singleItem, multipleKinds || ctx.bool("show-kind"), allNs);
      } catch (e) {
        return ctx.fail(e instanceof Error ? e.message : String(e));
      }
    }
    if (watching) {
      if (format.kind !== "table") return ctx.fail(`watching with -o ${ctx.str("output")} is not supported by this simulator yet`);
      if (fetched.length !== 1) return ctx.fail("you may only specify a single resource type");
      return watch(ctx, fetched[0], ns, listOpts, format.wide, allNs);
    }
    // printGeneric returns the errors before printing when nothing was found (no empty List for `get x nope -o yaml`).
    const genericNothing = all.length === 0 && errors.length > 0 && format.kind !== "table" && format.kind !== "custom-columns";
    // -o yaml|json come in pieces (a long list is cheaper to write that way than as one string).
    if (!genericNothing) for (const chunk of typeof out === "string" ? [out] : out) ctx.out(chunk);
    for (const e of errors) ctx.err(e);
    if (out === "" && errors.length === 0 && (format.kind === "table" || format.kind === "custom-columns")) {
      const allNamespaced = fetched.every((f) => f.info.namespaced);
      ctx.err(noResourcesFound(allNamespaced && !allNs ? ctx.namespace : undefined));
    }
    return errors.length > 0 ? 1 : 0;
  },
};

function render(ctx: KubectlContext, format: OutputFormat, fetched: Fetched[], all: KubeObject[], singleItem: boolean, withKind: boolean, allNs: boolean): string | string[] {
  const now = ctx.now();
  switch (format.kind) {
    case "table":
      return printTableGroups(
        fetched.map((f) => f.objects),
        {
          now,
          wide: format.wide,
          withNamespace: allNs,
          withKind,
          showLabels: ctx.bool("show-labels"),
          labelColumns: ctx.list("label-columns"),
          noHeaders: ctx.bool("no-headers"),
        },
      );
    case "yaml":
      return toKubectlYamlChunks(singleItem ? all[0] : asList(all));
    case "json":
      return toKubectlJsonChunks(singleItem ? all[0] : asList(all));
    case "name":
      return all.map((o) => printName(o)).join("");
    case "jsonpath":
      return printJsonPath(format.template, singleItem ? all[0] : asList(all), { asJson: format.asJson, allowMissingKeys: ctx.bool("allow-missing-template-keys") });
    case "jsonpath-file": {
      const text = ctx.io.fs.readFile(absolutePath(ctx.io.cwd, format.path));
      if (isFsError(text)) throw new Error(`error reading template ${format.path}, open ${format.path}: no such file or directory`);
      return printJsonPath(text, singleItem ? all[0] : asList(all));
    }
    case "custom-columns":
      return printCustomColumns(parseCustomColumnsSpec(format.spec), all, { noHeaders: ctx.bool("no-headers") });
    case "custom-columns-file": {
      const text = ctx.io.fs.readFile(absolutePath(ctx.io.cwd, format.path));
      if (isFsError(text)) throw new Error(`open ${format.path}: no such file or directory`);
      return printCustomColumns(parseCustomColumnsFile(text), all, { noHeaders: ctx.bool("no-headers") });
    }
  }
}

/** -w / --watch-only: print the list, then one line per event, until Ctrl+C (io.signal) ends it. */
async function watch(ctx: KubectlContext, f: Fetched, ns: string | undefined, listOpts: { labelSelector?: string; fieldSelector?: string }, wide: boolean, allNs: boolean): Promise<number> {
  // The printer reads `now` on every line, so ages follow virtual time.
  const tableOpts = {
    now: ctx.now(),
    wide,
    withNamespace: allNs,
    showLabels: ctx.bool("show-labels"),
    labelColumns: ctx.list("label-columns"),
    noHeaders: ctx.bool("no-headers"),
    outputWatchEvents: ctx.bool("output-watch-events"),
  };
  const printer = createWatchPrinter(tableOpts);
  if (!ctx.bool("watch-only")) {
    ctx.out(printer.printList(f.objects));
    if (f.objects.length === 0 && !f.listed) return 1;
  }
  const names = new Set(f.objects.map((o) => o.metadata.name));
  const queue: { type: WatchEventType; object: KubeObject; at: number }[] = [];
  const stop = ctx.client().watch(f.info.resource, f.info.namespaced ? ns : undefined, listOpts, (ev) => {
    if (!f.listed && !names.has(ev.object.metadata.name)) return;
    queue.push({ type: ev.type, object: ev.object, at: ctx.now() });
  });
  try {
    while (!ctx.io.signal.aborted) {
      await ctx.io.sleep(1000);
      while (queue.length > 0) {
        const ev = queue.shift()!;
        // Ages as of the event, as a real watch prints each line the moment it arrives.
        tableOpts.now = ev.at;
        ctx.out(printer.printEvent(ev.type, ev.object));
      }
    }
  } finally {
    stop();
  }
  return 0;
}

