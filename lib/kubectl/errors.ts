/**
 * How kubectl turns errors into text (kubectl cmd/util/helpers.go checkErr, StandardErrorMessage, AddSourceToErr,
 * MultilineError). Every returned string ends in "\n".
 */
import type { Status } from "../cluster/index";

/**
 * The text for an API error. `source` (the -f file) and `verb` ("creating", "deleting", "replacing") wrap the
 * message as `error when creating "f.yaml": ...`, except for Invalid errors, which kubectl prints from the
 * details and so lose the file name.
 */
export function formatStatusError(status: Status, context?: { verb: string; source: string }): string {
  if (status.reason === "Invalid") {
    const d = status.details;
    if (!d) return ensureNewline(status.message ? `The request is invalid: ${status.message}` : "The request is invalid");
    let s = "The request is invalid";
    if (d.kind || d.name) s = `The ${d.kind ?? ""} ${JSON.stringify(d.name ?? "")} is invalid`;
    const causes = d.causes ?? [];
    if (causes.length === 0) return ensureNewline(s);
    const messages = causes.map((c) => (c.field ? `${c.field}: ${c.message ?? ""}` : (c.message ?? "")));
    if (messages.length === 1) return `${s}: ${messages[0]}\n`;
    return `${s}: \n${messages.map((m) => `* ${m}\n`).join("")}`;
  }
  const message = context ? `error when ${context.verb} ${JSON.stringify(context.source)}: ${status.message}` : status.message;
  if (status.reason === ("Unauthorized" as Status["reason"])) return `error: You must be logged in to the server (${status.message})\n`;
  if (status.reason) return `Error from server (${status.reason}): ${message}\n`;
  return `Error from server: ${message}\n`;
}

/** `error: <msg>` as CheckErr prints a plain error. */
export function plainError(message: string): string {
  return ensureNewline(message.startsWith("error: ") ? message : `error: ${message}`);
}

/** A usage error: `error: <msg>` plus `See 'kubectl <cmd> -h' for help and examples`. */
export function usageError(commandPath: readonly string[], message: string): string {
  return `error: ${message}\nSee '${["kubectl", ...commandPath].join(" ")} -h' for help and examples\n`;
}

/** A flag-parsing error: `error: <msg>` plus `See 'kubectl <cmd> --help' for usage.` */
export function flagError(commandPath: readonly string[], message: string): string {
  return `error: ${message}\nSee '${["kubectl", ...commandPath].join(" ")} --help' for usage.\n`;
}

export function ensureNewline(s: string): string {
  return s.endsWith("\n") ? s : `${s}\n`;
}
