/** `kubectl edit` (kubectl pkg/cmd/util/editor) and `kubectl replace [--force]`. */
import { isFsError, type KubeObject, type ResourceInfo, type Status } from "../../cluster/index";
import { parse } from "yaml";
import type { CommandImpl } from "../command-types";
import type { KubectlContext } from "../context";
import { startFileWrite } from "../file-objects";
import { objectRef } from "../output";
import { kindDisplayName, toKubectlYaml } from "../printers/index";
import { parseResourceArgs } from "../resources";
import { fieldValidation, namespaceForItem, printWarnings } from "../write-helpers";
import { twoWayMergePatch, type Json } from "../patch/three-way-patch";
import { waitGone } from "./delete";

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

function stripComments(text: string): string {
  return text
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .join("\n")
    .trim();
}

/** The error block kubectl writes at the top of the reopened file. */
function errorComment(info: ResourceInfo, name: string, status: Status): string {
  const resource = info.group ? `${info.resource}.${info.group}` : info.resource;
  const lines: string[] = [];
  if (status.reason === "Invalid") {
    lines.push(`${resource} ${JSON.stringify(name)} was not valid:`);
    for (const c of status.details?.causes ?? []) lines.push(`* ${c.field ? `${c.field}: ` : ""}${c.message ?? ""}`);
  } else lines.push(`Error from server${status.reason ? ` (${status.reason})` : ""}: ${status.message}`);
  return lines.flatMap((l) => l.split("\n")).map((l) => `# ${l}`.trimEnd()).join("\n") + "\n#\n";
}

export const editCommand: CommandImpl = {
  support: "partial",
  notes: "One object at a time (several are edited one after another, not as a List); --output-patch is not supported.",
  async run(ctx) {
    if (ctx.args.length === 0 && ctx.list("filename").length === 0) return ctx.usage("You must provide one or more resources by argument or filename.");
    const parsed = parseResourceArgs(ctx.discovery(), ctx.args);
    if (!parsed.ok) return ctx.fail(parsed.error);
    const editor = ctx.io.env.KUBE_EDITOR || ctx.io.env.EDITOR || "vi";
    let rc = 0;
    for (const req of parsed.requests) {
      if (req.names.length === 0) return ctx.fail("resource(s) were provided, but no name was specified");
      for (const name of req.names) {
        const got = ctx.client().get(req.info.resource, req.info.namespaced ? ctx.namespace : undefined, name);
        if (!got.ok) {
          rc = ctx.statusError(got.status);
          continue;
        }
        rc = (await editOne(ctx, req.info, got.value, editor)) || rc;
      }
    }
    return rc;
  },
};

async function editOne(ctx: KubectlContext, info: ResourceInfo, original: KubeObject, editor: string): Promise<number> {
  const fs = ctx.io.fs;
  fs.mkdir("/tmp", { parents: true });
  const path = `/tmp/kubectl-edit-${1000000000 + (Math.floor(ctx.now() / 7) % 3000000000)}.yaml`;
  const originalYaml = toKubectlYaml(original);
  let presented = HEADER + originalYaml;
  let hadError = false;
  let lastStatus: Status | undefined;
  for (;;) {
    fs.writeFile(path, presented);
    const code = await ctx.io.edit(path, editor);
    if (code !== 0) return ctx.fail(`there was a problem with the editor ${JSON.stringify(editor)}`);
    const text = fs.readFile(path);
    if (isFsError(text)) return ctx.fail(`open ${path}: no such file or directory`);
    const edited = stripComments(text);
    if (edited === "") {
      ctx.err("Edit cancelled, saved file was empty.\n");
      return 0;
    }
    if (edited === stripComments(presented)) {
      if (!hadError) {
        ctx.err("Edit cancelled, no changes made.\n");
        return 0;
      }
      const resource = info.group ? `${info.resource}.${info.group}` : info.resource;
      ctx.err(`error: ${resource} ${JSON.stringify(original.metadata.name)} is invalid\nA copy of your changes has been stored to ${JSON.stringify(path)}\nerror: Edit cancelled, no valid changes were saved.\n`);
      void lastStatus;
      return 1;
    }
    let obj: unknown;
    try {
      obj = parse(edited);
    } catch (e) {
      hadError = true;
      presented = `${HEADER}# The edited file had a syntax error: error converting YAML to JSON: yaml: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}\n#\n${edited}\n`;
      continue;
    }
    const patch = twoWayMergePatch(original as unknown as { [k: string]: Json }, (obj ?? {}) as { [k: string]: Json }, info.kind);
    if (Object.keys(patch).length === 0) {
      ctx.err("Edit cancelled, no changes made.\n");
      return 0;
    }
    const res = ctx.client().patch(info.resource, info.namespaced ? original.metadata.namespace : undefined, original.metadata.name ?? "", "strategic", patch, {
      fieldManager: "kubectl-edit",
      fieldValidation: fieldValidation(ctx),
    });
    if (res.ok) {
      printWarnings(ctx, res.warnings);
      ctx.out(`${objectRef(res.value)} edited\n`);
      return 0;
    }
    hadError = true;
    lastStatus = res.status;
    presented = `${HEADER}${errorComment(info, original.metadata.name ?? "", res.status)}${edited}\n`;
  }
}

