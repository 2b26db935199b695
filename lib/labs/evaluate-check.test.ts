import { describe, expect, it } from "vitest";
import { createCluster, type Cluster } from "../cluster/index";
import type { Check } from "./check-schema";
import { evaluateCheck } from "./evaluate-check";
import { createLabWorld } from "./lab-world";

function pod(name: string, image: string, labels: Record<string, string> = {}, cpu?: string) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels },
    spec: { containers: [{ name: "main", image, ...(cpu ? { resources: { requests: { cpu } } } : {}) }] },
  };
}

function cluster(): Cluster {
  return createCluster({ seed: 3, workers: [{ name: "node01", cpu: "2", memory: "4Gi" }] });
}

function check(c: Cluster, ch: Check, commands: string[] = []) {
  return evaluateCheck(createLabWorld(c, commands), ch);
}

describe("evaluateCheck", () => {
  it("exists / absent name the object and namespace", () => {
    const c = cluster();
    expect(check(c, { type: "exists", kind: "po", name: "web" })).toEqual({
      passed: false,
      title: "Pod web exists",
      explanation: 'there is no Pod named "web" in namespace default',
    });
    c.client().create("pods", "default", pod("web", "nginx"));
    expect(check(c, { type: "exists", kind: "pods", name: "web" }).passed).toBe(true);
    expect(check(c, { type: "absent", kind: "pod", name: "web" })).toMatchObject({ passed: false, explanation: 'Pod "web" still exists' });
  });

  it("field compares by path and says what it found", () => {
    const c = cluster();
    c.client().create("pods", "default", pod("web", "nginx:1.27"));
    expect(check(c, { type: "field", kind: "pod", name: "web", path: "spec.containers[0].image", equals: "nginx" })).toEqual({
      passed: false,
      title: "Pod web: spec.containers[0].image = nginx",
      explanation: "expected spec.containers[0].image of Pod web = nginx, but it is nginx:1.27",
    });
    expect(check(c, { type: "field", kind: "pod", name: "web", path: "spec.containers[*].image", matches: "^nginx" }).passed).toBe(true);
    expect(check(c, { type: "field", kind: "pod", name: "web", path: "spec.nodeSelector.disk", equals: "ssd" }).explanation).toBe(
      "expected spec.nodeSelector.disk of Pod web = ssd, but it is not set",
    );
  });

  it("podCount explains what the other pods are doing, with the scheduler's reason", () => {
    const c = cluster();
    const api = c.client();
    for (let i = 0; i < 3; i++) api.create("pods", "default", pod(`fe-${i}`, "nginx", { type: "front-end" }, "500m"));
    for (let i = 3; i < 6; i++) api.create("pods", "default", pod(`fe-${i}`, "nginx", { type: "front-end" }, "1500m"));
    c.advance(60_000);
    const r = check(c, { type: "podCount", selector: "type=front-end", phase: "Running", ready: true, equals: 6 });
    expect(r.passed).toBe(false);
    expect(r.title).toBe("6 Running and Ready pods with type=front-end");
    expect(r.explanation).toMatch(/^expected 6 Running and Ready pods with type=front-end, found 3 and 3 Pending \(0\/2 nodes are available: .*Insufficient cpu/);
  });

  it("fileManifest reads a host file as a manifest", () => {
    const c = cluster();
    const fs = c.fs("controlplane")!;
    fs.writeFile("/root/rs.yaml", "apiVersion: v1\nkind: ReplicaSet\nmetadata:\n  name: x\n");
    const ch: Check = { type: "fileManifest", path: "/root/rs.yaml", kind: "ReplicaSet", fields: { apiVersion: "apps/v1" } };
    expect(check(c, ch).explanation).toBe("/root/rs.yaml: expected apiVersion to be apps/v1, found v1");
    fs.writeFile("/root/rs.yaml", "apiVersion: apps/v1\nkind: ReplicaSet\n");
    expect(check(c, ch).passed).toBe(true);
    fs.writeFile("/root/rs.yaml", "kind: [\n");
    expect(check(c, ch).explanation).toMatch(/^\/root\/rs\.yaml is not valid YAML/);
    expect(check(c, { type: "fileManifest", path: "/root/none.yaml", kind: "Pod" }).explanation).toBe("/root/none.yaml does not exist on controlplane");
  });

  it("commandUsed looks at typed commands only when a task is about a command", () => {
    const c = cluster();
    const ch: Check = { type: "commandUsed", pattern: "kubectl scale", description: "Use kubectl scale" };
    expect(check(c, ch, ["kubectl edit rs x"]).explanation).toBe("this task asks you to use kubectl scale");
    expect(check(c, ch, ["kubectl scale rs x --replicas=3"]).passed).toBe(true);
  });

  it("never throws on a broken check", () => {
    const c = cluster();
    const r = check(c, { type: "field", kind: "pod", name: "x", path: "a", matches: "(" });
    expect(r.passed).toBe(false);
  });
});
