import { describe, expect, it } from "vitest";
import { createGarbageCollector } from "./garbage-collector";
import { createNamespaceController } from "./namespace-controller";
import { createReplicaSetController } from "./replica-set-controller";
import { createRootCACertPublisher } from "./root-ca-cert-publisher";
import { createServiceAccountController } from "./service-account-controller";
import { FakeApi } from "./testing/fake-api";
import { runPods } from "./testing/fake-kubelet";
import type { Namespace } from "./util/objects";

function setup() {
  const api = new FakeApi();
  api.loop.register(createNamespaceController(api.context("namespace-controller")));
  api.loop.register(createServiceAccountController(api.context("serviceaccount-controller")));
  api.loop.register(createRootCACertPublisher(api.context("root-ca-cert-publisher"), "CA"));
  api.loop.register(createReplicaSetController(api.context("replicaset-controller"), "ReplicaSet"));
  api.loop.register(createGarbageCollector(api.context("garbage-collector")));
  return { api, client: api.client() };
}

const namespace = (name: string) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } });

describe("serviceaccount controller and root-ca-cert-publisher", () => {
  it("give every namespace a default ServiceAccount and kube-root-ca.crt, and restore them", () => {
    const { api, client } = setup();
    api.seed("namespaces", namespace("dev"));
    api.loop.runUntilIdle();
    expect(api.all("serviceaccounts", "dev").map((s) => s.metadata.name)).toEqual(["default"]);
    const cm = client.get("configmaps", "dev", "kube-root-ca.crt");
    expect(cm.ok && cm.value.data).toEqual({ "ca.crt": "CA" });
    expect(cm.ok && cm.value.metadata.annotations?.["kubernetes.io/description"]).toMatch(/^Contains a CA bundle/);
    client.delete("serviceaccounts", "dev", "default");
    client.delete("configmaps", "dev", "kube-root-ca.crt");
    api.loop.runUntilIdle();
    expect(api.all("serviceaccounts", "dev")).toHaveLength(1);
    expect(client.get("configmaps", "dev", "kube-root-ca.crt").ok).toBe(true);
  });
});

describe("namespace controller", () => {
  it("empties a terminating namespace, waits for its pods, then removes the kubernetes finalizer", () => {
    const { api, client } = setup();
    api.seed("namespaces", namespace("dev"));
    api.seed("replicasets", {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "web", namespace: "dev" },
      spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } },
    });
    api.loop.runUntilIdle();
    expect(api.all("pods", "dev")).toHaveLength(2);
    api.gracefulPods = true;
    client.delete("namespaces", undefined, "dev");
    api.loop.runUntilIdle();
    const ns = client.get("namespaces", undefined, "dev");
    expect(ns.ok).toBe(true);
    const status = (ns.ok ? (ns.value as Namespace).status : undefined)!;
    expect(status.phase).toBe("Terminating");
    expect(status.conditions?.find((c) => c.type === "NamespaceContentRemaining")).toMatchObject({
      status: "True",
      reason: "SomeResourcesRemain",
      message: "Some resources are remaining: pods. has 2 resource instances",
    });
    expect(api.all("replicasets", "dev")).toEqual([]);
    runPods(api);
    api.loop.runUntilIdle();
    expect(client.get("namespaces", undefined, "dev").ok).toBe(false);
  });
});
