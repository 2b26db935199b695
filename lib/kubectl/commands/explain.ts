/**
 * `kubectl explain TYPE[.field...]`: the resource's schema as kubectl v1.32 renders the server's OpenAPI v3
 * (plaintext template), with field paths and --recursive.
 */
import type { CommandImpl } from "../command-types";
import { resolveResource } from "../resources";
import { explainDocument } from "../explain/explain-document";
import { renderPlaintext } from "../explain/render-plaintext";

export const explainCommand: CommandImpl = {
  support: "partial",
  notes:
    "Field types come from the simulator's schemas (fields it does not model are missing); descriptions only for the common fields. --output=plaintext-openapiv2 renders as plaintext.",
  run(ctx) {
    // v1.32 Validate returns plain errors here (not cobra usage errors): no "See 'kubectl explain -h'" line.
    if (ctx.args.length === 0) return ctx.fail('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
    if (ctx.args.length > 1) return ctx.fail("We accept only this format: explain RESOURCE");
    const [type, ...fields] = ctx.args[0].split(".");
    const r = resolveResource(ctx.discovery(), type);
    if (!r.ok) {
      ctx.err(`${r.error}\n`);
      return 1;
    }
    const info = r.info;
    ctx.out(`${info.group ? `GROUP:      ${info.group}\n` : ""}KIND:       ${info.kind}\nVERSION:    ${info.version}\n\n`);
    const result = renderPlaintext(explainDocument(info), fields, ctx.bool("recursive"));
    if (!result.ok) return ctx.fail(`field "${result.missingField}" does not exist`);
    ctx.out(result.text);
    return 0;
  },
};
