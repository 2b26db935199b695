import type { KubectlContext } from "./context";
import type { DryRun } from "./output";
import { parseGoBool } from "./flags";

/** kubectl cmdutil.GetDryRunStrategy, with its klog warnings for the deprecated forms. */
export function getDryRun(ctx: KubectlContext): { ok: true; value: DryRun } | { ok: false; error: string } {
  const v = ctx.str("dry-run");
  const b = parseGoBool(v);
  if (b === undefined) {
    switch (v) {
      case "unchanged":
        ctx.klog("W", "helpers.go:702", "--dry-run is deprecated and can be replaced with --dry-run=client.");
        return { ok: true, value: "client" };
      case "client":
      case "server":
      case "none":
        return { ok: true, value: v };
      default:
        return { ok: false, error: `Invalid dry-run value (${v}). Must be "none", "server", or "client".` };
    }
  }
  ctx.klog("W", "helpers.go:707", `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=${b ? "client" : "none"}.`);
  return { ok: true, value: b ? "client" : "none" };
}
