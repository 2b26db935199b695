import { describe, it, expect } from "vitest";
import type { KubeObject, WatchEvent } from "../api/types";
import { newTestApiServer } from "../testing/new-test-cluster";
import { podManifest } from "../testing/builders";

function ok<T>(r: { ok: true; value: T } | { ok: false; status: { message: string } }): T {
  if (!r.ok) throw new Error(`expected success, got: ${r.status.message}`);
  return r.value;
}

describe("a watch with fieldSelector spec.nodeName (a kubelet's)", () => {
  it("sees only its node's pods, a bind as ADDED and a move away as DELETED", () => {
    const { client } = newTestApiServer();
    const seen: string[] = [];
    client.watch("pods", undefined, { fieldSelector: "spec.nodeName=node01" }, (e: WatchEvent) => seen.push(`${e.type} ${e.object.metadata.name}`));
    ok(client.create("pods", "default", podManifest("mine", { nodeName: "node01" })));
    ok(client.create("pods", "default", podManifest("theirs", { nodeName: "node02" })));
    const pending = ok(client.create("pods", "default", podManifest("pending")));
    ok(client.bind("default", "pending", "node01"));
    const theirs = ok(client.get("pods", "default", "theirs"));
    ok(client.updateStatus("pods", "default", "theirs", { ...theirs, status: { phase: "Running" } }));
    ok(client.delete("pods", "default", "mine", { gracePeriodSeconds: 0 }));
    expect(pending.spec).not.toHaveProperty("nodeName");
    expect(seen).toEqual(["ADDED mine", "ADDED pending", "DELETED mine"]);
  });
});

describe("status updates that send the stored object back", () => {
  it("store the new status, keep spec and metadata, and bump the resourceVersion", () => {
    const { client } = newTestApiServer();
    const pod = ok(client.create("pods", "default", podManifest("web", { nodeName: "node01" })));
    const next = ok(client.updateStatus("pods", "default", "web", { ...pod, status: { phase: "Running", podIP: "10.244.1.5" } }));
    expect(next.status).toEqual({ phase: "Running", podIP: "10.244.1.5" });
    expect(next.spec).toEqual(pod.spec);
    expect(Number(next.metadata.resourceVersion)).toBeGreaterThan(Number(pod.metadata.resourceVersion));
    expect(Object.isFrozen(next.metadata)).toBe(true);
    expect(pod.metadata.resourceVersion).not.toBe(next.metadata.resourceVersion);
  });

  it("decode the status exactly as a copied body would: same rejections, same stored result", () => {
    for (const status of [{ phase: "Running" }, { conditions: "nope" }, "nope", { phase: "Running", bogus: 1 }] as unknown[]) {
      const a = newTestApiServer();
      const b = newTestApiServer();
      const podA = ok(a.client.create("pods", "default", podManifest("web")));
      const podB = ok(b.client.create("pods", "default", podManifest("web")));
      const shared = a.client.updateStatus("pods", "default", "web", { ...podA, status });
      const copied = b.client.updateStatus("pods", "default", "web", { ...(JSON.parse(JSON.stringify(podB)) as KubeObject), status });
      expect(shared).toEqual(copied);
    }
    const { client } = newTestApiServer();
    const pod = ok(client.create("pods", "default", podManifest("web")));
    const bad = client.updateStatus("pods", "default", "web", { ...pod, status: "nope" });
    expect(bad.ok).toBe(false);
  });
});
