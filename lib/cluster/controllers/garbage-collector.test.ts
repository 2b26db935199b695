import { describe, expect, it } from "vitest";
import { createDeploymentController } from "./deployment/deployment-controller";
import { createGarbageCollector } from "./garbage-collector";
import { createReplicaSetController } from "./replica-set-controller";
import { deployment, replicaSet } from "./testing/builders";
import { FakeApi } from "./testing/fake-api";
import { runPods, settle } from "./testing/fake-kubelet";

function setup() {
  const api = new FakeApi();
  api.loop.register(createDeploymentController(api.context("deployment-controller")));
  api.loop.register(createReplicaSetController(api.context("replicaset-controller"), "ReplicaSet"));
  api.loop.register(createGarbageCollector(api.context("garbage-collector")));
  return { api, client: api.client() };
}

describe("garbage collector", () => {
  it("deletes the pods of a ReplicaSet deleted in the background (the default cascade)", () => {
    const { api, client } = setup();
    api.seed("replicasets", replicaSet("frontend", 3));
    settle(api);
    api.seed("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "bystander", namespace: "default" }, spec: { containers: [] } });
    client.delete("replicasets", "default", "frontend");
    settle(api);
    expect(api.all("pods", "default").map((p) => p.metadata.name)).toEqual(["bystander"]);
  });

  it("deletes a Deployment's ReplicaSets and their pods", () => {
    const { api, client } = setup();
    api.seed("deployments", deployment("web", 2));
    settle(api);
    client.delete("deployments", "default", "web");
    settle(api);
    expect(api.all("replicasets", "default")).toEqual([]);
    expect(api.all("pods", "default")).toEqual([]);
  });

  it("orphan: strips the ownerReferences, removes the finalizer, keeps the pods", () => {
    const { api, client } = setup();
    api.seed("replicasets", replicaSet("frontend", 2));
    settle(api);
    client.delete("replicasets", "default", "frontend", { propagationPolicy: "Orphan" });
    settle(api);
    expect(api.all("replicasets", "default")).toEqual([]);
    const pods = api.all("pods", "default");
    expect(pods).toHaveLength(2);
    expect(pods.every((p) => p.metadata.ownerReferences === undefined)).toBe(true);
  });

  it("foreground: the owner stays with its finalizer until its dependents are gone", () => {
    const { api, client } = setup();
    api.seed("deployments", deployment("web", 2));
    settle(api);
    api.gracefulPods = true;
    client.delete("deployments", "default", "web", { propagationPolicy: "Foreground" });
    api.loop.runUntilIdle();
    const d = client.get("deployments", "default", "web");
    expect(d.ok && d.value.metadata.finalizers).toEqual(["foregroundDeletion"]);
    const rs = api.all("replicasets", "default");
    expect(rs).toHaveLength(1);
    expect(rs[0].metadata.finalizers).toEqual(["foregroundDeletion"]);
    expect(api.all("pods", "default").every((p) => p.metadata.deletionTimestamp)).toBe(true);
    runPods(api); // kubelets confirm the pods are gone
    settle(api);
    expect(api.all("replicasets", "default")).toEqual([]);
    expect(client.get("deployments", "default", "web").ok).toBe(false);
  });

  it("deletes an object created with an owner that does not exist", () => {
    const { api } = setup();
    api.seed("pods", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "stray", namespace: "default", ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "gone", uid: "0000", controller: true }] },
      spec: { containers: [] },
    });
    api.loop.runUntilIdle();
    expect(api.all("pods", "default")).toEqual([]);
  });
});
