import { describe, expect, it } from "vitest";
import { asList } from "./list-and-name";
import { OUTPUT_CHUNK_CHARS } from "./output-chunks";
import { toKubectlJson, toKubectlJsonChunks } from "./to-kubectl-json";
import { toKubectlYaml, toKubectlYamlChunks } from "./to-kubectl-yaml";

/** 300 pods with long, partly non-ASCII annotations: a list far over one chunk either way it is printed. */
const pods = Array.from({ length: 300 }, (_, i) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: `web-${i}`, namespace: "default", annotations: { note: `${"é".repeat(40)} ${"x".repeat(200)}` } },
  spec: { containers: [{ name: "web", image: "nginx", ports: [{ containerPort: 80 }] }] },
}));
const list = asList(pods);

describe("printer output in pieces", () => {
  it("-o json: the pieces are the text of toKubectlJson, none far over the chunk size", () => {
    const chunks = toKubectlJsonChunks(list);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join("")).toBe(toKubectlJson(list));
    for (const c of chunks) expect(c.length).toBeLessThan(OUTPUT_CHUNK_CHARS + 2000);
    expect(chunks[0].startsWith('{\n    "apiVersion": "v1",\n    "items": [\n')).toBe(true);
    expect(chunks[chunks.length - 1].endsWith('    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n')).toBe(true);
  });

  it("-o yaml: the pieces are the text of toKubectlYaml, none far over the chunk size", () => {
    const chunks = toKubectlYamlChunks(list);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join("")).toBe(toKubectlYaml(list));
    for (const c of chunks) expect(c.length).toBeLessThan(OUTPUT_CHUNK_CHARS + 2000);
    expect(chunks[chunks.length - 1].endsWith("kind: List\nmetadata:\n  resourceVersion: \"\"\n")).toBe(true);
  });

  it("a small object is one piece", () => {
    expect(toKubectlJsonChunks({ a: 1 })).toEqual(['{\n    "a": 1\n}\n']);
    expect(toKubectlYamlChunks({ a: 1 })).toEqual(["a: 1\n"]);
  });
});
