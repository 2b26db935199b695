/**
 * Printing the result of a mutating verb (create, run, apply, expose, scale, label, ...) as kubectl's
 * PrintFlags do: `kind.group/name <operation>[ (dry run)]`, or the object with -o yaml|json|name|jsonpath.
 */
import type { KubeObject } from "../cluster/index";
import { kindDisplayName, printJsonPath, toKubectlJson, toKubectlYaml } from "./printers/index";

export type DryRun = "none" | "client" | "server";

const NON_TABLE_FORMATS = "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";

/** Checks -o for verbs that print objects (not tables); returns kubectl's error text or undefined. */
export function checkObjectOutputFormat(output: string): string | undefined {
  if (output === "") return undefined;
  const name = output.split("=")[0];
  if (["json", "yaml", "name", "jsonpath", "jsonpath-as-json"].includes(name)) return undefined;
  if (["go-template", "go-template-file", "template", "templatefile", "jsonpath-file"].includes(name)) {
    return `-o ${name} is not supported by this simulator yet`;
  }
  return `unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: ${NON_TABLE_FORMATS}`;
}

/** `deployment.apps/web` */
export function objectRef(obj: Pick<KubeObject, "apiVersion" | "kind" | "metadata">): string {
  return `${kindDisplayName(obj)}/${obj.metadata.name ?? ""}`;
}

/**
 * Text for one object of a mutating verb. `structOrder`: the object was built on the client in Go struct
 * order (generators), so -o json keeps that order instead of sorting.
 */
export function formatObjectResult(
  obj: KubeObject,
  operation: string,
  output: string,
  dryRun: DryRun,
  structOrder = false,
): { ok: true; text: string } | { ok: false; error: string } {
  const suffix = dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
  if (output === "") return { ok: true, text: `${objectRef(obj)} ${operation}${suffix}\n` };
  if (output === "name") return { ok: true, text: `${objectRef(obj)}\n` };
  if (output === "yaml") return { ok: true, text: toKubectlYaml(obj) };
  if (output === "json") return { ok: true, text: toKubectlJson(obj, { sortKeys: !structOrder }) };
  if (output.startsWith("jsonpath=") || output.startsWith("jsonpath-as-json=")) {
    try {
      const template = output.slice(output.indexOf("=") + 1);
      return { ok: true, text: printJsonPath(template, obj) };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }
  return { ok: false, error: checkObjectOutputFormat(output) ?? `unknown output format ${output}` };
}

/** Prints several results of one command; YAML documents after the first are preceded by `---` as kubectl does. */
export class ResultPrinter {
  private printedYaml = 0;

  constructor(
    private readonly output: string,
    private readonly dryRun: DryRun,
    private readonly write: (text: string) => void,
    private readonly writeErr: (text: string) => void,
  ) {}

  /** Returns false (after printing the error) when the output format failed. */
  print(obj: KubeObject, operation: string, structOrder = false): boolean {
    const res = formatObjectResult(obj, operation, this.output, this.dryRun, structOrder);
    if (!res.ok) {
      this.writeErr(res.error.startsWith("error: ") ? `${res.error}\n` : `error: ${res.error}\n`);
      return false;
    }
    if (this.output === "yaml" && this.printedYaml++ > 0) this.write("---\n");
    this.write(res.text);
    return true;
  }
}
