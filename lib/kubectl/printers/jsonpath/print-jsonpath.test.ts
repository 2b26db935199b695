import { describe, expect, it } from "vitest";
import golden from "../testing/jsonpath-golden.json";
import { PrinterError } from "../printer-error";
import { printJsonPath } from "./print-jsonpath";

interface GoldenCase {
  template: string;
  allow: boolean;
  stdout: string;
  stderr: string;
  rc: number;
}

/** What kubectl writes for a template: stdout, or `error: <message>` on stderr. */
function run(template: string, allow: boolean): { stdout: string; stderr: string } {
  try {
    return { stdout: printJsonPath(template, golden.object, { allowMissingKeys: allow }), stderr: "" };
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e;
    const msg = `error: ${e.message}`;
    return { stdout: "", stderr: msg.endsWith("\n") ? msg : msg + "\n" };
  }
}

describe("printJsonPath against real kubectl output", () => {
  it.each((golden.cases as GoldenCase[]).map((c) => [c.allow ? "" : "(missing keys fail)", c.template, c] as const))("%s %s", (_, template, c) => {
    expect(run(template, c.allow)).toEqual({ stdout: c.stdout, stderr: c.stderr });
  });
});

describe("printJsonPath details", () => {
  const cm = { apiVersion: "v1", data: { a: "80", b: "x" }, kind: "ConfigMap", metadata: { creationTimestamp: null, name: "x" } };
  it("missing keys print nothing by default, and fail with the debugging dump otherwise", () => {
    expect(printJsonPath("{.foo}", cm)).toBe("");
    expect(() => printJsonPath("{.foo}", cm, { allowMissingKeys: false })).toThrow(
      new PrinterError(
        'error executing jsonpath "{.foo}": Error executing template: foo is not found. Printing more information for debugging the template:\n' +
          "\ttemplate was:\n\t\t{.foo}\n" +
          '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "data":map[string]interface {}{"a":"80", "b":"x"}, "kind":"ConfigMap", "metadata":map[string]interface {}{"creationTimestamp":interface {}(nil), "name":"x"}}\n\n\n',
      ),
    );
  });
  it("null prints as null; maps as compact JSON; filters on maps fail with %v", () => {
    expect(printJsonPath("{.metadata.creationTimestamp}", cm)).toBe("null");
    expect(printJsonPath("{.data}", cm)).toBe('{"a":"80","b":"x"}');
    expect(() => printJsonPath('{.data[?(@=="x")]}', cm)).toThrow(/map\[a:80 b:x\] is not array or slice and cannot be filtered/);
    expect(() => printJsonPath("{.data.a,.data.b}", cm)).toThrow(new PrinterError("error parsing jsonpath {.data.a,.data.b}, unrecognized character in action: U+002C ','\n"));
  });
  it("filters compare integers of `get` output; a list of pods with range", () => {
    const list = {
      apiVersion: "v1",
      kind: "List",
      items: [
        { metadata: { name: "a" }, status: { conditions: [{ type: "Ready", status: "True" }], containerStatuses: [{ restartCount: 0 }] } },
        { metadata: { name: "b" }, status: { conditions: [{ type: "Ready", status: "False" }], containerStatuses: [{ restartCount: 4 }] } },
      ],
      metadata: { resourceVersion: "" },
    };
    expect(printJsonPath("{.items[*].metadata.name}", list)).toBe("a b");
    expect(printJsonPath('{range .items[*]}{.metadata.name}{"\\t"}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}', list)).toBe("a\tTrue\nb\tFalse\n");
    expect(printJsonPath("{.items[?(@.status.containerStatuses[0].restartCount>1)].metadata.name}", list)).toBe("b");
    expect(printJsonPath("{.items[-1:].metadata.name}", list)).toBe("b");
  });
  it("jsonpath-as-json prints each result set as an indented JSON array", () => {
    expect(printJsonPath("{.data.a}", cm, { asJson: true })).toBe('[\n    "80"\n]\n');
  });
});
