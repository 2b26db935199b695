import { PrinterError } from "../printer-error";
import { toKubectlJson } from "../to-kubectl-json";
import { JsonPathEngine, valueText } from "./eval-jsonpath";
import { goQuote, goSharpV } from "./go-format";
import { parseJsonPath } from "./parse-jsonpath";

export interface JsonPathOptions {
  /** `--allow-missing-template-keys` (default true): a missing field prints nothing instead of failing. */
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json`: all results as one indented JSON array. */
  asJson?: boolean;
}

/**
 * `-o jsonpath=TEMPLATE` over `data` (one object, or asList(objects) for several): the exact text kubectl prints,
 * with no trailing newline unless the template has one. Throws PrinterError with kubectl's message for parse and
 * execution errors (the message ends in newlines as kubectl's does; print `error: ${message}` as is).
 */
export function printJsonPath(template: string, data: unknown, options: JsonPathOptions = {}): string {
  let root;
  try {
    root = parseJsonPath(template);
  } catch (e) {
    throw new PrinterError(`error parsing jsonpath ${template}, ${(e as Error).message}\n`);
  }
  const engine = new JsonPathEngine(root, options.allowMissingKeys ?? true);
  let results: unknown[][];
  try {
    results = engine.findResults(data);
  } catch (e) {
    throw new PrinterError(
      `error executing jsonpath ${goQuote(template)}: Error executing template: ${(e as Error).message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${template}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n\n`,
    );
  }
  let out = "";
  for (const values of results) {
    if (options.asJson) {
      out += toKubectlJson(values);
      continue;
    }
    out += values.map(valueText).join(" ");
  }
  return out;
}

/** Evaluate a template and return the raw values (custom-columns and --sort-by read them). */
export function findJsonPathResults(template: string, data: unknown): unknown[][] {
  return new JsonPathEngine(parseJsonPath(template), true).findResults(data);
}
