import type { KubeObject } from "../../cluster/index";
import { goV } from "./jsonpath/go-format";
import { findJsonPathResults } from "./jsonpath/print-jsonpath";
import { parseJsonPath } from "./jsonpath/parse-jsonpath";
import { PrinterError } from "./printer-error";
import { relaxedJsonPathExpression } from "./relaxed-json-path";
import { TabWriter } from "./tab-writer";

export interface CustomColumn {
  header: string;
  /** A full template, e.g. `{.metadata.name}`. */
  fieldSpec: string;
}

function checked(columns: CustomColumn[]): CustomColumn[] {
  for (const c of columns) {
    try {
      parseJsonPath(c.fieldSpec);
    } catch (e) {
      throw new PrinterError((e as Error).message);
    }
  }
  return columns;
}

/** `-o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image` (errors as kubectl words them). */
export function parseCustomColumnsSpec(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new PrinterError("custom-columns format specified but no custom columns given");
  return checked(
    spec.split(",").map((part) => {
      const i = part.indexOf(":");
      if (i < 0) throw new PrinterError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
      return { header: part.slice(0, i), fieldSpec: relaxedJsonPathExpression(part.slice(i + 1)) };
    }),
  );
}

/** `-o custom-columns-file=F`: a header line and a spec line, both whitespace separated. */
export function parseCustomColumnsFile(text: string): CustomColumn[] {
  // bufio.Scanner lines: a final newline does not start another line.
  const lines = (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n").map((l) => l.replace(/\r$/, ""));
  const words = (l: string) => l.split(/\s+/).filter((w) => w !== "");
  const hint = "Expected format is one line of space separated headers, one line of space separated column specs.";
  if (text === "") throw new PrinterError(`invalid template, missing header line. ${hint}`);
  if (lines.length < 2) throw new PrinterError(`invalid template, missing spec line. ${hint}`);
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) throw new PrinterError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  return checked(headers.map((h, i) => ({ header: h, fieldSpec: relaxedJsonPathExpression(specs[i]) })));
}

/**
 * The custom-columns table for the objects (header even when there are none, as kubectl does; cells `<none>`
 * when a path finds nothing, several values joined by ",").
 */
export function printCustomColumns(columns: readonly CustomColumn[], objects: readonly KubeObject[], options: { noHeaders?: boolean } = {}): string {
  const w = new TabWriter();
  if (!options.noHeaders) w.writeRow(columns.map((c) => c.header));
  for (const o of objects) {
    w.writeRow(
      columns.map((c) => {
        const values = findJsonPathResults(c.fieldSpec, o);
        if (values.length === 0 || values[0].length === 0) return "<none>";
        return values.flat().map(goV).join(",");
      }),
    );
  }
  return w.flush();
}