export const replaceCommand: CommandImpl = {
  support: "full",
  notes: "-k is not supported.",
  async run(ctx) {
    const files = ctx.list("filename");
    if (files.length === 0) return ctx.usage("must specify --filename to replace");
    const start = startFileWrite(ctx, files, { checkOutputFormat: false });
    if (!start.ok) return start.code;
    const { dryRun, items, printer } = start;
    const client = ctx.client();
    let rc = 0;
    for (const item of items) {
      if (!item.info) {
        rc = ctx.fail(item.mappingError ?? "unknown kind");
        continue;
      }
      const info = item.info;
      const ns = namespaceForItem(ctx, item);
      if (!ns.ok) return ctx.fail(ns.error);
      const name = item.object.metadata.name ?? "";
      if (!name) {
        rc = ctx.fail(`error when replacing ${JSON.stringify(item.source)}: resource name may not be empty`);
        continue;
      }
      const opts = { dryRun: dryRun === "server", fieldValidation: fieldValidation(ctx), fieldManager: "kubectl-replace" };
      if (ctx.bool("force")) {
        const del = client.delete(info.resource, ns.namespace, name, ctx.int("grace-period") >= 0 ? { gracePeriodSeconds: ctx.int("grace-period") } : {});
        if (!del.ok && del.status.reason !== "NotFound") {
          rc = ctx.statusError(del.status, { verb: "deleting", source: item.source });
          continue;
        }
        if (del.ok) {
          ctx.out(`${kindDisplayName(info)} ${JSON.stringify(name)} deleted\n`);
          await waitGone(ctx, [{ target: { info, namespace: ns.namespace, name }, uid: del.value.metadata?.uid }], 168 * 3600_000);
        }
        const created = client.create(info.resource, ns.namespace, item.object, opts);
        if (!created.ok) {
          rc = ctx.statusError(created.status, { verb: "replacing", source: item.source });
          continue;
        }
        printer.print(created.value, "replaced");
        continue;
      }
      let body = item.object;
      if (!body.metadata.resourceVersion) {
        const cur = client.get(info.resource, ns.namespace, name);
        if (!cur.ok) {
          rc = ctx.statusError(cur.status, { verb: "replacing", source: item.source });
          continue;
        }
        body = { ...body, metadata: { ...body.metadata, resourceVersion: cur.value.metadata.resourceVersion } };
      }
      if (dryRun === "client") {
        printer.print(body, "replaced");
        continue;
      }
      const res = client.update(info.resource, ns.namespace, name, body, opts);
      if (!res.ok) {
        rc = ctx.statusError(res.status, { verb: "replacing", source: item.source });
        continue;
      }
      printWarnings(ctx, res.warnings);
      printer.print(res.value, "replaced");
    }
    return rc;
  },
};
