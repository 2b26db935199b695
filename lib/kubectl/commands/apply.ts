/** `kubectl apply -f` (client-side apply: last-applied annotation + three-way diff). */
import type { KubeObject, ResourceInfo } from "../../cluster/index";
import type { CommandImpl } from "../command-types";
import type { KubectlContext } from "../context";
import { startFileWrite } from "../file-objects";
import type { ResultPrinter } from "../output";

import { fieldValidation, namespaceForItem, printWarnings, withNamespace } from "../write-helpers";
import { threeWayMergePatch, type Json } from "../patch/three-way-patch";
import { LAST_APPLIED, lastApplied, sortedJson, withLastApplied } from "./apply-merge";

function gvrText(info: ResourceInfo): { resource: string; gvk: string } {
  const gv = info.group ? `${info.group}/${info.version}` : `/${info.version}`;
  return { resource: `${gv}, Resource=${info.resource}`, gvk: `${gv}, Kind=${info.kind}` };
}

export const applyCommand: CommandImpl = {
  support: "partial",
  notes: "Client-side apply only; --prune, --server-side and -k are not supported.",
  run(ctx) {
    if (ctx.bool("server-side")) return ctx.fail("--server-side is not supported by this simulator yet");
    if (ctx.bool("prune")) return ctx.fail("--prune is not supported by this simulator yet");
    if (ctx.str("kustomize")) return ctx.fail("-k (kustomize) is not supported by this simulator yet");
    const files = ctx.list("filename");
    if (files.length === 0) return ctx.usage("must specify one of -f and -k");
    const start = startFileWrite(ctx, files, { checkOutputFormat: true });
    if (!start.ok) return start.code;
    const { dryRun, items, printer } = start;
    let rc = 0;
    for (const item of items) {
      if (item.mappingError || !item.info) {
        rc = ctx.fail(item.mappingError ?? "unknown kind");
        continue;
      }
      const info = item.info;
      const ns = namespaceForItem(ctx, item);
      if (!ns.ok) return ctx.fail(ns.error);
      const name = item.object.metadata.name ?? "";
      if (!name) {
        const g = gvrText(info);
        rc = ctx.fail(
          `error when retrieving current configuration of:\nResource: "${g.resource}", GroupVersionKind: "${g.gvk}"\nName: "", Namespace: "${ns.namespace ?? ""}"\nfrom server for: "${item.source}": resource name may not be empty`,
        );
        continue;
      }
      rc = applyOne(ctx, item.object, info, ns.namespace, item.source, dryRun, printer) || rc;
    }
    return rc;
  },
};

function applyOne(
  ctx: KubectlContext,
  fileObject: KubeObject,
  info: ResourceInfo,
  namespace: string | undefined,
  source: string,
  dryRun: "none" | "client" | "server",
  printer: ResultPrinter,
): number {
  const client = ctx.client();
  const name = fileObject.metadata.name as string;
  // The resource builder sets the namespace on namespaced objects before the annotation is computed.
  const withNs = namespace !== undefined && fileObject.metadata.namespace !== namespace ? withNamespace(fileObject as never, namespace) as KubeObject : fileObject;
  const modified = withLastApplied(withNs);
  const current = client.get(info.resource, namespace, name);
  const opts = { dryRun: dryRun === "server", fieldValidation: fieldValidation(ctx), fieldManager: ctx.str("field-manager") || "kubectl-client-side-apply" };
  if (!current.ok) {
    if (current.status.reason !== "NotFound") return ctx.statusError(current.status, { verb: "retrieving current configuration of", source });
    if (dryRun === "client") return printer.print(modified, "created") ? 0 : 1;
    const res = client.create(info.resource, namespace, modified, opts);
    if (!res.ok) return ctx.statusError(res.status, { verb: "creating", source });
    printWarnings(ctx, res.warnings);
    return printer.print(res.value, "created") ? 0 : 1;
  }
  const live = current.value;
  // A client-side dry run neither patches nor warns: it prints the live object as "configured".
  if (dryRun === "client") return printer.print(live, "configured") ? 0 : 1;
  if (live.metadata.annotations?.[LAST_APPLIED] === undefined) {
    const resource = info.group ? `${info.resource}.${info.group}` : info.resource;
    ctx.err(
      `Warning: resource ${resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  type JsonObj = { [k: string]: Json };
  const patch = threeWayMergePatch((lastApplied(live) ?? {}) as JsonObj, modified as unknown as JsonObj, live as unknown as JsonObj, info.kind);
  if (Object.keys(patch).length === 0) return printer.print(live, "unchanged") ? 0 : 1;
  const res = client.patch(info.resource, namespace, name, "strategic", patch, opts);
  if (!res.ok) {
    if (res.status.reason === "Invalid") return ctx.statusError(res.status);
    const g = gvrText(info);
    ctx.err(
      `Error from server${res.status.reason ? ` (${res.status.reason})` : ""}: error when applying patch:\n${sortedJson(patch)}\n\nto:\nResource: "${g.resource}", GroupVersionKind: "${g.gvk}"\nName: "${name}", Namespace: "${namespace ?? ""}"\nfor: "${source}": error when patching "${source}": ${res.status.message}\n`,
    );
    return 1;
  }
  printWarnings(ctx, res.warnings);
  return printer.print(res.value, "configured") ? 0 : 1;
}

