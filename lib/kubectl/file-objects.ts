/**
 * `-f FILE|DIR|-` as every verb reads it (kubectl's resource builder with FilenameParam): the one place the
 * command flags (-R, --validate) meet readManifests, and the common start of the verbs that write files' objects.
 */
import type { KubectlContext } from "./context";
import { getDryRun } from "./dry-run";
import { readManifests, type ManifestItem, type ManifestResult } from "./manifests";
import { checkObjectOutputFormat, type DryRun, ResultPrinter } from "./output";
import { validateEnabled } from "./write-helpers";

/** The objects in the -f arguments, with -R and --validate applied. */
export function readFileObjects(ctx: KubectlContext, files: readonly string[]): ManifestResult {
  return readManifests({
    fs: ctx.io.fs,
    cwd: ctx.io.cwd,
    stdin: ctx.io.stdin,
    discovery: ctx.discovery(),
    filenames: files,
    recursive: ctx.bool("recursive"),
    validate: validateEnabled(ctx),
  });
}

export type FileWrite = { ok: true; dryRun: DryRun; items: ManifestItem[]; printer: ResultPrinter } | { ok: false; code: number };

/**
 * What apply, create and replace -f do before the first object: -o's format (`checkOutputFormat`), --dry-run,
 * then the files, then the printer.
 */
export function startFileWrite(ctx: KubectlContext, files: readonly string[], opts: { checkOutputFormat: boolean }): FileWrite {
  if (opts.checkOutputFormat) {
    const formatError = checkObjectOutputFormat(ctx.str("output"));
    if (formatError) return { ok: false, code: ctx.fail(formatError) };
  }
  const dry = getDryRun(ctx);
  if (!dry.ok) return { ok: false, code: ctx.fail(dry.error) };
  const read = readFileObjects(ctx, files);
  if (!read.ok) return { ok: false, code: ctx.fail(read.error) };
  const printer = new ResultPrinter(ctx.str("output"), dry.value, (t) => ctx.out(t), (t) => ctx.err(t));
  return { ok: true, dryRun: dry.value, items: read.items, printer };
}
