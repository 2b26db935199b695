import { describe, expect, it } from "vitest";
import { asList, printName } from "./list-and-name";
import { toKubectlJson } from "./to-kubectl-json";

describe("toKubectlJson", () => {
  it("keeps struct order when asked (create priorityclass --dry-run=client -o json, real kubectl)", () => {
    const pc = {
      kind: "PriorityClass",
      apiVersion: "scheduling.k8s.io/v1",
      metadata: { name: "pc", creationTimestamp: null },
      value: 5,
      description: "wordword x y",
      preemptionPolicy: "PreemptLowerPriority",
    };
    expect(toKubectlJson(pc, { sortKeys: false })).toBe(
      `{
    "kind": "PriorityClass",
    "apiVersion": "scheduling.k8s.io/v1",
    "metadata": {
        "name": "pc",
        "creationTimestamp": null
    },
    "value": 5,
    "description": "wordword x y",
    "preemptionPolicy": "PreemptLowerPriority"
}
`,
    );
  });

  it("sorts keys by default (get decodes into maps), empty collections stay on one line", () => {
    expect(toKubectlJson(asList([]))).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
    expect(toKubectlJson({ b: {}, a: [1, "x"] })).toBe('{\n    "a": [\n        1,\n        "x"\n    ],\n    "b": {}\n}\n');
  });

  it("escapes like Go's encoder (HTML-safe)", () => {
    expect(toKubectlJson({ m: "<a & b>\n\t\"q\"\u2028" })).toBe('{\n    "m": "\\u003ca \\u0026 b\\u003e\\n\\t\\"q\\"\\u2028"\n}\n');
  });
});

describe("printName", () => {
  it("kind[.group]/name", () => {
    expect(printName({ apiVersion: "v1", kind: "Pod", metadata: { name: "nginx" } })).toBe("pod/nginx\n");
    expect(printName({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" } })).toBe("deployment.apps/web\n");
    expect(printName({ apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "x" } }, "created")).toBe("replicaset.apps/x created\n");
  });
});
