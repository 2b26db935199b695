/** Shared by create/apply/replace/delete -f: namespaces of manifest objects, --validate, server warnings. */
import type { FieldValidation } from "../cluster/index";
import type { KubectlContext } from "./context";
import type { ManifestItem } from "./manifests";

/** The namespace an object from a file goes to, or kubectl's mismatch error. */
export function namespaceForItem(ctx: KubectlContext, item: ManifestItem): { ok: true; namespace: string | undefined } | { ok: false; error: string } {
  if (!item.info?.namespaced) return { ok: true, namespace: undefined };
  const objNs = item.object.metadata?.namespace;
  if (objNs && ctx.namespaceExplicit && objNs !== ctx.namespace) {
    return {
      ok: false,
      error: `the namespace from the provided object ${JSON.stringify(objNs)} does not match the namespace ${JSON.stringify(ctx.namespace)}. You must pass '--namespace=${objNs}' to perform this operation.`,
    };
  }
  return { ok: true, namespace: objNs || ctx.namespace };
}

/** --validate (strict|warn|ignore|true|false) as the server's fieldValidation. */
export function fieldValidation(ctx: KubectlContext): FieldValidation {
  const v = ctx.str("validate").toLowerCase();
  if (v === "warn") return "Warn";
  if (v === "ignore" || v === "false") return "Ignore";
  return "Strict";
}

export function validateEnabled(ctx: KubectlContext): boolean {
  const v = ctx.str("validate").toLowerCase();
  return v !== "false" && v !== "ignore";
}

/** Server warnings go to stderr as `Warning: <text>`. */
export function printWarnings(ctx: KubectlContext, warnings: readonly string[] | undefined): void {
  for (const w of warnings ?? []) ctx.err(`Warning: ${w}\n`);
}

/** Sets metadata.namespace right after metadata.name (Go struct order, for -o json of generated objects). */
export function withNamespace<T extends { metadata: Record<string, unknown> }>(obj: T, namespace: string): T {
  const { name, ...rest } = obj.metadata;
  return { ...obj, metadata: { name, namespace, ...rest } };
}
