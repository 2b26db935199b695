import { describe, expect, it } from "vitest";
import { parseCustomColumnsFile, parseCustomColumnsSpec, printCustomColumns } from "./custom-columns";
import { PrinterError } from "./printer-error";
import { NOW, transcriptPods } from "./testing/fixtures";
import { sortObjects, naturalLess } from "./sort-objects";
import { parseOutputFormat } from "./output-format";
import { noResourcesFound } from "./no-resources-found";

describe("custom-columns", () => {
  const pods = transcriptPods().filter((p) => ["nginx", "bigpod", "webapp"].includes(p.metadata.name!));
  it("prints a table with the given headers; <none> when a path finds nothing; several values joined by ,", () => {
    pods[2].spec = { nodeName: "node01", containers: [{ name: "a", image: "nginx" }, { name: "b", image: "busybox:1.36" }] };
    const cols = parseCustomColumnsSpec("NAME:.metadata.name,IP:status.podIP,IMAGES:{.spec.containers[*].image},NODE:{spec.nodeName}");
    expect(printCustomColumns(cols, pods)).toBe(
      [
        "NAME     IP           IMAGES               NODE",
        "bigpod   <none>       nginx                <none>",
        "nginx    10.244.1.4   nginx                node01",
        "webapp   10.244.1.6   nginx,busybox:1.36   node01",
        "",
      ].join("\n"),
    );
    expect(printCustomColumns(cols, [], {})).toBe("NAME   IP    IMAGES   NODE\n");
    expect(printCustomColumns(cols, pods.slice(1, 2), { noHeaders: true })).toBe("nginx   10.244.1.4   nginx   node01\n");
  });
  it("maps and lists print in Go's %v form", () => {
    const cols = parseCustomColumnsSpec("LABELS:.metadata.labels");
    expect(printCustomColumns(cols, pods.slice(1, 2))).toBe("LABELS\nmap[run:nginx]\n");
  });
  it("spec errors use kubectl's words", () => {
    expect(() => parseCustomColumnsSpec("")).toThrow(new PrinterError("custom-columns format specified but no custom columns given"));
    expect(() => parseCustomColumnsSpec("NAME")).toThrow(new PrinterError("unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>"));
    expect(() => parseCustomColumnsSpec("A:{.a}{.b}")).toThrow(/unexpected path string/);
  });
  it("custom-columns-file: a header line and a spec line", () => {
    expect(parseCustomColumnsFile("NAME   IMAGE\n.metadata.name   {.spec.containers[0].image}\n")).toEqual([
      { header: "NAME", fieldSpec: "{.metadata.name}" },
      { header: "IMAGE", fieldSpec: "{.spec.containers[0].image}" },
    ]);
    expect(() => parseCustomColumnsFile("NAME\n")).toThrow(/missing spec line/);
    expect(() => parseCustomColumnsFile("A B\n.a\n")).toThrow(new PrinterError("number of headers (2) and field specifications (1) don't match"));
  });
});

describe("sortObjects (--sort-by)", () => {
  const pods = transcriptPods();
  it("sorts by a string field naturally and by numbers", () => {
    const byAge = sortObjects(pods, ".metadata.creationTimestamp").map((p) => p.metadata.name);
    expect(byAge.slice(0, 2)).toEqual(["web-5d8f7b9c6d-2xv9k", "web-5d8f7b9c6d-kq8rt"]);
    expect(byAge[byAge.length - 1]).toBe("creating");
    const byRestarts = sortObjects(pods, "{.status.containerStatuses[0].restartCount}").map((p) => p.metadata.name);
    // bigpod has no container status: objects without the field come first.
    expect(byRestarts[0]).toBe("bigpod");
    expect(byRestarts.slice(-2)).toEqual(["webapp", "crashy"]);
  });
  it("natural order and quantities", () => {
    expect(naturalLess("pod-2", "pod-10")).toBe(true);
    expect(naturalLess("pod-10", "pod-2")).toBe(false);
    const objs = ["2Gi", "100m", "1"].map((q) => ({ apiVersion: "v1", kind: "X", metadata: { name: q }, q }));
    expect(sortObjects(objs, ".q").map((o) => o.q)).toEqual(["100m", "1", "2Gi"]);
  });
  it("fails when no object has the field", () => {
    expect(() => sortObjects(pods, ".metadata.nope")).toThrow(new PrinterError('couldn\'t find any field with path "{.metadata.nope}" in the list of objects'));
    expect(sortObjects([], ".metadata.nope")).toEqual([]);
  });
});

describe("parseOutputFormat and messages", () => {
  it("knows kubectl's formats", () => {
    expect(parseOutputFormat("")).toEqual({ kind: "table", wide: false });
    expect(parseOutputFormat("wide")).toEqual({ kind: "table", wide: true });
    expect(parseOutputFormat("jsonpath={.a}")).toEqual({ kind: "jsonpath", template: "{.a}", asJson: false });
    expect(parseOutputFormat("custom-columns=A:.a")).toEqual({ kind: "custom-columns", spec: "A:.a" });
    expect(() => parseOutputFormat("foo")).toThrow(
      new PrinterError(
        'unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
      ),
    );
  });
  it("No resources found", () => {
    expect(noResourcesFound("default")).toBe("No resources found in default namespace.\n");
    expect(noResourcesFound()).toBe("No resources found\n");
  });
  it("keeps NOW stable for the fixtures", () => {
    expect(new Date(NOW).toISOString()).toBe("2026-11-25T10:00:00.000Z");
  });
});
