import { PrinterError } from "./printer-error";

/** A parsed `-o` value of `kubectl get`. Files (jsonpath-file, custom-columns-file) are read by the caller. */
export type OutputFormat =
  | { kind: "table"; wide: boolean }
  | { kind: "yaml" }
  | { kind: "json" }
  | { kind: "name" }
  | { kind: "jsonpath"; template: string; asJson: boolean }
  | { kind: "jsonpath-file"; path: string }
  | { kind: "custom-columns"; spec: string }
  | { kind: "custom-columns-file"; path: string };

const ALLOWED_GET =
  "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

/**
 * Parse `-o VALUE` for `kubectl get` ("" = the default table). Unknown formats throw PrinterError with
 * kubectl's message. (go-template is not simulated and is reported as unknown.)
 */
export function parseOutputFormat(value: string): OutputFormat {
  const eq = value.indexOf("=");
  const name = eq < 0 ? value : value.slice(0, eq);
  const arg = eq < 0 ? "" : value.slice(eq + 1);
  switch (name) {
    case "":
      return { kind: "table", wide: false };
    case "wide":
      if (eq < 0) return { kind: "table", wide: true };
      break;
    case "yaml":
    case "json":
    case "name":
      if (eq < 0) return { kind: name };
      break;
    case "jsonpath":
    case "jsonpath-as-json":
      if (arg === "") throw new PrinterError("template format specified but no template given");
      return { kind: "jsonpath", template: arg, asJson: name === "jsonpath-as-json" };
    case "jsonpath-file":
      if (arg === "") throw new PrinterError("template format specified but no template file given");
      return { kind: "jsonpath-file", path: arg };
    case "custom-columns":
      if (arg === "") throw new PrinterError("custom-columns format specified but no custom columns given");
      return { kind: "custom-columns", spec: arg };
    case "custom-columns-file":
      return { kind: "custom-columns-file", path: arg };
  }
  throw new PrinterError(`unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED_GET}`);
}
