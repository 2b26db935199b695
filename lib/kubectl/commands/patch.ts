/** `kubectl patch`: strategic merge (default), JSON merge or JSON patch, from -p or --patch-file. */
import { parse } from "yaml";
import { isFsError, type KubeObject } from "../../cluster/index";
import type { CommandImpl } from "../command-types";
import { getDryRun } from "../dry-run";
import { absolutePath } from "../manifests";
import { checkObjectOutputFormat, ResultPrinter } from "../output";
import { resolveTargets } from "./mutate";
import { sortedJson } from "./apply-merge";

const PATCH_TYPES = ["json", "merge", "strategic"] as const;
type PatchType = (typeof PATCH_TYPES)[number];

export const patchCommand: CommandImpl = {
  support: "partial",
  notes: "--local, --subresource and -k are not supported; --dry-run=client asks the server for the patched object without saving it.",
  run(ctx) {
    const inline = ctx.str("patch");
    const file = ctx.str("patch-file");
    if (inline && file) return ctx.fail("cannot specify --patch and --patch-file together");
    if (!inline && !file) return ctx.fail("must specify --patch or --patch-file containing the contents of the patch");
    const type = (ctx.str("type") || "strategic").toLowerCase();
    if (!(PATCH_TYPES as readonly string[]).includes(type)) return ctx.fail(`--type must be one of [${PATCH_TYPES.join(" ")}], not ${JSON.stringify(ctx.str("type"))}`);
    if (ctx.bool("local")) return ctx.fail("--local is not supported by this simulator yet");
    if (ctx.str("subresource")) return ctx.fail("--subresource is not supported by this simulator yet");
    if (ctx.str("kustomize")) return ctx.fail("-k (kustomize) is not supported by this simulator yet");
    const formatError = checkObjectOutputFormat(ctx.str("output"));
    if (formatError) return ctx.fail(formatError);
    const dry = getDryRun(ctx);
    if (!dry.ok) return ctx.fail(dry.error);

    let text = inline;
    if (file) {
      const read = ctx.io.fs.readFile(absolutePath(ctx.io.cwd, file));
      if (isFsError(read)) return ctx.fail(`unable to read patch file: open ${file}: no such file or directory`);
      text = read;
    }
    let body: unknown;
    try {
      // kubectl runs the patch through yaml.ToJSON, so YAML and JSON are both accepted.
      body = parse(text) ?? {};
    } catch (e) {
      const msg = (e instanceof Error ? e.message : String(e)).split("\n")[0];
      return ctx.fail(`unable to parse ${JSON.stringify(text)}: error converting YAML to JSON: yaml: ${msg}`);
    }

    if (ctx.args.length === 0 && ctx.list("filename").length === 0) {
      return ctx.fail("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
    }
    const targets = resolveTargets(ctx, ctx.args, { allowSelector: false });
    if (!targets.ok) return targets.code;
    // kubectl patch's printer never marks a dry run ("patched", not "patched (dry run)").
    const printer = new ResultPrinter(ctx.str("output"), "none", (t) => ctx.out(t), (t) => ctx.err(t));
    const client = ctx.client();
    let rc = 0;
    for (const m of targets.missing) rc = ctx.statusError(m.status);
    for (const { info, object } of targets.found) {
      const ns = info.namespaced ? object.metadata.namespace : undefined;
      const res = client.patch(info.resource, ns, object.metadata.name ?? "", type as PatchType, body, {
        dryRun: dry.value !== "none",
        fieldManager: ctx.str("field-manager") || "kubectl-patch",
      });
      if (!res.ok) {
        rc = ctx.statusError(res.status);
        continue;
      }
      for (const w of res.warnings ?? []) ctx.err(`Warning: ${w}\n`);
      const changed = !sameObject(object, res.value);
      if (!printer.print(res.value, changed ? "patched" : "patched (no change)")) rc = 1;
    }
    return rc;
  },
};

/** What kubectl's reflect.DeepEqual sees: a server dry run bumps nothing, a real no-op keeps resourceVersion. */
function sameObject(a: KubeObject, b: KubeObject): boolean {
  return sortedJson(a) === sortedJson(b);
}
