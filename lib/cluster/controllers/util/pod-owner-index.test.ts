import { describe, it, expect } from "vitest";
import type { KubeObject, WatchEventType } from "../../api/types";
import { PodOwnerIndex } from "./pod-owner-index";

function pod(name: string, ownerUid?: string, namespace = "default"): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, ...(ownerUid ? { ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: ownerUid, controller: true }] } : {}) },
    spec: { containers: [] },
  };
}

const names = (pods: KubeObject[]) => pods.map((p) => p.metadata.name);

describe("PodOwnerIndex", () => {
  it("hands a controller its own pods and the namespace's orphans in list (name) order", () => {
    const index = new PodOwnerIndex();
    const apply = (type: WatchEventType, object: KubeObject) => index.apply({ type, object });
    apply("ADDED", pod("web-c", "rs-1"));
    apply("ADDED", pod("stray-b"));
    apply("ADDED", pod("web-a", "rs-1"));
    apply("ADDED", pod("other-a", "rs-2"));
    apply("ADDED", pod("web-z", "rs-1", "prod"));
    apply("ADDED", pod("zzz"));
    expect(names(index.candidates("default", "rs-1"))).toEqual(["stray-b", "web-a", "web-c", "zzz"]);
    expect(names(index.candidates("default", "rs-2"))).toEqual(["other-a", "stray-b", "zzz"]);
    expect(names(index.candidates("prod", "rs-1"))).toEqual(["web-z"]);

    // Adopted, released and deleted pods move between the buckets.
    apply("MODIFIED", pod("stray-b", "rs-2"));
    apply("MODIFIED", pod("web-c"));
    apply("DELETED", pod("zzz"));
    expect(names(index.candidates("default", "rs-1"))).toEqual(["web-a", "web-c"]);
    expect(names(index.candidates("default", "rs-2"))).toEqual(["other-a", "stray-b", "web-c"]);
  });

  it("returns the latest version of a modified pod", () => {
    const index = new PodOwnerIndex();
    index.apply({ type: "ADDED", object: pod("web-a", "rs-1") });
    const running = { ...pod("web-a", "rs-1"), status: { phase: "Running" } };
    index.apply({ type: "MODIFIED", object: running });
    expect(index.candidates("default", "rs-1")).toEqual([running]);
  });
});
